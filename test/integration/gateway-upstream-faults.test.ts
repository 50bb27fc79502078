// What the sandbox cannot produce, over HTTP: the real gateway pointed (MP_API_URL and ML_API_URL)
// at a scripted loopback server that answers a body that trickles, an HTML page where JSON was due,
// or an error body echoing the caller's Authorization header. The caller gets an upstream code
// naming the service, and the log one "upstream failure" line with nothing of what the body said
// (docs/architecture.md, "One error model").
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../src/lib/logger';
import { randomUUID } from 'node:crypto';
import { CheckoutDocument, MeDocument, OrderDetailsDocument, PaymentPairDocument } from '../generated/graphql';
import { TOKENS } from '../support/sandbox';
import { execute, useStack } from '../support/stack';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

const json =
  (status: number, body: unknown): Answer =>
  (_req, res) =>
    void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

const html =
  (status: number, page: string): Answer =>
  (_req, res) =>
    void res.writeHead(status, { 'Content-Type': 'text/html' }).end(page);

/** `status` and the JSON `body(echo)`, where `echo` is "Authorization: " and the request's Authorization header. */
const echoJson =
  (status: number, body: (echo: string) => unknown): Answer =>
  (req, res) =>
    json(status, body(`Authorization: ${req.headers.authorization}`))(req, res);

/** `status` and "Authorization: " and the request's Authorization header, as text. */
const echoText =
  (status: number): Answer =>
  (req, res) =>
    void res.writeHead(status, { 'Content-Type': 'text/plain' }).end(`Authorization: ${req.headers.authorization}`);

/** 200 and the start of a JSON body at once, then a space every 50 ms for 3 s, then its end. */
const trickle =
  (start: string, end: string): Answer =>
  (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' }).write(start);
    let left = 60;
    const timer = setInterval(() => {
      if (res.destroyed) return void clearInterval(timer);
      if (--left > 0) return void res.write(' ');
      clearInterval(timer);
      res.end(end);
    }, 50);
    res.on('close', () => clearInterval(timer));
  };

