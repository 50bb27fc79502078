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
  type ClaimResult,
  type IdempotencyStore,
} from '../../src/idempotency';

/** A memory store whose methods can be made to fail, recording what was asked. */
class FlakyStore implements IdempotencyStore {
  readonly inner = new MemoryIdempotencyStore();
  fail = { claim: false, complete: false, release: false };
  readonly calls: string[] = [];
  readonly lifetimes: number[] = [];

  async claim(scope: string, fingerprint: string, lockMs: number): Promise<ClaimResult> {
    this.calls.push('claim');
    this.lifetimes.push(lockMs);
    if (this.fail.claim) throw new IdempotencyStoreError('Redis is unreachable');
    return this.inner.claim(scope, fingerprint, lockMs);
  }
  async complete(scope: string, fingerprint: string, outcome: string, retainMs: number): Promise<boolean> {
    this.calls.push('complete');
    this.lifetimes.push(retainMs);
    if (this.fail.complete) throw new IdempotencyStoreError('Redis did not answer');
    return this.inner.complete(scope, fingerprint, outcome, retainMs);
  }
  async release(scope: string, fingerprint: string): Promise<void> {
    this.calls.push('release');
    if (this.fail.release) throw new IdempotencyStoreError('Redis did not answer');
    return this.inner.release(scope, fingerprint);
  }
  async close(): Promise<void> {}
}

const args = (store: IdempotencyStore, run: (upstreamKey: string) => Promise<unknown>) => ({
  store,
  callerId: 'caller',
  operation: 'createPayment',
  key: 'key-1',
  input: { amount: '10' },
  run,
});

describe('idempotent', () => {
  it('keeps outcomes at least 24 h, and locks a running call for a minute', async () => {
    expect(RETAIN_MS).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
    expect(LOCK_MS).toBe(60_000);
    const store = new FlakyStore();
    await idempotent(args(store, async () => 1));
    expect(store.lifetimes).toEqual([LOCK_MS, RETAIN_MS]);
  });

  it('surfaces a store that cannot claim, and never runs the write', async () => {
    const store = new FlakyStore();
    store.fail.claim = true;
    const run = jest.fn(async () => 'paid');
    await expect(idempotent(args(store, run))).rejects.toThrow(IdempotencyStoreError);
    expect(run).not.toHaveBeenCalled();
  });

  it('rethrows the write’s own error when releasing fails too', async () => {
    const store = new FlakyStore();
    store.fail.release = true;
    const boom = new Error('upstream 500');
    await expect(idempotent(args(store, async () => Promise.reject(boom)))).rejects.toBe(boom);
    expect(store.calls).toEqual(['claim', 'release']);
  });

  it('releases when the write throws synchronously', async () => {
    const store = new FlakyStore();
    await expect(
      idempotent(
        args(store, () => {
          throw new Error('bad call');
        }),
      ),
    ).rejects.toThrow('bad call');
    expect(store.calls).toEqual(['claim', 'release']);
    expect(await idempotent(args(store, async () => 'ran'))).toEqual({ kind: 'result', value: 'ran', replayed: false });
  });

  it('still answers the write when its outcome cannot be stored (the write happened)', async () => {
    const store = new FlakyStore();
    store.fail.complete = true;
    expect(await idempotent(args(store, async () => ({ paymentId: '1' })))).toEqual({
      kind: 'result',
      value: { paymentId: '1' },
      replayed: false,
    });
  });

  it('refuses an outcome that is not JSON data, and releases the key', async () => {
    const store = new FlakyStore();
    await expect(idempotent(args(store, async () => ({ amount: 10n })))).rejects.toThrow(/not JSON data/);
    await expect(idempotent(args(store, async () => undefined))).rejects.toThrow(/not JSON data/);
    expect(store.calls).toEqual(['claim', 'release', 'claim', 'release']);
  });

  it('replays plain JSON: what a replay returns is the JSON of the first value', async () => {
    const store = new MemoryIdempotencyStore();
    const first = await idempotent(args(store, async () => ({ at: new Date('2024-01-01T00:00:00Z'), n: 1 })));
    const again = await idempotent(args(store, async () => ({ at: new Date(), n: 2 })));
    expect(first).toMatchObject({ kind: 'result', replayed: false });
    expect(again).toEqual({ kind: 'result', value: { at: '2024-01-01T00:00:00.000Z', n: 1 }, replayed: true });
  });

  it('reports a stored outcome that is not JSON as a store error, and does not run', async () => {
    const store: IdempotencyStore = {
      claim: async () => ({
        status: 'done',
        fingerprint: fingerprint('createPayment', { amount: '10' }),
        outcome: '{',
      }),
      complete: async () => true,
      release: async () => undefined,
      close: async () => undefined,
    };
    const run = jest.fn(async () => 1);
    await expect(idempotent(args(store, run))).rejects.toThrow(IdempotencyStoreError);
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
