// Remembers which notifications were already taken, so a sender's retry is acknowledged without
// being published again. Async so the Redis store (redisDedupe.ts, `SET key 1 NX PX ttl`, REDIS_URL)
// shares the memory between gateway instances; this file holds the in-memory one.

export interface DedupeStore {
  /**
   * Records `key` and resolves true when it was not already recorded (or its record expired);
   * resolves false for a duplicate. Atomic: of two concurrent claims of one key, one wins.
   */
  claim(key: string): Promise<boolean>;
  /** Lets go of what the store holds (connections). */
  close?(): Promise<void>;
}

export interface MemoryDedupeOptions {
  /** How long a key is remembered, in ms (default 24 h: Mercado Pago and Mercado Libre retry for hours). */
  ttlMs?: number;
  /** Keys kept at most; past it the oldest are forgotten first (default 100,000). */
  maxEntries?: number;
  /** Clock in epoch ms; tests inject one. */
  now?: () => number;
}

export const DEFAULT_DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_DEDUPE_MAX_ENTRIES = 100_000;

/**
 * In memory, per process. Every key lives the same TTL, so insertion order is expiry order: a
 * claim drops expired keys from the front, and when full drops the oldest live one. Memory is
 * bounded by `maxEntries` whatever arrives; a flood of distinct keys can push out a key before
 * its TTL, in which case a late retry of it is published again (consumers re-read the resource,
 * so a second event costs a read, not a wrong answer).
 */
export class MemoryDedupeStore implements DedupeStore {
  private readonly expiries = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemoryDedupeOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_DEDUPE_TTL_MS;
    this.maxEntries = options.maxEntries ?? DEFAULT_DEDUPE_MAX_ENTRIES;
    this.now = options.now ?? (() => Date.now());
    if (!(this.ttlMs > 0)) throw new RangeError(`ttlMs must be a positive number, got ${String(options.ttlMs)}`);
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1)
      throw new RangeError(`maxEntries must be a positive integer, got ${String(options.maxEntries)}`);
  }

  /** Keys currently remembered (expired ones may linger until the next claim). */
  get size(): number {
    return this.expiries.size;
  }

  async claim(key: string): Promise<boolean> {
    const now = this.now();
    this.sweep(now);
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) return false;
    // Re-insert so the key moves to the back of the insertion (= expiry) order.
    this.expiries.delete(key);
    while (this.expiries.size >= this.maxEntries) this.expiries.delete(this.expiries.keys().next().value as string);
    this.expiries.set(key, now + this.ttlMs);
    return true;
  }

  private sweep(now: number): void {
    for (const [key, expiry] of this.expiries) {
      if (expiry > now) return;
      this.expiries.delete(key);
    }
  }
}
