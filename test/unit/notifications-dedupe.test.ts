// The in-memory dedupe store (src/notifications/dedupe.ts): first claim wins, TTL, size bound.
import { MemoryDedupeStore } from '../../src/notifications';

describe('MemoryDedupeStore', () => {
  let t = 0;
  const now = () => t;
  beforeEach(() => {
    t = 1_000_000;
  });

  it('grants the first claim of a key and refuses the next ones', async () => {
    const store = new MemoryDedupeStore({ now });
    expect(await store.claim('a')).toBe(true);
    expect(await store.claim('a')).toBe(false);
    expect(await store.claim('b')).toBe(true);
  });

  it('of concurrent claims of one key, grants exactly one', async () => {
    const store = new MemoryDedupeStore({ now });
    const results = await Promise.all(Array.from({ length: 20 }, () => store.claim('same')));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('forgets a key after its TTL, and not before', async () => {
    const store = new MemoryDedupeStore({ now, ttlMs: 1000 });
    await store.claim('a');
    t += 999;
    expect(await store.claim('a')).toBe(false);
    t += 1;
    expect(await store.claim('a')).toBe(true);
  });

  it('drops expired keys as it goes, so they take no memory', async () => {
    const store = new MemoryDedupeStore({ now, ttlMs: 1000 });
    for (let i = 0; i < 50; i++) await store.claim(`k${i}`);
    expect(store.size).toBe(50);
    t += 1000;
    await store.claim('fresh');
    expect(store.size).toBe(1);
  });

  it('keeps at most maxEntries keys, forgetting the oldest first', async () => {
    const store = new MemoryDedupeStore({ now, maxEntries: 3 });
    for (const k of ['a', 'b', 'c', 'd']) await store.claim(k);
    expect(store.size).toBe(3);
    expect(await store.claim('b')).toBe(false);
    expect(await store.claim('d')).toBe(false);
    expect(await store.claim('a')).toBe(true); // pushed out by d
  });

  it('stays bounded under a flood of distinct keys', async () => {
    const store = new MemoryDedupeStore({ now, maxEntries: 100 });
    for (let i = 0; i < 5000; i++) await store.claim(`flood-${i}`);
    expect(store.size).toBe(100);
  });

  it('refuses nonsensical settings', () => {
    expect(() => new MemoryDedupeStore({ ttlMs: 0 })).toThrow(RangeError);
    expect(() => new MemoryDedupeStore({ maxEntries: 0 })).toThrow(RangeError);
  });
});
