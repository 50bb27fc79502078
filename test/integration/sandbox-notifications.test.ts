// Notifications (src/sandbox/README.md, "Notifications"): signed Mercado Pago webhooks on every payment
// change, Mercado Libre
// notifications on order changes, retried with backoff until a 2xx, then given up. The receiver
// checks each signature with the official SDK's WebhookSignatureValidator.
import { randomUUID } from 'node:crypto';
import { Payment, PaymentRefund, WebhookSignatureValidator } from 'mercadopago';
import { AppConfig } from 'mercadopago/dist/utils/config';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { SANDBOX_APPLICATION_ID } from '../../src/sandbox/notifications/messages';
import { TOKENS, mp, raw } from '../support/sandbox';
import { deadUrl, eventually, startReceiver, type Received, type Receiver } from '../support/webhookReceiver';
import { pay } from './sandbox-payments-helpers';

const SECRET = 'test-webhook-secret-0123456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const POLICY = { attempts: 3, baseDelayMs: 20, timeoutMs: 250 };

const deliveries = async (base: string): Promise<any[]> =>
  (await raw(base, 'GET', '/__sandbox/notifications')).body.deliveries;

describe('sandbox notifications', () => {
  let receiver: Receiver;
  let sandbox: RunningSandbox;
  /** Added to the sandbox's clock: a receiver can move time on between attempts. */
  let skew = 0;

  /** Throws unless the SDK accepts the request's signature. */
  const verify = (r: Received, secret = SECRET): void =>
    WebhookSignatureValidator.validate({
      xSignature: r.headers['x-signature'],
      xRequestId: r.headers['x-request-id'],
      dataId: r.query.get('data.id'),
      secret,
      toleranceSeconds: 300,
      now: () => Date.now() + skew,
    });
  const tsOf = (r: Received): number => Number(/ts=(\d+)/.exec(String(r.headers['x-signature']))![1]);
  /** Deliveries once none is pending. */
  const settled = (timeoutMs = 3000) =>
    eventually(
      async () => {
        const ds = await deliveries(sandbox.url);
        return ds.length > 0 && ds.every((d) => d.status !== 'pending') ? ds : undefined;
      },
      timeoutMs,
      'every delivery to settle',
    );

  beforeAll(async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({
      port: 0,
      mpNotificationUrl: `${receiver.url}/mp`,
      mlNotificationUrl: `${receiver.url}/ml`,
      webhookSecret: SECRET,
      now: () => Date.now() + skew,
      notifications: POLICY,
    });
    (AppConfig as { BASE_URL: string }).BASE_URL = sandbox.url;
  });
  beforeEach(async () => {
    skew = 0;
    sandbox.configureNotifications({
      mpNotificationUrl: `${receiver.url}/mp`,
      mlNotificationUrl: `${receiver.url}/ml`,
      webhookSecret: SECRET,
    });
    expect((await raw(sandbox.url, 'POST', '/__sandbox/reset')).status).toBe(204);
    receiver.respond(() => 200);
  });
  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
  });

  describe('Mercado Pago webhooks', () => {
    it('sends payment.created, signed, to the configured URL, as the real API shapes it', async () => {
      const p = await pay();
      const [r] = await receiver.waitFor(1);
      expect(r.method).toBe('POST');
      expect(r.path).toBe('/mp');
      expect(Object.fromEntries(r.query)).toEqual({ 'data.id': String(p.id), type: 'payment' });
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['x-request-id']).toMatch(UUID);
      expect(r.headers['x-signature']).toMatch(/^ts=\d{10},v1=[0-9a-f]{64}$/);
      expect(() => verify(r)).not.toThrow();
      expect(() => verify(r, 'another-secret')).toThrow(/SignatureMismatch/);
      expect(r.body).toEqual({
        id: expect.any(Number),
        live_mode: false,
        type: 'payment',
        date_created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-04:00$/),
        user_id: 169648308,
        api_version: 'v1',
        action: 'payment.created',
        data: { id: String(p.id) },
      });
      const [d] = await settled();
      expect(d).toMatchObject({
        kind: 'mercadopago',
        url: `${receiver.url}/mp?data.id=${p.id}&type=payment`,
        topic: 'payment',
        resource: `/v1/payments/${p.id}`,
        action: 'payment.created',
        attempts: 1,
        status: 'delivered',
        lastResponseStatus: 200,
        lastError: null,
        requestId: r.headers['x-request-id'],
        body: r.body,
      });
    });

    it('sends payment.updated for a refund, a capture and a cancel, each with its own notification id', async () => {
      const refunded = await pay({ amount: 80 });
      await new PaymentRefund(mp(TOKENS.sellerMLB)).create({
        payment_id: refunded.id,
        body: { amount: 30 },
        requestOptions: { idempotencyKey: randomUUID() },
      });
      const captured = await pay({ body: { capture: false } });
      await new Payment(mp(TOKENS.sellerMLB)).capture({
        id: captured.id,
        requestOptions: { idempotencyKey: randomUUID() },
      });
      const cancelled = await pay({ body: { capture: false } });
      await new Payment(mp(TOKENS.sellerMLB)).cancel({
        id: cancelled.id,
        requestOptions: { idempotencyKey: randomUUID() },
      });
      const got = await receiver.waitFor(6);
      for (const r of got) expect(() => verify(r)).not.toThrow();
      const seen = got.map((r) => `${r.body.data.id} ${r.body.action}`).sort();
      expect(seen).toEqual(
        [
          `${refunded.id} payment.created`,
          `${refunded.id} payment.updated`,
          `${captured.id} payment.created`,
          `${captured.id} payment.updated`,
          `${cancelled.id} payment.created`,
          `${cancelled.id} payment.updated`,
        ].sort(),
      );
      expect(new Set(got.map((r) => r.body.id)).size).toBe(6);
      expect(new Set(got.map((r) => r.headers['x-request-id'])).size).toBe(6);
      const ds = await settled();
      expect(ds.map((d) => d.status)).toEqual(Array(6).fill('delivered'));
    });

    it('sends payment.updated for the control API moves: approve (CONT) and chargeback', async () => {
      const p = await pay({ name: 'CONT' });
      expect((await raw(sandbox.url, 'POST', `/__sandbox/payments/${p.id}/approve`)).status).toBe(200);
      expect((await raw(sandbox.url, 'POST', `/__sandbox/payments/${p.id}/chargeback`)).status).toBe(200);
      const got = await receiver.waitFor(3);
      for (const r of got) expect(() => verify(r)).not.toThrow();
      expect(got.map((r) => r.body.action).sort()).toEqual(['payment.created', 'payment.updated', 'payment.updated']);
      expect(new Set(got.map((r) => r.body.data.id))).toEqual(new Set([String(p.id)]));
    });

    it("goes to the payment's own notification_url (its query kept) instead of the configured one", async () => {
      const p = await pay({ body: { notification_url: `${receiver.url}/own/hook?shop=7` } });
      const [r] = await receiver.waitFor(1);
      expect(r.path).toBe('/own/hook');
      expect(Object.fromEntries(r.query)).toEqual({ shop: '7', 'data.id': String(p.id), type: 'payment' });
      expect(() => verify(r)).not.toThrow();
      await new Promise((res) => setTimeout(res, 50));
      expect(receiver.received.filter((x) => x.path === '/mp')).toHaveLength(0);
    });

    it('sends nothing without a secret (no unsigned webhooks) and nothing without any URL', async () => {
      sandbox.configureNotifications({ webhookSecret: null });
      await pay();
      sandbox.configureNotifications({ webhookSecret: SECRET, mpNotificationUrl: null });
      await pay();
      await new Promise((res) => setTimeout(res, 80));
      expect(receiver.received).toHaveLength(0);
      expect(await deliveries(sandbox.url)).toEqual([]);
    });

    it('configureNotifications moves the webhooks and changes the secret from the next event on', async () => {
      sandbox.configureNotifications({
        mpNotificationUrl: `${receiver.url}/gateway/webhooks/mercadopago`,
        webhookSecret: 'rotated',
      });
      await pay();
      const [r] = await receiver.waitFor(1);
      expect(r.path).toBe('/gateway/webhooks/mercadopago');
      expect(() => verify(r, 'rotated')).not.toThrow();
      expect(() => sandbox.configureNotifications({ mpNotificationUrl: 'ftp://x' })).toThrow(/http\(s\) URL/);
      expect(() => sandbox.configureNotifications({ webhookSecret: '' })).toThrow(/non-empty/);
    });

    it('never shows the secret in the notification log', async () => {
      await pay();
      await settled();
      const res = await raw(sandbox.url, 'GET', '/__sandbox/notifications');
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    });
  });

  describe('retries', () => {
    it('retries until a 2xx: 500, 500, 200 is three attempts, each signed with new request id and ts', async () => {
      receiver.respond((_r, n) => {
        skew += 1000; // the next attempt happens "a second later" on the sandbox's clock
        return n < 2 ? 500 : 200;
      });
      const p = await pay();
      const got = await receiver.waitFor(3);
      for (const r of got) expect(() => verify(r)).not.toThrow();
      expect(new Set(got.map((r) => r.headers['x-request-id'])).size).toBe(3);
      const ts = got.map(tsOf);
      expect(ts[1]).toBeGreaterThan(ts[0]);
      expect(ts[2]).toBeGreaterThan(ts[1]);
      // The body (and so its notification id, the receiver's dedupe key) is the same on every attempt.
      expect(got[1].body).toEqual(got[0].body);
      expect(got[2].body).toEqual(got[0].body);
      const [d] = await settled();
      expect(d).toMatchObject({
        resource: `/v1/payments/${p.id}`,
        attempts: 3,
        status: 'delivered',
        lastResponseStatus: 200,
        requestId: got[2].headers['x-request-id'],
      });
      // Backoff: ~20 ms, then ~40 ms.
      expect(got[1].at - got[0].at).toBeGreaterThanOrEqual(15);
      expect(got[2].at - got[1].at).toBeGreaterThanOrEqual(35);
    });

    it('gives up after the configured attempts when the receiver always fails, then sends nothing more', async () => {
      receiver.respond(() => 500);
      await pay();
      await receiver.waitFor(3);
      const [d] = await settled();
      expect(d).toMatchObject({ attempts: 3, status: 'failed', lastResponseStatus: 500, lastError: 'HTTP 500' });
      await new Promise((res) => setTimeout(res, 150)); // longer than any backoff left
      expect(receiver.received).toHaveLength(3);
    });

    it('counts a receiver slower than the per-attempt timeout as a failure', async () => {
      receiver.respond((_r, n) => (n === 0 ? 'hang' : 200));
      await pay();
      const got = await receiver.waitFor(2, 2000);
      expect(got[1].at - got[0].at).toBeGreaterThanOrEqual(POLICY.timeoutMs);
      const [d] = await settled();
      expect(d).toMatchObject({ attempts: 2, status: 'delivered' });
    });

    it('records a timeout, a refused connection and a redirect as failures', async () => {
      receiver.respond(() => 'hang');
      await pay();
      const [timedOut] = await settled(3000);
      expect(timedOut).toMatchObject({
        attempts: 3,
        status: 'failed',
        lastResponseStatus: null,
        lastError: `timeout after ${POLICY.timeoutMs} ms`,
      });

      await raw(sandbox.url, 'POST', '/__sandbox/reset');
      receiver.respond(() => 302);
      sandbox.configureNotifications({ mpNotificationUrl: await deadUrl() });
      await pay();
      sandbox.configureNotifications({ mpNotificationUrl: `${receiver.url}/mp` });
      await pay();
      const ds = await settled();
      expect(ds).toEqual([
        expect.objectContaining({ attempts: 3, status: 'failed', lastResponseStatus: null, lastError: 'ECONNREFUSED' }),
        expect.objectContaining({ attempts: 3, status: 'failed', lastResponseStatus: 302, lastError: 'HTTP 302' }),
      ]);
    });
  });

  describe('Mercado Libre notifications', () => {
    it('sends created_orders then orders_v2 for an order, with the body of the order payments page', async () => {
      const before = Date.now();
      sandbox.store.emitOrder({ topic: 'created_orders', orderId: 2000000001, userId: 169648308 });
      const [created] = await receiver.waitFor(1);
      sandbox.store.emitOrder({ topic: 'orders_v2', orderId: 2000000001, userId: 169648308 });
      const [, changed] = await receiver.waitFor(2);
      expect(created.path).toBe('/ml');
      expect(created.headers['content-type']).toBe('application/json');
      expect(created.headers['x-signature']).toBeUndefined();
      expect(created.body).toEqual({
        _id: expect.stringMatching(UUID),
        resource: '/orders/2000000001',
        user_id: 169648308,
        topic: 'created_orders',
        application_id: SANDBOX_APPLICATION_ID,
        attempts: 1,
        sent: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        received: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      expect(Date.parse(created.body.received)).toBeGreaterThanOrEqual(before - 1);
      expect(Date.parse(created.body.sent)).toBeGreaterThanOrEqual(Date.parse(created.body.received));
      expect(changed.body).toMatchObject({
        topic: 'orders_v2',
        resource: '/orders/2000000001',
        user_id: 169648308,
        attempts: 1,
      });
      expect(changed.body._id).not.toBe(created.body._id);
      const ds = await settled();
      expect(ds.map((d) => [d.kind, d.topic, d.resource, d.status, d.url])).toEqual([
        ['mercadolibre', 'created_orders', '/orders/2000000001', 'delivered', `${receiver.url}/ml`],
        ['mercadolibre', 'orders_v2', '/orders/2000000001', 'delivered', `${receiver.url}/ml`],
      ]);
    });

    it('counts attempts in the body and keeps _id and received across retries', async () => {
      receiver.respond((_r, n) => (n === 0 ? 503 : 200));
      sandbox.store.emitOrder({ topic: 'orders_v2', orderId: 893431118, userId: 169648308 });
      const [first, second] = await receiver.waitFor(2);
      expect(first.body.attempts).toBe(1);
      expect(second.body.attempts).toBe(2);
      expect(second.body._id).toBe(first.body._id);
      expect(second.body.received).toBe(first.body.received);
      const [d] = await settled();
      expect(d).toMatchObject({ kind: 'mercadolibre', attempts: 2, status: 'delivered', body: second.body });
    });

    it('sends payments (and the webhook, and orders_v2) when a payment of an order changes', async () => {
      const payment = sandbox.store.payments.get(885920310)!; // order 893431118's payment (order payments page)
      sandbox.store.emitPayment('payment.updated', payment);
      const got = await receiver.waitFor(3);
      const ml = got.find((r) => r.path === '/ml' && r.body.topic === 'payments')!;
      const order = got.find((r) => r.path === '/ml' && r.body.topic === 'orders_v2')!;
      const webhook = got.find((r) => r.path === '/mp')!;
      expect(ml.body).toMatchObject({ topic: 'payments', resource: '/v1/payments/885920310', user_id: 169648308 });
      expect(order.body).toMatchObject({ resource: '/orders/893431118', user_id: 169648308 });
      expect(webhook.body).toMatchObject({ action: 'payment.updated', data: { id: '885920310' }, user_id: 169648308 });
      expect(() => verify(webhook)).not.toThrow();
    });

    it('a payment that belongs to no Mercado Libre order gives no payments notification', async () => {
      await pay();
      await settled();
      expect(receiver.received.map((r) => r.path)).toEqual(['/mp']);
    });

    it('sends nothing to Mercado Libre without a URL', async () => {
      sandbox.configureNotifications({ mlNotificationUrl: null });
      sandbox.store.emitOrder({ topic: 'orders_v2', orderId: 1, userId: 169648308 });
      await new Promise((res) => setTimeout(res, 50));
      expect(receiver.received).toHaveLength(0);
      expect(await deliveries(sandbox.url)).toEqual([]);
    });
  });

  describe('the log', () => {
    it('lists deliveries oldest first, and a reset empties it', async () => {
      sandbox.store.emitOrder({ topic: 'created_orders', orderId: 11, userId: 169648308 });
      sandbox.store.emitOrder({ topic: 'orders_v2', orderId: 12, userId: 169648308 });
      const ds = await settled();
      expect(ds.map((d) => d.resource)).toEqual(['/orders/11', '/orders/12']);
      for (const d of ds)
        expect(Object.keys(d)).toEqual(
          expect.arrayContaining(['kind', 'url', 'topic', 'resource', 'attempts', 'status']),
        );
      await raw(sandbox.url, 'POST', '/__sandbox/reset');
      expect(await deliveries(sandbox.url)).toEqual([]);
    });
  });
});

