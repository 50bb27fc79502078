// src/gateway/subscriptions.ts without a network: one read per reader and change, shared by the subscriptions that
// ask in the same turn; a state read for an older event never follows a newer one; nothing for a failed read or a
// credential that is no longer accepted; the bus left when the subscription ends.
import type { Caller } from '../../src/auth';
import { createChanges, SharedReads } from '../../src/gateway/subscriptions';
import type { Context } from '../../src/graph/context';
import type { Delivery, Watched } from '../../src/graph/subscriptions/changes';
import { createLogger } from '../../src/lib/logger';
import { createMemoryBus, type NotificationEvent } from '../../src/notifications';

const caller = (seller: string | null): Caller => ({
  kind: 'key',
  seller,
  subject: 'k',
  scopes: new Set(['payments:read'] as const),
  upstream: { mercadoPago: 't', mercadoLibre: 't' },
  checkout: null,
});
const context = (who: Caller | null): Context => ({ caller: who, loaders: new Map() }) as unknown as Context;
const event = (id: string): NotificationEvent => ({
  kind: 'payment',
  id,
  action: 'payment.updated',
  userId: null,
  source: 'mercadopago',
});
type State = { status: string; at: string };

const setup = (read: Watched<State>['read'], who: () => Caller | null = () => caller('main')) => {
  const bus = createMemoryBus();
  const reads = new SharedReads();
  const make = () =>
    createChanges({
      bus,
      reads,
      log: createLogger('error', () => undefined),
      newContext: async () => context(who()),
      reader: 'seller:main',
      scopes: ['payments:read'],
      identitySecret: 's',
    }).watch<State>({ kind: 'payment', id: null, read, visible: () => true, updatedAt: (s) => s.at });
  return { bus, reads, make };
};

const take = async (it: AsyncIterator<Delivery<State>>, n: number): Promise<string[]> => {
  const got: string[] = [];
  for (let i = 0; i < n; i++) got.push(((await it.next()).value as Delivery<State>).value.status);
  return got;
};

describe('subscription changes', () => {
  it('reads once for every subscription of one reader that hears of a change in the same turn', async () => {
    const read = jest.fn(async () => ({ status: 'approved', at: '2025-01-01T00:00:00Z' }));
    const { bus, reads, make } = setup(read);
    const subs = [make(), make(), make()].map((s) => s[Symbol.asyncIterator]());
    await bus.publish(event('1'));
    expect(await Promise.all(subs.map((s) => take(s, 1)))).toEqual([['approved'], ['approved'], ['approved']]);
    expect(read).toHaveBeenCalledTimes(1);
    expect(reads.size).toBe(0);
    await Promise.all(subs.map((s) => s.return?.()));
  });

  it('drops a state read for an earlier event that answers after a later one', async () => {
    let release: (s: State) => void = () => undefined;
    const slow = new Promise<State>((resolve) => (release = resolve));
    const answers = [slow, Promise.resolve({ status: 'approved', at: '2025-01-01T00:00:02Z' })];
    const { bus, make } = setup(() => answers.shift()!);
    const sub = make()[Symbol.asyncIterator]();
    // Not awaited: the memory bus's publish waits for its handlers, and the first read is held back.
    void bus.publish(event('1'));
    await new Promise((resolve) => setTimeout(resolve, 5)); // its read has started
    void bus.publish(event('1'));
    expect(await take(sub, 1)).toEqual(['approved']);
    release({ status: 'authorized', at: '2025-01-01T00:00:01Z' });
    const next = sub.next();
    const nothing = new Promise((resolve) => setTimeout(() => resolve('nothing'), 50));
    expect(await Promise.race([next, nothing])).toBe('nothing');
    await sub.return?.();
    expect(await next).toEqual({ value: undefined, done: true });
  });

  it('delivers nothing for a failed read or a credential no longer accepted, and leaves the bus when ended', async () => {
    let who: Caller | null = caller('main');
    const read = jest
      .fn<Promise<State>, []>()
      .mockRejectedValueOnce(new Error('upstream down'))
      .mockResolvedValue({ status: 'approved', at: '2025-01-01T00:00:00Z' });
    const { bus, make } = setup(read, () => who);
    const sub = make()[Symbol.asyncIterator]();
    await bus.publish(event('1'));
    who = caller('another seller');
    await bus.publish(event('1'));
    who = null;
    await bus.publish(event('1'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    who = caller('main');
    await bus.publish(event('1'));
    expect(await take(sub, 1)).toEqual(['approved']);
    await sub.return?.();
    read.mockClear();
    await bus.publish(event('1'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(read).not.toHaveBeenCalled();
  });
});
