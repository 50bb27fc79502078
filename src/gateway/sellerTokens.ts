// The sellers' upstream tokens in force: the auth file's, until one is refreshed (src/upstream/oauth.ts). A seller
// whose credentials for a service carry `refreshToken`, `clientId` and `clientSecret` gets its access token renewed
// when a request needs it and it expires within REFRESH_MARGIN_MS (less for a short-lived token), and once more when
// upstream refuses it (401; withSellerToken retries the call once with the new one).
//
// Refresh tokens are single use, so:
// - one refresh at a time per seller and service: in this process, every caller waits for the one in flight; across
//   gateways sharing a Redis, under a lock (SET NX PX) that outlives the refresh's timeout, and whoever waited for
//   the lock reads the pair the winner stored instead of refreshing again;
// - the new pair is stored before its access token is used: in Redis (REDIS_URL), or else in a state file beside
//   the auth file (`<auth file>.tokens.json`, replaced atomically, mode 0600), so a restart goes on with it;
// - a stored pair wins over the file's while the file still holds the refresh token the pair descends from (kept
//   as its SHA-256); once the auth file gives that seller another refresh token, the file wins again;
// - a refresh token the service refused (a 4xx) is not sent again: the seller's token counts as refused
//   (context.ts: UPSTREAM_ERROR, and an error in the log) until the file or another gateway brings a new pair.
// Logs name the seller, the service, the outcome and the expiry, never a token.
import { createHash, randomUUID } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Redis } from 'ioredis';
import type { AuthFileWatcher, UpstreamCredentials } from '../auth';
import { gqlError } from '../graph/errors';
import type { Logger } from '../lib/logger';
import { UpstreamError, type UpstreamService } from '../upstream/errors';
import {
  REFRESH_TIMEOUT_MS,
  refreshMercadoLibreToken,
  refreshMercadoPagoToken,
  type RefreshedTokens,
  type RefreshRequest,
} from '../upstream/oauth';

/** An access token is renewed when less than this is left (or half its lifetime, if that is less). */
export const REFRESH_MARGIN_MS = 5 * 60_000;
/** How long a gateway holds the Redis refresh lock: longer than any refresh may take. */
export const LOCK_MS = 3 * REFRESH_TIMEOUT_MS;

/** A seller's tokens for one service, as used and as stored. Instants are epoch milliseconds. */
export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** When the access token expires; null: not known (renewed on a 401 only). */
  readonly expiresAt: number | null;
  /** When to renew it; null with expiresAt. */
  readonly refreshAt: number | null;
  /** SHA-256 (hex) of the auth file's refresh token this pair descends from. */
  readonly basedOn: string;
}

