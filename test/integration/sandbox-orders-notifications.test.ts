// The notifications Mercado Libre orders give (order payments page; src/sandbox/README.md,
// Notifications), end to end over HTTP: the
// control API makes and pays orders, a loopback receiver gets what the sandbox sends.
// - created_orders: once, when the order is created, in either flow.
// - orders_v2: on every change the seller can see; never while an order of the mandatory flow is
//   unpaid ("Se envía sólo la notificación del topic created_orders"), from the moment it is paid.
// - payments (Mercado Libre) and a signed Mercado Pago webhook: for every change of an order payment.
// Deliveries are independent and their order is not guaranteed: the tests wait (bounded) for every
// delivery to settle, then count per kind and topic.
import { WebhookSignatureValidator } from 'mercadopago';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { SANDBOX_APPLICATION_ID } from '../../src/sandbox/notifications/messages';
import { TOKENS, raw } from '../support/sandbox';
import { eventually, startReceiver, type Received, type Receiver } from '../support/webhookReceiver';

const SECRET = 'orders-webhook-secret-0123456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const POLICY = { attempts: 3, baseDelayMs: 20, timeoutMs: 1000 };
const MLB = { seller: 169648308, buyer: 160903317, sellerToken: TOKENS.sellerMLB, buyerToken: TOKENS.buyerMLB };
const MLM = { seller: 277582551, buyer: 53745235, sellerToken: TOKENS.sellerMLM, buyerToken: TOKENS.buyerMLM };

