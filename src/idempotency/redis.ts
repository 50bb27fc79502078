// The idempotency store on Redis (REDIS_URL), shared by every gateway process: a claim is one
// `SET NX PX`, completing and releasing are compare-and-sets in Lua, so of any number of processes
// racing on one key exactly one runs the write. Every key carries a TTL.
//
// ioredis's defaults suit a cache, not a lock: commands wait in an offline queue for as long as
// Redis is away, with no command timeout, and are re-sent after a reconnect. Here every call is
// bounded (no connection within connectTimeoutMs, or no reply within commandTimeoutMs, is an
// IdempotencyStoreError) and nothing is re-sent later behind the caller's back: a claim that
// timed out must not land minutes afterwards.
import { Redis, type RedisOptions } from 'ioredis';
import { checkMs, checkScope, IdempotencyStoreError, type ClaimResult, type IdempotencyStore } from './store';

export interface RedisIdempotencyOptions {
  /** Put before every scope (default `mpgraph:idem:`). */
  keyPrefix?: string;
  /** Longest wait for one command's reply, in ms (default 1,000). */
  commandTimeoutMs?: number;
  /** Longest wait for a connection, in ms, first or after Redis went away (default 2,000). */
  connectTimeoutMs?: number;
}

export const DEFAULT_REDIS_KEY_PREFIX = 'mpgraph:idem:';
export const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 1_000;
export const DEFAULT_REDIS_CONNECT_TIMEOUT_MS = 2_000;

// Records are JSON arrays: ["in_progress", fingerprint] and ["done", fingerprint, outcome]. The
// scripts compare the in-progress record as a whole string, so they need no JSON in Lua.
const inProgress = (fingerprint: string): string => JSON.stringify(['in_progress', fingerprint]);
const done = (fingerprint: string, outcome: string): string => JSON.stringify(['done', fingerprint, outcome]);

const SCRIPTS = {
  // KEYS[1] scope; ARGV[1] in-progress record; ARGV[2] lock ms. '' = claimed, else the record
  // found. One script rather than SET NX then GET, so a record cannot vanish in between.
  idemClaim: {
    numberOfKeys: 1,
    lua: `if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return '' end
return redis.call('GET', KEYS[1])`,
  },
  // KEYS[1] scope; ARGV[1] the in-progress record this call holds; ARGV[2] done record; ARGV[3]
  // retain ms. 1 = stored; 0 = the claim was lost (expired, maybe retaken by other input).
  idemComplete: {
    numberOfKeys: 1,
    lua: `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`,
  },
  // KEYS[1] scope; ARGV[1] the in-progress record this call holds. Deletes only that.
  idemRelease: {
    numberOfKeys: 1,
    lua: `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])`,
  },
} as const;

/** The commands `scripts` defines on the client (EVALSHA, falling back to EVAL once per script). */
interface ScriptCommands {
  idemClaim(key: string, record: string, lockMs: string): Promise<string | null>;
  idemComplete(key: string, held: string, record: string, retainMs: string): Promise<number>;
  idemRelease(key: string, held: string): Promise<number>;
}

const positive = (name: string, value: number | undefined, fallback: number): number => {
  const ms = value ?? fallback;
  checkMs(name, ms);
  return ms;
};

