// The Redis idempotency store (src/idempotency/redis.ts) against a real redis-server of its own:
// the contract the memory store passes, then what only Redis has: records as hashes under a
// prefix, each with a TTL, locks timed by Redis's clock, separate connections racing (as separate
// gateway processes do), Redis pausing and dying.
// Needs redis-server on the PATH: without it this file fails and says how to install it.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import {
  DEFAULT_REDIS_KEY_PREFIX,
  fingerprint,
  idempotencyScope,
  idempotent,
  IdempotencyStoreError,
  RedisIdempotencyStore,
  upstreamIdempotencyKey,
  type Attempt,
  type ClaimResult,
} from '../../src/idempotency';
import { describeStoreContract } from '../unit/idempotency-contract';
import { startRedis, type RedisServer } from '../support/redis';

const COMMAND_TIMEOUT_MS = 300;
const CONNECT_TIMEOUT_MS = 500;

let server: RedisServer | null = null;
let startError: Error | null = null;
const stores: RedisIdempotencyStore[] = [];

const redisUrl = (): string => {
  if (server === null) throw startError ?? new Error('redis-server did not start');
  return server.url;
};

const newStore = (options: { keyPrefix?: string } = {}): RedisIdempotencyStore => {
  const store = new RedisIdempotencyStore(redisUrl(), {
    commandTimeoutMs: COMMAND_TIMEOUT_MS,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
    ...options,
  });
  stores.push(store);
  return store;
};

// A gateway process in miniature: loads src/idempotency with TypeScript's own transpiler (no build
// step), says "ready", waits for "go" on stdin, then makes `calls` idempotent() calls for each key
// at once, each write an INCR of a counter in Redis, and prints what it got as one JSON line.
const CHILD = `
const ts = require('typescript');
const fs = require('fs');
require.extensions['.ts'] = (m, file) => m._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText, file);
const { idempotent, RedisIdempotencyStore } = require(process.env.IDEM_MODULE);
const { Redis } = require('ioredis');
const [url, keysJson, calls] = process.argv.slice(1);
const store = new RedisIdempotencyStore(url, { commandTimeoutMs: 2000, connectTimeoutMs: 2000 });
const counter = new Redis(url, { commandTimeout: 2000, maxRetriesPerRequest: 1 });
Promise.all([store.claim('warm-up-' + process.pid, 'fp', 1000, 1000), counter.ping()]).then(() => {
  process.stdout.write('ready\\n');
  process.stdin.once('data', async () => {
    const keys = JSON.parse(keysJson);
    const answers = await Promise.all(keys.flatMap((key) => Array.from({ length: Number(calls) }, () =>
      idempotent({ store, callerId: 'gateway-caller', operation: 'createPayment', key, input: { amount: '10' },
        run: async ({ upstreamKey }) => ({ writes: await counter.incr('writes:' + key), upstreamKey }) })
        .then((a) => ({ key, kind: a.kind }), (e) => ({ key, kind: 'error', message: String(e) })))));
    process.stdout.write(JSON.stringify(answers) + '\\n');
    await store.close();
    counter.disconnect();
  });
});
`;

interface ChildAnswer {
  key: string;
  kind: string;
  message?: string;
}

/** Starts one child gateway; resolves once it is connected, with `go()` to let it loose. Bounded: 15 s in all. */
const startChild = (url: string, keys: string[], calls: number) =>
  new Promise<{ go: () => Promise<ChildAnswer[]> }>((resolveStart, rejectStart) => {
    const child = spawn(process.execPath, ['-e', CHILD, url, JSON.stringify(keys), String(calls)], {
      cwd: resolve(__dirname, '../..'),
      env: { ...process.env, IDEM_MODULE: resolve(__dirname, '../../src/idempotency/index.ts') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out === 'ready\n') resolveStart({ go: () => (child.stdin.end('go\n'), exited) });
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const exited = new Promise<ChildAnswer[]>((resolveExit, rejectExit) => {
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        const lines = out.trim().split('\n');
        if (code === 0 && lines.length === 2) return resolveExit(JSON.parse(lines[1]!) as ChildAnswer[]);
        const failure = new Error(`child gateway ended (${signal ?? code}): ${(err || out).slice(0, 2_000)}`);
        rejectStart(failure);
        rejectExit(failure);
      });
    });
    exited.catch(() => undefined); // observed through go() or rejectStart
  });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const ticketOf = (result: ClaimResult): string => {
  if (result.status !== 'claimed') throw new Error(`expected the claim to be granted, got ${JSON.stringify(result)}`);
  return result.ticket;
};

beforeAll(async () => {
  try {
    server = await startRedis();
  } catch (err) {
    // Every test then fails with this message (REDIS_INSTALL_HINT when redis-server is missing).
    startError = err as Error;
  }
}, 30_000);

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await server?.stop();
}, 30_000);

