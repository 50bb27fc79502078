// What every IdempotencyStore must do, and idempotent() over it: run by
// test/unit/idempotency-memory.test.ts (memory, injected clock) and
// test/integration/idempotency-redis.test.ts (a real redis-server, real time).
import { randomUUID } from 'node:crypto';
import { idempotent, upstreamIdempotencyKey, type IdempotencyStore } from '../../src/idempotency';

export interface StoreHarness {
  /** A store for one test; the contract closes it. */
  create(): IdempotencyStore | Promise<IdempotencyStore>;
  /** Lets `ms` pass for the store (memory: moves the clock; Redis: waits a little longer). */
  elapse(ms: number): Promise<void>;
  /** A lock and a retention short enough to wait for (Redis) and long enough not to lapse by accident. */
  lockMs: number;
  retainMs: number;
}

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

/** Polls `condition` every 5 ms; fails after `timeoutMs`. */
const waitFor = async (condition: () => boolean, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

export const describeStoreContract = (name: string, harness: StoreHarness): void => {
  const { lockMs, retainMs } = harness;
  let store: IdempotencyStore;
  // Scopes are unique per test, so tests sharing one Redis never see each other's records.
  let scope: string;
  const other = () => `${scope}-other`;

  beforeEach(async () => {
    store = await harness.create();
    scope = `contract-${randomUUID()}`;
  });
  afterEach(async () => {
    await store.close();
  });

  describe(`${name}: the store`, () => {
    it('grants the first claim, and names its fingerprint to every later claim', async () => {
      expect(await store.claim(scope, 'fp-a', lockMs)).toEqual({ status: 'claimed' });
      expect(await store.claim(scope, 'fp-a', lockMs)).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      expect(await store.claim(scope, 'fp-b', lockMs)).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
    });

    it('keeps the outcome the holder completes with, byte for byte', async () => {
      const outcome = JSON.stringify({ id: '123', note: 'ação "quoted" \\ 🙂', big: 'x'.repeat(100_000) });
      await store.claim(scope, 'fp-a', lockMs);
      expect(await store.complete(scope, 'fp-a', outcome, retainMs)).toBe(true);
      expect(await store.claim(scope, 'fp-a', lockMs)).toEqual({ status: 'done', fingerprint: 'fp-a', outcome });
      expect(await store.claim(scope, 'fp-b', lockMs)).toEqual({ status: 'done', fingerprint: 'fp-a', outcome });
    });

    it('refuses to complete for a fingerprint that does not hold the claim, or with no claim, or twice', async () => {
      expect(await store.complete(scope, 'fp-a', '"x"', retainMs)).toBe(false);
      await store.claim(scope, 'fp-a', lockMs);
      expect(await store.complete(scope, 'fp-b', '"b"', retainMs)).toBe(false);
      expect(await store.claim(scope, 'fp-a', lockMs)).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      expect(await store.complete(scope, 'fp-a', '"a"', retainMs)).toBe(true);
      expect(await store.complete(scope, 'fp-a', '"again"', retainMs)).toBe(false);
      expect(await store.claim(scope, 'fp-a', lockMs)).toEqual({ status: 'done', fingerprint: 'fp-a', outcome: '"a"' });
    });

    it('frees the scope when the holder releases it, and only then', async () => {
      await store.claim(scope, 'fp-a', lockMs);
      await store.release(scope, 'fp-b');
      expect(await store.claim(scope, 'fp-b', lockMs)).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      await store.release(scope, 'fp-a');
      expect(await store.claim(scope, 'fp-b', lockMs)).toEqual({ status: 'claimed' });
    });

    it('never releases a finished record', async () => {
      await store.claim(scope, 'fp-a', lockMs);
      await store.complete(scope, 'fp-a', '1', retainMs);
      await store.release(scope, 'fp-a');
      expect(await store.claim(scope, 'fp-a', lockMs)).toEqual({ status: 'done', fingerprint: 'fp-a', outcome: '1' });
    });

    it('lets an in-progress claim lapse after lockMs, and not before', async () => {
      await store.claim(scope, 'fp-a', lockMs);
      await harness.elapse(lockMs / 2);
      expect(await store.claim(scope, 'fp-b', lockMs)).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      await harness.elapse(lockMs / 2);
      expect(await store.claim(scope, 'fp-b', lockMs)).toEqual({ status: 'claimed' });
    });

    it('keeps an outcome retainMs from completion, then forgets it', async () => {
      await store.claim(scope, 'fp-a', lockMs);
      await harness.elapse(lockMs / 2);
      await store.complete(scope, 'fp-a', '"kept"', retainMs);
      await harness.elapse(retainMs / 2);
      expect(await store.claim(scope, 'fp-a', lockMs)).toEqual({
        status: 'done',
        fingerprint: 'fp-a',
        outcome: '"kept"',
      });
      await harness.elapse(retainMs / 2);
      expect(await store.claim(scope, 'fp-a', lockMs)).toEqual({ status: 'claimed' });
    });

    it('refuses a completion after the claim lapsed and other input took the scope (compare-and-set)', async () => {
      await store.claim(scope, 'fp-slow', lockMs);
      await harness.elapse(lockMs);
      expect(await store.claim(scope, 'fp-new', lockMs)).toEqual({ status: 'claimed' });
      expect(await store.complete(scope, 'fp-slow', '"late"', retainMs)).toBe(false);
      await store.release(scope, 'fp-slow');
      expect(await store.claim(scope, 'fp-x', lockMs)).toEqual({ status: 'in_progress', fingerprint: 'fp-new' });
      expect(await store.complete(scope, 'fp-new', '"new"', retainMs)).toBe(true);
      expect(await store.claim(scope, 'fp-x', lockMs)).toEqual({
        status: 'done',
        fingerprint: 'fp-new',
        outcome: '"new"',
      });
    });

    it('refuses a completion after the claim lapsed, even with no one else there', async () => {
      await store.claim(scope, 'fp-a', lockMs);
      await harness.elapse(lockMs);
      expect(await store.complete(scope, 'fp-a', '"late"', retainMs)).toBe(false);
      expect(await store.claim(scope, 'fp-a', lockMs)).toEqual({ status: 'claimed' });
    });

    it('of 50 concurrent claims of one scope, grants exactly one', async () => {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.claim(scope, `fp-${i}`, lockMs)));
      const winners = results.map((r, i) => (r.status === 'claimed' ? i : -1)).filter((i) => i >= 0);
      expect(winners).toHaveLength(1);
      const losers = results.filter((r) => r.status !== 'claimed');
      expect(losers).toEqual(Array(49).fill({ status: 'in_progress', fingerprint: `fp-${winners[0]}` }));
    });

    it('keeps scopes apart', async () => {
      await store.claim(scope, 'fp-a', lockMs);
      expect(await store.claim(other(), 'fp-a', lockMs)).toEqual({ status: 'claimed' });
      await store.complete(other(), 'fp-a', '"other"', retainMs);
      expect(await store.claim(scope, 'fp-a', lockMs)).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
    });

    it('refuses lifetimes Redis could not take (PX wants a positive integer of ms), and empty scopes', async () => {
      for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        await expect(store.claim(scope, 'fp', bad)).rejects.toThrow(RangeError);
        await expect(store.complete(scope, 'fp', '1', bad)).rejects.toThrow(RangeError);
      }
      await expect(store.claim('', 'fp', lockMs)).rejects.toThrow(TypeError);
      expect(await store.claim(scope, 'fp', lockMs)).toEqual({ status: 'claimed' });
    });
  });

  describe(`${name}: idempotent()`, () => {
    const callerId = 'caller-one';
    const input = { amount: '100.50', token: 'card-token', payer: { email: 'a@b.c' } };
    let key: string;
    beforeEach(() => {
      key = `key-${randomUUID()}`;
    });
    const call = <T>(
      run: (upstreamKey: string) => Promise<T>,
      overrides: { input?: unknown; callerId?: string; operation?: string; key?: string } = {},
    ) =>
      idempotent<T>({
        store,
        callerId: overrides.callerId ?? callerId,
        operation: overrides.operation ?? 'createPayment',
        key: overrides.key ?? key,
        input: overrides.input ?? input,
        run,
        lockMs,
        retainMs,
      });

    it('runs once for 50 concurrent calls with one key: the rest are in progress, and a retry replays the first outcome', async () => {
      const release = deferred<void>();
      const run = jest.fn(async (upstreamKey: string) => {
        await release.promise;
        return { paymentId: '9001', upstreamKey };
      });
      let answered = 0;
      const pending = Array.from({ length: 50 }, () => call(run).finally(() => answered++));
      // Every other call has its answer before the write finishes.
      await waitFor(() => answered === 49);
      release.resolve();
      const answers = await Promise.all(pending);
      expect(run).toHaveBeenCalledTimes(1);
      const results = answers.filter((a) => a.kind === 'result');
      expect(results).toEqual([
        {
          kind: 'result',
          value: { paymentId: '9001', upstreamKey: upstreamIdempotencyKey(callerId, 'createPayment', key) },
          replayed: false,
        },
      ]);
      expect(answers.filter((a) => a.kind === 'in_progress')).toHaveLength(49);

      expect(await call(run)).toEqual({
        kind: 'result',
        value: { paymentId: '9001', upstreamKey: upstreamIdempotencyKey(callerId, 'createPayment', key) },
        replayed: true,
      });
      expect(run).toHaveBeenCalledTimes(1);
    });

    it('of 50 concurrent calls with one key and a quick write, runs once; every other answer is in progress or the replay', async () => {
      const run = jest.fn(async () => ({ paymentId: '42' }));
      const answers = await Promise.all(Array.from({ length: 50 }, () => call(run)));
      expect(run).toHaveBeenCalledTimes(1);
      for (const answer of answers) {
        if (answer.kind === 'result') expect(answer.value).toEqual({ paymentId: '42' });
        else expect(answer.kind).toBe('in_progress');
      }
      expect(answers.filter((a) => a.kind === 'result' && !a.replayed)).toHaveLength(1);
    });

    it('answers key_reused for the same key with other input, without running, whether the first finished or not', async () => {
      const first = deferred<void>();
      const run = jest.fn(async () => {
        await first.promise;
        return { paymentId: '1' };
      });
      const running = call(run);
      await waitFor(() => run.mock.calls.length === 1);
      expect(await call(run, { input: { ...input, amount: '999.00' } })).toEqual({ kind: 'key_reused' });
      first.resolve();
      expect(await running).toMatchObject({ kind: 'result', replayed: false });
      expect(await call(run, { input: { ...input, amount: '999.00' } })).toEqual({ kind: 'key_reused' });
      expect(run).toHaveBeenCalledTimes(1);
    });

    it('takes the same input written in another key order as the same input', async () => {
      const run = jest.fn(async () => 'ok');
      await call(run, { input: { a: 1, b: { c: 2, d: [1, 2] } } });
      expect(await call(run, { input: { b: { d: [1, 2], c: 2 }, a: 1, e: undefined } })).toEqual({
        kind: 'result',
        value: 'ok',
        replayed: true,
      });
      expect(run).toHaveBeenCalledTimes(1);
    });

    it('releases the key when the write fails, so a retry runs again with the same upstream key', async () => {
      const keys: string[] = [];
      const failing = jest.fn(async (upstreamKey: string) => {
        keys.push(upstreamKey);
        throw new Error('upstream timed out');
      });
      await expect(call(failing)).rejects.toThrow('upstream timed out');
      const succeeding = jest.fn(async (upstreamKey: string) => {
        keys.push(upstreamKey);
        return { paymentId: '7' };
      });
      expect(await call(succeeding)).toEqual({ kind: 'result', value: { paymentId: '7' }, replayed: false });
      expect(keys).toEqual([keys[0], keys[0]]);
    });

    it('keeps callers apart: one caller never sees, blocks or replays another caller’s key', async () => {
      const keys: string[] = [];
      const run = async (upstreamKey: string) => {
        keys.push(upstreamKey);
        return upstreamKey;
      };
      const a = await call(run, { callerId: 'caller-a' });
      const b = await call(run, { callerId: 'caller-b', input: { other: true } });
      expect(a).toMatchObject({ kind: 'result', replayed: false });
      expect(b).toMatchObject({ kind: 'result', replayed: false });
      expect(new Set(keys).size).toBe(2);
    });

    it('keeps operations apart under one key', async () => {
      const run = jest.fn(async () => 'done');
      await call(run, { operation: 'capturePayment' });
      expect(await call(run, { operation: 'cancelPayment' })).toMatchObject({ kind: 'result', replayed: false });
      expect(run).toHaveBeenCalledTimes(2);
    });

    it('runs again once the outcome has been forgotten (retainMs), with the same upstream key', async () => {
      const keys: string[] = [];
      const run = async (upstreamKey: string) => {
        keys.push(upstreamKey);
        return keys.length;
      };
      expect(await call(run)).toEqual({ kind: 'result', value: 1, replayed: false });
      await harness.elapse(retainMs);
      expect(await call(run)).toEqual({ kind: 'result', value: 2, replayed: false });
      expect(keys[0]).toBe(keys[1]);
    });

    it('still answers a write that outlived its claim, and keeps the record of the call that took over', async () => {
      const slow = deferred<void>();
      let started = false;
      const running = call(async () => {
        started = true;
        await slow.promise;
        return 'slow';
      });
      await waitFor(() => started);
      await harness.elapse(lockMs);
      expect(await call(async () => 'other', { input: { other: 1 } })).toEqual({
        kind: 'result',
        value: 'other',
        replayed: false,
      });
      slow.resolve();
      expect(await running).toEqual({ kind: 'result', value: 'slow', replayed: false });
      expect(await call(async () => 'never', { input: { other: 1 } })).toEqual({
        kind: 'result',
        value: 'other',
        replayed: true,
      });
    });
  });
};
