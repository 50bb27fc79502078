// The Redis dedupe store (src/notifications/redisDedupe.ts) against a real redis-server of its own:
// one claim in all across stores (as across gateways), the TTL, and Redis paused or killed: claims
// fall back to this process's memory with one warning per outage, and use Redis again once it is back.
// Needs redis-server on the PATH: without it this file fails and says how to install it.
import { Redis } from 'ioredis';
import {
  createDedupeStore,
  DEFAULT_DEDUPE_KEY_PREFIX,
  DEFAULT_DEDUPE_TTL_MS,
  RedisDedupeStore,
} from '../../src/notifications';
import { startRedis, type RedisServer } from '../support/redis';
import { capturingLogger, restartRedisOn, sleep, waitFor, type LogLine } from './notifications-redis-support';

const COMMAND_TIMEOUT_MS = 200;

let server: RedisServer;
let restarted: { stop(): Promise<void> } | null = null;
let raw: Redis;
const stores: RedisDedupeStore[] = [];

const newStore = (options: { ttlMs?: number; keyPrefix?: string } = {}): [RedisDedupeStore, LogLine[]] => {
  const { log, lines } = capturingLogger();
  const store = new RedisDedupeStore(server.url, log, {
    commandTimeoutMs: COMMAND_TIMEOUT_MS,
    connectTimeoutMs: 1_000,
    ...options,
  });
  stores.push(store);
  return [store, lines];
};
let prefixes = 0;
const prefix = (): string => `test:dedupe:${++prefixes}:`;

beforeAll(async () => {
  server = await startRedis();
  raw = new Redis(server.url, { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true });
  raw.on('error', () => undefined);
  await raw.connect();
}, 20_000);
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  raw?.disconnect();
  await restarted?.stop();
  await server?.stop();
});

describe('RedisDedupeStore', () => {
  it('claims a key once across two stores, also when 40 claims race', async () => {
    const keyPrefix = prefix();
    const [[a], [b]] = [newStore({ keyPrefix }), newStore({ keyPrefix })];
    expect(await a.claim('mp:1')).toBe(true);
    expect(await b.claim('mp:1')).toBe(false);
    expect(await a.claim('mp:1')).toBe(false);
    const wins = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).claim('ml:race')));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await raw.get(`${keyPrefix}ml:race`)).toBe('1');
  });

  it('keeps a key 24 h by default under mpgraph:dedupe:v1:, and forgets it after its TTL', async () => {
    const [store] = newStore();
    await store.claim('ttl:default');
    const pttl = await raw.pttl(`${DEFAULT_DEDUPE_KEY_PREFIX}ttl:default`);
    expect(pttl).toBeGreaterThan(DEFAULT_DEDUPE_TTL_MS - 60_000);
    expect(pttl).toBeLessThanOrEqual(DEFAULT_DEDUPE_TTL_MS);

    const [short] = newStore({ ttlMs: 150, keyPrefix: prefix() });
    expect(await short.claim('k')).toBe(true);
    expect(await short.claim('k')).toBe(false);
    await sleep(250);
    expect(await short.claim('k')).toBe(true);
  });

  it('refuses a TTL that is not a positive integer', () => {
    expect(() => new RedisDedupeStore(server.url, capturingLogger().log, { ttlMs: 0 })).toThrow(RangeError);
  });

  it('Redis paused: claims fall back to memory within the command timeout, one warning; Redis again once resumed', async () => {
    const keyPrefix = prefix();
    const [store, lines] = newStore({ keyPrefix });
    expect(await store.claim('before')).toBe(true);
    server.pause();
    try {
      const started = Date.now();
      expect(await store.claim('during')).toBe(true);
      expect(await store.claim('during')).toBe(false); // remembered in this process
      expect(await store.claim('during-2')).toBe(true);
      expect(Date.now() - started).toBeLessThan(3 * COMMAND_TIMEOUT_MS + 500);
    } finally {
      server.resume();
    }
    expect(lines.filter((l) => l.level === 'warn')).toEqual([
      expect.objectContaining({ msg: expect.stringContaining('Redis does not answer') }),
    ]);
    // The first claim after the pause is Redis's again.
    expect(await store.claim('after')).toBe(true);
    expect(await raw.get(`${keyPrefix}after`)).toBe('1');
    expect(lines.filter((l) => l.level === 'info')).toEqual([
      expect.objectContaining({ msg: expect.stringContaining('Redis answers again') }),
    ]);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });

  it('Redis killed: fallback at once with one warning; restarted: shared again, and what was taken meanwhile stays taken here', async () => {
    const keyPrefix = prefix();
    const [[a, lines], [b]] = [newStore({ keyPrefix }), newStore({ keyPrefix })];
    expect(await a.claim('k0')).toBe(true);
    expect(await b.claim('k0')).toBe(false);
    await server.kill();

    const started = Date.now();
    for (let i = 1; i <= 5; i++) expect(await a.claim(`k${i}`)).toBe(true);
    expect(await a.claim('k1')).toBe(false);
    // The documented cost: b does not know what a took, so both would publish k1 once.
    expect(await b.claim('k1')).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);

    restarted = await restartRedisOn(server.port);
    // Reconnects by itself (retryStrategy): the first claim answered by Redis logs the recovery.
    await waitFor(
      'claims answered by Redis again',
      () => {
        void a.claim(`probe:${Date.now()}`);
        return lines.some((l) => l.level === 'info');
      },
      10_000,
    );
    expect(await a.claim('k6')).toBe(true);
    expect(await b.claim('k6')).toBe(false);
    // The new Redis is empty, but a remembers what it took during the outage.
    expect(await a.claim('k2')).toBe(false);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  }, 20_000);
});

describe('createDedupeStore', () => {
  it('is in memory without REDIS_URL, on Redis with it; both close', async () => {
    const { log } = capturingLogger();
    const memory = createDedupeStore(null, log);
    expect(memory).not.toBeInstanceOf(RedisDedupeStore);
    expect(await memory.claim('x')).toBe(true);
    expect(await memory.claim('x')).toBe(false);
    await memory.close();

    const redis = createDedupeStore(server.url, log);
    expect(redis).toBeInstanceOf(RedisDedupeStore);
    await redis.close();
    await redis.close();
  });
});