describe('redis-server', () => {
  it('is installed and running for these tests', () => {
    expect(redisUrl()).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
  });
});

describeStoreContract('RedisIdempotencyStore', {
  create: () => newStore(),
  // Locks lapse by Redis's clock (the scripts read TIME) and keys expire on it (within a millisecond
  // on access): no clock to move, so this really waits, with a little slack for the round trip.
  elapse: (ms) => sleep(ms + 30),
  lockMs: 300,
  retainMs: 600,
});

describe('RedisIdempotencyStore on a real redis-server', () => {
  let admin: Redis;
  beforeAll(() => {
    admin = new Redis(redisUrl(), { lazyConnect: true, commandTimeout: 2_000, maxRetriesPerRequest: 1 });
  });
  afterAll(() => admin?.disconnect());

  /** Redis's own clock, in epoch ms. */
  const redisNow = async (): Promise<number> => {
    const [seconds, micros] = await admin.time();
    return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  };

  it('keeps each record as a hash under mpgraph:idem:v2:<scope>, kept retainMs from the claim, again from the completion', async () => {
    expect(DEFAULT_REDIS_KEY_PREFIX).toBe('mpgraph:idem:v2:');
    const store = newStore();
    const scope = `ttl-${randomUUID()}`;
    const key = `mpgraph:idem:v2:${scope}`;
    const before = await redisNow();
    const first = ticketOf(await store.claim(scope, 'fp', 60_000, 3_600_000));
    const after = await redisNow();
    const held = await admin.hgetall(key);
    expect(held).toEqual({ s: 'in_progress', f: 'fp', t: first, l: expect.stringMatching(/^\d+$/) });
    // The lock deadline: Redis's clock at the claim, plus lockMs.
    expect(Number(held.l)).toBeGreaterThanOrEqual(before + 60_000);
    expect(Number(held.l)).toBeLessThanOrEqual(after + 60_000);
    // The TTL is the retention, not the lock.
    const claimTtl = await admin.pttl(key);
    expect(claimTtl).toBeGreaterThan(3_599_000);
    expect(claimTtl).toBeLessThanOrEqual(3_600_000);
    expect(await admin.exists(`mpgraph:idem:${scope}`)).toBe(0);

    await sleep(50);
    await store.abandon(scope, first);
    expect(await admin.hgetall(key)).toEqual({ s: 'unknown', f: 'fp' });
    const abandonedTtl = await admin.pttl(key);
    expect(abandonedTtl).toBeLessThanOrEqual(claimTtl - 40); // unchanged: still counting from the claim
    // Other input is refused and changes nothing, its retention included.
    expect(await store.claim(scope, 'fp-other', 60_000, 7_200_000)).toEqual({ status: 'unknown', fingerprint: 'fp' });
    expect(await admin.hgetall(key)).toEqual({ s: 'unknown', f: 'fp' });
    expect(await admin.pttl(key)).toBeLessThanOrEqual(abandonedTtl);

    const retry = await store.claim(scope, 'fp', 60_000, 7_200_000);
    expect(retry).toEqual({ status: 'claimed', ticket: expect.any(String), retry: true });
    const second = ticketOf(retry);
    expect(second).not.toBe(first);
    expect(await admin.hgetall(key)).toEqual({ s: 'in_progress', f: 'fp', t: second, l: expect.any(String) });
    expect(await admin.pttl(key)).toBeGreaterThan(7_199_000); // renewed by the retry

    expect(await store.complete(scope, second, '{"ok":true}', 86_400_000)).toBe(true);
    expect(await admin.hgetall(key)).toEqual({ s: 'done', f: 'fp', o: '{"ok":true}' });
    const doneTtl = await admin.pttl(key);
    expect(doneTtl).toBeGreaterThan(86_399_000);
    expect(doneTtl).toBeLessThanOrEqual(86_400_000);
  });

  it('times locks by Redis’s clock: a deadline it has passed is lapsed, whatever this process thinks', async () => {
    const store = newStore();
    const scope = `clock-${randomUUID()}`;
    const key = `mpgraph:idem:v2:${scope}`;
    await store.claim(scope, 'fp', 60_000, 60_000);
    expect(await store.claim(scope, 'fp-other', 60_000, 60_000)).toEqual({ status: 'in_progress', fingerprint: 'fp' });
    // Move the deadline to just behind Redis's clock, as a lock taken a minute ago would be.
    await admin.hset(key, 'l', String((await redisNow()) - 1));
    expect(await store.claim(scope, 'fp-other', 60_000, 60_000)).toEqual({ status: 'unknown', fingerprint: 'fp' });
    expect(await store.claim(scope, 'fp', 60_000, 60_000)).toMatchObject({ status: 'claimed', retry: true });
    // And one just ahead of it holds.
    await admin.hset(key, 'l', String((await redisNow()) + 5_000));
    expect(await store.claim(scope, 'fp', 60_000, 60_000)).toEqual({ status: 'in_progress', fingerprint: 'fp' });
  });

  it('never reads a v1 record (a string under mpgraph:idem:), and refuses a key under the prefix that is not a record hash', async () => {
    const store = newStore();
    const scope = `v1-${randomUUID()}`;
    await admin.set(`mpgraph:idem:${scope}`, JSON.stringify(['in_progress', 'fp']), 'PX', 60_000);
    expect(await store.claim(scope, 'fp-other', 1_000, 60_000)).toMatchObject({ status: 'claimed', retry: false });
    const broken = `broken-${randomUUID()}`;
    await admin.set(`mpgraph:idem:v2:${broken}`, JSON.stringify(['done', 'fp', '1']), 'PX', 60_000);
    await expect(store.claim(broken, 'fp', 1_000, 60_000)).rejects.toThrow(IdempotencyStoreError);
  });

  it('puts every key idempotent() writes under the prefix, each with a TTL', async () => {
    const keyPrefix = `test:${randomUUID()}:`;
    const store = newStore({ keyPrefix });
    await idempotent({
      store,
      callerId: 'c1',
      operation: 'createPayment',
      key: 'k1',
      input: { a: 1 },
      run: async () => ({ id: 1 }),
    });
    await idempotent({
      store,
      callerId: 'c1',
      operation: 'refundPayment',
      key: 'k1',
      input: { a: 1 },
      run: async () => Promise.reject(new Error('x')),
    }).catch(() => undefined);
    await store.claim('left-running', 'fp', 5_000, 10_000);
    const keys = await admin.keys(`${keyPrefix}*`);
    // The payment (done), the failed refund (unknown: kept) and the claim left running.
    const payment = `${keyPrefix}${idempotencyScope('c1', 'createPayment', 'k1')}`;
    const refund = `${keyPrefix}${idempotencyScope('c1', 'refundPayment', 'k1')}`;
    expect(keys.sort()).toEqual([payment, refund, `${keyPrefix}left-running`].sort());
    expect(await admin.hget(payment, 's')).toBe('done');
    expect(await admin.hget(refund, 's')).toBe('unknown');
    expect(await admin.hget(`${keyPrefix}left-running`, 's')).toBe('in_progress');
    for (const key of keys) expect(await admin.pttl(key)).toBeGreaterThan(0);
  });

  it('of 50 claims racing over two separate connections, grants exactly one, five times over', async () => {
    const a = newStore();
    const b = newStore();
    for (let round = 0; round < 5; round++) {
      const scope = `race-${randomUUID()}`;
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).claim(scope, `fp-${i}`, 10_000, 10_000)),
      );
      expect(results.filter((r) => r.status === 'claimed')).toHaveLength(1);
    }
  });

  it('of 50 retries of an unknown record racing over two connections with the same input, grants exactly one, five times over', async () => {
    const a = newStore();
    const b = newStore();
    for (let round = 0; round < 5; round++) {
      const scope = `retry-race-${randomUUID()}`;
      await a.abandon(scope, ticketOf(await a.claim(scope, 'fp', 10_000, 10_000)));
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).claim(scope, 'fp', 10_000, 10_000)),
      );
      expect(results.filter((r) => r.status === 'claimed')).toEqual([
        { status: 'claimed', ticket: expect.any(String), retry: true },
      ]);
      expect(results.filter((r) => r.status !== 'claimed')).toEqual(
        Array(49).fill({ status: 'in_progress', fingerprint: 'fp' }),
      );
    }
  });

  it('lets another connection retry a call whose holder died, once its lock lapses, with the same upstream key', async () => {
    const dead = newStore();
    const alive = newStore();
    const key = randomUUID();
    const input = { amount: '5' };
    const call = (run: (attempt: Attempt) => Promise<unknown>, of: unknown = input) =>
      idempotent({ store: alive, callerId: 'c', operation: 'createPayment', key, input: of, run, lockMs: 300 });
    const scope = idempotencyScope('c', 'createPayment', key);
    await dead.claim(scope, fingerprint('createPayment', input), 300, 60_000);
    await dead.close();
    const run = jest.fn(async (attempt: Attempt) => attempt);
    expect(await call(run)).toEqual({ kind: 'in_progress' });
    await sleep(330);
    expect(await call(run, { amount: '6' })).toEqual({ kind: 'key_reused' });
    expect(await call(run)).toEqual({
      kind: 'result',
      value: {
        upstreamKey: upstreamIdempotencyKey('c', 'createPayment', key, fingerprint('createPayment', input)),
        retry: true,
      },
      replayed: false,
    });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs each write once when two gateway processes take 25 calls each of the same keys at the same moment', async () => {
    const keys = Array.from({ length: 10 }, () => `proc-${randomUUID()}`);
    const [a, b] = await Promise.all([startChild(redisUrl(), keys, 25), startChild(redisUrl(), keys, 25)]);
    const [answersA, answersB] = await Promise.all([a.go(), b.go()]);
    const answers = [...answersA, ...answersB];
    expect(answers).toHaveLength(500);
    expect(answers.filter((x) => x.kind === 'error')).toEqual([]);
    for (const key of keys) {
      expect(await admin.get(`writes:${key}`)).toBe('1');
      expect(answers.filter((x) => x.key === key && x.kind === 'result')).not.toHaveLength(0);
    }
  }, 30_000);

  it('runs the write once for 50 idempotent() calls split over two connections; a retry on either replays it', async () => {
    const stores2 = [newStore(), newStore()];
    const key = randomUUID();
    const run = jest.fn(async () => {
      await sleep(50);
      return { paymentId: 'p-1' };
    });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        idempotent({
          store: stores2[i % 2]!,
          callerId: 'c',
          operation: 'createPayment',
          key,
          input: { amount: '5' },
          run,
        }),
      ),
    );
    expect(run).toHaveBeenCalledTimes(1);
    expect(answers.filter((a) => a.kind === 'result')).toHaveLength(1);
    expect(answers.filter((a) => a.kind === 'in_progress')).toHaveLength(49);
    for (const store of stores2) {
      expect(
        await idempotent({ store, callerId: 'c', operation: 'createPayment', key, input: { amount: '5' }, run }),
      ).toEqual({
        kind: 'result',
        value: { paymentId: 'p-1' },
        replayed: true,
      });
    }
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('fails within the connect timeout when nothing listens, instead of hanging', async () => {
    const store = new RedisIdempotencyStore('redis://127.0.0.1:1', {
      commandTimeoutMs: COMMAND_TIMEOUT_MS,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
    });
    stores.push(store);
    const started = Date.now();
    await expect(store.claim('s', 'fp', 1_000, 1_000)).rejects.toThrow(IdempotencyStoreError);
    expect(Date.now() - started).toBeLessThan(CONNECT_TIMEOUT_MS + 500);
  });

  it('refuses calls once closed', async () => {
    const store = newStore();
    await store.claim(`closed-${randomUUID()}`, 'fp', 1_000, 1_000);
    await store.close();
    await expect(store.claim('s', 'fp', 1_000, 1_000)).rejects.toThrow(/closed/);
  });
});

