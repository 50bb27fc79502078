// The idempotency store on Redis (REDIS_URL), shared by every gateway process: a record is a hash,
// and claiming, completing and abandoning are each one Lua script (atomic), so of any number of
// processes racing on one key exactly one runs the write. Locks are timed with Redis's own clock
// (TIME), so gateways with skewed clocks agree on when a holder's lock has lapsed. Every key
// carries a TTL: the retention, from the claim and again from the completion.
//
// ioredis's defaults suit a cache, not a lock: commands wait in an offline queue for as long as
// Redis is away, with no command timeout, and are re-sent after a reconnect. Here every call is
// bounded (no connection within connectTimeoutMs, or no reply within commandTimeoutMs, is an
// IdempotencyStoreError) and nothing is re-sent later behind the caller's back: a claim that
// timed out must not land minutes afterwards.
import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { checkMs, checkScope, IdempotencyStoreError, type ClaimResult, type IdempotencyStore } from './store';

export interface RedisIdempotencyOptions {
  /** Put before every scope (default `mpgraph:idem:v2:`). */
  keyPrefix?: string;
  /** Longest wait for one command's reply, in ms (default 1,000). */
  commandTimeoutMs?: number;
  /** Longest wait for a connection, in ms, first or after Redis went away (default 2,000). */
  connectTimeoutMs?: number;
}

// v2: records are hashes (v1, strings, held no unknown state); the two never meet under one key.
export const DEFAULT_REDIS_KEY_PREFIX = 'mpgraph:idem:v2:';
export const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 1_000;
export const DEFAULT_REDIS_CONNECT_TIMEOUT_MS = 2_000;

// A record is a hash: s (state: in_progress, done, unknown), f (fingerprint), t (the holder's ticket)
// and l (the epoch ms its lock lapses at) while in progress, o (the outcome) once done.
const SCRIPTS = {
  idemClaim: {
    numberOfKeys: 1,
    // ARGV: fingerprint, lockMs, retainMs, ticket → {'claimed', retry} | {state, fingerprint[, outcome]}
    // replicate_commands: Redis 3.2 to 4 replicate a script that reads TIME only as its effects (5+ always do).
    lua: `redis.replicate_commands()
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local s = redis.call('HGET', KEYS[1], 's')
if s then
  local f = redis.call('HGET', KEYS[1], 'f')
  if s == 'done' then return {'done', f, redis.call('HGET', KEYS[1], 'o')} end
  if s == 'in_progress' and tonumber(redis.call('HGET', KEYS[1], 'l')) > now then return {'in_progress', f} end
  if f ~= ARGV[1] then return {'unknown', f} end
end
redis.call('HSET', KEYS[1], 's', 'in_progress', 'f', ARGV[1], 't', ARGV[4], 'l', tostring(now + tonumber(ARGV[2])))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if s then return {'claimed', '1'} end
return {'claimed', '0'}`,
  },
  idemComplete: {
    numberOfKeys: 1,
    // ARGV: ticket, outcome, retainMs
    lua: `if redis.call('HGET', KEYS[1], 's') ~= 'in_progress' or redis.call('HGET', KEYS[1], 't') ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 's', 'done', 'o', ARGV[2])
redis.call('HDEL', KEYS[1], 't', 'l')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`,
  },
  idemTake: {
    numberOfKeys: 1,
    // ARGV: max, retainMs → {taken (0 or 1), count}
    lua: `local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n >= tonumber(ARGV[1]) then return {0, n} end
n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return {1, n}`,
  },
  idemAbandon: {
    numberOfKeys: 1,
    // ARGV: ticket
    lua: `if redis.call('HGET', KEYS[1], 's') ~= 'in_progress' or redis.call('HGET', KEYS[1], 't') ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 's', 'unknown')
redis.call('HDEL', KEYS[1], 't', 'l')
return 1`,
  },
} as const;

/** The commands `scripts` defines on the client (EVALSHA, falling back to EVAL once per script). */
interface ScriptCommands {
  idemClaim(key: string, fingerprint: string, lockMs: string, retainMs: string, ticket: string): Promise<string[]>;
  idemComplete(key: string, ticket: string, outcome: string, retainMs: string): Promise<number>;
  idemAbandon(key: string, ticket: string): Promise<number>;
  idemTake(key: string, max: string, retainMs: string): Promise<[number, number]>;
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

  async claim(scope: string, fingerprint: string, lockMs: number, retainMs: number): Promise<ClaimResult> {
    checkScope(scope);
    checkMs('lockMs', lockMs);
    checkMs('retainMs', retainMs);
    const ticket = randomUUID();
    const reply = await this.call('claim', () =>
      this.redis.idemClaim(this.key(scope), fingerprint, String(lockMs), String(retainMs), ticket),
    );
    return parseClaim(reply, ticket);
  }

  async complete(scope: string, ticket: string, outcome: string, retainMs: number): Promise<boolean> {
    checkScope(scope);
    checkMs('retainMs', retainMs);
    const stored = await this.call('complete', () =>
      this.redis.idemComplete(this.key(scope), ticket, outcome, String(retainMs)),
    );
    return stored === 1;
  }

  async abandon(scope: string, ticket: string): Promise<void> {
    checkScope(scope);
    await this.call('abandon', () => this.redis.idemAbandon(this.key(scope), ticket));
  }

  async take(counter: string, max: number, retainMs: number): Promise<{ taken: boolean; count: number }> {
    checkScope(counter);
    checkMs('retainMs', retainMs);
    const [taken, count] = await this.call('count', () =>
      this.redis.idemTake(`${this.keyPrefix}count:${counter}`, String(max), String(retainMs)),
    );
    return { taken: taken === 1, count };
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

const parseClaim = (reply: unknown, ticket: string): ClaimResult => {
  if (Array.isArray(reply) && reply.every((part) => typeof part === 'string')) {
    const [status, a, b] = reply as string[];
    if (status === 'claimed' && reply.length === 2) return { status, ticket, retry: a === '1' };
    if ((status === 'in_progress' || status === 'unknown') && reply.length === 2) return { status, fingerprint: a };
    if (status === 'done' && reply.length === 3) return { status, fingerprint: a, outcome: b };
  }
  throw new IdempotencyStoreError('Redis holds a record this gateway cannot read under an idempotency key');
};