/** Where refreshed pairs are kept: a failure is a TokenStoreError, whose message names no token. */
export interface TokenStore {
  read(seller: string, service: UpstreamService): Promise<TokenPair | null>;
  write(seller: string, service: UpstreamService, pair: TokenPair): Promise<void>;
  /** Runs `fn` as the only refresher of this seller and service among the gateways sharing the store. */
  exclusive<T>(seller: string, service: UpstreamService, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class TokenStoreError extends Error {
  override name = 'TokenStoreError';
}

export type Refresher = (request: RefreshRequest) => Promise<RefreshedTokens>;

export interface SellerTokens {
  /** The access token to call `service` with for `seller` now, renewed first when it is about to expire. */
  current(seller: string, service: UpstreamService): Promise<string | null>;
  /**
   * After upstream refused `used` (401): the token to retry with — renewed, or the one another request renewed
   * meanwhile — or null when the seller's token cannot be renewed (no refresh credentials, or none better).
   */
  afterRefusal(seller: string, service: UpstreamService, used: string): Promise<string | null>;
  close(): Promise<void>;
}

export interface SellerTokensOptions {
  auth: Pick<AuthFileWatcher, 'current'>;
  store: TokenStore;
  log: Logger;
  /** The refresh of each service (default: src/upstream/oauth.ts, Mercado Libre at `mlApiUrl`). */
  refreshers?: Record<UpstreamService, Refresher>;
  mlApiUrl?: string;
  now?: () => number;
}

/** Where the state file of the auth file at `authFile` is. */
export const tokenStatePath = (authFile: string): string => `${authFile}.tokens.json`;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

type Refreshable = UpstreamCredentials & { refreshToken: string; clientId: string; clientSecret: string };
const refreshable = (c: UpstreamCredentials): c is Refreshable =>
  c.refreshToken !== null && c.clientId !== null && c.clientSecret !== null;

/** When to renew a token that expires at `expiresAt`, `lifetimeMs` after it was issued (null: not known). */
const renewalTime = (expiresAt: number, lifetimeMs: number | null): number =>
  expiresAt - Math.min(REFRESH_MARGIN_MS, lifetimeMs === null ? REFRESH_MARGIN_MS : lifetimeMs / 2);

/** The auth file's pair. */
const filePair = (c: Refreshable): TokenPair => {
  const expiresAt = c.expiresAt === null ? null : Date.parse(c.expiresAt);
  return {
    accessToken: c.accessToken,
    refreshToken: c.refreshToken,
    expiresAt,
    refreshAt: expiresAt === null ? null : renewalTime(expiresAt, null),
    basedOn: sha256(c.refreshToken),
  };
};

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** What a refused refresh is to the caller: the seller's token refused (context.ts, sellerTokenRefused). */
const refused = (service: UpstreamService, error: string | null): UpstreamError =>
  new UpstreamError(service, 'status', { status: 401, error });

export const createSellerTokens = (options: SellerTokensOptions): SellerTokens => {
  const { auth, store, log } = options;
  const now = options.now ?? Date.now;
  const refreshers: Record<UpstreamService, Refresher> = options.refreshers ?? {
    mercadoPago: (request) => refreshMercadoPagoToken(request),
    mercadoLibre: (request) => {
      if (options.mlApiUrl === undefined) throw new Error('createSellerTokens: mlApiUrl is required');
      return refreshMercadoLibreToken(options.mlApiUrl, request);
    },
  };
  const known = new Map<string, TokenPair>();
  const inFlight = new Map<string, Promise<TokenPair>>();
  /** Refresh tokens the service refused, by seller and service: never sent again. */
  const dead = new Map<string, string>();
  const keyOf = (seller: string, service: UpstreamService): string => `${seller}\u0000${service}`;

  const credentials = (seller: string, service: UpstreamService): UpstreamCredentials | null =>
    auth.current()?.sellers.get(seller)?.[service] ?? null;

  /** A store failure: the caller is told to retry later, the log says which seller and service. */
  const storeFailed = (seller: string, service: UpstreamService, err: unknown): never => {
    log.error('seller token store unavailable', {
      seller,
      service,
      error: err instanceof Error ? err.message : String(err),
    });
    throw gqlError('UPSTREAM_UNAVAILABLE', "The store of the sellers' upstream tokens is unavailable; retry later.");
  };
  const fromStore = async <T>(seller: string, service: UpstreamService, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof TokenStoreError) return storeFailed(seller, service, err);
      throw err;
    }
  };

  /** The stored pair if it descends from the file's refresh token, else the file's. */
  const latest = async (seller: string, service: UpstreamService, c: Refreshable): Promise<TokenPair> => {
    const stored = await store.read(seller, service);
    const basedOn = sha256(c.refreshToken);
    if (stored !== null && stored.basedOn === basedOn) return stored;
    const mine = known.get(keyOf(seller, service));
    return mine !== undefined && mine.basedOn === basedOn ? mine : filePair(c);
  };

  /** The pair in force here: remembered, or read once from the store. */
  const inForce = async (seller: string, service: UpstreamService, c: Refreshable): Promise<TokenPair> => {
    const mine = known.get(keyOf(seller, service));
    if (mine !== undefined && mine.basedOn === sha256(c.refreshToken)) return mine;
    const pair = await fromStore(seller, service, () => latest(seller, service, c));
    known.set(keyOf(seller, service), pair);
    return pair;
  };

  const due = (pair: TokenPair): boolean => pair.refreshAt !== null && pair.refreshAt <= now();