// Last: these stop the server the other tests use.
describe('RedisIdempotencyStore when Redis stops', () => {
  it('fails a call within the command timeout while Redis stops answering, and works again once it answers', async () => {
    const store = newStore();
    const scope = `pause-${randomUUID()}`;
    expect(await store.claim(scope, 'fp', 10_000, 10_000)).toMatchObject({ status: 'claimed', retry: false });
    server!.pause();
    try {
      const started = Date.now();
      const error = await store.claim(scope, 'fp', 10_000, 10_000).catch((err: unknown) => err);
      const elapsed = Date.now() - started;
      expect(error).toBeInstanceOf(IdempotencyStoreError);
      expect((error as Error).message).toMatch(/timed out/i);
      expect(elapsed).toBeGreaterThanOrEqual(COMMAND_TIMEOUT_MS - 20);
      expect(elapsed).toBeLessThan(COMMAND_TIMEOUT_MS + 300);
      // idempotent() surfaces it and never runs the write.
      const run = jest.fn(async () => 'paid');
      await expect(
        idempotent({ store, callerId: 'c', operation: 'createPayment', key: 'k', input: {}, run }),
      ).rejects.toThrow(IdempotencyStoreError);
      expect(run).not.toHaveBeenCalled();
    } finally {
      server!.resume();
    }
    expect(await store.claim(scope, 'fp', 10_000, 10_000)).toEqual({ status: 'in_progress', fingerprint: 'fp' });
  });

  it('fails calls quickly once Redis is gone, instead of hanging', async () => {
    const store = newStore();
    const scope = `kill-${randomUUID()}`;
    const ticket = ticketOf(await store.claim(scope, 'fp', 10_000, 10_000));
    await server!.kill();
    const started = Date.now();
    const results = await Promise.allSettled([
      store.claim(scope, 'fp', 10_000, 10_000),
      store.complete(scope, ticket, '1', 10_000),
      store.abandon(scope, ticket),
    ]);
    const elapsed = Date.now() - started;
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyStoreError);
    }
    expect(elapsed).toBeLessThan(CONNECT_TIMEOUT_MS + COMMAND_TIMEOUT_MS + 200);
  });
});
