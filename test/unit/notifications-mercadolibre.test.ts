// Mercado Libre notification intake (src/notifications/mercadolibre.ts, receiver.ts).
import {
  createMemoryBus,
  MemoryDedupeStore,
  NotificationReceiver,
  parseMercadoLibreNotification,
  responseOf,
} from '../../src/notifications';
import type { Logger } from '../../src/lib/logger';

const silent: Logger = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };

const note = (over: Record<string, unknown> = {}) => ({
  _id: '5c1f2a9e-7d4b-4c1e-9a8f-0123456789ab',
  resource: '/orders/2000000001',
  user_id: 169648308,
  topic: 'orders_v2',
  application_id: 8000000000000001,
  attempts: 1,
  sent: '2026-11-23T13:33:20.125Z',
  received: '2026-11-23T13:33:20.120Z',
  ...over,
});

describe('parseMercadoLibreNotification', () => {
  it('turns orders_v2 into an order event', () => {
    expect(parseMercadoLibreNotification(note())).toEqual({
      ok: true,
      topic: 'orders_v2',
      applicationId: '8000000000000001',
      key: 'ml:5c1f2a9e-7d4b-4c1e-9a8f-0123456789ab',
      event: { kind: 'order', id: '2000000001', topic: 'orders_v2', userId: '169648308', source: 'mercadolibre' },
    });
  });

  it('treats the legacy topic orders as orders_v2 (the order payments page, without _id, attempts 0)', () => {
    // The order payments page's sample, as printed (its missing comma fixed).
    const sample = {
      user_id: 1234,
      resource: '/orders/731867397',
      topic: 'orders',
      received: '2011-10-19T16:38:34.425Z',
      application_id: 14529,
      sent: '2011-10-19T16:40:34.425Z',
      attempts: 0,
    };
    expect(parseMercadoLibreNotification(sample)).toEqual({
      ok: true,
      topic: 'orders',
      applicationId: '14529',
      key: 'ml:orders:/orders/731867397:2011-10-19T16:38:34.425Z',
      event: { kind: 'order', id: '731867397', topic: 'orders_v2', userId: '1234', source: 'mercadolibre' },
    });
  });

  it('keeps created_orders as its own topic', () => {
    expect(parseMercadoLibreNotification(note({ topic: 'created_orders' }))).toMatchObject({
      event: { kind: 'order', topic: 'created_orders' },
    });
  });

  it.each([
    '/v1/payments/1320000001',
    '/payments/1320000001',
    '/collections/1320000001',
    '/collections/notifications/1320000001',
  ])('turns payments with resource %s into a payment event', (resource) => {
    expect(parseMercadoLibreNotification(note({ topic: 'payments', resource }))).toMatchObject({
      ok: true,
      event: { kind: 'payment', id: '1320000001', action: null, userId: '169648308', source: 'mercadolibre' },
    });
  });

  it.each([
    ['an order path with ..', { resource: '/orders/..' }],
    ['an order path with a suffix', { resource: '/orders/2000000001/payments' }],
    ['an order id with letters', { resource: '/orders/20000abc' }],
    ['an encoded path', { resource: '/orders/%2e%2e' }],
    ['a payment path for orders', { resource: '/v1/payments/1' }],
    ['an order path for payments', { topic: 'payments', resource: '/orders/2000000001' }],
    ['no resource', { resource: undefined }],
    ['no topic', { topic: undefined }],
    ['a topic with odd characters', { topic: 'orders v2' }],
    ['no user_id', { user_id: undefined }],
    ['a fractional user_id', { user_id: 1.5 }],
    ['a non-string _id', { _id: 12 }],
    ['an _id with a slash', { _id: 'a/b' }],
    ['a bad application_id', { application_id: 'app' }],
    ['negative attempts', { attempts: -1 }],
    ['a bad sent date', { sent: 'yesterday' }],
  ])('refuses %s', (_what, over) => {
    expect(parseMercadoLibreNotification(note(over)).ok).toBe(false);
  });

  it('refuses what is not an object', () => {
    for (const b of [null, [], 'x', 3]) expect(parseMercadoLibreNotification(b).ok).toBe(false);
  });

  it('recognises other topics (items, questions) without making an event of them', () => {
    expect(parseMercadoLibreNotification(note({ topic: 'items', resource: '/items/MLA123' }))).toMatchObject({
      ok: true,
      event: null,
    });
  });
});

describe('NotificationReceiver.receiveMercadoLibre', () => {
  const make = (mlApplicationId: string | null = null) =>
    new NotificationReceiver({
      bus: createMemoryBus(),
      dedupe: new MemoryDedupeStore(),
      mpWebhookSecret: null,
      mlApplicationId,
      log: silent,
    });

  it('accepts a notification once and takes its retries (same _id, later attempt) as duplicates', async () => {
    const r = make();
    expect((await r.receiveMercadoLibre(note())).result).toBe('accepted');
    expect((await r.receiveMercadoLibre(note({ attempts: 2, sent: '2026-11-23T13:33:21.125Z' }))).result).toBe(
      'duplicate',
    );
    expect((await r.receiveMercadoLibre(note({ _id: 'another' }))).result).toBe('accepted');
  });

  it('answers a malformed notification with 400', async () => {
    const outcome = await make().receiveMercadoLibre(note({ resource: '/orders/../users/me' }));
    expect(responseOf(outcome)).toEqual({
      status: 400,
      body: { error: 'invalid_notification', message: 'The notification is malformed.' },
    });
  });

  it('ACKs and ignores a topic it does not publish', async () => {
    expect(await make().receiveMercadoLibre(note({ topic: 'questions', resource: '/questions/1' }))).toEqual({
      result: 'ignored',
    });
  });

  it('with ML_APPLICATION_ID set, refuses another application (403) or none, and accepts its own', async () => {
    const r = make('8000000000000001');
    expect((await r.receiveMercadoLibre(note())).result).toBe('accepted');
    const other = await r.receiveMercadoLibre(note({ _id: 'x1', application_id: 14529 }));
    expect(responseOf(other).status).toBe(403);
    expect((await r.receiveMercadoLibre(note({ _id: 'x2', application_id: undefined }))).result).toBe('refused');
  });

  it('checks no application_id when ML_APPLICATION_ID is unset', async () => {
    expect((await make().receiveMercadoLibre(note({ application_id: undefined }))).result).toBe('accepted');
  });
});
