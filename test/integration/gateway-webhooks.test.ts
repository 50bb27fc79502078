// The gateway's webhook routes over real HTTP (README.md, "Notifications (webhooks)"):
// POST /webhooks/mercadopago verifies Mercado Pago's signature, POST /webhooks/mercadolibre checks
// Mercado Libre's shape; both ACK with 200, de-duplicate, and publish on the gateway's bus. Requests
// are signed here with node:crypto.
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/lib/logger';
import { createGateway } from '../../src/gateway/server';
import type { NotificationBus, NotificationEvent } from '../../src/notifications';
import { startStack, type Stack } from '../support/stack';
import { eventually } from '../support/webhookReceiver';
import { idsFrom, mlBody as mlNotification, mpBody as mpWebhookBody, signature } from '../support/webhooks';

const sign = signature;
/** A payment id no other test uses, so each test watches its own events. */
const freshId = idsFrom(7_100_000_000);
const mpBody = (paymentId: string, over: Record<string, unknown> = {}) =>
  mpWebhookBody(paymentId, { action: 'payment.created', ...over });
const mlBody = (over: Record<string, unknown> = {}) => mlNotification(freshId(), over);

interface Sent {
  status: number;
  body: any;
}

const postJson = async (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Sent> => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* keep text */
  }
  return { status: res.status, body: parsed };
};

/** Collects the bus's events about one resource id. */
const watch = (bus: NotificationBus, id: string): { events: NotificationEvent[]; stop: () => void } => {
  const events: NotificationEvent[] = [];
  const stop = bus.subscribe({ id }, (e) => void events.push(e));
  return { events, stop };
};

/** Long enough for an accepted event to have been published (it is, on the next turn). */
const settle = () => new Promise((r) => setTimeout(r, 100));

