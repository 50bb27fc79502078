// What every IdempotencyStore must do, and idempotent() over it: run by
// test/unit/idempotency-memory.test.ts (memory, injected clock) and
// test/integration/idempotency-redis.test.ts (a real redis-server, real time). A record is in
// progress under its holder's ticket, done, or unknown (abandoned, or its lock lapsed): the same
// input may claim an unknown record again, other input never (docs/architecture.md, "The life of a
// mutation").
import { randomUUID } from 'node:crypto';
import {
  fingerprint,
  idempotencyScope,
  idempotent,
  upstreamIdempotencyKey,
  type Attempt,
  type ClaimResult,
  type IdempotencyStore,
} from '../../src/idempotency';

export interface StoreHarness {
  /** A store for one test; the contract closes it. */
  create(): IdempotencyStore | Promise<IdempotencyStore>;
  /**
   * Lets `ms` pass for the store (memory: moves the clock; Redis: really waits a little longer, as
   * its scripts time locks with Redis's own clock and its TTLs run on it too).
   */
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

/** What a granted claim looks like: a fresh ticket, and whether an earlier attempt ended unknown. */
const claimed = (retry: boolean) => ({ status: 'claimed', ticket: expect.any(String), retry });

const ticketOf = (result: ClaimResult): string => {
  if (result.status !== 'claimed') throw new Error(`expected the claim to be granted, got ${JSON.stringify(result)}`);
  return result.ticket;
};

export const describeStoreContract = (name: string, harness: StoreHarness): void => {
  const { lockMs, retainMs } = harness;
  let store: IdempotencyStore;
  // Scopes are unique per test, so tests sharing one Redis never see each other's records.
  let scope: string;
  const other = () => `${scope}-other`;
  const claim = (fp: string, at = scope) => store.claim(at, fp, lockMs, retainMs);
  /** Claims `fp`, which must be granted: its ticket. */
  const take = async (fp: string, at = scope) => ticketOf(await claim(fp, at));

  beforeEach(async () => {
    store = await harness.create();
    scope = `contract-${randomUUID()}`;
  });
  afterEach(async () => {
    await store.close();
  });

  describe(`${name}: the store`, () => {
    it('grants the first claim under a fresh ticket, and names its fingerprint to every later claim while locked', async () => {
      const first = await claim('fp-a');
      expect(first).toEqual(claimed(false));
      expect(await claim('fp-a')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      expect(await claim('fp-b')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      const second = await claim('fp-a', other());
      expect(second).toEqual(claimed(false));
      expect(ticketOf(second)).not.toBe(ticketOf(first));
    });

    it('keeps the outcome the holder completes with, byte for byte', async () => {
      const outcome = JSON.stringify({ id: '123', note: 'ação "quoted" \\ 🙂', big: 'x'.repeat(100_000) });
      const ticket = await take('fp-a');
      expect(await store.complete(scope, ticket, outcome, retainMs)).toBe(true);
      expect(await claim('fp-a')).toEqual({ status: 'done', fingerprint: 'fp-a', outcome });
      expect(await claim('fp-b')).toEqual({ status: 'done', fingerprint: 'fp-a', outcome });
    });

    it('refuses to complete with a ticket that does not hold the record, or with no record, or twice', async () => {
      expect(await store.complete(scope, randomUUID(), '"x"', retainMs)).toBe(false);
      const first = await claim('fp-a');
      expect(first).toEqual(claimed(false)); // the refused completion left nothing behind
      const ticket = ticketOf(first);
      expect(await store.complete(scope, randomUUID(), '"b"', retainMs)).toBe(false);
      expect(await claim('fp-a')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      expect(await store.complete(scope, ticket, '"a"', retainMs)).toBe(true);
      expect(await store.complete(scope, ticket, '"again"', retainMs)).toBe(false);
      expect(await claim('fp-a')).toEqual({ status: 'done', fingerprint: 'fp-a', outcome: '"a"' });
    });

    it('leaves an abandoned record unknown: other input is refused, the same input claims it again (retry)', async () => {
      const first = await take('fp-a');
      await store.abandon(scope, first);
      expect(await claim('fp-b')).toEqual({ status: 'unknown', fingerprint: 'fp-a' });
      expect(await claim('fp-b')).toEqual({ status: 'unknown', fingerprint: 'fp-a' });
      const retry = await claim('fp-a');
      expect(retry).toEqual(claimed(true));
      expect(ticketOf(retry)).not.toBe(first);
      // Locked again: in progress for everyone, the same input included.
      expect(await claim('fp-a')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      expect(await claim('fp-b')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      expect(await store.complete(scope, ticketOf(retry), '"second"', retainMs)).toBe(true);
      expect(await claim('fp-b')).toEqual({ status: 'done', fingerprint: 'fp-a', outcome: '"second"' });
    });

    it('abandons only for the ticket that holds the record', async () => {
      await store.abandon(scope, randomUUID()); // no record: nothing happens, nothing is created
      const ticket = await take('fp-a');
      await store.abandon(scope, randomUUID());
      expect(await claim('fp-b')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      await store.abandon(scope, ticket);
      expect(await claim('fp-b')).toEqual({ status: 'unknown', fingerprint: 'fp-a' });
      // Abandoned, the ticket holds nothing: it can neither complete nor abandon again.
      expect(await store.complete(scope, ticket, '"late"', retainMs)).toBe(false);
      expect(await claim('fp-b')).toEqual({ status: 'unknown', fingerprint: 'fp-a' });
    });

    it('never abandons a finished record', async () => {
      const ticket = await take('fp-a');
      await store.complete(scope, ticket, '1', retainMs);
      await store.abandon(scope, ticket);
      expect(await claim('fp-a')).toEqual({ status: 'done', fingerprint: 'fp-a', outcome: '1' });
    });

    it('keeps an in-progress record locked for lockMs; then it is unknown: other input refused, the same input retries', async () => {
      const first = await take('fp-a');
      await harness.elapse(lockMs / 2);
      expect(await claim('fp-b')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      expect(await claim('fp-a')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      await harness.elapse(lockMs / 2);
      expect(await claim('fp-b')).toEqual({ status: 'unknown', fingerprint: 'fp-a' });
      const retry = await claim('fp-a');
      expect(retry).toEqual(claimed(true));
      expect(ticketOf(retry)).not.toBe(first);
      expect(await claim('fp-b')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
    });

    it('locks a retry for lockMs again', async () => {
      await store.abandon(scope, await take('fp-a'));
      await take('fp-a');
      await harness.elapse(lockMs / 2);
      expect(await claim('fp-a')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      await harness.elapse(lockMs / 2);
      expect(await claim('fp-a')).toEqual(claimed(true));
    });

    it('keeps an outcome retainMs from completion, then forgets it', async () => {
      const ticket = await take('fp-a');
      await harness.elapse(lockMs / 2);
      await store.complete(scope, ticket, '"kept"', retainMs);
      await harness.elapse(retainMs / 2);
      expect(await claim('fp-a')).toEqual({ status: 'done', fingerprint: 'fp-a', outcome: '"kept"' });
      await harness.elapse(retainMs / 2);
      expect(await claim('fp-a')).toEqual(claimed(false));
    });

    it('counts an outcome’s retention from its completion, not from the claim', async () => {
      const ticket = await take('fp-a');
      await harness.elapse(retainMs / 2);
      expect(await store.complete(scope, ticket, '"kept"', retainMs)).toBe(true);
      await harness.elapse(retainMs / 2);
      // retainMs after the claim, half of it after the completion.
      expect(await claim('fp-b')).toEqual({ status: 'done', fingerprint: 'fp-a', outcome: '"kept"' });
      await harness.elapse(retainMs / 2);
      expect(await claim('fp-b')).toEqual(claimed(false));
    });

    it('keeps an unfinished record retainMs from its claim (abandoning does not extend it), then forgets it', async () => {
      const ticket = await take('fp-a');
      await harness.elapse(retainMs / 2);
      await store.abandon(scope, ticket);
      expect(await claim('fp-b')).toEqual({ status: 'unknown', fingerprint: 'fp-a' });
      await harness.elapse(retainMs / 2);
      // Forgotten: a new record for whatever input comes, no retry.
      expect(await claim('fp-b')).toEqual(claimed(false));
    });

    it('keeps a record whose holder died (lock lapsed) retainMs from its claim, then forgets it', async () => {
      await take('fp-a');
      await harness.elapse(retainMs / 2);
      expect(await claim('fp-b')).toEqual({ status: 'unknown', fingerprint: 'fp-a' });
      await harness.elapse(retainMs / 2);
      expect(await claim('fp-b')).toEqual(claimed(false));
    });

    it('renews the retention when the same input claims an unknown record again', async () => {
      await store.abandon(scope, await take('fp-a'));
      await harness.elapse(retainMs / 2);
      await store.abandon(scope, await take('fp-a'));
      await harness.elapse(retainMs / 2);
      // retainMs after the first claim, but only half of it after the retry.
      expect(await claim('fp-b')).toEqual({ status: 'unknown', fingerprint: 'fp-a' });
      await harness.elapse(retainMs / 2);
      expect(await claim('fp-b')).toEqual(claimed(false));
    });

    it('completes after the lock lapsed when nobody took the record over', async () => {
      const ticket = await take('fp-a');
      await harness.elapse(lockMs);
      expect(await store.complete(scope, ticket, '"late"', retainMs)).toBe(true);
      expect(await claim('fp-a')).toEqual({ status: 'done', fingerprint: 'fp-a', outcome: '"late"' });
      expect(await claim('fp-b')).toEqual({ status: 'done', fingerprint: 'fp-a', outcome: '"late"' });
    });

    it('abandons after the lock lapsed when nobody took the record over', async () => {
      const ticket = await take('fp-a');
      await harness.elapse(lockMs);
      await store.abandon(scope, ticket);
      expect(await store.complete(scope, ticket, '"late"', retainMs)).toBe(false);
      expect(await claim('fp-a')).toEqual(claimed(true));
    });

    it('refuses a stale ticket once the same input took the record over after its lock lapsed (compare-and-set)', async () => {
      const stale = await take('fp-a');
      await harness.elapse(lockMs);
      const fresh = await take('fp-a');
      expect(await store.complete(scope, stale, '"late"', retainMs)).toBe(false);
      await store.abandon(scope, stale);
      // Neither touched the new holder's record.
      expect(await claim('fp-a')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      expect(await claim('fp-b')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      expect(await store.complete(scope, fresh, '"new"', retainMs)).toBe(true);
      expect(await store.complete(scope, stale, '"late"', retainMs)).toBe(false);
      expect(await claim('fp-b')).toEqual({ status: 'done', fingerprint: 'fp-a', outcome: '"new"' });
    });

    it('refuses a stale ticket once the same input took an abandoned record over', async () => {
      const stale = await take('fp-a');
      await store.abandon(scope, stale);
      const fresh = await take('fp-a');
      expect(await store.complete(scope, stale, '"late"', retainMs)).toBe(false);
      await store.abandon(scope, stale);
      expect(await claim('fp-a')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      await store.abandon(scope, fresh);
      expect(await claim('fp-b')).toEqual({ status: 'unknown', fingerprint: 'fp-a' });
    });

    it('of 50 concurrent claims of one scope, grants exactly one', async () => {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => claim(`fp-${i}`)));
      const winners = results.map((r, i) => (r.status === 'claimed' ? i : -1)).filter((i) => i >= 0);
      expect(winners).toHaveLength(1);
      expect(results[winners[0]!]).toEqual(claimed(false));
      const losers = results.filter((r) => r.status !== 'claimed');
      expect(losers).toEqual(Array(49).fill({ status: 'in_progress', fingerprint: `fp-${winners[0]}` }));
    });

    it.each([
      ['abandoned', (ticket: string) => store.abandon(scope, ticket)],
      ['whose lock lapsed', () => harness.elapse(lockMs)],
    ])('of 50 concurrent retries of a record %s with the same input, grants exactly one', async (_, endUnknown) => {
      await endUnknown(await take('fp-a'));
      const results = await Promise.all(Array.from({ length: 50 }, () => claim('fp-a')));
      const winners = results.filter((r) => r.status === 'claimed');
      expect(winners).toEqual([claimed(true)]);
      expect(results.filter((r) => r.status !== 'claimed')).toEqual(
        Array(49).fill({ status: 'in_progress', fingerprint: 'fp-a' }),
      );
    });

    it('never lets other input take an unknown record over, even racing the same input', async () => {
      await store.abandon(scope, await take('fp-a'));
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => claim(i % 2 ? 'fp-b' : 'fp-a')));
      expect(results.filter((r) => r.status === 'claimed')).toEqual([claimed(true)]);
      for (const [i, result] of results.entries()) {
        if (result.status === 'claimed') expect(i % 2).toBe(0);
        else expect(result).toEqual({ status: expect.stringMatching(/^(unknown|in_progress)$/), fingerprint: 'fp-a' });
      }
    });

    it('counts uses of a counter up to its maximum, then refuses, until its retention ends', async () => {
      const counter = `${scope}-attempts`;
      for (let i = 1; i <= 3; i++) expect(await store.take(counter, 3, retainMs)).toEqual({ taken: true, count: i });
      expect(await store.take(counter, 3, retainMs)).toEqual({ taken: false, count: 3 });
      expect(await store.take(other(), 3, retainMs)).toEqual({ taken: true, count: 1 });
      await harness.elapse(retainMs);
      expect(await store.take(counter, 3, retainMs)).toEqual({ taken: true, count: 1 });
    });

    it('of 20 concurrent takes of a counter with room for 5, grants exactly 5', async () => {
      const counter = `${scope}-race`;
      const results = await Promise.all(Array.from({ length: 20 }, () => store.take(counter, 5, retainMs)));
      expect(results.filter((r) => r.taken)).toHaveLength(5);
      expect(results.filter((r) => !r.taken)).toEqual(Array(15).fill({ taken: false, count: 5 }));
    });

    it('keeps scopes apart', async () => {
      await take('fp-a');
      const ticket = await take('fp-a', other());
      await store.complete(other(), ticket, '"other"', retainMs);
      expect(await claim('fp-a')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
      // A ticket holds only its own scope.
      await store.abandon(scope, ticket);
      expect(await store.complete(scope, ticket, '"x"', retainMs)).toBe(false);
      expect(await claim('fp-a')).toEqual({ status: 'in_progress', fingerprint: 'fp-a' });
    });

    it('refuses lifetimes Redis could not take (PX wants a positive integer of ms), and empty scopes', async () => {
      for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        await expect(store.claim(scope, 'fp', bad, retainMs)).rejects.toThrow(RangeError);
        await expect(store.claim(scope, 'fp', lockMs, bad)).rejects.toThrow(RangeError);
        await expect(store.complete(scope, 'ticket', '1', bad)).rejects.toThrow(RangeError);
      }
      await expect(store.claim('', 'fp', lockMs, retainMs)).rejects.toThrow(TypeError);
      await expect(store.complete('', 'ticket', '1', retainMs)).rejects.toThrow(TypeError);
      await expect(store.abandon('', 'ticket')).rejects.toThrow(TypeError);
      expect(await claim('fp')).toEqual(claimed(false));
    });
  });

  describe(`${name}: idempotent()`, () => {
    const callerId = 'caller-one';
    const input = { amount: '100.50', token: 'card-token', payer: { email: 'a@b.c' } };
    const otherInput = { ...input, amount: '999.00' };
    let key: string;
    beforeEach(() => {
      key = `key-${randomUUID()}`;
    });
    /** The upstream key idempotent() derives for `input` (or `of`) under this test's key. */
    const upstreamKeyOf = (of: unknown = input) =>
      upstreamIdempotencyKey(callerId, 'createPayment', key, fingerprint('createPayment', of));
    const call = <T>(
      run: (attempt: Attempt) => Promise<T>,
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
      const run = jest.fn(async (attempt: Attempt) => {
        await release.promise;
        return { paymentId: '9001', ...attempt };
      });
      let answered = 0;
      const pending = Array.from({ length: 50 }, () => call(run).finally(() => answered++));
      // Every other call has its answer before the write finishes.
      await waitFor(() => answered === 49);
      release.resolve();
      const answers = await Promise.all(pending);
      expect(run).toHaveBeenCalledTimes(1);
      const value = { paymentId: '9001', upstreamKey: upstreamKeyOf(), retry: false };
      expect(answers.filter((a) => a.kind === 'result')).toEqual([{ kind: 'result', value, replayed: false }]);
      expect(answers.filter((a) => a.kind === 'in_progress')).toHaveLength(49);

      expect(await call(run)).toEqual({ kind: 'result', value, replayed: true });
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
      expect(await call(run, { input: otherInput })).toEqual({ kind: 'key_reused' });
      first.resolve();
      expect(await running).toMatchObject({ kind: 'result', replayed: false });
      expect(await call(run, { input: otherInput })).toEqual({ kind: 'key_reused' });
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

    it('leaves the key unknown when the write fails: the same input runs again (retry, same upstream key), other input is key_reused', async () => {
      const attempts: Attempt[] = [];
      const failing = jest.fn(async (attempt: Attempt) => {
        attempts.push(attempt);
        throw new Error('upstream timed out');
      });
      await expect(call(failing)).rejects.toThrow('upstream timed out');
      const succeeding = jest.fn(async (attempt: Attempt) => {
        attempts.push(attempt);
        return { paymentId: '7' };
      });
      expect(await call(succeeding, { input: otherInput })).toEqual({ kind: 'key_reused' });
      expect(succeeding).not.toHaveBeenCalled();
      // A second failure leaves it unknown again.
      await expect(call(failing)).rejects.toThrow('upstream timed out');
      expect(await call(succeeding, { input: otherInput })).toEqual({ kind: 'key_reused' });
      expect(await call(succeeding)).toEqual({ kind: 'result', value: { paymentId: '7' }, replayed: false });
      expect(attempts).toEqual([
        { upstreamKey: upstreamKeyOf(), retry: false },
        { upstreamKey: upstreamKeyOf(), retry: true },
        { upstreamKey: upstreamKeyOf(), retry: true },
      ]);
      expect(await call(succeeding)).toEqual({ kind: 'result', value: { paymentId: '7' }, replayed: true });
      expect(await call(succeeding, { input: otherInput })).toEqual({ kind: 'key_reused' });
      expect(succeeding).toHaveBeenCalledTimes(1);
    });

    it('of 50 concurrent retries after a failed write, runs once (retry: true); the rest are in progress', async () => {
      await expect(call(async () => Promise.reject(new Error('503')))).rejects.toThrow('503');
      const release = deferred<void>();
      const run = jest.fn(async (attempt: Attempt) => {
        await release.promise;
        return attempt;
      });
      let answered = 0;
      const pending = Array.from({ length: 50 }, () => call(run).finally(() => answered++));
      await waitFor(() => answered === 49);
      release.resolve();
      const answers = await Promise.all(pending);
      expect(run).toHaveBeenCalledTimes(1);
      expect(answers.filter((a) => a.kind === 'result')).toEqual([
        { kind: 'result', value: { upstreamKey: upstreamKeyOf(), retry: true }, replayed: false },
      ]);
      expect(answers.filter((a) => a.kind === 'in_progress')).toHaveLength(49);
    });

    it('retries a call whose process died once its lock lapses, with the same upstream key; other input stays key_reused', async () => {
      // What a gateway that died mid-write leaves behind: a claim never completed nor abandoned.
      const scope = idempotencyScope(callerId, 'createPayment', key);
      expect(await store.claim(scope, fingerprint('createPayment', input), lockMs, retainMs)).toEqual(claimed(false));
      const run = jest.fn(async (attempt: Attempt) => attempt);
      expect(await call(run)).toEqual({ kind: 'in_progress' });
      expect(await call(run, { input: otherInput })).toEqual({ kind: 'key_reused' });
      await harness.elapse(lockMs);
      expect(await call(run, { input: otherInput })).toEqual({ kind: 'key_reused' });
      expect(await call(run)).toEqual({
        kind: 'result',
        value: { upstreamKey: upstreamKeyOf(), retry: true },
        replayed: false,
      });
      expect(run).toHaveBeenCalledTimes(1);
    });

    it('keeps callers apart: one caller never sees, blocks or replays another caller’s key', async () => {
      const keys: string[] = [];
      const run = async ({ upstreamKey }: Attempt) => {
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

    it('runs again once the outcome has been forgotten (retainMs), with the same upstream key, as a first attempt', async () => {
      const attempts: Attempt[] = [];
      const run = async (attempt: Attempt) => {
        attempts.push(attempt);
        return attempts.length;
      };
      expect(await call(run)).toEqual({ kind: 'result', value: 1, replayed: false });
      await harness.elapse(retainMs);
      expect(await call(run)).toEqual({ kind: 'result', value: 2, replayed: false });
      expect(attempts).toEqual([
        { upstreamKey: upstreamKeyOf(), retry: false },
        { upstreamKey: upstreamKeyOf(), retry: false },
      ]);
    });

    it('never gives other input the upstream key of the first, even once the record is forgotten', async () => {
      const attempts: Attempt[] = [];
      const run = async (attempt: Attempt) => {
        attempts.push(attempt);
        return attempts.length;
      };
      await expect(call(async () => Promise.reject(new Error('timed out')))).rejects.toThrow('timed out');
      await harness.elapse(retainMs);
      expect(await call(run, { input: otherInput })).toEqual({ kind: 'result', value: 1, replayed: false });
      expect(attempts).toEqual([{ upstreamKey: upstreamKeyOf(otherInput), retry: false }]);
      expect(upstreamKeyOf(otherInput)).not.toBe(upstreamKeyOf());
    });

    it('still answers a write that outlived its lock, and keeps the record of the retry that took over', async () => {
      const slow = deferred<void>();
      let started = false;
      const running = call(async () => {
        started = true;
        await slow.promise;
        return 'slow';
      });
      await waitFor(() => started);
      await harness.elapse(lockMs);
      // The lock lapsed: other input is still refused, the same input takes the record over.
      expect(await call(async () => 'other', { input: otherInput })).toEqual({ kind: 'key_reused' });
      const retry = jest.fn(async (attempt: Attempt) => ({ ...attempt, by: 'retry' }));
      const retried = { upstreamKey: upstreamKeyOf(), retry: true, by: 'retry' };
      expect(await call(retry)).toEqual({ kind: 'result', value: retried, replayed: false });
      slow.resolve();
      // The slow write happened, so it is answered; its outcome is not stored over the retry's.
      expect(await running).toEqual({ kind: 'result', value: 'slow', replayed: false });
      expect(await call(retry)).toEqual({ kind: 'result', value: retried, replayed: true });
      expect(await call(retry, { input: otherInput })).toEqual({ kind: 'key_reused' });
      expect(retry).toHaveBeenCalledTimes(1);
    });

    it('stores a write that outlived its lock when nobody took over: a retry replays it', async () => {
      const slow = deferred<void>();
      let started = false;
      const running = call(async () => {
        started = true;
        await slow.promise;
        return 'slow';
      });
      await waitFor(() => started);
      await harness.elapse(lockMs);
      slow.resolve();
      expect(await running).toEqual({ kind: 'result', value: 'slow', replayed: false });
      const run = jest.fn(async () => 'again');
      expect(await call(run)).toEqual({ kind: 'result', value: 'slow', replayed: true });
      expect(run).not.toHaveBeenCalled();
    });
  });
};