  const refreshOnce = async (
    seller: string,
    service: UpstreamService,
    c: Refreshable,
    used: string,
  ): Promise<TokenPair> => {
    const key = keyOf(seller, service);
    const pair = await latest(seller, service, c);
    // Another request or gateway renewed it meanwhile.
    if (pair.accessToken !== used && !due(pair)) {
      known.set(key, pair);
      return pair;
    }
    if (dead.get(key) === pair.refreshToken) throw refused(service, 'invalid_grant');
    let answer: RefreshedTokens;
    try {
      answer = await refreshers[service]({
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        refreshToken: pair.refreshToken,
      });
    } catch (err) {
      const detail = err instanceof UpstreamError ? err.detail() : { error: err instanceof Error ? err.name : 'error' };
      log.error('seller token refresh failed', { seller, service, ...detail });
      if (err instanceof UpstreamError && err.failure === 'status' && err.status! >= 400 && err.status! < 500) {
        dead.set(key, pair.refreshToken);
        throw refused(service, err.error);
      }
      throw err;
    }
    const issued = now();
    const lifetimeMs = answer.expiresIn === null ? null : answer.expiresIn * 1000;
    const expiresAt = lifetimeMs === null ? null : issued + lifetimeMs;
    const next: TokenPair = {
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken,
      expiresAt,
      refreshAt: expiresAt === null ? null : renewalTime(expiresAt, lifetimeMs),
      basedOn: pair.basedOn,
    };
    try {
      await store.write(seller, service, next);
    } catch (err) {
      // The old refresh token is spent: the new pair is the only one left, so it is kept here and used anyway.
      log.error('seller token refreshed but not stored', {
        seller,
        service,
        error: err instanceof Error ? err.message : String(err),
      });
    }
    known.set(key, next);
    log.info('seller token refreshed', { seller, service, expiresAt: iso(expiresAt) });
    return next;
  };

  /** One refresh per seller and service at a time: whoever comes while one runs waits for it. */
  const refresh = (seller: string, service: UpstreamService, c: Refreshable, used: string): Promise<TokenPair> => {
    const key = keyOf(seller, service);
    let running = inFlight.get(key);
    if (running === undefined) {
      running = fromStore(seller, service, () =>
        store.exclusive(seller, service, () => refreshOnce(seller, service, c, used)),
      ).finally(() => inFlight.delete(key));
      inFlight.set(key, running);
    }
    return running;
  };

  return {
    current: async (seller, service) => {
      const c = credentials(seller, service);
      if (c === null) return null;
      if (!refreshable(c)) return c.accessToken;
      const pair = await inForce(seller, service, c);
      return due(pair) ? (await refresh(seller, service, c, pair.accessToken)).accessToken : pair.accessToken;
    },
    afterRefusal: async (seller, service, used) => {
      const c = credentials(seller, service);
      if (c === null || !refreshable(c)) return null;
      const pair = await inForce(seller, service, c);
      if (pair.accessToken !== used) return pair.accessToken;
      return (await refresh(seller, service, c, used)).accessToken;
    },
    close: () => store.close(),
  };
};

/**
 * `make(token)`'s methods, each called with the seller's current token, and called once more with a renewed one
 * when upstream refused that token (a 401 of `service`). `fallback` is the token the request was authenticated
 * with, for a seller the auth file no longer names. The clients' methods are plain functions of an object literal.
 */
export const withSellerToken = <T extends object>(
  make: (token: string) => T,
  tokens: SellerTokens,
  seller: string,
  service: UpstreamService,
  fallback: string,
): T => {
  const clients = new Map<string, T>();
  const client = (token: string): T => {
    let made = clients.get(token);
    if (made === undefined) clients.set(token, (made = make(token)));
    return made;
  };
  const callWith = (token: string, name: string, args: unknown[]): Promise<unknown> => {
    const target = client(token);
    return ((target as Record<string, unknown>)[name] as (...a: unknown[]) => Promise<unknown>).apply(target, args);
  };
  return Object.fromEntries(
    Object.entries(client(fallback)).map(([name, method]) => [
      name,
      typeof method === 'function'
        ? async (...args: unknown[]): Promise<unknown> => {
            const token = (await tokens.current(seller, service)) ?? fallback;
            try {
              return await callWith(token, name, args);
            } catch (err) {
              if (!(err instanceof UpstreamError) || err.status !== 401 || err.service !== service) throw err;
              const renewed = await tokens.afterRefusal(seller, service, token);
              if (renewed === null || renewed === token) throw err;
              return callWith(renewed, name, args);
            }
          }
        : method,
    ]),
  ) as T;
};

