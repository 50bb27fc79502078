// idempotent() (src/idempotency/idempotent.ts) when the store misbehaves or the outcome is not
// JSON; its rules over a working store are in the shared contract (idempotency-contract.ts).
import {
  createIdempotencyStore,
  fingerprint,
  idempotent,
  IdempotencyStoreError,
  LOCK_MS,
  MemoryIdempotencyStore,
  RETAIN_MS,
  RedisIdempotencyStore,
  upstreamIdempotencyKey,
  type Attempt,
  type ClaimResult,
  type IdempotencyStore,
} from '../../src/idempotency';

/** A memory store whose methods can be made to fail, recording what was asked. */
class FlakyStore implements IdempotencyStore {
  readonly inner = new MemoryIdempotencyStore();
  fail = { claim: false, complete: false, abandon: false };
  readonly calls: string[] = [];
  readonly lifetimes: number[] = [];
  /** The tickets claims granted, and the ones complete and abandon were given. */
  readonly granted: string[] = [];
  readonly used: string[] = [];

  async claim(scope: string, fingerprint: string, lockMs: number, retainMs: number): Promise<ClaimResult> {
    this.calls.push('claim');
    this.lifetimes.push(lockMs, retainMs);
    if (this.fail.claim) throw new IdempotencyStoreError('Redis is unreachable');
    const result = await this.inner.claim(scope, fingerprint, lockMs, retainMs);
    if (result.status === 'claimed') this.granted.push(result.ticket);
    return result;
  }
  async complete(scope: string, ticket: string, outcome: string, retainMs: number): Promise<boolean> {
    this.calls.push('complete');
    this.lifetimes.push(retainMs);
    this.used.push(ticket);
    if (this.fail.complete) throw new IdempotencyStoreError('Redis did not answer');
    return this.inner.complete(scope, ticket, outcome, retainMs);
  }
  take(counter: string, max: number, retainMs: number): Promise<{ taken: boolean; count: number }> {
    return this.inner.take(counter, max, retainMs);
  }
  async abandon(scope: string, ticket: string): Promise<void> {
    this.calls.push('abandon');
    this.used.push(ticket);
    if (this.fail.abandon) throw new IdempotencyStoreError('Redis did not answer');
    return this.inner.abandon(scope, ticket);
  }
  async close(): Promise<void> {}
}

const INPUT = { amount: '10' };

const args = (store: IdempotencyStore, run: (attempt: Attempt) => Promise<unknown>, input: unknown = INPUT) => ({
  store,
  callerId: 'caller',
  operation: 'createPayment',
  key: 'key-1',
  input,
  run,
});

/** A store that answers every claim with `result` and records the rest. */
const fixedStore = (result: ClaimResult) => {
  const calls: string[] = [];
  const store: IdempotencyStore = {
    claim: async () => (calls.push('claim'), result),
    complete: async () => (calls.push('complete'), true),
    abandon: async () => void calls.push('abandon'),
    take: async () => ({ taken: true, count: 1 }),
    close: async () => undefined,
  };
  return { store, calls };
};

