// Where idempotency records live: one record per scope (a caller's key for one operation), holding
// the fingerprint of the input that first claimed it. A record is in progress while a call holds it
// (under a ticket, locked for lockMs), done once that call stored its outcome, and unknown when the
// attempt ended without a known outcome: a timeout, a lost answer, a crash (its lock lapsed). An
// unknown record is never forgotten before retainMs: the same input may try again (the write may
// have reached upstream, so the retry sends the same upstream key), other input is refused
// (docs/architecture.md, "The life of a mutation"). Async so the Redis store (redis.ts, REDIS_URL)
// can share records between gateway processes; this file holds the interface and the in-memory store.
import { randomUUID } from 'node:crypto';

export type ClaimResult =
  /**
   * This call holds the record now, under `ticket`. `retry`: an earlier attempt with the same input
   * ended without a known outcome, so the write may already have reached upstream.
   */
  | { status: 'claimed'; ticket: string; retry: boolean }
  /** Another call holds the record and has not finished. */
  | { status: 'in_progress'; fingerprint: string }
  /** A call finished: its stored outcome (JSON text). */
  | { status: 'done'; fingerprint: string; outcome: string }
  /** An attempt with `fingerprint` (another input: the same one would have been claimed) ended unknown. */
  | { status: 'unknown'; fingerprint: string };

export interface IdempotencyStore {
  /**
   * Atomically: no record → a new one, in progress under a new ticket, locked `lockMs` and kept
   * `retainMs`. Done → its outcome. In progress and locked → in_progress. Unknown (abandoned, or
   * its lock lapsed) → claimed again (`retry`) for the same fingerprint, `unknown` for another.
   */
  claim(scope: string, fingerprint: string, lockMs: number, retainMs: number): Promise<ClaimResult>;
  /**
   * Stores the outcome if `ticket` still holds the record (compare-and-set), and keeps it
   * `retainMs`. False when another call took the record over after this one's lock lapsed.
   */
  complete(scope: string, ticket: string, outcome: string, retainMs: number): Promise<boolean>;
  /** The holder's attempt ended without a known outcome: the record stays, unknown, with its fingerprint. */
  abandon(scope: string, ticket: string): Promise<void>;
  /**
   * Counts one more use of `counter` when fewer than `max` were counted, atomically (two processes
   * racing for the last one: one gets it). The count lives `retainMs` from its first use. For limits
   * on attempts that outlive a request and a process, such as a checkout's payment attempts.
   */
  take(counter: string, max: number, retainMs: number): Promise<{ taken: boolean; count: number }>;
  close(): Promise<void>;
}

/**
 * The store could not answer (Redis down, slow, or closed). Never means "no record": a caller that
 * gets it must not run the write (the mutation answers UPSTREAM_UNAVAILABLE).
 */
export class IdempotencyStoreError extends Error {
  override readonly name = 'IdempotencyStoreError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Lifetimes reach Redis as `PX` (a positive integer of ms): the memory store refuses the same values. */
export const checkMs = (name: string, ms: number): void => {
  if (!Number.isSafeInteger(ms) || ms < 1)
    throw new RangeError(`${name} must be a positive integer of milliseconds, got ${String(ms)}`);
};

export const checkScope = (scope: string): void => {
  if (typeof scope !== 'string' || scope === '')
    throw new TypeError(`scope must be a non-empty string, got ${JSON.stringify(scope)}`);
};

export interface MemoryIdempotencyOptions {
  /** Clock in epoch ms; tests inject one. */
  now?: () => number;
  /** Records kept at most; past it the oldest written are forgotten first (default 100,000). */
  maxEntries?: number;
}

export const DEFAULT_IDEMPOTENCY_MAX_ENTRIES = 100_000;

/** Expired records are dropped on access, and all at once at most this often. */
const SWEEP_INTERVAL_MS = 60_000;

interface MemoryRecord {
  fingerprint: string;
  state: 'in_progress' | 'done' | 'unknown';
  /** The holder's ticket while in progress. */
  ticket: string | null;
  /** While in progress: the epoch ms the lock lapses at. */
  lockedUntil: number;
  /** Once done. */
  outcome: string | null;
  expiresAt: number;
}

/**
 * In memory, per process: right for one gateway (the default); several gateways need the Redis
 * store, or each keeps its own records and a retry landing on another one runs again (Mercado Pago
 * still de-duplicates on the upstream key). Every method does its work before its first `await`,
 * so a claim is atomic within the process. Memory is bounded by `maxEntries`: a flood of distinct
 * keys can push out the oldest record before its time, and a late retry of it then runs again
 * with the same upstream key.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, MemoryRecord>();
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();
  private readonly maxEntries: number;
  private readonly now: () => number;
  private nextSweepAt: number;

  constructor(options: MemoryIdempotencyOptions = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_IDEMPOTENCY_MAX_ENTRIES;
    this.now = options.now ?? (() => Date.now());
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1)
      throw new RangeError(`maxEntries must be a positive integer, got ${String(options.maxEntries)}`);
    this.nextSweepAt = this.now() + SWEEP_INTERVAL_MS;
  }

  /** Records currently kept (expired ones may linger until the next sweep). */
  get size(): number {
    return this.records.size;
  }

