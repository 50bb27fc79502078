// Forged notifications at the webhook routes (README.md, "Notifications (webhooks)"): Mercado Pago
// webhooks unsigned, signed with another secret, stale, replayed, with a tampered data.id in the
// body or the query; Mercado Libre notifications whose resource could address something else
// (`/orders/..`, `/orders/1/2`); wrong content types, oversized bodies, other methods, unknown
// topics. Each gets its fixed answer (nothing of the request echoed), publishes only what it should
// on the gateway's bus, and causes no upstream call.
import { randomUUID } from 'node:crypto';
import type { NotificationEvent } from '../../src/notifications';
import { useStack } from '../support/stack';
import { idsFrom, mlBody as mlNotification, mpBody, nowSeconds, signature } from '../support/webhooks';
import { capturedLog, request, runCases, sandboxTarget, type HostileCase, type RawRequest } from '../support/hostile';

const ACCEPTED = { status: 'accepted' };
const DUPLICATE = { status: 'duplicate' };
const IGNORED = { status: 'ignored' };
const INVALID = { error: 'invalid_notification', message: 'The notification is malformed.' };
const UNSIGNED = { error: 'invalid_signature', message: 'The notification signature could not be verified.' };
const MEDIA = {
  error: 'unsupported_media_type',
  message: 'Send notifications as JSON: Content-Type: application/json.',
};
const TOO_LARGE = { error: 'payload_too_large', message: 'The notification body is too large.' };
const METHOD = { error: 'method_not_allowed', message: 'Notifications are sent with POST.' };

const now = nowSeconds;
/** A payment or order id no other case uses, so each case watches only its own events. */
const freshId = idsFrom(7_300_000_000);
const mlBody = (over: Record<string, unknown> = {}) => mlNotification(freshId(), over);

interface MpOptions {
  /** The query's data.id (the signed one unless `query` says otherwise). */
  id: string;
  body?: unknown;
  secret?: string;
  /** null: no x-signature; a string: that header as it is. */
  signature?: string | null;
  requestId?: string | null;
  ts?: number;
  query?: string;
  contentType?: string | null;
  method?: string;
  extraHeaders?: [string, string][];
}

/** A Mercado Pago webhook, signed with `secret` unless told otherwise. */
const mp = (secret: string, o: MpOptions): RawRequest => {
  const requestId = o.requestId === undefined ? randomUUID() : o.requestId;
  const sig =
    o.signature === undefined ? signature(o.secret ?? secret, o.id, requestId ?? '', o.ts) : (o.signature ?? null);
  return request(o.method ?? 'POST', `/webhooks/mercadopago?${o.query ?? `data.id=${o.id}&type=payment`}`, {
    body: o.body === undefined ? mpBody(o.id) : o.body,
    contentType: o.contentType === undefined ? 'application/json' : o.contentType,
    headers: [
      ...(requestId !== null ? [['x-request-id', requestId] as [string, string]] : []),
      ...(sig !== null ? [['x-signature', sig] as [string, string]] : []),
      ...(o.extraHeaders ?? []),
    ],
  });
};

const ml = (body: unknown, contentType: string | null = 'application/json', method = 'POST'): RawRequest =>
  request(method, '/webhooks/mercadolibre', { body, contentType });