// The stores.

interface StoredPair {
  accessToken: string;
  refreshToken: string;
  expiresAt: string | null;
  refreshAt: string | null;
  basedOn: string;
}

const toStored = (p: TokenPair): StoredPair => ({
  accessToken: p.accessToken,
  refreshToken: p.refreshToken,
  expiresAt: iso(p.expiresAt),
  refreshAt: iso(p.refreshAt),
  basedOn: p.basedOn,
});

const instant = (value: unknown): number | null | undefined => {
  if (value === null) return null;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
};

/** A stored pair read back, or null when it is not one (it is then ignored, as if absent). */
const fromStored = (value: unknown): TokenPair | null => {
  if (typeof value !== 'object' || value === null) return null;
  const o = value as Record<string, unknown>;
  const expiresAt = instant(o.expiresAt);
  const refreshAt = instant(o.refreshAt);
  if (typeof o.accessToken !== 'string' || typeof o.refreshToken !== 'string' || typeof o.basedOn !== 'string')
    return null;
  if (expiresAt === undefined || refreshAt === undefined) return null;
  return { accessToken: o.accessToken, refreshToken: o.refreshToken, expiresAt, refreshAt, basedOn: o.basedOn };
};

type StateFile = { version: 1; sellers: Record<string, Partial<Record<UpstreamService, StoredPair>>> };

/**
 * The state file beside the auth file: `{ "version": 1, "sellers": { name: { mercadoPago: pair, … } } }`, read
 * once, replaced whole on every write (a temporary file in the same directory, fsync, rename; mode 0600). For one
 * gateway: gateways that share tokens share a Redis.
 */
export class FileTokenStore implements TokenStore {
  private state: Promise<StateFile> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  async read(seller: string, service: UpstreamService): Promise<TokenPair | null> {
    const state = await this.load();
    return fromStored(state.sellers[seller]?.[service]);
  }

  write(seller: string, service: UpstreamService, pair: TokenPair): Promise<void> {
    const done = this.writing.then(async () => {
      const state = await this.load();
      state.sellers[seller] = { ...state.sellers[seller], [service]: toStored(pair) };
      await this.replace(`${JSON.stringify(state, null, 2)}\n`);
    });
    this.writing = done.catch(() => undefined);
    return done;
  }

  exclusive<T>(_seller: string, _service: UpstreamService, fn: () => Promise<T>): Promise<T> {
    return fn();
  }

  async close(): Promise<void> {
    await this.writing;
  }

  private load(): Promise<StateFile> {
    this.state ??= readFile(this.path, 'utf8').then(
      (text) => {
        const parsed = JSON.parse(text) as unknown;
        const sellers = (parsed as { sellers?: unknown } | null)?.sellers;
        if (typeof sellers !== 'object' || sellers === null) throw new SyntaxError('no sellers');
        return { version: 1, sellers: sellers as StateFile['sellers'] } as StateFile;
      },
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return { version: 1, sellers: {} } as StateFile;
        throw err;
      },
    );
    return this.state.catch((err: unknown) => {
      this.state = null;
      const why = err instanceof SyntaxError ? 'is not a token state file' : `cannot be read (${String(err)})`;
      throw new TokenStoreError(`${this.path} ${why}`);
    });
  }

  private async replace(text: string): Promise<void> {
    const temp = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.${randomUUID()}.tmp`);
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.path);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw new TokenStoreError(
        `${this.path} could not be written (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    // The rename itself survives a crash once the directory is synced (best effort: not every system allows it).
    const dir = await open(dirname(this.path), 'r').catch(() => null);
    await dir
      ?.sync()
      .catch(() => undefined)
      .finally(() => dir.close());
  }
}