  async claim(scope: string, fingerprint: string, lockMs: number, retainMs: number): Promise<ClaimResult> {
    checkScope(scope);
    checkMs('lockMs', lockMs);
    checkMs('retainMs', retainMs);
    const now = this.now();
    this.sweepIfDue(now);
    const record = this.live(scope, now);
    if (record?.state === 'done') return { status: 'done', fingerprint: record.fingerprint, outcome: record.outcome! };
    if (record?.state === 'in_progress' && record.lockedUntil > now) {
      return { status: 'in_progress', fingerprint: record.fingerprint };
    }
    if (record && record.fingerprint !== fingerprint) return { status: 'unknown', fingerprint: record.fingerprint };
    const ticket = randomUUID();
    const held = { state: 'in_progress' as const, ticket, lockedUntil: now + lockMs, outcome: null };
    this.write(scope, { fingerprint, ...held, expiresAt: now + retainMs }, now);
    return { status: 'claimed', ticket, retry: record !== undefined };
  }

  async complete(scope: string, ticket: string, outcome: string, retainMs: number): Promise<boolean> {
    checkScope(scope);
    checkMs('retainMs', retainMs);
    const now = this.now();
    const record = this.live(scope, now);
    if (!record || record.state !== 'in_progress' || record.ticket !== ticket) return false;
    const done = { state: 'done' as const, ticket: null, lockedUntil: 0, outcome, expiresAt: now + retainMs };
    this.write(scope, { fingerprint: record.fingerprint, ...done }, now);
    return true;
  }

  async abandon(scope: string, ticket: string): Promise<void> {
    checkScope(scope);
    const record = this.live(scope, this.now());
    if (record && record.state === 'in_progress' && record.ticket === ticket) {
      Object.assign(record, { state: 'unknown', ticket: null, lockedUntil: 0 });
    }
  }

  async take(counter: string, max: number, retainMs: number): Promise<{ taken: boolean; count: number }> {
    checkScope(counter);
    checkMs('retainMs', retainMs);
    const now = this.now();
    const held = this.counters.get(counter);
    const live = held && held.expiresAt > now ? held : { count: 0, expiresAt: now + retainMs };
    if (live.count >= max) return { taken: false, count: live.count };
    live.count += 1;
    this.counters.delete(counter);
    while (this.counters.size >= this.maxEntries) this.counters.delete(this.counters.keys().next().value as string);
    this.counters.set(counter, live);
    return { taken: true, count: live.count };
  }

  async close(): Promise<void> {
    this.records.clear();
    this.counters.clear();
  }

  private live(scope: string, now: number): MemoryRecord | undefined {
    const record = this.records.get(scope);
    if (record === undefined) return undefined;
    if (record.expiresAt > now) return record;
    this.records.delete(scope);
    return undefined;
  }

  /** Re-inserts, so insertion order is write order and the oldest written goes first when full. */
  private write(scope: string, record: MemoryRecord, now: number): void {
    this.records.delete(scope);
    // Full: drop what has expired if a sweep is due (a sweep per write would cost O(n) under a
    // flood), then the oldest written, expired or not.
    if (this.records.size >= this.maxEntries) this.sweepIfDue(now);
    while (this.records.size >= this.maxEntries) this.records.delete(this.records.keys().next().value as string);
    this.records.set(scope, record);
  }

  private sweepIfDue(now: number): void {
    if (now >= this.nextSweepAt) this.sweep(now);
  }

  private sweep(now: number): void {
    this.nextSweepAt = now + SWEEP_INTERVAL_MS;
    for (const [scope, record] of this.records) if (record.expiresAt <= now) this.records.delete(scope);
  }
}
