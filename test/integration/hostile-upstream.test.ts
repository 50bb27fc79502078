// Hostile upstreams. First the sandbox's faults (src/sandbox/README.md, "Control API (`/__sandbox/`)")
// on Mercado Pago and Mercado Libre routes: 5xx, 429 with Retry-After, no answer, a reset socket,
// added latency; reads get one retry, writes none, and the client gets the code of the failure
// (README.md, "The graph", Errors) naming the service and nothing of the upstream. Then a stub
// upstream on a loopback port for what the sandbox cannot say: an HTML 502, a 200 of HTML, a body
// trickled slower than the read timeout, an error body echoing the caller's token (which no
// answer and no log line may hold any part of). Every fault is bounded: a count, or a short read
// timeout (300 ms) that ends it.
import { randomUUID } from 'node:crypto';
import { TOKENS } from '../support/sandbox';
import { startStack, useStack, type Stack } from '../support/stack';
import {
  capturedLog,
  gql,
  harness,
  runCases,
  sandboxTarget,
  startStubUpstream,
  type Expected,
  type HostileCase,
  type RawResponse,
  type StubAnswer,
  type StubUpstream,
  type Target,
} from '../support/hostile';

const READ_TIMEOUT_MS = 300;
const WRITE_TIMEOUT_MS = 500;
const TIMEOUTS = { readTimeoutMs: READ_TIMEOUT_MS, writeTimeoutMs: WRITE_TIMEOUT_MS };

const PAYMENT = '{ payment(id: "885920310") { id status } }';
const ORDER = '{ order(id: "893431118") { id status } }';
const GET_PAYMENT = 'GET /v1/payments/{id}';
const GET_ORDER = 'GET /orders/{id}';

const CHECKOUT =
  'mutation($input: CreatePaymentInput!) { createPayment(input: $input) { payment { id status } ' +
  'userErrors { code field upstreamCode } } }';
const CAPTURE =
  'mutation($input: CapturePaymentInput!) { capturePayment(input: $input) { payment { id status } ' +
  'userErrors { code field upstreamCode } } }';
const REFUND =
  'mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { refund { id } payment { id } ' +
  'userErrors { code field upstreamCode } } }';
const PAYER = { email: 'test_payer_12345@testuser.com' };

type Service = 'Mercado Pago' | 'Mercado Libre';

/** The message names the service that failed, not the other one. */
const names = (service: Service) => (res: RawResponse) => {
  const other = service === 'Mercado Pago' ? 'Mercado Libre' : 'Mercado Pago';
  for (const e of res.json.errors) {
    expect(e.message).toContain(service);
    expect(e.message).not.toContain(other);
  }
};

/** Answered within `ms`: the fault ended by our timeout and one retry, not by the upstream. */
const within = (ms: number) => (res: RawResponse) => expect(res.ms).toBeLessThan(ms);

const both =
  (...checks: ((res: RawResponse) => void)[]) =>
  (res: RawResponse) => {
    for (const c of checks) c(res);
  };

/** A read of `query` while `route` fails as `fault` says: one retry (2 calls), then `code` naming `service`. */
const readFault = (
  service: Service,
  what: string,
  query: string,
  route: string,
  [failure, fault, code]: [string, Record<string, unknown>, string],
): HostileCase => ({
  name: `${failure} on ${what} is ${code}, after one retry`,
  setup: (h) => h.fault({ route, ...fault }),
  request: gql(query),
  expect: { status: 200, codes: [code], calls: { [route]: 2 } },
  check: both(names(service), within(2_500), (res) => expect(Object.values(res.json.data ?? {})[0] ?? null).toBeNull()),
});

/** What a read may meet, and the code each is: every one retried once. */
const READ_FAULTS: [string, Record<string, unknown>, string][] = [
  ['a 500', { status: 500 }, 'UPSTREAM_ERROR'],
  ['a 502', { status: 502 }, 'UPSTREAM_UNAVAILABLE'],
  ['a 503', { status: 503 }, 'UPSTREAM_UNAVAILABLE'],
  ['a 504', { status: 504 }, 'UPSTREAM_TIMEOUT'],
  ['no answer', { timeout: true }, 'UPSTREAM_TIMEOUT'],
  ['a reset socket', { reset: true }, 'UPSTREAM_UNAVAILABLE'],
];
const A_503 = READ_FAULTS[2];
const A_500 = READ_FAULTS[0];

