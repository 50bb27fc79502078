// The dedupe store on Redis (REDIS_URL), shared by every gateway process: a claim is one
// `SET <prefix><key> 1 NX PX <ttl>`, so of any number of gateways taking the same notification
// exactly one is told "new". Each claim is bounded (commandTimeoutMs; the first one also waits at
// most connectTimeoutMs for the first connection) and never re-sent later.
//
// When Redis cannot answer, the webhook must still be taken by the gateway it reached: the claim
// falls back to an in-process MemoryDedupeStore. Then two gateways may both publish one
// notification (each remembers it only for itself). That is a second "re-read this" signal, which
// costs consumers a read, never a wrong answer; refusing the webhook instead would make the sender
// retry into the same outage. One warning is logged per outage, not per claim. After Redis returns,
// keys taken during the outage are still found in the in-process memory, so a retry of one is not
// published again by this gateway.
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../lib/logger';
import { DEFAULT_DEDUPE_TTL_MS, MemoryDedupeStore, type DedupeStore } from './dedupe';

export interface RedisDedupeOptions {
  /** Put before every key (default `mpgraph:dedupe:v1:`). */
  keyPrefix?: string;
  /** How long a key is remembered, in ms (default 24 h, as the memory store). */
  ttlMs?: number;
  /** Longest wait for one reply, in ms (default 1,000); past it the claim falls back to memory. */
  commandTimeoutMs?: number;
  /** Longest wait for the first connection, in ms (default 2,000). */
  connectTimeoutMs?: number;
}

export const DEFAULT_DEDUPE_KEY_PREFIX = 'mpgraph:dedupe:v1:';
export const DEFAULT_DEDUPE_COMMAND_TIMEOUT_MS = 1_000;
export const DEFAULT_DEDUPE_CONNECT_TIMEOUT_MS = 2_000;

const checkPositive = (name: string, value: number): number => {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer of ms`);
  return value;
};

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class RedisDedupeStore implements DedupeStore {
  private readonly redis: Redis;
  private readonly keyPrefix: string;
  private readonly ttlMs: number;
  private readonly connectTimeoutMs: number;
  /** Claims made while Redis could not answer, remembered for this process only. */
  private readonly fallback: MemoryDedupeStore;
  private fallbackUsed = false;
  /** True from the first failed claim of an outage to the first answered one. */
  private degraded = false;
  private firstConnection: Promise<void> | null = null;
  /** Connected once: from then on, not ready means down. */
  private wasReady = false;
  private lastError: Error | null = null;
  private closed = false;

  /** Connects at once. `redisUrl`: `redis://[user:password@]host[:port][/db]` or `rediss://`. */
  constructor(
    redisUrl: string,
    private readonly log: Logger,
    options: RedisDedupeOptions = {},
  ) {
    this.keyPrefix = options.keyPrefix ?? DEFAULT_DEDUPE_KEY_PREFIX;
    this.ttlMs = checkPositive('ttlMs', options.ttlMs ?? DEFAULT_DEDUPE_TTL_MS);
    const commandTimeoutMs = checkPositive(
      'commandTimeoutMs',
      options.commandTimeoutMs ?? DEFAULT_DEDUPE_COMMAND_TIMEOUT_MS,
    );
    this.connectTimeoutMs = checkPositive(
      'connectTimeoutMs',
      options.connectTimeoutMs ?? DEFAULT_DEDUPE_CONNECT_TIMEOUT_MS,
    );
    this.fallback = new MemoryDedupeStore({ ttlMs: this.ttlMs });
    const redisOptions: RedisOptions = {
      connectTimeout: this.connectTimeoutMs,
      commandTimeout: commandTimeoutMs,
      // No queue while disconnected, nothing re-sent after a reconnect: a claim answers now or falls back.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      retryStrategy: (times) => Math.min(times * 100, 1_000),
      disconnectTimeout: commandTimeoutMs,
      connectionName: 'mpgraph-dedupe',
    };
    this.redis = new Redis(redisUrl, redisOptions);
    // Every connection error lands here (ioredis would print it otherwise); claims report outages.
    this.redis.on('error', (err: Error) => {
      this.lastError = err;
    });
    this.redis.on('ready', () => {
      this.wasReady = true;
    });
  }

  async claim(key: string): Promise<boolean> {
    if (this.closed) return this.fallBack(key, new Error('the Redis dedupe store is closed'));
    try {
      await this.connected();
      const reply = await this.redis.set(`${this.keyPrefix}${key}`, '1', 'PX', this.ttlMs, 'NX');
      if (this.degraded) {
        this.degraded = false;
        this.log.info('notification dedupe: Redis answers again, claims are shared between gateways');
      }
      if (reply !== 'OK') return false;
      // Taken by this gateway while Redis was away: a retry of it is a duplicate here.
      if (this.fallbackUsed && !(await this.fallback.claim(key))) return false;
      return true;
    } catch (err) {
      return this.fallBack(key, err);
    }
  }

  /** Quits politely when connected (bounded by the command timeout), then drops the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.redis.status === 'ready') await this.redis.quit();
    } catch {
      // Closing anyway.
    } finally {
      this.redis.disconnect();
    }
  }

  private fallBack(key: string, err: unknown): Promise<boolean> {
    if (!this.degraded && !this.closed) {
      this.degraded = true;
      this.log.warn(
        'notification dedupe: Redis does not answer, claims are kept in this process until it does ' +
          '(another gateway may publish the same notification once more)',
        { error: messageOf(err) },
      );
    }
    this.fallbackUsed = true;
    return this.fallback.claim(key);
  }

  /**
   * Ready, or the first connection within connectTimeoutMs. Once connected, a lost connection fails
   * the claim at once (no queue): the claim falls back rather than wait for the reconnection.
   */
  private connected(): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    if (this.wasReady) return Promise.reject(new Error(`Redis is ${this.redis.status}`));
    this.firstConnection ??= new Promise<void>((resolve, reject) => {
      const onReady = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.redis.off('ready', onReady);
        const why = this.lastError ? `: ${this.lastError.message}` : '';
        reject(new Error(`no connection to Redis within ${this.connectTimeoutMs} ms${why}`));
      }, this.connectTimeoutMs);
      this.redis.once('ready', onReady);
    });
    return this.firstConnection;
  }
}
