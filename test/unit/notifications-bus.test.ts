// The in-memory notification bus (src/notifications/bus.ts).
import { createMemoryBus, type NotificationEvent } from '../../src/notifications';

const payment = (id: string, userId = '1'): NotificationEvent => ({
  kind: 'payment',
  id,
  action: 'payment.updated',
  userId,
  source: 'mercadopago',
});
const order = (id: string): NotificationEvent => ({
  kind: 'order',
  id,
  topic: 'orders_v2',
  userId: '1',
  source: 'mercadolibre',
});

describe('createMemoryBus', () => {
  it('delivers an event to every subscriber whose filter matches', async () => {
    const bus = createMemoryBus();
    const all: NotificationEvent[] = [];
    const payments: NotificationEvent[] = [];
    const one: NotificationEvent[] = [];
    const byUser: NotificationEvent[] = [];
    bus.subscribe({}, (e) => void all.push(e));
    bus.subscribe({ kind: 'payment' }, (e) => void payments.push(e));
    bus.subscribe({ kind: 'payment', id: '7' }, (e) => void one.push(e));
    bus.subscribe({ userId: '2' }, (e) => void byUser.push(e));
    await bus.publish(payment('7'));
    await bus.publish(payment('8', '2'));
    await bus.publish(order('7'));
    expect(all.map((e) => `${e.kind}:${e.id}`)).toEqual(['payment:7', 'payment:8', 'order:7']);
    expect(payments).toHaveLength(2);
    expect(one).toEqual([payment('7')]);
    expect(byUser).toEqual([payment('8', '2')]);
  });

  it('stops delivering once unsubscribed', async () => {
    const bus = createMemoryBus();
    const got: NotificationEvent[] = [];
    const unsubscribe = bus.subscribe({}, (e) => void got.push(e));
    await bus.publish(payment('1'));
    unsubscribe();
    unsubscribe(); // twice is harmless
    await bus.publish(payment('2'));
    expect(got).toEqual([payment('1')]);
  });

  it('does not call a handler unsubscribed after publish began', async () => {
    const bus = createMemoryBus();
    const got: string[] = [];
    const unsubscribe = bus.subscribe({}, () => void got.push('late'));
    const p = bus.publish(payment('1'));
    unsubscribe();
    await p;
    expect(got).toEqual([]);
  });

  it('never runs a handler inside publish() itself', async () => {
    const bus = createMemoryBus();
    let called = false;
    bus.subscribe({}, () => {
      called = true;
    });
    const p = bus.publish(payment('1'));
    expect(called).toBe(false);
    await p;
    expect(called).toBe(true);
  });

  it('keeps a failing handler from the publisher and the other handlers, and logs it', async () => {
    const errors: unknown[] = [];
    const log = {
      error: (_m: string, f?: Record<string, unknown>) => void errors.push(f),
      warn: () => undefined,
      info: () => undefined,
      debug: () => undefined,
    };
    const bus = createMemoryBus(log);
    const got: string[] = [];
    bus.subscribe({}, () => {
      throw new Error('boom');
    });
    bus.subscribe({}, async () => Promise.reject(new Error('async boom')));
    bus.subscribe({}, () => void got.push('ok'));
    await expect(bus.publish(payment('1'))).resolves.toBeUndefined();
    expect(got).toEqual(['ok']);
    expect(errors).toHaveLength(2);
  });

  it('waits for async handlers before publish() resolves', async () => {
    const bus = createMemoryBus();
    let done = false;
    bus.subscribe({}, async () => {
      await new Promise((r) => setTimeout(r, 5));
      done = true;
    });
    await bus.publish(payment('1'));
    expect(done).toBe(true);
  });

  it('copies the filter, so changing the caller’s object later changes nothing', async () => {
    const bus = createMemoryBus();
    const filter: { kind?: 'payment' | 'order' } = { kind: 'order' };
    const got: NotificationEvent[] = [];
    bus.subscribe(filter, (e) => void got.push(e));
    filter.kind = 'payment';
    await bus.publish(payment('1'));
    expect(got).toEqual([]);
  });
});