const MERCADO_PAGO: HostileCase[] = [
  ...READ_FAULTS.map((f) => readFault('Mercado Pago', 'a payment read', PAYMENT, GET_PAYMENT, f)),
  readFault(
    'Mercado Pago',
    'the payment search',
    '{ payments(first: 5) { nodes { id } } }',
    'GET /v1/payments/search',
    A_503,
  ),
  readFault(
    'Mercado Pago',
    'a customer read',
    '{ customer(id: "123456789-jxOV430go9fx2e") { id } }',
    'GET /v1/customers/{id}',
    A_500,
  ),
  {
    name: 'a 429 with Retry-After is RATE_LIMITED with extensions.retryAfter, and is not retried',
    setup: (h) => h.fault({ route: GET_PAYMENT, status: 429, retryAfter: 7 }),
    request: gql(PAYMENT),
    expect: { status: 200, codes: ['RATE_LIMITED'], extensions: [{ retryAfter: 7 }], calls: { [GET_PAYMENT]: 1 } },
    check: names('Mercado Pago'),
  },
  {
    name: 'a 429 without Retry-After is RATE_LIMITED without retryAfter',
    setup: (h) => h.fault({ route: GET_PAYMENT, status: 429 }),
    request: gql(PAYMENT),
    expect: { status: 200, codes: ['RATE_LIMITED'], calls: { [GET_PAYMENT]: 1 } },
    check: (res) => expect(res.json.errors[0].extensions).toEqual({ code: 'RATE_LIMITED' }),
  },
  {
    name: 'a 429 with Retry-After on the catalog is RATE_LIMITED with retryAfter',
    setup: (h) => h.fault({ route: 'GET /v1/payment_methods', status: 429, retryAfter: 30 }),
    request: gql('{ paymentMethods { id } }'),
    expect: {
      status: 200,
      codes: ['RATE_LIMITED'],
      extensions: [{ retryAfter: 30 }],
      calls: { 'GET /v1/payment_methods': 1 },
    },
  },
  {
    name: 'one 500 then an answer: the retry gets the payment, and the client sees no error',
    setup: (h) => h.fault({ route: GET_PAYMENT, status: 500, times: 1 }),
    request: gql(PAYMENT),
    expect: { status: 200, codes: [], calls: { [GET_PAYMENT]: 2 } },
    check: (res) => expect(res.json.data.payment).toEqual({ id: '885920310', status: 'APPROVED' }),
  },
  {
    name: '100 ms of added latency (under the read timeout) only slows the answer',
    setup: (h) => h.fault({ route: GET_PAYMENT, latencyMs: 100 }),
    request: gql(PAYMENT),
    expect: { status: 200, codes: [], calls: { [GET_PAYMENT]: 1 } },
    check: (res) => expect(res.ms).toBeGreaterThanOrEqual(100),
  },
  {
    name: '1 s of added latency (over the read timeout) is UPSTREAM_TIMEOUT after one retry',
    setup: (h) => h.fault({ route: GET_PAYMENT, latencyMs: 1_000 }),
    request: gql(PAYMENT),
    expect: { status: 200, codes: ['UPSTREAM_TIMEOUT'], calls: { [GET_PAYMENT]: 2 } },
    // The sandbox logs a delayed request when its delay is over.
    settleMs: 1_100,
    check: within(1_500),
  },
  {
    name: "an order's payments failing: the order stands, each payment is null with its own error",
    setup: (h) => h.fault({ route: GET_PAYMENT, status: 500 }),
    request: gql(ORDER.replace('status }', 'status payments { id } }')),
    expect: {
      status: 200,
      codes: ['UPSTREAM_ERROR', 'UPSTREAM_ERROR'],
      calls: { [GET_ORDER]: 1, [GET_PAYMENT]: 4 },
    },
    check: (res) => {
      expect(res.json.data.order).toMatchObject({ id: '893431118', payments: [null, null] });
      expect(res.json.errors.map((e: { path: unknown }) => e.path)).toEqual([
        ['order', 'payments', 0],
        ['order', 'payments', 1],
      ]);
    },
  },
  {
    name: 'a 500 on a payment write is an UPSTREAM_ERROR error, not a userError, after one attempt',
    setup: async (h) => {
      const token = await h.cardToken();
      await h.fault({ route: 'POST /v1/payments', status: 500 });
      return token;
    },
    request: (token) =>
      gql(CHECKOUT, {
        variables: { input: { idempotencyKey: randomUUID(), token, amount: '10', installments: 1, payer: PAYER } },
      }),
    expect: { status: 200, codes: ['UPSTREAM_ERROR'], calls: { 'POST /v1/payments': 1 } },
    check: (res) => expect(res.json.data).toBeNull(),
  },
  {
    name: 'a 429 on a payment write is RATE_LIMITED with retryAfter, after one attempt',
    setup: async (h) => {
      const token = await h.cardToken();
      await h.fault({ route: 'POST /v1/payments', status: 429, retryAfter: 3 });
      return token;
    },
    request: (token) =>
      gql(CHECKOUT, {
        variables: { input: { idempotencyKey: randomUUID(), token, amount: '10', installments: 1, payer: PAYER } },
      }),
    expect: {
      status: 200,
      codes: ['RATE_LIMITED'],
      extensions: [{ retryAfter: 3 }],
      calls: { 'POST /v1/payments': 1 },
    },
  },
  {
    name: 'a payment write with no answer is UPSTREAM_TIMEOUT after the write timeout, not retried',
    setup: async (h) => {
      const token = await h.cardToken();
      await h.fault({ route: 'POST /v1/payments', timeout: true });
      return token;
    },
    request: (token) =>
      gql(CHECKOUT, {
        variables: { input: { idempotencyKey: randomUUID(), token, amount: '10', installments: 1, payer: PAYER } },
      }),
    expect: { status: 200, codes: ['UPSTREAM_TIMEOUT'], calls: { 'POST /v1/payments': 1 } },
    check: within(2_000),
  },
  {
    name: 'a 503 on a capture is UPSTREAM_UNAVAILABLE, after one attempt',
    setup: async (h) => {
      const id = await h.payment({ capture: false });
      await h.fault({ route: 'PUT /v1/payments/{id}', status: 503 });
      return id;
    },
    request: (id) => gql(CAPTURE, { variables: { input: { idempotencyKey: randomUUID(), paymentId: id } } }),
    expect: { status: 200, codes: ['UPSTREAM_UNAVAILABLE'], calls: { 'PUT /v1/payments/{id}': 1 } },
  },
  {
    name: 'a refund whose socket is reset is UPSTREAM_UNAVAILABLE, after one attempt',
    setup: async (h) => {
      const id = await h.payment();
      await h.fault({ route: 'POST /v1/payments/{id}/refunds', reset: true });
      return id;
    },
    request: (id) => gql(REFUND, { variables: { input: { idempotencyKey: randomUUID(), paymentId: id } } }),
    expect: {
      status: 200,
      codes: ['UPSTREAM_UNAVAILABLE'],
      calls: { [GET_PAYMENT]: 1, 'POST /v1/payments/{id}/refunds': 1 },
    },
  },
];