describe('gateway over an upstream that misbehaves', () => {
  let server: Server;
  /** The answer of each route (`GET /v1/payments/1`); any other route is a 404. */
  let routes: Map<string, Answer>;
  /** The routes asked, in order. */
  let seen: string[];
  const lines: string[] = [];
  // Filled in before the stack starts (hooks run in order): both services at the stub.
  const env: Record<string, string> = {};

  beforeAll(async () => {
    server = createServer((req, res) => {
      const route = `${req.method} ${new URL(req.url ?? '/', 'http://stub').pathname}`;
      seen.push(route);
      req.resume();
      (routes.get(route) ?? json(404, { error: 'not_found', status: 404 }))(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    env.MP_API_URL = url;
    env.ML_API_URL = url;
  });
  const stack = useStack(env, {
    gateway: { log: createLogger('debug', (line) => lines.push(line)), readTimeoutMs: 300, writeTimeoutMs: 400 },
  });
  beforeEach(() => {
    routes = new Map();
    seen = [];
    lines.length = 0;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** The log's records with this message. */
  const logged = (msg: string) =>
    lines.map((l) => JSON.parse(l) as { msg: string; [k: string]: unknown }).filter((l) => l.msg === msg);

  it('Mercado Pago: a payment body trickling past the read timeout is UPSTREAM_TIMEOUT after one retry', async () => {
    routes.set('GET /v1/payments/1', trickle('{"id": 1, "status": "approved"', '}'));
    const started = Date.now();
    const res = await execute(stack.gatewayUrl, PaymentPairDocument, { first: '1', second: '1' }, TOKENS.sellerMLB);
    // 2 × 300 ms and the SDK's delay, not the 3 s of the body.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(res.errors?.map((e) => [e.path, e.extensions?.code, e.message])).toEqual([
      [['first'], 'UPSTREAM_TIMEOUT', 'Mercado Pago did not answer in time.'],
      [['second'], 'UPSTREAM_TIMEOUT', 'Mercado Pago did not answer in time.'],
    ]);
    expect(seen).toEqual(['GET /v1/payments/1', 'GET /v1/payments/1']);
    expect(logged('upstream failure').map((l) => l.upstream)).toEqual([
      { service: 'mercadoPago', failure: 'timeout' },
      { service: 'mercadoPago', failure: 'timeout' },
    ]);
  });

  it('Mercado Pago: the answer to a new payment trickling past the write timeout is UPSTREAM_TIMEOUT', async () => {
    routes.set('POST /v1/payments', trickle('{"id": 1, "status": "approved"', '}'));
    const input = {
      idempotencyKey: randomUUID(),
      token: 'ab12cd34ef56ab12cd34ef56ab12cd34',
      amount: '10',
      installments: 1,
      payer: { email: 'test_payer_12345@testuser.com' },
    };
    const started = Date.now();
    const res = await execute(stack.gatewayUrl, CheckoutDocument, { input }, TOKENS.sellerMLB);
    // The 400 ms write timeout, not the 3 s of the body.
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(res.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['UPSTREAM_TIMEOUT', 'Mercado Pago did not answer in time.'],
    ]);
    expect(seen).toEqual(['POST /v1/payments']);
  });

  it('Mercado Libre: an HTML page with a 200 is UPSTREAM_ERROR after one retry, logged without a stack', async () => {
    routes.set('GET /orders/2000003508419013', html(200, '<html><body>Please wait…</body></html>'));
    const res = await execute(stack.gatewayUrl, OrderDetailsDocument, { id: '2000003508419013' }, TOKENS.sellerMLB);
    expect(res.data?.order).toBeNull();
    expect(res.errors?.map((e) => [e.path, e.extensions?.code, e.message])).toEqual([
      [['order'], 'UPSTREAM_ERROR', 'Mercado Libre answered with an unexpected error.'],
    ]);
    expect(seen).toEqual(['GET /orders/2000003508419013', 'GET /orders/2000003508419013']);
    expect(logged('internal error')).toEqual([]);
    expect(logged('upstream failure').map((l) => l.upstream)).toEqual([
      { service: 'mercadoLibre', failure: 'unexpected_body', what: '/orders/2000003508419013: the answer is not JSON' },
    ]);
    expect(lines.join('\n')).not.toMatch(/stack|html|Please wait/i);
  });

  it('Mercado Libre: a body that trickles past the read timeout is UPSTREAM_TIMEOUT after one retry', async () => {
    routes.set('GET /users/me', trickle('{"id": 169648308, "nickname": "SELLER"', '}'));
    const started = Date.now();
    const res = await execute(stack.gatewayUrl, MeDocument, {}, TOKENS.sellerMLB);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(res.errors?.map((e) => [e.path, e.extensions?.code, e.message])).toEqual([
      [['me'], 'UPSTREAM_TIMEOUT', 'Mercado Libre did not answer in time.'],
    ]);
    expect(seen).toEqual(['GET /users/me', 'GET /users/me']);
    expect(logged('internal error')).toEqual([]);
  });

  it('Mercado Libre: an HTML 502 is UPSTREAM_UNAVAILABLE, with no error name taken from the page', async () => {
    routes.set('GET /users/me', html(502, '{"error":"from_the_page"}'));
    const res = await execute(stack.gatewayUrl, MeDocument, {}, TOKENS.sellerMLB);
    expect(res.errors?.map((e) => [e.path, e.extensions?.code, e.message])).toEqual([
      [['me'], 'UPSTREAM_UNAVAILABLE', 'Mercado Libre is unavailable; retry later.'],
    ]);
    expect(seen).toEqual(['GET /users/me', 'GET /users/me']);
    expect(logged('upstream failure').map((l) => l.upstream)).toEqual([
      { service: 'mercadoLibre', failure: 'status', status: 502 },
    ]);
  });

  describe('an error body that echoes the Authorization header', () => {
    // The caller's token is TEST-SELLER-277582551: no part of it, nor of the header, may be logged.
    const TOKEN_PARTS = /TEST|SELLER|277582551|Bearer|Authorization/i;

    it.each([
      [
        'in `message`',
        (echo: string) => ({ message: echo, error: 'internal_error', status: 500, cause: [] }),
        { error: 'internal_error' },
      ],
      ['in `error`', (echo: string) => ({ message: 'x', error: echo, status: 500 }), { error: '<redacted>' }],
      ['as `error`, the token alone', () => ({ error: TOKENS.sellerMLM, status: 500 }), { error: '<redacted>' }],
      [
        'in `cause[].code`',
        (echo: string) => ({ error: 'e', status: 500, cause: [{ code: echo, description: 'd' }, { code: 2006 }] }),
        { error: 'e', causes: ['<redacted>', '2006'] },
      ],
      [
        'as `cause[].code`, the token alone',
        () => ({ error: 'e', status: 500, cause: [{ code: TOKENS.sellerMLM }] }),
        { error: 'e', causes: ['<redacted>'] },
      ],
      [
        'in `cause[].description`',
        (echo: string) => ({ error: 'e', status: 500, cause: [{ code: '2006', description: echo }] }),
        { error: 'e', causes: ['2006'] },
      ],
    ])('Mercado Pago, %s: UPSTREAM_ERROR, and the log keeps only safe names', async (_, body, kept) => {
      routes.set('GET /v1/payments/1', echoJson(500, body));
      const res = await execute(stack.gatewayUrl, PaymentPairDocument, { first: '1', second: '1' }, TOKENS.sellerMLM);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR', 'UPSTREAM_ERROR']);
      expect(seen).toHaveLength(2); // the SDK's one retry of a 500
      expect(logged('upstream failure').map((l) => l.upstream)).toEqual([
        { service: 'mercadoPago', failure: 'status', status: 500, ...kept },
        { service: 'mercadoPago', failure: 'status', status: 500, ...kept },
      ]);
      expect(lines.join('\n')).not.toMatch(TOKEN_PARTS);
      expect(JSON.stringify(res)).not.toMatch(TOKEN_PARTS);
    });

    it('Mercado Pago, a body that is not JSON: UPSTREAM_ERROR, and nothing of it in the log', async () => {
      routes.set('GET /v1/payments/1', echoText(500));
      const res = await execute(stack.gatewayUrl, PaymentPairDocument, { first: '1', second: '1' }, TOKENS.sellerMLM);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR', 'UPSTREAM_ERROR']);
      expect(logged('upstream failure')).toHaveLength(2);
      expect(lines.join('\n')).not.toMatch(TOKEN_PARTS);
    });

    it('Mercado Pago, a refused payment whose cause code echoes it: the userError quotes nothing of it', async () => {
      routes.set(
        'POST /v1/payments',
        echoJson(400, (echo) => ({
          message: echo,
          error: echo,
          status: 400,
          cause: [{ code: echo, description: echo }],
        })),
      );
      const input = {
        idempotencyKey: randomUUID(),
        token: 'ab12cd34ef56ab12cd34ef56ab12cd34',
        amount: '10',
        installments: 1,
        payer: { email: 'test_payer_12345@testuser.com' },
      };
      const res = await execute(stack.gatewayUrl, CheckoutDocument, { input }, TOKENS.sellerMLM);
      expect(seen).toEqual(['POST /v1/payments']);
      expect(res.data?.createPayment.userErrors).toEqual([
        expect.objectContaining({ code: 'REFUSED', upstreamCode: '<redacted>' }),
      ]);
      expect(JSON.stringify(res)).not.toMatch(TOKEN_PARTS);
      expect(lines.join('\n')).not.toMatch(TOKEN_PARTS);
    });

    it.each([
      [
        'in `message`',
        (echo: string) => ({ message: echo, error: 'internal_error', status: 500, cause: [] }),
        { error: 'internal_error' },
      ],
      ['in `error`', (echo: string) => ({ message: 'x', error: echo, status: 500 }), { error: '<redacted>' }],
      ['as `error`, the token alone', () => ({ error: TOKENS.sellerMLM, status: 500 }), { error: '<redacted>' }],
    ])('Mercado Libre, %s: UPSTREAM_ERROR, and the log keeps only safe names', async (_, body, kept) => {
      routes.set('GET /users/me', echoJson(500, body));
      const res = await execute(stack.gatewayUrl, MeDocument, {}, TOKENS.sellerMLM);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
      expect(logged('upstream failure').map((l) => l.upstream)).toEqual([
        { service: 'mercadoLibre', failure: 'status', status: 500, ...kept },
      ]);
      expect(lines.join('\n')).not.toMatch(TOKEN_PARTS);
      expect(JSON.stringify(res)).not.toMatch(TOKEN_PARTS);
    });

    it('Mercado Libre, a body that is not JSON, with a 500 or a 200: nothing of it in the log', async () => {
      routes.set('GET /users/me', echoText(500));
      const failed = await execute(stack.gatewayUrl, MeDocument, {}, TOKENS.sellerMLM);
      expect(failed.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
      routes.set('GET /users/me', echoText(200));
      const unexpected = await execute(stack.gatewayUrl, MeDocument, {}, TOKENS.sellerMLM);
      expect(unexpected.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
      expect(logged('upstream failure')).toHaveLength(2);
      expect(logged('internal error')).toEqual([]);
      expect(lines.join('\n')).not.toMatch(TOKEN_PARTS);
    });
  });
});