describe('hostile webhooks', () => {
  const { lines, log } = capturedLog();
  const stack = useStack({}, { gateway: { log } });
  const target = sandboxTarget(stack);
  const events: NotificationEvent[] = [];
  let stop: () => void = () => undefined;
  beforeAll(() => {
    stop = stack.bus.subscribe({}, (e) => void events.push(e));
  });
  afterAll(() => {
    stop();
    // Refused, replayed or accepted: the log never holds the secret or a signature.
    const text = lines.join('\n');
    expect(text).not.toContain(stack.webhookSecret);
    expect(text).not.toMatch(/v1=[0-9a-f]{64}/);
  });

  /** What the bus published about `id` once the case is over: accepted events go out right after the answer. */
  const published = async (id: string): Promise<NotificationEvent[]> => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    return events.filter((e) => e.id === id);
  };
  const publishesNothing = (id: string) => async () => expect(await published(id)).toEqual([]);

  /** A Mercado Pago case for a fresh payment id: the request is built when the case runs (the secret is known then). */
  const mpCase = (
    name: string,
    options: Omit<MpOptions, 'id'> & { id?: string },
    status: number,
    body: unknown,
    publishes = 0,
  ): HostileCase => {
    const id = options.id ?? freshId();
    return {
      name,
      request: () => mp(stack.webhookSecret, { ...options, id }),
      expect: { status, body },
      check: async () => expect(await published(id)).toHaveLength(publishes),
    };
  };

  const MERCADO_PAGO: HostileCase[] = [
    mpCase('a webhook signed with the secret is accepted and published once', {}, 200, ACCEPTED, 1),
    mpCase('an unsigned webhook is 401', { signature: null }, 401, UNSIGNED),
    mpCase('a webhook signed with another secret is 401', { secret: 'not-the-secret' }, 401, UNSIGNED),
    mpCase('an x-signature that is not ts=…,v1=… is 401', { signature: 'sha256=deadbeef' }, 401, UNSIGNED),
    mpCase('an x-signature with a timestamp and no v1 is 401', { signature: `ts=${now()}` }, 401, UNSIGNED),
    mpCase(
      'an x-signature whose v1 is not hex is 401',
      { signature: `ts=${now()},v1=${'z'.repeat(64)}` },
      401,
      UNSIGNED,
    ),
    mpCase('a signature 10 minutes old (stale) is 401', { ts: now() - 600 }, 401, UNSIGNED),
    mpCase('a signature 10 minutes in the future is 401', { ts: now() + 600 }, 401, UNSIGNED),
    mpCase('a timestamp in milliseconds, not seconds, is 401', { ts: Date.now() }, 401, UNSIGNED),
    mpCase('a webhook without x-request-id is 401', { requestId: null }, 401, UNSIGNED),
    mpCase('an x-request-id with control characters is 401', { requestId: 'abc\tdef' }, 401, UNSIGNED),
    (() => {
      const id = freshId();
      return {
        name: 'a stale signature followed by a second x-signature with a fresh ts (no v1) is 401',
        request: () => {
          const requestId = randomUUID();
          return mp(stack.webhookSecret, {
            id,
            requestId,
            signature: signature(stack.webhookSecret, id, requestId, now() - 600),
            extraHeaders: [['x-signature', `ts=${now()}`]],
          });
        },
        expect: { status: 401, body: UNSIGNED },
        check: publishesNothing(id),
      };
    })(),
    (() => {
      const id = freshId();
      return {
        name: 'a fresh ts with a forged v1 followed by a second x-signature holding a stale valid one is 401',
        request: () => {
          const requestId = randomUUID();
          return mp(stack.webhookSecret, {
            id,
            requestId,
            signature: `ts=${now()},v1=${'0'.repeat(64)}`,
            extraHeaders: [['x-signature', signature(stack.webhookSecret, id, requestId, now() - 600)]],
          });
        },
        expect: { status: 401, body: UNSIGNED },
        check: publishesNothing(id),
      };
    })(),
    (() => {
      const id = freshId();
      return {
        name: 'a forged x-signature followed by a second, valid one is 401: one request, one signature',
        request: () => {
          const requestId = randomUUID();
          return mp(stack.webhookSecret, {
            id,
            requestId,
            signature: `ts=${now()},v1=${'0'.repeat(64)}`,
            extraHeaders: [['x-signature', signature(stack.webhookSecret, id, requestId, now())]],
          });
        },
        expect: { status: 401, body: UNSIGNED },
        check: publishesNothing(id),
      };
    })(),
    (() => {
      const id = freshId();
      return {
        name: 'two x-request-id headers are 401, even with a valid signature for the first',
        request: () => {
          const requestId = randomUUID();
          return mp(stack.webhookSecret, {
            id,
            requestId,
            extraHeaders: [['x-request-id', randomUUID()]],
          });
        },
        expect: { status: 401, body: UNSIGNED },
        check: publishesNothing(id),
      };
    })(),
    (() => {
      const id = freshId();
      const other = freshId();
      return {
        name: 'a body whose data.id is not the signed one (tampered body) is 401, and neither id is published',
        request: () => mp(stack.webhookSecret, { id, body: mpBody(other) }),
        expect: { status: 401, body: UNSIGNED },
        check: async () => {
          expect(await published(id)).toEqual([]);
          expect(await published(other)).toEqual([]);
        },
      };
    })(),
    (() => {
      const id = freshId();
      const other = freshId();
      return {
        name: 'a query data.id that is not the signed one (tampered query) is 401',
        request: () => {
          const requestId = randomUUID();
          return mp(stack.webhookSecret, {
            id: other,
            requestId,
            signature: signature(stack.webhookSecret, id, requestId),
            body: mpBody(other),
          });
        },
        expect: { status: 401, body: UNSIGNED },
        check: publishesNothing(other),
      };
    })(),
    (() => {
      const id = freshId();
      const requestId = randomUUID();
      let first: RawRequest;
      return {
        name: 'the same signed request sent again (a replay) is a duplicate, published once',
        setup: async (h) => {
          first = mp(stack.webhookSecret, { id, requestId });
          expect((await h.gateway(first)).json).toEqual(ACCEPTED);
        },
        request: () => first,
        expect: { status: 200, body: DUPLICATE },
        check: async () => expect(await published(id)).toHaveLength(1),
      };
    })(),
    (() => {
      const id = freshId();
      const requestId = randomUUID();
      return {
        name: 'a replayed request id with another body (another action, another notification id) is a duplicate',
        setup: async (h) => {
          expect((await h.gateway(mp(stack.webhookSecret, { id, requestId }))).json).toEqual(ACCEPTED);
        },
        request: () =>
          mp(stack.webhookSecret, { id, requestId, body: mpBody(id, { id: 1, action: 'payment.created' }) }),
        expect: { status: 200, body: DUPLICATE },
        check: async () => expect(await published(id)).toHaveLength(1),
      };
    })(),
    mpCase('a data.id repeated in the query is 400', { query: 'data.id=1&data.id=2&type=payment' }, 400, INVALID),
    mpCase('no data.id in the query is 400', { query: 'type=payment' }, 400, INVALID),
    mpCase('a data.id of "../1", signed, is 400', { id: '../1', query: 'data.id=../1&type=payment' }, 400, INVALID),
    mpCase('a signed webhook whose body is an array is 400', { body: [1, 2] }, 400, INVALID),
    mpCase('a signed webhook whose body is malformed JSON is 400', { body: '{"id": ' }, 400, INVALID),
    mpCase('a webhook as text/plain is 415', { contentType: 'text/plain' }, 415, MEDIA),
    mpCase('a webhook without a content type is 415', { contentType: null }, 415, MEDIA),
    mpCase('a webhook over 16 KB is 413', { body: { ...mpBody('1'), pad: 'x'.repeat(17 * 1024) } }, 413, TOO_LARGE),
    mpCase('GET on the Mercado Pago route is 405', { method: 'GET', body: '' }, 405, METHOD),
    mpCase('PUT on the Mercado Pago route is 405', { method: 'PUT' }, 405, METHOD),
    (() => {
      const id = freshId();
      return mpCase(
        'a signed webhook of another type (merchant_order) is ignored: 200, nothing published',
        {
          id,
          query: `data.id=${id}&type=merchant_order`,
          body: mpBody(id, { type: 'merchant_order', action: 'merchant_order.updated' }),
        },
        200,
        IGNORED,
      );
    })(),
  ];

  /** A Mercado Libre case: `over` changes a valid notification; a refused or ignored one publishes nothing at all. */
  const mlCase = (name: string, over: Record<string, unknown>, status: number, body: unknown): HostileCase => ({
    name,
    setup: async () => events.length,
    request: ml(mlBody(over)),
    expect: { status, body },
    check: async (_res, before: number) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(events.slice(before)).toEqual([]);
    },
  });

  const MERCADO_LIBRE: HostileCase[] = [
    (() => {
      const id = freshId();
      return {
        name: 'an orders_v2 notification is accepted and published once',
        request: ml(mlBody({ resource: `/orders/${id}` })),
        expect: { status: 200, body: ACCEPTED },
        check: async () =>
          expect(await published(id)).toEqual([
            { kind: 'order', id, topic: 'orders_v2', userId: '169648308', source: 'mercadolibre' },
          ]),
      };
    })(),
    mlCase('resource /orders/.. is 400', { resource: '/orders/..' }, 400, INVALID),
    mlCase('resource /orders/1/2 is 400', { resource: '/orders/1/2' }, 400, INVALID),
    mlCase('resource /orders/../users/me is 400', { resource: '/orders/../users/me' }, 400, INVALID),
    mlCase('resource /orders/%2e%2e is 400', { resource: '/orders/%2e%2e' }, 400, INVALID),
    mlCase('resource /orders/ (no id) is 400', { resource: '/orders/' }, 400, INVALID),
    mlCase('resource /orders/ with 20 digits is 400', { resource: '/orders/12345678901234567890' }, 400, INVALID),
    mlCase('resource /orders/ with Arabic-Indic digits is 400', { resource: '/orders/٨٩٣٤٣١١١٨' }, 400, INVALID),
    mlCase('resource /orders/1?access_token=… is 400', { resource: '/orders/1?access_token=TEST-1' }, 400, INVALID),
    mlCase('an absolute URL as resource is 400', { resource: 'https://evil.example/orders/1' }, 400, INVALID),
    mlCase('a resource of 201 characters is 400', { resource: `/orders/${'1'.repeat(193)}` }, 400, INVALID),
    mlCase(
      'a payments notification for /v1/payments/../1 is 400',
      { topic: 'payments', resource: '/v1/payments/../1' },
      400,
      INVALID,
    ),
    mlCase(
      'a payments notification for an order resource is 400',
      { topic: 'payments', resource: '/orders/1' },
      400,
      INVALID,
    ),
    mlCase('a topic in capitals is 400', { topic: 'ORDERS_V2' }, 400, INVALID),
    mlCase('a negative user_id is 400', { user_id: -1 }, 400, INVALID),
    mlCase('a user_id of letters is 400', { user_id: 'abc' }, 400, INVALID),
    mlCase('an _id with a slash is 400', { _id: 'a/b' }, 400, INVALID),
    mlCase('an application_id of letters is 400', { application_id: 'app' }, 400, INVALID),
    mlCase('negative attempts are 400', { attempts: -1 }, 400, INVALID),
    mlCase('a sent date that is not a date is 400', { sent: 'yesterday' }, 400, INVALID),
    mlCase(
      'an unknown topic (questions) is ignored: 200',
      { topic: 'questions', resource: '/questions/1' },
      200,
      IGNORED,
    ),
    mlCase(
      'an unknown topic with a malformed resource is ignored, the resource never used',
      { topic: 'items', resource: '/items/../../users/me' },
      200,
      IGNORED,
    ),
    {
      name: 'a notification sent again (same _id) is a duplicate, published once',
      setup: async (h) => {
        const body = mlBody();
        expect((await h.gateway(ml(body))).json).toEqual(ACCEPTED);
        return body;
      },
      request: (body) => ml({ ...body, attempts: 2, sent: new Date().toISOString() }),
      expect: { status: 200, body: DUPLICATE },
      check: async (_res, body) => expect(await published(String(body.resource).split('/').pop()!)).toHaveLength(1),
    },
    {
      name: 'a JSON array is 400',
      request: ml([mlBody()]),
      expect: { status: 400, body: INVALID },
    },
    {
      name: 'malformed JSON is 400',
      request: ml('{"topic": '),
      expect: { status: 400, body: INVALID },
    },
    {
      name: 'JSON null is 400',
      request: ml('null'),
      expect: { status: 400, body: INVALID },
    },
    {
      name: 'text/plain is 415',
      request: ml(JSON.stringify(mlBody()), 'text/plain'),
      expect: { status: 415, body: MEDIA },
    },
    {
      name: 'a form is 415',
      request: ml('topic=orders_v2&resource=%2Forders%2F1', 'application/x-www-form-urlencoded'),
      expect: { status: 415, body: MEDIA },
    },
    {
      name: 'a notification over 16 KB is 413',
      request: ml({ ...mlBody(), pad: 'x'.repeat(17 * 1024) }),
      expect: { status: 413, body: TOO_LARGE },
    },
    {
      name: 'GET on the Mercado Libre route is 405 with Allow: POST',
      request: request('GET', '/webhooks/mercadolibre'),
      expect: { status: 405, body: METHOD },
      check: (res) => expect(res.headers.allow).toBe('POST'),
    },
    {
      name: 'DELETE on the Mercado Libre route is 405',
      request: request('DELETE', '/webhooks/mercadolibre'),
      expect: { status: 405, body: METHOD },
    },
    {
      name: 'a route under /webhooks that does not exist is 404',
      request: request('POST', '/webhooks/stripe', { body: mlBody() }),
      expect: { status: 404 },
    },
  ];

  describe('7. Mercado Pago', () => runCases(target, MERCADO_PAGO));
  describe('7. Mercado Libre', () => runCases(target, MERCADO_LIBRE));
});