const MERCADO_LIBRE: HostileCase[] = [
  ...READ_FAULTS.map((f) => readFault('Mercado Libre', 'an order read', ORDER, GET_ORDER, f)),
  readFault('Mercado Libre', 'the account (/users/me)', '{ me { id } }', 'GET /users/me', A_503),
  {
    name: 'a 500 on the order search (after the account read) is UPSTREAM_ERROR, after one retry',
    setup: (h) => h.fault({ route: 'GET /orders/search', status: 500 }),
    request: gql('{ orders(first: 5) { nodes { id } } }'),
    expect: { status: 200, codes: ['UPSTREAM_ERROR'], calls: { 'GET /users/me': 1, 'GET /orders/search': 2 } },
    check: names('Mercado Libre'),
  },
  {
    name: 'a 429 with Retry-After on an order is RATE_LIMITED with retryAfter, and is not retried',
    setup: (h) => h.fault({ route: GET_ORDER, status: 429, retryAfter: 5 }),
    request: gql(ORDER),
    expect: { status: 200, codes: ['RATE_LIMITED'], extensions: [{ retryAfter: 5 }], calls: { [GET_ORDER]: 1 } },
    check: names('Mercado Libre'),
  },
  {
    name: '100 ms of added latency on an order only slows the answer',
    setup: (h) => h.fault({ route: GET_ORDER, latencyMs: 100 }),
    request: gql(ORDER),
    expect: { status: 200, codes: [], calls: { [GET_ORDER]: 1 } },
  },
  {
    name: 'every route failing (503 on "*"): each root field has its own error, naming its own service',
    setup: (h) => h.fault({ route: '*', status: 503 }),
    request: gql('{ me { id } payment(id: "885920310") { id } }'),
    expect: {
      status: 200,
      codes: ['UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE'],
      calls: { 'GET /users/me': 2, [GET_PAYMENT]: 2 },
    },
    check: (res) =>
      expect(res.json.errors.map((e: { message: string }) => e.message).sort()).toEqual([
        'Mercado Libre is unavailable; retry later.',
        'Mercado Pago is unavailable; retry later.',
      ]),
  },
];