describe('sandbox notifications: slow retries, cancellation, never in the way', () => {
  let receiver: Receiver;
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    receiver = await startReceiver();
    // A retry a minute away: whatever is pending when the test ends must be cancelled, not awaited.
    sandbox = await startSandbox({
      port: 0,
      mpNotificationUrl: `${receiver.url}/mp`,
      mlNotificationUrl: `${receiver.url}/ml`,
      webhookSecret: SECRET,
      notifications: { attempts: 3, baseDelayMs: 60_000, timeoutMs: 10_000 },
    });
    (AppConfig as { BASE_URL: string }).BASE_URL = sandbox.url;
  });
  beforeEach(async () => {
    await raw(sandbox.url, 'POST', '/__sandbox/reset');
    receiver.respond(() => 200);
  });
  afterAll(async () => {
    await sandbox?.close();
    await receiver?.close();
  });

  it('a receiver that hangs does not slow POST /v1/payments', async () => {
    receiver.respond(() => 'hang');
    const started = Date.now();
    const p = await pay();
    const first = Date.now() - started;
    await pay();
    expect(Date.now() - started).toBeLessThan(2000); // the attempts in flight have 10 s left
    expect(first).toBeLessThan(2000);
    await receiver.waitFor(2);
    const ds = await deliveries(sandbox.url);
    expect(ds.map((d) => [d.resource, d.status, d.attempts])).toEqual([
      [`/v1/payments/${p.id}`, 'pending', 1],
      [expect.any(String), 'pending', 1],
    ]);
  });

  it('reset cancels a pending retry: nothing more is sent', async () => {
    receiver.respond(() => 500);
    sandbox.store.emitOrder({ topic: 'orders_v2', orderId: 7, userId: 169648308 });
    await receiver.waitFor(1);
    const [d] = await eventually(async () => {
      const ds = await deliveries(sandbox.url);
      return ds[0]?.lastResponseStatus === 500 ? ds : undefined;
    });
    expect(d).toMatchObject({ status: 'pending', attempts: 1 }); // next attempt in 60 s
    await raw(sandbox.url, 'POST', '/__sandbox/reset');
    expect(await deliveries(sandbox.url)).toEqual([]);
    expect(receiver.received).toHaveLength(1);
  });

  it('reset aborts a delivery in flight', async () => {
    receiver.respond(() => 'hang');
    sandbox.store.emitOrder({ topic: 'orders_v2', orderId: 8, userId: 169648308 });
    const [r] = await receiver.waitFor(1);
    expect(r.aborted).toBe(false);
    await raw(sandbox.url, 'POST', '/__sandbox/reset');
    await eventually(() => (r.aborted ? true : undefined), 2000, 'the receiver to see the attempt aborted');
    expect(await deliveries(sandbox.url)).toEqual([]);
  });

  it('close() cancels pending retries and deliveries in flight', async () => {
    const other = await startSandbox({
      port: 0,
      mlNotificationUrl: `${receiver.url}/ml`,
      notifications: { attempts: 5, baseDelayMs: 60_000, timeoutMs: 60_000 },
    });
    receiver.respond((_r, n) => (n === 0 ? 500 : 'hang'));
    other.store.emitOrder({ topic: 'orders_v2', orderId: 1, userId: 169648308 }); // 500, retry in 60 s
    other.store.emitOrder({ topic: 'orders_v2', orderId: 2, userId: 169648308 }); // hangs
    const got = await receiver.waitFor(2);
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    const hanging = got.find((r) => r.body.resource === '/orders/2')!;
    await eventually(() => (hanging.aborted ? true : undefined), 2000, 'the attempt in flight to be aborted');
    // Jest would report the 60 s timers as open handles (and not exit) if close() left them.
  });
});