export interface RedisTokenStoreOptions {
  /** Put before every key (default `mpgraph:tokens:v1:`). */
  keyPrefix?: string;
  /** Longest wait for one command's reply, in ms (default 1,000). */
  commandTimeoutMs?: number;
  /** Longest wait for a connection, in ms (default 2,000). */
  connectTimeoutMs?: number;
  /** How long the refresh lock is held at most, in ms (default LOCK_MS); a waiter waits that long and a little. */
  lockMs?: number;
}

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Pairs in Redis, shared by every gateway of REDIS_URL: a string of JSON per seller and service, and a lock per
 * seller and service while one refreshes. Every command is bounded as in src/idempotency/redis.ts: no offline
 * queue, a command timeout, nothing re-sent after a reconnect.
 */
export class RedisTokenStore implements TokenStore {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly lockMs: number;
  private readonly connectTimeoutMs: number;
  private lastError: Error | null = null;
  private closed = false;

  constructor(redisUrl: string, options: RedisTokenStoreOptions = {}) {
    this.prefix = options.keyPrefix ?? 'mpgraph:tokens:v1:';
    this.lockMs = options.lockMs ?? LOCK_MS;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 2_000;
    const commandTimeoutMs = options.commandTimeoutMs ?? 1_000;
    this.redis = new Redis(redisUrl, {
      lazyConnect: true,
      connectTimeout: this.connectTimeoutMs,
      commandTimeout: commandTimeoutMs,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      retryStrategy: (times) => Math.min(times * 100, 1_000),
      disconnectTimeout: commandTimeoutMs,
      connectionName: 'mpgraph-seller-tokens',
    });
    this.redis.on('error', (err: Error) => {
      this.lastError = err;
    });
  }

  async read(seller: string, service: UpstreamService): Promise<TokenPair | null> {
    const text = await this.call('read', () => this.redis.get(this.key(seller, service)));
    if (text === null) return null;
    try {
      return fromStored(JSON.parse(text));
    } catch {
      return null;
    }
  }

  async write(seller: string, service: UpstreamService, pair: TokenPair): Promise<void> {
    await this.call('write', () => this.redis.set(this.key(seller, service), JSON.stringify(toStored(pair))));
  }

  async exclusive<T>(seller: string, service: UpstreamService, fn: () => Promise<T>): Promise<T> {
    const lock = `${this.key(seller, service)}:lock`;
    const ticket = randomUUID();
    const deadline = Date.now() + this.lockMs + 1_000;
    while ((await this.call('lock', () => this.redis.set(lock, ticket, 'PX', this.lockMs, 'NX'))) !== 'OK') {
      if (Date.now() > deadline) throw new TokenStoreError('the refresh lock was not released in time');
      await sleep(50);
    }
    try {
      return await fn();
    } finally {
      await this.call('unlock', () => this.redis.eval(RELEASE, 1, lock, ticket)).catch(() => undefined);
    }
  }

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

  private key(seller: string, service: UpstreamService): string {
    return `${this.prefix}${seller}:${service}`;
  }

  private async call<R>(what: string, command: () => Promise<R>): Promise<R> {
    if (this.closed) throw new TokenStoreError('the Redis token store is closed');
    if (this.redis.status === 'wait') await this.redis.connect().catch(() => undefined);
    if (this.redis.status !== 'ready') await this.ready();
    try {
      return await command();
    } catch (err) {
      throw new TokenStoreError(`Redis did not ${what} the seller's tokens: ${(err as Error).message}`);
    }
  }

  private ready(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const settle = (err: Error | null): void => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        if (err) reject(err);
        else resolve();
      };
      const onReady = (): void => settle(null);
      const timer = setTimeout(() => {
        const why = this.lastError ? `: ${this.lastError.message}` : '';
        settle(new TokenStoreError(`Redis is unreachable (no connection within ${this.connectTimeoutMs} ms${why})`));
      }, this.connectTimeoutMs);
      this.redis.once('ready', onReady);
      if (this.redis.status === 'ready') settle(null);
    });
  }
}