describe('hostile upstream: sandbox faults', () => {
  const { lines, log } = capturedLog();
  const stack = useStack({}, { gateway: { log, ...TIMEOUTS } });
  const target = sandboxTarget(stack);

  afterAll(() => {
    const text = lines.join('\n');
    for (const token of Object.values(TOKENS)) expect(text).not.toContain(token);
    expect(text).not.toContain(stack.sandboxUrl);
  });

  describe('6. Mercado Pago', () => runCases(target, MERCADO_PAGO));
  describe('6. Mercado Libre', () => runCases(target, MERCADO_LIBRE));
});

// ---- A stub upstream ----

/** Shaped like a production token, so every part of it is distinctive; no part may reach an answer or a log. */
const SECRET_TOKEN = 'APP_USR-7415926535897932-110424-9f3b5c7d2e1a4b6c8d0e2f4a6b8c0d2e-271828182';
const SECRET_PARTS = SECRET_TOKEN.split('-').slice(1);

const HTML_502 = '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>';
const HTML_200 = '<!doctype html><html><body>Maintenance: back at 10:00. See https://status.example</body></html>';
const HTML = { 'Content-Type': 'text/html' };

/** An error body that echoes the caller's credential everywhere it can. */
const echo = (status: number) => (token: string) =>
  JSON.stringify({
    message: `invalid access token ${token} (Authorization: Bearer ${token})`,
    error: `Bearer ${token}`,
    status,
    cause: [
      { code: token, description: `token ${token} refused`, data: token },
      { code: 'Bearer', data: null },
    ],
  });

/** A payment as Mercado Pago answers it, approved and refundable (what a refund reads first). */
const APPROVED_PAYMENT = JSON.stringify({
  id: 885920310,
  status: 'approved',
  status_detail: 'accredited',
  transaction_amount: 100,
  transaction_amount_refunded: 0,
  currency_id: 'BRL',
  refunds: [],
});

/** What the caller asks, always with SECRET_TOKEN: a payment, an order, a new payment, or a refund. */
const ASK = {
  refund: () =>
    gql(REFUND, {
      token: SECRET_TOKEN,
      variables: { input: { idempotencyKey: randomUUID(), paymentId: '885920310' } },
    }),
  payment: () => gql(PAYMENT, { token: SECRET_TOKEN }),
  order: () => gql(ORDER, { token: SECRET_TOKEN }),
  checkout: () =>
    gql(CHECKOUT, {
      token: SECRET_TOKEN,
      variables: {
        input: {
          idempotencyKey: randomUUID(),
          token: 'ffffffffffffffffffffffffffffffff',
          amount: '10',
          installments: 1,
          payer: PAYER,
        },
      },
    }),
};

interface StubCase {
  name: string;
  ask: keyof typeof ASK;
  /** The route key the stub answers this way; any other route is a 404. */
  route: string;
  answer: StubAnswer;
  /** Other routes' answers, for what the gateway reads first. */
  also?: Record<string, StubAnswer>;
  expect: Expected;
  check?: (res: RawResponse) => void;
  failing?: string;
}