export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly redis: Redis & ScriptCommands;
  private readonly keyPrefix: string;
  private readonly commandTimeoutMs: number;
  private readonly connectTimeoutMs: number;
  private lastError: Error | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;

  /** Connects on first use. `redisUrl`: `redis://[user:password@]host[:port][/db]` or `rediss://`. */
  constructor(redisUrl: string, options: RedisIdempotencyOptions = {}) {
    this.keyPrefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
    this.commandTimeoutMs = positive('commandTimeoutMs', options.commandTimeoutMs, DEFAULT_REDIS_COMMAND_TIMEOUT_MS);
    this.connectTimeoutMs = positive('connectTimeoutMs', options.connectTimeoutMs, DEFAULT_REDIS_CONNECT_TIMEOUT_MS);
    const redisOptions: RedisOptions = {
      lazyConnect: true,
      connectTimeout: this.connectTimeoutMs,
      commandTimeout: this.commandTimeoutMs,
      // No queue while disconnected: a call waits for the connection itself, bounded (ready()).
      enableOfflineQueue: false,
      // A connection lost under a command fails it at once; the mutation decides about retrying.
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      // Keep reconnecting, quickly: the store is needed again as soon as Redis is back.
      retryStrategy: (times) => Math.min(times * 100, 1_000),
      // close() destroys a socket that has not closed after this long (ioredis waits 2 s).
      disconnectTimeout: this.commandTimeoutMs,
      connectionName: 'mpgraph-idempotency',
      scripts: SCRIPTS,
    };
    this.redis = new Redis(redisUrl, redisOptions) as Redis & ScriptCommands;
    // Without a listener ioredis prints every connection error; the last one explains a failure.
    this.redis.on('error', (err: Error) => {
      this.lastError = err;
    });
  }

  async claim(scope: string, fingerprint: string, lockMs: number): Promise<ClaimResult> {
    checkScope(scope);
    checkMs('lockMs', lockMs);
    const found = await this.call('claim', () =>
      this.redis.idemClaim(this.key(scope), inProgress(fingerprint), String(lockMs)),
    );
    if (found === '' || found === null) return { status: 'claimed' };
    return parseRecord(found);
  }

  async complete(scope: string, fingerprint: string, outcome: string, retainMs: number): Promise<boolean> {
    checkScope(scope);
    checkMs('retainMs', retainMs);
    const stored = await this.call('complete', () =>
      this.redis.idemComplete(this.key(scope), inProgress(fingerprint), done(fingerprint, outcome), String(retainMs)),
    );
    return stored === 1;
  }

  async release(scope: string, fingerprint: string): Promise<void> {
    checkScope(scope);
    await this.call('release', () => this.redis.idemRelease(this.key(scope), inProgress(fingerprint)));
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

  private key(scope: string): string {
    return `${this.keyPrefix}${scope}`;
  }

  private async call<R>(what: string, command: () => Promise<R>): Promise<R> {
    await this.ready();
    try {
      return await command();
    } catch (err) {
      throw new IdempotencyStoreError(`Redis did not ${what} the idempotency record: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  /** Resolves once connected; rejects after connectTimeoutMs without a connection. */
  private ready(): Promise<void> {
    if (this.closed) return Promise.reject(new IdempotencyStoreError('the Redis idempotency store is closed'));
    if (this.redis.status === 'ready') return Promise.resolve();
    this.connecting ??= this.waitForReady().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private waitForReady(): Promise<void> {
    const redis = this.redis;
    return new Promise<void>((resolve, reject) => {
      const settle = (err: IdempotencyStoreError | null): void => {
        clearTimeout(timer);
        redis.off('ready', onReady);
        redis.off('end', onEnd);
        if (err) reject(err);
        else resolve();
      };
      const onReady = (): void => settle(null);
      const onEnd = (): void => settle(new IdempotencyStoreError('the Redis idempotency store is closed'));
      const timer = setTimeout(() => {
        const why = this.lastError ? `: ${this.lastError.message}` : '';
        settle(
          new IdempotencyStoreError(`Redis is unreachable (no connection within ${this.connectTimeoutMs} ms${why})`),
        );
      }, this.connectTimeoutMs);
      redis.once('ready', onReady);
      redis.once('end', onEnd);
      // Failures reach the 'error' listener and end in the timeout above.
      if (redis.status === 'wait') redis.connect().catch(() => undefined);
    });
  }
}

const parseRecord = (text: string): ClaimResult => {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    record = undefined;
  }
  if (Array.isArray(record) && typeof record[1] === 'string') {
    if (record[0] === 'in_progress' && record.length === 2) return { status: 'in_progress', fingerprint: record[1] };
    if (record[0] === 'done' && record.length === 3 && typeof record[2] === 'string')
      return { status: 'done', fingerprint: record[1], outcome: record[2] };
  }
  throw new IdempotencyStoreError('Redis holds a record this gateway cannot read under an idempotency key');
};