describe('POST /webhooks/mercadopago', () => {
  let stack: Stack;
  let logs: string[];
  let url: string;
  beforeAll(async () => {
    logs = [];
    stack = await startStack({ LOG_LEVEL: 'debug' }, { gateway: { log: createLogger('debug', (l) => logs.push(l)) } });
    url = `${stack.gatewayUrl}/webhooks/mercadopago`;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** POSTs a webhook for `paymentId`, signed with the stack's secret unless told otherwise. */
  const send = (
    paymentId: string,
    options: { body?: unknown; secret?: string; requestId?: string; signature?: string | null; query?: string } = {},
  ) => {
    const requestId = options.requestId ?? randomUUID();
    const headers: Record<string, string> = { 'x-request-id': requestId };
    const signature =
      options.signature === undefined
        ? sign(options.secret ?? stack.webhookSecret, paymentId, requestId)
        : options.signature;
    if (signature !== null) headers['x-signature'] = signature;
    return postJson(
      `${url}?${options.query ?? `data.id=${paymentId}&type=payment`}`,
      options.body ?? mpBody(paymentId),
      headers,
    );
  };

  it('answers a correctly signed webhook with 200 and publishes one payment event', async () => {
    const id = freshId();
    const w = watch(stack.bus, id);
    const res = await send(id);
    expect(res).toEqual({ status: 200, body: { status: 'accepted' } });
    const events = await eventually(() => (w.events.length > 0 ? w.events : undefined), 2000, 'the event');
    expect(events).toEqual([
      { kind: 'payment', id, action: 'payment.created', userId: '169648308', source: 'mercadopago' },
    ]);
    w.stop();
  });

  it('refuses a forged webhook (another secret) with 401 and publishes nothing', async () => {
    const id = freshId();
    const w = watch(stack.bus, id);
    const res = await send(id, { secret: 'not-the-secret' });
    expect(res).toEqual({
      status: 401,
      body: { error: 'invalid_signature', message: 'The notification signature could not be verified.' },
    });
    await settle();
    expect(w.events).toEqual([]);
    w.stop();
  });

  it('refuses a webhook without x-signature with 401', async () => {
    const id = freshId();
    const w = watch(stack.bus, id);
    expect((await send(id, { signature: null })).status).toBe(401);
    await settle();
    expect(w.events).toEqual([]);
    w.stop();
  });

  it('refuses a signature for another data.id (tampered query) with 401', async () => {
    const id = freshId();
    const other = freshId();
    const requestId = randomUUID();
    const res = await send(other, { requestId, signature: sign(stack.webhookSecret, id, requestId) });
    expect(res.status).toBe(401);
  });

  it('refuses a signed request whose body names another payment with 401', async () => {
    const id = freshId();
    const other = freshId();
    const w = watch(stack.bus, other);
    expect((await send(id, { body: mpBody(other) })).status).toBe(401);
    await settle();
    expect(w.events).toEqual([]);
    w.stop();
  });

  it('publishes a retried notification (new request id, same body) once', async () => {
    const id = freshId();
    const w = watch(stack.bus, id);
    const body = mpBody(id);
    expect(await send(id, { body })).toEqual({ status: 200, body: { status: 'accepted' } });
    expect(await send(id, { body })).toEqual({ status: 200, body: { status: 'duplicate' } });
    expect(await send(id, { body: { ...body, action: 'payment.updated' } })).toEqual({
      status: 200,
      body: { status: 'duplicate' },
    });
    await settle();
    expect(w.events).toHaveLength(1);
    w.stop();
  });

  it('publishes a replayed request (same x-request-id and signature) once', async () => {
    const id = freshId();
    const w = watch(stack.bus, id);
    const requestId = randomUUID();
    expect((await send(id, { requestId })).body).toEqual({ status: 'accepted' });
    expect((await send(id, { requestId, body: mpBody(id, { id: 1, action: 'payment.updated' }) })).body).toEqual({
      status: 'duplicate',
    });
    await settle();
    expect(w.events).toHaveLength(1);
    w.stop();
  });

  it('ACKs a well-signed webhook of another type with 200 and publishes nothing', async () => {
    const id = freshId();
    const w = watch(stack.bus, id);
    const res = await send(id, {
      query: `data.id=${id}&type=merchant_order`,
      body: mpBody(id, { type: 'merchant_order', action: 'merchant_order.updated' }),
    });
    expect(res).toEqual({ status: 200, body: { status: 'ignored' } });
    await settle();
    expect(w.events).toEqual([]);
    w.stop();
  });

  it('answers a missing data.id query parameter with 400', async () => {
    const id = freshId();
    expect((await send(id, { query: 'type=payment' })).status).toBe(400);
  });

  it('answers malformed JSON with 400, a non-JSON body with 415, and an oversized one with 413, in its own error shape', async () => {
    const id = freshId();
    const requestId = randomUUID();
    const headers = { 'x-request-id': requestId, 'x-signature': sign(stack.webhookSecret, id, requestId) };
    const bad = await postJson(`${url}?data.id=${id}&type=payment`, '{"id": ', headers);
    expect(bad).toEqual({
      status: 400,
      body: { error: 'invalid_notification', message: 'The notification is malformed.' },
    });
    const text = await fetch(`${url}?data.id=${id}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(415);
    const big = await postJson(`${url}?data.id=${id}`, { ...mpBody(id), pad: 'x'.repeat(20 * 1024) }, headers);
    expect(big.status).toBe(413);
    expect(big.body.error).toBe('payload_too_large');
  });

  it('answers other methods with 405 and Allow: POST', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('never writes the secret or a signature to the log', async () => {
    const id = freshId();
    await send(id, { secret: 'wrong' });
    await send(id);
    const text = logs.join('\n');
    expect(text).toContain('webhook refused');
    expect(text).toContain('SignatureMismatch');
    expect(text).not.toContain(stack.webhookSecret);
    expect(text).not.toMatch(/v1=[0-9a-f]{64}/);
  });
});

describe('POST /webhooks/mercadolibre', () => {
  let stack: Stack;
  let url: string;
  beforeAll(async () => {
    stack = await startStack();
    url = `${stack.gatewayUrl}/webhooks/mercadolibre`;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('ACKs an orders_v2 notification with 200 and publishes an order event', async () => {
    const id = freshId();
    const w = watch(stack.bus, id);
    expect(await postJson(url, mlBody({ resource: `/orders/${id}` }))).toEqual({
      status: 200,
      body: { status: 'accepted' },
    });
    const events = await eventually(() => (w.events.length > 0 ? w.events : undefined), 2000, 'the event');
    expect(events).toEqual([{ kind: 'order', id, topic: 'orders_v2', userId: '169648308', source: 'mercadolibre' }]);
    w.stop();
  });

  it('takes the legacy topic orders (the order payments page) as orders_v2', async () => {
    const id = freshId();
    const w = watch(stack.bus, id);
    const sample = {
      user_id: 1234,
      resource: `/orders/${id}`,
      topic: 'orders',
      received: new Date().toISOString(),
      application_id: 14529,
      sent: new Date().toISOString(),
      attempts: 0,
    };
    expect((await postJson(url, sample)).status).toBe(200);
    const events = await eventually(() => (w.events.length > 0 ? w.events : undefined), 2000, 'the event');
    expect(events).toEqual([{ kind: 'order', id, topic: 'orders_v2', userId: '1234', source: 'mercadolibre' }]);
    w.stop();
  });

  it('publishes created_orders as an order event and payments as a payment event', async () => {
    const orderId = freshId();
    const paymentId = freshId();
    const wo = watch(stack.bus, orderId);
    const wp = watch(stack.bus, paymentId);
    expect((await postJson(url, mlBody({ topic: 'created_orders', resource: `/orders/${orderId}` }))).status).toBe(200);
    expect((await postJson(url, mlBody({ topic: 'payments', resource: `/v1/payments/${paymentId}` }))).status).toBe(
      200,
    );
    await eventually(() => (wo.events.length && wp.events.length ? true : undefined), 2000, 'both events');
    expect(wo.events).toEqual([
      { kind: 'order', id: orderId, topic: 'created_orders', userId: '169648308', source: 'mercadolibre' },
    ]);
    expect(wp.events).toEqual([
      { kind: 'payment', id: paymentId, action: null, userId: '169648308', source: 'mercadolibre' },
    ]);
    wo.stop();
    wp.stop();
  });

  it('publishes a retried notification (same _id, next attempt) once', async () => {
    const id = freshId();
    const w = watch(stack.bus, id);
    const first = mlBody({ resource: `/orders/${id}` });
    expect((await postJson(url, first)).body).toEqual({ status: 'accepted' });
    expect((await postJson(url, { ...first, attempts: 2, sent: new Date().toISOString() })).body).toEqual({
      status: 'duplicate',
    });
    await settle();
    expect(w.events).toHaveLength(1);
    w.stop();
  });

  it.each([
    ['a resource outside /orders/<id>', { resource: '/orders/../users/me' }],
    ['a resource id with letters', { resource: '/orders/12ab' }],
    ['no user_id', { user_id: undefined }],
    ['a topic that is not a string', { topic: 7 }],
  ])('answers %s with 400', async (_what, over) => {
    const res = await postJson(url, mlBody(over));
    expect(res).toEqual({
      status: 400,
      body: { error: 'invalid_notification', message: 'The notification is malformed.' },
    });
  });

  it('answers malformed JSON with 400 and a JSON array with 400', async () => {
    expect((await postJson(url, '{"topic": ')).status).toBe(400);
    expect((await postJson(url, '[1,2]')).status).toBe(400);
  });

  it('ACKs a topic it does not publish with 200', async () => {
    expect(await postJson(url, mlBody({ topic: 'questions', resource: '/questions/123' }))).toEqual({
      status: 200,
      body: { status: 'ignored' },
    });
  });
});

describe('webhook routes without a secret', () => {
  it('refuse every Mercado Pago webhook with 503 (never accept unsigned) and still take Mercado Libre ones', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      PORT: '0',
      MP_API_URL: 'http://127.0.0.1:9',
      ML_API_URL: 'http://127.0.0.1:9',
    });
    const gateway = await createGateway({ ...config, mpApiUrl: 'http://127.0.0.1:9', mlApiUrl: 'http://127.0.0.1:9' });
    try {
      const id = freshId();
      const w = watch(gateway.bus, id);
      const requestId = randomUUID();
      const res = await postJson(`${gateway.url}/webhooks/mercadopago?data.id=${id}&type=payment`, mpBody(id), {
        'x-request-id': requestId,
        'x-signature': sign('', id, requestId),
      });
      expect(res.status).toBe(503);
      expect(res.body.error).toBe('not_configured');
      expect(
        (await postJson(`${gateway.url}/webhooks/mercadopago?data.id=${id}&type=payment`, mpBody(id))).status,
      ).toBe(503);
      expect((await postJson(`${gateway.url}/webhooks/mercadolibre`, mlBody())).status).toBe(200);
      await settle();
      expect(w.events).toEqual([]);
      w.stop();
    } finally {
      await gateway.close();
    }
  });

  it('with ML_APPLICATION_ID set, refuses notifications for another application with 403', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      PORT: '0',
      MP_API_URL: 'http://127.0.0.1:9',
      ML_API_URL: 'http://127.0.0.1:9',
      ML_APPLICATION_ID: '14529',
    });
    const gateway = await createGateway({ ...config, mpApiUrl: 'http://127.0.0.1:9', mlApiUrl: 'http://127.0.0.1:9' });
    try {
      expect((await postJson(`${gateway.url}/webhooks/mercadolibre`, mlBody())).status).toBe(403);
      expect((await postJson(`${gateway.url}/webhooks/mercadolibre`, mlBody({ application_id: 14529 }))).status).toBe(
        200,
      );
    } finally {
      await gateway.close();
    }
  });
});