describe('sandbox: notifications of Mercado Libre orders', () => {
  let receiver: Receiver;
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({
      port: 0,
      mpNotificationUrl: `${receiver.url}/mp`,
      mlNotificationUrl: `${receiver.url}/ml`,
      webhookSecret: SECRET,
      notifications: POLICY,
    });
  });
  beforeEach(async () => {
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

  const deliveries = async (): Promise<any[]> =>
    (await raw(sandbox.url, 'GET', '/__sandbox/notifications')).body.deliveries;
  /**
   * Waits until every delivery logged so far is delivered, and the receiver has them all. The log
   * gets a delivery when the change happens, inside the request: once the control API has answered,
   * nothing more is coming for that change.
   */
  const settle = async (timeoutMs = 5000): Promise<any[]> => {
    const ds = await eventually(
      async () => {
        const all = await deliveries();
        return all.every((d) => d.status !== 'pending') ? all : undefined;
      },
      timeoutMs,
      'every delivery to settle',
    );
    expect(ds.map((d) => d.status)).toEqual(Array(ds.length).fill('delivered'));
    await receiver.waitFor(ds.length, timeoutMs);
    expect(receiver.received).toHaveLength(ds.length);
    return ds;
  };
  const ml = (topic?: string): Received[] =>
    receiver.received.filter((r) => r.path === '/ml' && (topic === undefined || r.body.topic === topic));
  const webhooks = (): Received[] => receiver.received.filter((r) => r.path === '/mp');
  /** Every kind/topic/resource received, as sorted lines: a multiset that ignores delivery order. */
  const seen = (): string[] =>
    receiver.received
      .map((r) =>
        r.path === '/ml' ? `ml ${r.body.topic} ${r.body.resource}` : `mp ${r.body.action} ${r.body.data.id}`,
      )
      .sort();
  const verify = (r: Received): void =>
    WebhookSignatureValidator.validate({
      xSignature: r.headers['x-signature'],
      xRequestId: r.headers['x-request-id'],
      dataId: r.query.get('data.id'),
      secret: SECRET,
      toleranceSeconds: 300,
    });

  const control = (path: string, body?: unknown) => raw(sandbox.url, 'POST', `/__sandbox${path}`, { body: body ?? {} });
  const mandatoryOrder = async () => {
    const res = await control('/orders', {
      seller_id: MLB.seller,
      buyer_id: MLB.buyer,
      items: [{ id: 'MLB700000001', title: 'Mesa de pinho', quantity: 2, unit_price: 150.5 }],
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('payment_required');
    return res.body;
  };
  const confirmedOrder = async () => {
    const res = await control('/orders', {
      seller_id: MLM.seller,
      buyer_id: MLM.buyer,
      items: [{ id: 'MLM610028711', quantity: 1 }],
      mandatory_mercadopago: false,
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('confirmed');
    return res.body;
  };
  const payOrder = async (id: number, body: Record<string, unknown> = {}) => {
    const res = await control(`/orders/${id}/pay`, body);
    expect(res.status).toBe(201);
    return res.body;
  };
  const orderStatus = async (id: number, token: string) =>
    (await raw(sandbox.url, 'GET', `/orders/${id}`, { token })).body.status;

  describe('the mandatory Mercado Pago flow', () => {
    it('sends one created_orders at creation, to the seller, in the order payments page body', async () => {
      const before = Date.now();
      const order = await mandatoryOrder();
      await settle();
      expect(seen()).toEqual([`ml created_orders /orders/${order.id}`]);
      const [created] = ml('created_orders');
      expect(created.method).toBe('POST');
      expect(created.headers['content-type']).toBe('application/json');
      expect(created.headers['x-signature']).toBeUndefined();
      expect(created.body).toEqual({
        _id: expect.stringMatching(UUID),
        resource: `/orders/${order.id}`,
        user_id: MLB.seller,
        topic: 'created_orders',
        application_id: SANDBOX_APPLICATION_ID,
        attempts: 1,
        sent: expect.stringMatching(ISO_UTC),
        received: expect.stringMatching(ISO_UTC),
      });
      expect(Date.parse(created.body.received)).toBeGreaterThanOrEqual(before - 1);
      expect(Date.parse(created.body.sent)).toBeGreaterThanOrEqual(Date.parse(created.body.received));
    });

    it('no orders_v2 while unpaid (refused or part payments); once paid: orders_v2, payments, webhooks', async () => {
      const order = await mandatoryOrder();
      const refused = await payOrder(order.id, { cardholder_name: 'FUND' });
      expect(refused).toMatchObject({ status: 'rejected', status_detail: 'cc_rejected_insufficient_amount' });
      const part = await payOrder(order.id, { amount: 100.25 });
      expect(part.status).toBe('approved');
      expect(await orderStatus(order.id, MLB.buyerToken)).toBe('partially_paid');
      await settle();

      // Unpaid: still one created_orders and no orders_v2 (the seller cannot see the order).
      expect(ml('created_orders')).toHaveLength(1);
      expect(ml('orders_v2')).toHaveLength(0);
      // Every change of an order payment is notified (README "Notifications": payments topic).
      expect(
        ml('payments')
          .map((r) => r.body.resource)
          .sort(),
      ).toEqual([`/v1/payments/${refused.id}`, `/v1/payments/${part.id}`].sort());
      expect(
        webhooks()
          .map((r) => r.body.data.id)
          .sort(),
      ).toEqual([String(refused.id), String(part.id)].sort());

      const rest = await payOrder(order.id);
      expect(rest).toMatchObject({ status: 'approved', transaction_amount: 200.75 });
      expect(await orderStatus(order.id, MLB.sellerToken)).toBe('paid');
      const ds = await settle();

      // Paid in full: orders_v2 start, for the seller.
      const changed = ml('orders_v2');
      expect(changed.length).toBeGreaterThanOrEqual(1);
      for (const r of changed)
        expect(r.body).toMatchObject({
          topic: 'orders_v2',
          resource: `/orders/${order.id}`,
          user_id: MLB.seller,
          application_id: SANDBOX_APPLICATION_ID,
          attempts: 1,
        });
      expect(ml('created_orders')).toHaveLength(1);

      // One payments notification and one signed webhook for each of the order's three payments.
      const paymentIds = [refused.id, part.id, rest.id].map(String).sort();
      const payments = ml('payments');
      expect(payments.map((r) => r.body.resource.split('/').pop()).sort()).toEqual(paymentIds);
      for (const r of payments)
        expect(r.body).toMatchObject({
          user_id: MLB.seller,
          application_id: SANDBOX_APPLICATION_ID,
          _id: expect.stringMatching(UUID),
        });
      const hooks = webhooks();
      expect(hooks.map((r) => r.query.get('data.id')).sort()).toEqual(paymentIds);
      for (const r of hooks) {
        expect(() => verify(r)).not.toThrow();
        expect(r.body).toMatchObject({
          type: 'payment',
          action: 'payment.created',
          user_id: MLB.seller,
          data: { id: r.query.get('data.id') },
        });
      }
      // Every Mercado Libre notification goes to the seller; the notification ids are all distinct.
      expect(new Set(ml().map((r) => r.body.user_id))).toEqual(new Set([MLB.seller]));
      expect(new Set(ml().map((r) => r.body._id)).size).toBe(ml().length);

      // The log lists the same deliveries: kind, topic and resource of each.
      const listed = ds.map((d) => `${d.kind} ${d.topic} ${d.resource}`).sort();
      expect(listed).toEqual(
        [
          `mercadolibre created_orders /orders/${order.id}`,
          ...changed.map(() => `mercadolibre orders_v2 /orders/${order.id}`),
          ...paymentIds.map((id) => `mercadolibre payments /v1/payments/${id}`),
          ...paymentIds.map((id) => `mercadopago payment /v1/payments/${id}`),
        ].sort(),
      );
      for (const d of ds) {
        expect(d).toMatchObject({ attempts: 1, status: 'delivered' });
        expect(d.url).toBe(
          d.kind === 'mercadopago'
            ? `${receiver.url}/mp?data.id=${d.resource.split('/').pop()}&type=payment`
            : `${receiver.url}/ml`,
        );
      }
    });

    it('sends exactly one orders_v2 for the payment that pays the order in full', async () => {
      const order = await mandatoryOrder();
      await payOrder(order.id);
      await settle();
      expect(ml('orders_v2')).toHaveLength(1);
      expect(ml('payments')).toHaveLength(1);
      expect(webhooks()).toHaveLength(1);
    });

    it('a payment under review (CONT) sends no orders_v2; its approval pays the order, orders_v2 start', async () => {
      const order = await mandatoryOrder();
      const pending = await payOrder(order.id, { cardholder_name: 'CONT' });
      expect(pending.status).toBe('in_process');
      await settle();
      expect(ml('orders_v2')).toHaveLength(0);
      expect(ml('payments')).toHaveLength(1);

      expect((await control(`/payments/${pending.id}/approve`)).status).toBe(200);
      await settle();
      expect(ml('orders_v2').map((r) => r.body.resource)).toEqual([`/orders/${order.id}`]);
      expect(ml('payments').map((r) => r.body.resource)).toEqual([
        `/v1/payments/${pending.id}`,
        `/v1/payments/${pending.id}`,
      ]);
      const hooks = webhooks();
      expect(hooks.map((r) => r.body.action).sort()).toEqual(['payment.created', 'payment.updated']);
      for (const r of hooks) expect(() => verify(r)).not.toThrow();
    });

    it('cancelling an unpaid order sends no orders_v2; the refund of its part is a payment change', async () => {
      const order = await mandatoryOrder();
      const part = await payOrder(order.id, { amount: 50 });
      expect((await control(`/orders/${order.id}/cancel`)).body.status).toBe('cancelled');
      await settle();
      expect(ml('created_orders')).toHaveLength(1);
      expect(ml('orders_v2')).toHaveLength(0);
      expect(ml('payments').map((r) => r.body.resource)).toEqual([
        `/v1/payments/${part.id}`,
        `/v1/payments/${part.id}`,
      ]);
      expect(
        webhooks()
          .map((r) => r.body.action)
          .sort(),
      ).toEqual(['payment.created', 'payment.updated']);
    });

    it('once paid, later changes keep sending orders_v2: a cancellation refunded to the card', async () => {
      const order = await mandatoryOrder();
      const payment = await payOrder(order.id);
      await settle();
      expect(ml('orders_v2')).toHaveLength(1);
      expect((await control(`/orders/${order.id}/cancel`)).body.status).toBe('cancelled');
      await settle();
      expect(ml('orders_v2').length).toBeGreaterThanOrEqual(2);
      expect(ml('payments').map((r) => r.body.resource)).toEqual([
        `/v1/payments/${payment.id}`,
        `/v1/payments/${payment.id}`,
      ]);
      const hooks = webhooks();
      expect(hooks.map((r) => r.body.action).sort()).toEqual(['payment.created', 'payment.updated']);
      for (const r of hooks) expect(() => verify(r)).not.toThrow();
    });
  });

  describe('the other flow (confirmed)', () => {
    it('sends created_orders and orders_v2 at creation, both to the seller, and no payment notification', async () => {
      const order = await confirmedOrder();
      const ds = await settle();
      expect(seen()).toEqual([`ml created_orders /orders/${order.id}`, `ml orders_v2 /orders/${order.id}`]);
      for (const r of ml()) {
        expect(r.body).toEqual({
          _id: expect.stringMatching(UUID),
          resource: `/orders/${order.id}`,
          user_id: MLM.seller,
          topic: r.body.topic,
          application_id: SANDBOX_APPLICATION_ID,
          attempts: 1,
          sent: expect.stringMatching(ISO_UTC),
          received: expect.stringMatching(ISO_UTC),
        });
      }
      expect(ml('created_orders')[0].body._id).not.toBe(ml('orders_v2')[0].body._id);
      expect(ds.map((d) => [d.kind, d.topic, d.resource, d.url]).sort()).toEqual(
        [
          ['mercadolibre', 'created_orders', `/orders/${order.id}`, `${receiver.url}/ml`],
          ['mercadolibre', 'orders_v2', `/orders/${order.id}`, `${receiver.url}/ml`],
        ].sort(),
      );
    });

    it('paying it sends orders_v2 again, a payments notification and the signed webhook', async () => {
      const order = await confirmedOrder();
      await settle();
      const payment = await payOrder(order.id, { payment_method_id: 'visa' });
      expect(await orderStatus(order.id, MLM.sellerToken)).toBe('paid');
      await settle();
      expect(seen()).toEqual(
        [
          `ml created_orders /orders/${order.id}`,
          `ml orders_v2 /orders/${order.id}`,
          `ml orders_v2 /orders/${order.id}`,
          `ml payments /v1/payments/${payment.id}`,
          `mp payment.created ${payment.id}`,
        ].sort(),
      );
      const [hook] = webhooks();
      expect(() => verify(hook)).not.toThrow();
      expect(hook.body).toMatchObject({ user_id: MLM.seller, data: { id: String(payment.id) } });
      expect(ml('payments')[0].body.user_id).toBe(MLM.seller);
    });
  });

  describe('the log and a failing receiver', () => {
    it('retries an order notification the receiver refuses, same _id; the log shows the attempts', async () => {
      receiver.respond((r, n) => (n === 0 && r.path === '/ml' ? 503 : 200));
      const order = await mandatoryOrder();
      const got = await receiver.waitFor(2);
      expect(got.map((r) => r.body.attempts)).toEqual([1, 2]);
      expect(got[1].body._id).toBe(got[0].body._id);
      const [d] = await eventually(
        async () => {
          const ds = await deliveries();
          return ds.length === 1 && ds[0].status === 'delivered' ? ds : undefined;
        },
        5000,
        'the retried delivery',
      );
      expect(d).toMatchObject({
        kind: 'mercadolibre',
        topic: 'created_orders',
        resource: `/orders/${order.id}`,
        attempts: 2,
        status: 'delivered',
      });
    });

    it('a reset empties the log', async () => {
      await confirmedOrder();
      expect((await settle()).length).toBe(2);
      expect((await raw(sandbox.url, 'POST', '/__sandbox/reset')).status).toBe(204);
      expect(await deliveries()).toEqual([]);
    });
  });
});
