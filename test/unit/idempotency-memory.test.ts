// The in-memory idempotency store (src/idempotency/store.ts): the shared contract on an injected
// clock, then what only it has (the size bound, sweeping).
import { MemoryIdempotencyStore, type ClaimResult } from '../../src/idempotency';
import { describeStoreContract } from './idempotency-contract';

let t = 1_000_000;
const now = () => t;

describeStoreContract('MemoryIdempotencyStore', {
  create: () => new MemoryIdempotencyStore({ now }),
  elapse: async (ms) => {
    t += ms;
  },
  lockMs: 1_000,
  retainMs: 10_000,
});

const ticketOf = (result: ClaimResult): string => {
  if (result.status !== 'claimed') throw new Error(`expected the claim to be granted, got ${JSON.stringify(result)}`);
  return result.ticket;
};

describe('MemoryIdempotencyStore: memory', () => {
  it('keeps at most maxEntries records, forgetting the oldest written first', async () => {
    const store = new MemoryIdempotencyStore({ now, maxEntries: 3 });
    const tickets: Record<string, string> = {};
    for (const s of ['a', 'b', 'c']) tickets[s] = ticketOf(await store.claim(s, 'fp', 60_000, 60_000));
    await store.complete('a', tickets.a!, '1', 60_000); // rewritten: now the newest
    await store.claim('d', 'fp', 60_000, 60_000); // pushes out b
    expect(store.size).toBe(3);
    expect(await store.claim('b', 'fp', 60_000, 60_000)).toEqual({
      status: 'claimed',
      ticket: expect.any(String),
      retry: false,
    }); // pushes out c
    expect(await store.claim('a', 'fp', 60_000, 60_000)).toEqual({ status: 'done', fingerprint: 'fp', outcome: '1' });
    expect(await store.claim('d', 'fp', 60_000, 60_000)).toEqual({ status: 'in_progress', fingerprint: 'fp' });
  });

  it('stays bounded under a flood of distinct keys', async () => {
    const store = new MemoryIdempotencyStore({ now, maxEntries: 100 });
    for (let i = 0; i < 5000; i++) await store.claim(`flood-${i}`, 'fp', 60_000, 60_000);
    expect(store.size).toBe(100);
  });

  it('drops expired records (retainMs after their claim), so they take no memory', async () => {
    const store = new MemoryIdempotencyStore({ now });
    for (let i = 0; i < 50; i++) await store.claim(`k${i}`, 'fp', 1_000, 2_000);
    expect(store.size).toBe(50);
    t += 60_000;
    await store.claim('fresh', 'fp', 1_000, 2_000);
    expect(store.size).toBe(1);
  });

  it('keeps records whose lock lapsed until their retention ends, through a sweep', async () => {
    const store = new MemoryIdempotencyStore({ now });
    for (let i = 0; i < 50; i++) await store.claim(`k${i}`, 'fp', 1_000, 120_000);
    t += 60_000;
    await store.claim('fresh', 'fp', 1_000, 120_000);
    expect(store.size).toBe(51);
    expect(await store.claim('k0', 'other', 1_000, 120_000)).toEqual({ status: 'unknown', fingerprint: 'fp' });
  });

  it('forgets everything on close', async () => {
    const store = new MemoryIdempotencyStore({ now });
    await store.claim('a', 'fp', 1_000, 1_000);
    await store.close();
    expect(store.size).toBe(0);
  });

  it('refuses a nonsensical size', () => {
    expect(() => new MemoryIdempotencyStore({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => new MemoryIdempotencyStore({ maxEntries: 1.5 })).toThrow(RangeError);
  });
});