describe('idempotent', () => {
  it('keeps outcomes at least 24 h, and locks a running call for a minute', async () => {
    expect(RETAIN_MS).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
    expect(LOCK_MS).toBe(60_000);
    const store = new FlakyStore();
    await idempotent(args(store, async () => 1));
    // The claim is kept the retention too (an unknown outcome is not forgotten sooner), then the outcome.
    expect(store.lifetimes).toEqual([LOCK_MS, RETAIN_MS, RETAIN_MS]);
  });

  it('hands the write the upstream key of (caller, operation, key, input), and completes with the ticket it claimed', async () => {
    const store = new FlakyStore();
    const run = jest.fn(async (attempt: Attempt) => attempt);
    expect(await idempotent(args(store, run))).toEqual({
      kind: 'result',
      value: {
        upstreamKey: upstreamIdempotencyKey('caller', 'createPayment', 'key-1', fingerprint('createPayment', INPUT)),
        retry: false,
      },
      replayed: false,
    });
    expect(store.calls).toEqual(['claim', 'complete']);
    expect(store.used).toEqual(store.granted);
  });

  it('surfaces a store that cannot claim, and never runs the write', async () => {
    const store = new FlakyStore();
    store.fail.claim = true;
    const run = jest.fn(async () => 'paid');
    await expect(idempotent(args(store, run))).rejects.toThrow(IdempotencyStoreError);
    expect(run).not.toHaveBeenCalled();
  });

  it('abandons the record with its own ticket when the write fails, and rethrows the write’s error', async () => {
    const store = new FlakyStore();
    const boom = new Error('upstream 500');
    await expect(idempotent(args(store, async () => Promise.reject(boom)))).rejects.toBe(boom);
    expect(store.calls).toEqual(['claim', 'abandon']);
    expect(store.used).toEqual(store.granted);
    // Unknown: the same input retries, other input is refused.
    expect(await idempotent(args(store, async () => 'other', { amount: '11' }))).toEqual({ kind: 'key_reused' });
    const retry = jest.fn(async (attempt: Attempt) => attempt.retry);
    expect(await idempotent(args(store, retry))).toEqual({ kind: 'result', value: true, replayed: false });
  });

  it('rethrows the write’s own error when abandoning fails too', async () => {
    const store = new FlakyStore();
    store.fail.abandon = true;
    const boom = new Error('upstream 500');
    await expect(idempotent(args(store, async () => Promise.reject(boom)))).rejects.toBe(boom);
    expect(store.calls).toEqual(['claim', 'abandon']);
  });

  it('abandons when the write throws synchronously, and a retry runs again', async () => {
    const store = new FlakyStore();
    await expect(
      idempotent(
        args(store, () => {
          throw new Error('bad call');
        }),
      ),
    ).rejects.toThrow('bad call');
    expect(store.calls).toEqual(['claim', 'abandon']);
    expect(await idempotent(args(store, async ({ retry }) => ({ ran: true, retry })))).toEqual({
      kind: 'result',
      value: { ran: true, retry: true },
      replayed: false,
    });
  });

  it('still answers the write when its outcome cannot be stored (the write happened)', async () => {
    const store = new FlakyStore();
    store.fail.complete = true;
    expect(await idempotent(args(store, async () => ({ paymentId: '1' })))).toEqual({
      kind: 'result',
      value: { paymentId: '1' },
      replayed: false,
    });
    expect(store.calls).toEqual(['claim', 'complete']);
  });

  it('still answers the write when the store refuses its completion (another attempt took over)', async () => {
    const { store } = fixedStore({ status: 'claimed', ticket: 't', retry: true });
    store.complete = async () => false;
    expect(await idempotent(args(store, async () => ({ paymentId: '2' })))).toEqual({
      kind: 'result',
      value: { paymentId: '2' },
      replayed: false,
    });
  });

  it('refuses an outcome that is not JSON data, and abandons the record: the same input retries, other input is key_reused', async () => {
    const store = new FlakyStore();
    const attempts: Attempt[] = [];
    await expect(idempotent(args(store, async (attempt) => (attempts.push(attempt), { amount: 10n })))).rejects.toThrow(
      /not JSON data/,
    );
    await expect(idempotent(args(store, async (attempt) => (attempts.push(attempt), undefined)))).rejects.toThrow(
      /not JSON data/,
    );
    expect(store.calls).toEqual(['claim', 'abandon', 'claim', 'abandon']);
    expect(attempts.map((a) => a.retry)).toEqual([false, true]);
    expect(await idempotent(args(store, async () => 1, { amount: '11' }))).toEqual({ kind: 'key_reused' });
  });

  it('replays plain JSON: what a replay returns is the JSON of the first value', async () => {
    const store = new MemoryIdempotencyStore();
    const first = await idempotent(args(store, async () => ({ at: new Date('2024-01-01T00:00:00Z'), n: 1 })));
    const again = await idempotent(args(store, async () => ({ at: new Date(), n: 2 })));
    expect(first).toMatchObject({ kind: 'result', replayed: false });
    expect(again).toEqual({ kind: 'result', value: { at: '2024-01-01T00:00:00.000Z', n: 1 }, replayed: true });
  });

  it('reports a stored outcome that is not JSON as a store error, and does not run', async () => {
    const { store } = fixedStore({
      status: 'done',
      fingerprint: fingerprint('createPayment', INPUT),
      outcome: '{',
    });
    const run = jest.fn(async () => 1);
    await expect(idempotent(args(store, run))).rejects.toThrow(IdempotencyStoreError);
    expect(run).not.toHaveBeenCalled();
  });

  it('answers key_reused for a record of other input in every state, and for any unknown answer, without running', async () => {
    const otherPrint = fingerprint('createPayment', { amount: '11' });
    const run = jest.fn(async () => 1);
    for (const result of [
      { status: 'unknown', fingerprint: otherPrint },
      // The store names the same input: it still did not grant the claim, so nothing runs.
      { status: 'unknown', fingerprint: fingerprint('createPayment', INPUT) },
      { status: 'in_progress', fingerprint: otherPrint },
      { status: 'done', fingerprint: otherPrint, outcome: '1' },
    ] as const) {
      const { store, calls } = fixedStore(result);
      expect(await idempotent(args(store, run))).toEqual({ kind: 'key_reused' });
      expect(calls).toEqual(['claim']);
    }
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a bad operation, caller or key before touching the store', async () => {
    const store = new FlakyStore();
    await expect(idempotent({ ...args(store, async () => 1), operation: 'create payment' })).rejects.toThrow(TypeError);
    await expect(idempotent({ ...args(store, async () => 1), callerId: '' })).rejects.toThrow(TypeError);
    await expect(idempotent({ ...args(store, async () => 1), key: '' })).rejects.toThrow(TypeError);
    expect(store.calls).toEqual([]);
  });
});

describe('createIdempotencyStore', () => {
  it('keeps records in memory without REDIS_URL, and on Redis with it (connecting on first use)', async () => {
    const memory = createIdempotencyStore(null);
    expect(memory).toBeInstanceOf(MemoryIdempotencyStore);
    const redis = createIdempotencyStore('redis://127.0.0.1:1');
    expect(redis).toBeInstanceOf(RedisIdempotencyStore);
    await Promise.all([memory.close(), redis.close()]);
  });
});