const TRICKLE = { everyMs: 100, bytes: 30 };

const STUB_CASES: StubCase[] = [
  {
    name: 'Mercado Pago: an HTML 502 is UPSTREAM_UNAVAILABLE, after one retry',
    ask: 'payment',
    route: GET_PAYMENT,
    answer: { status: 502, headers: HTML, body: HTML_502 },
    expect: { status: 200, codes: ['UPSTREAM_UNAVAILABLE'], calls: { [GET_PAYMENT]: 2 } },
    check: (res) => expect(res.text).not.toMatch(/nginx|<html/i),
  },
  {
    name: 'Mercado Libre: an HTML 502 is UPSTREAM_UNAVAILABLE, after one retry',
    ask: 'order',
    route: GET_ORDER,
    answer: { status: 502, headers: HTML, body: HTML_502 },
    expect: { status: 200, codes: ['UPSTREAM_UNAVAILABLE'], calls: { [GET_ORDER]: 2 } },
    check: (res) => expect(res.text).not.toMatch(/nginx|<html/i),
  },
  {
    name: 'Mercado Pago: a 200 of HTML is UPSTREAM_ERROR, after one retry',
    ask: 'payment',
    route: GET_PAYMENT,
    answer: { status: 200, headers: HTML, body: HTML_200 },
    expect: { status: 200, codes: ['UPSTREAM_ERROR'], calls: { [GET_PAYMENT]: 2 } },
    check: (res) => expect(res.text).not.toMatch(/Maintenance|status\.example/),
  },
  {
    name: 'Mercado Libre: a 200 of HTML is UPSTREAM_ERROR, after one retry',
    ask: 'order',
    route: GET_ORDER,
    answer: { status: 200, headers: HTML, body: HTML_200 },
    expect: { status: 200, codes: ['UPSTREAM_ERROR'], calls: { [GET_ORDER]: 2 } },
    check: (res) => expect(res.text).not.toMatch(/Maintenance|status\.example/),
  },
  {
    name: 'Mercado Pago: a 200 for another payment is UPSTREAM_ERROR, never that payment',
    ask: 'payment',
    route: GET_PAYMENT,
    answer: { body: JSON.stringify({ id: 1, status: 'approved', transaction_amount: 1, currency_id: 'BRL' }) },
    expect: { status: 200, codes: ['UPSTREAM_ERROR'], calls: { [GET_PAYMENT]: 1 } },
  },
  {
    name: 'Mercado Libre: a 200 for another order is UPSTREAM_ERROR, never that order',
    ask: 'order',
    route: GET_ORDER,
    answer: { body: JSON.stringify({ id: 1, status: 'paid', total_amount: 1, currency_id: 'BRL' }) },
    expect: { status: 200, codes: ['UPSTREAM_ERROR'], calls: { [GET_ORDER]: 1 } },
  },
  {
    name: 'Mercado Pago: a body trickled slower than the read timeout is UPSTREAM_TIMEOUT, after one retry',
    ask: 'payment',
    route: GET_PAYMENT,
    answer: { body: '{"id": 885920310, "status": "approved"}', trickle: TRICKLE },
    expect: { status: 200, codes: ['UPSTREAM_TIMEOUT'], calls: { [GET_PAYMENT]: 2 } },
    check: within(2_000),
  },
  {
    name: 'Mercado Libre: a body trickled slower than the read timeout is UPSTREAM_TIMEOUT, after one retry',
    ask: 'order',
    route: GET_ORDER,
    answer: { body: '{"id": 893431118, "status": "paid"}', trickle: TRICKLE },
    expect: { status: 200, codes: ['UPSTREAM_TIMEOUT'], calls: { [GET_ORDER]: 2 } },
    check: within(2_000),
  },
  {
    name: 'Mercado Pago: a 401 echoing the token is UNAUTHENTICATED, with nothing of the token',
    ask: 'payment',
    route: GET_PAYMENT,
    answer: { status: 401, body: echo(401) },
    expect: { status: 200, codes: ['UNAUTHENTICATED'], calls: { [GET_PAYMENT]: 1 } },
  },
  {
    name: 'Mercado Pago: a 500 echoing the token is UPSTREAM_ERROR, with nothing of the token',
    ask: 'payment',
    route: GET_PAYMENT,
    answer: { status: 500, body: echo(500) },
    expect: { status: 200, codes: ['UPSTREAM_ERROR'], calls: { [GET_PAYMENT]: 2 } },
  },
  {
    name: 'Mercado Libre: a 500 echoing the token is UPSTREAM_ERROR, with nothing of the token',
    ask: 'order',
    route: GET_ORDER,
    answer: { status: 500, body: echo(500) },
    expect: { status: 200, codes: ['UPSTREAM_ERROR'], calls: { [GET_ORDER]: 2 } },
  },
  {
    name: 'Mercado Libre: a 403 echoing the token is FORBIDDEN, with nothing of the token',
    ask: 'order',
    route: GET_ORDER,
    answer: { status: 403, body: echo(403) },
    expect: { status: 200, codes: ['FORBIDDEN'], calls: { [GET_ORDER]: 1 } },
  },
  {
    name: 'Mercado Pago: a payment write answered 201 with HTML is UPSTREAM_ERROR, sent once',
    ask: 'checkout',
    route: 'POST /v1/payments',
    answer: { status: 201, headers: HTML, body: HTML_200 },
    expect: { status: 200, codes: ['UPSTREAM_ERROR'], calls: { 'POST /v1/payments': 1 } },
    check: (res) => expect(res.json.data).toBeNull(),
  },
  {
    name: 'Mercado Pago: a refund answered 200 with HTML is UPSTREAM_ERROR, never taken for a refund made',
    ask: 'refund',
    route: 'POST /v1/payments/{id}/refunds',
    answer: { status: 200, headers: HTML, body: HTML_200 },
    also: { [GET_PAYMENT]: { body: APPROVED_PAYMENT } },
    expect: {
      status: 200,
      codes: ['UPSTREAM_ERROR'],
      calls: { [GET_PAYMENT]: 1, 'POST /v1/payments/{id}/refunds': 1 },
    },
    check: (res) => expect(res.json.data).toBeNull(),
  },
  {
    name: 'Mercado Pago: a payment refused with the token as its cause code is a userError with nothing of the token',
    ask: 'checkout',
    route: 'POST /v1/payments',
    answer: { status: 400, body: echo(400) },
    expect: { status: 200, codes: [], userErrors: ['REFUSED'], calls: { 'POST /v1/payments': 1 } },
  },
];

