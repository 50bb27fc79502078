// Notifications end to end, as `npm start` wires them: a change in the sandbox (made through the
// official SDK or the control API) → the sandbox's signed webhook or Mercado Libre notification →
// the gateway's webhook route, verified → one event on the gateway's bus, and `delivered` in the
// sandbox's log (GET /__sandbox/notifications).
import type { NotificationEvent } from '../../src/notifications';
import { raw } from '../support/sandbox';
import { startStack, type Stack } from '../support/stack';
import { eventually } from '../support/webhookReceiver';
import { pay } from './sandbox-payments-helpers';

const deliveries = async (sandboxUrl: string): Promise<any[]> =>
  (await raw(sandboxUrl, 'GET', '/__sandbox/notifications')).body.deliveries;

describe('notifications from the sandbox to the gateway', () => {
  let stack: Stack;
  let events: NotificationEvent[];
  let unsubscribe: () => void;

  /** The sandbox's deliveries once none is pending. */
  const settled = () =>
    eventually(
      async () => {
        const ds = await deliveries(stack.sandboxUrl);
        return ds.length > 0 && ds.every((d) => d.status !== 'pending') ? ds : undefined;
      },
      5000,
      'every delivery to settle',
    );

  beforeAll(async () => {
    // Short retries: a failed delivery shows within a second instead of 15 s.
    stack = await startStack({}, { notifications: { attempts: 3, baseDelayMs: 50, timeoutMs: 2000 } });
    events = [];
    unsubscribe = stack.bus.subscribe({}, (e) => void events.push(e));
  });
  beforeEach(async () => {
    expect((await raw(stack.sandboxUrl, 'POST', '/__sandbox/reset')).status).toBe(204);
    events.length = 0;
  });
  afterAll(async () => {
    unsubscribe?.();
    await stack?.stop();
  });

  it('a payment created through the SDK reaches the gateway, verified, as one event and one delivered webhook', async () => {
    // createGateway pointed the SDK's base URL at the stack's sandbox.
    const payment = await pay();
    const [d] = await settled();
    expect(d).toMatchObject({
      kind: 'mercadopago',
      url: `${stack.gatewayUrl}/webhooks/mercadopago?data.id=${payment.id}&type=payment`,
      topic: 'payment',
      resource: `/v1/payments/${payment.id}`,
      attempts: 1,
      status: 'delivered',
      lastResponseStatus: 200,
    });
    const got = await eventually(() => (events.length > 0 ? events : undefined), 2000, 'the bus event');
    expect(got).toEqual([
      {
        kind: 'payment',
        id: String(payment.id),
        action: 'payment.created',
        userId: '169648308',
        source: 'mercadopago',
      },
    ]);
  });

  it('a later change of the payment is a second, distinct event (payment.updated)', async () => {
    const payment = await pay({ body: { capture: false } });
    await eventually(() => (events.length === 1 ? true : undefined), 3000, 'payment.created');
    const res = await raw(stack.sandboxUrl, 'PUT', `/v1/payments/${payment.id}`, {
      token: 'TEST-SELLER-169648308',
      body: { capture: true },
    });
    expect(res.status).toBe(200);
    const got = await eventually(() => (events.length === 2 ? events : undefined), 3000, 'payment.updated');
    expect(got.map((e) => (e.kind === 'payment' ? e.action : null))).toEqual(['payment.created', 'payment.updated']);
    const ds = await settled();
    expect(ds.map((x) => x.status)).toEqual(['delivered', 'delivered']);
  });

  it('after a sandbox reset restarts its notification ids, a new payment is still published', async () => {
    // The previous tests' notifications had the same ids (the sandbox restarts them on reset).
    await pay();
    await eventually(() => (events.length === 1 ? true : undefined), 3000, 'the event after a reset');
    const [d] = await settled();
    expect(d.status).toBe('delivered');
  });

  it('a chargeback of an order payment arrives as a Mercado Pago webhook, a Mercado Libre payments notification, and the order’s change', async () => {
    // The order payments page: payment 885920310 (approved) belongs to Mercado Libre order 893431118, which it
    // leaves partially refunded.
    expect((await raw(stack.sandboxUrl, 'POST', '/__sandbox/payments/885920310/chargeback')).status).toBeLessThan(300);
    const ds = await settled();
    expect(ds.map((x) => [x.kind, x.topic, x.status]).sort()).toEqual([
      ['mercadolibre', 'orders_v2', 'delivered'],
      ['mercadolibre', 'payments', 'delivered'],
      ['mercadopago', 'payment', 'delivered'],
    ]);
    const got = await eventually(() => (events.length === 3 ? events : undefined), 2000, 'the three events');
    expect(got.map((e) => `${e.kind}:${e.id}:${e.source}`).sort()).toEqual([
      'order:893431118:mercadolibre',
      'payment:885920310:mercadolibre',
      'payment:885920310:mercadopago',
    ]);
  });

  it('a purchase in the mandatory flow reaches the gateway as created_orders, then as the order, its payment and the webhook once paid', async () => {
    const created = await raw(stack.sandboxUrl, 'POST', '/__sandbox/orders', {
      body: {
        seller_id: 169648308,
        buyer_id: 160903317,
        items: [{ id: 'MLB700000001', title: 'Mesa', quantity: 1, unit_price: 120 }],
      },
    });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    const first = await eventually(() => (events.length === 1 ? events.slice() : undefined), 3000, 'created_orders');
    expect(first).toEqual([
      { kind: 'order', id, topic: 'created_orders', userId: '169648308', source: 'mercadolibre' },
    ]);
    const paid = await raw(stack.sandboxUrl, 'POST', `/__sandbox/orders/${id}/pay`, { body: {} });
    expect(paid.body.status).toBe('approved');
    await settled();
    const all = await eventually(() => (events.length === 4 ? events : undefined), 3000, 'the events of the payment');
    expect(all.map((e) => `${e.kind}:${e.id}:${e.source}:${'topic' in e ? e.topic : e.action}`).sort()).toEqual([
      `order:${id}:mercadolibre:created_orders`,
      `order:${id}:mercadolibre:orders_v2`,
      `payment:${paid.body.id}:mercadolibre:null`,
      `payment:${paid.body.id}:mercadopago:payment.created`,
    ]);
  });
});