describe('hostile upstream: 6. a stub that answers what the sandbox cannot', () => {
  const { lines, log } = capturedLog();
  let stub: StubUpstream;
  let stack: Stack;
  beforeAll(async () => {
    stub = await startStubUpstream(60_000);
    stack = await startStack(
      { MP_API_URL: stub.url, ML_API_URL: stub.url, LOG_LEVEL: 'debug' },
      { gateway: { log, ...TIMEOUTS } },
    );
  });
  beforeEach(() => stub.clear());
  afterAll(async () => {
    await stack?.stop();
    await stub?.close();
  });

  const target: Target = {
    gatewayUrl: () => stack.gatewayUrl,
    calls: async () => stub.calls(),
    secrets: () => [stub.url, new URL(stub.url).host, SECRET_TOKEN, ...SECRET_PARTS, ...Object.values(TOKENS)],
    harness: () => harness(stack.sandboxUrl, stack.gatewayUrl),
  };

  runCases(
    target,
    STUB_CASES.map((c): HostileCase => ({
      name: c.name,
      setup: async () => {
        stub.answer(c.route, c.answer);
        for (const [route, answer] of Object.entries(c.also ?? {})) stub.answer(route, answer);
        lines.length = 0;
      },
      request: () => ASK[c.ask](),
      expect: c.expect,
      ...(c.failing ? { failing: c.failing } : {}),
      check: (res) => {
        c.check?.(res);
        // The log lines of this case (debug and up) hold no part of the token, whatever the upstream sent.
        const text = lines.join('\n');
        for (const part of [SECRET_TOKEN, ...SECRET_PARTS])
          expect({ part, logged: text.includes(part) }).toEqual({
            part,
            logged: false,
          });
      },
    })),
  );
});
