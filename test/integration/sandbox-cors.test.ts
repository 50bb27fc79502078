// CORS on the routes a public key may call (src/sandbox/README.md, "Routes"): MercadoPago.js tokenizes
// from the merchant's page, another origin, so preflights are answered and every answer of those routes
// is readable by the page, errors included. The private routes stay without CORS.
import { randomUUID } from 'node:crypto';
import { TOKENS, raw, requests, useSandbox } from '../support/sandbox';
import { CARDS, PAYER_EMAIL, cardData } from './sandbox-payments-helpers';

const ORIGIN = 'https://shop.example';
const PUBLIC_KEY = 'TEST-PUBLIC-169648308';

const preflight = (base: string, path: string, method: string, headers = 'content-type') =>
  fetch(`${base}${path}`, {
    method: 'OPTIONS',
    headers: { Origin: ORIGIN, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers },
  });

const fromPage = (base: string, method: string, path: string, options: { body?: unknown; token?: string } = {}) =>
  raw(base, method, path, { ...options, headers: { Origin: ORIGIN } });

describe('sandbox CORS', () => {
  const env = useSandbox();

  describe('preflights', () => {
    it('answers OPTIONS /v1/card_tokens with 204 and the headers a page needs to POST JSON', async () => {
      const res = await preflight(env.url, `/v1/card_tokens?public_key=${PUBLIC_KEY}`, 'POST', 'content-type');
      expect(res.status).toBe(204);
      expect(await res.text()).toBe('');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-methods')).toBe('POST');
      expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-idempotency-key');
      expect(res.headers.get('access-control-max-age')).toBe('86400');
      expect(res.headers.has('access-control-allow-credentials')).toBe(false);
    });

    it('answers OPTIONS /v1/card_tokens/{id} with GET, whether or not the token exists', async () => {
      const res = await preflight(env.url, '/v1/card_tokens/0123456789abcdef0123456789abcdef', 'GET', 'authorization');
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-methods')).toBe('GET');
    });

    it.each(['/v1/payment_methods', '/v1/payment_methods/installments', '/v1/identification_types'])(
      'answers OPTIONS %s (read with a public key) with 204 and GET',
      async (path) => {
        const res = await preflight(env.url, `${path}?public_key=${PUBLIC_KEY}`, 'GET');
        expect(res.status).toBe(204);
        expect(res.headers.get('access-control-allow-origin')).toBe('*');
        expect(res.headers.get('access-control-allow-methods')).toBe('GET');
      },
    );

    it('answers preflights without logging them; the request that follows is logged once', async () => {
      expect((await preflight(env.url, `/v1/card_tokens?public_key=${PUBLIC_KEY}`, 'POST')).status).toBe(204);
      expect((await preflight(env.url, '/v1/card_tokens/abc', 'GET')).status).toBe(204);
      expect(await requests(env.url)).toEqual({ total: 0, routes: {}, requests: [] });
      await fromPage(env.url, 'POST', `/v1/card_tokens?public_key=${PUBLIC_KEY}`, { body: cardData(CARDS.MLB.visa) });
      const log = await requests(env.url);
      expect(log.total).toBe(1);
      expect(log.routes).toEqual({ 'POST /v1/card_tokens': 1 });
    });

    it('answers preflights while a fault is set on the route; the fault hits the request, with CORS', async () => {
      const add = await raw(env.url, 'POST', '/__sandbox/faults', {
        body: { route: 'POST /v1/card_tokens', status: 503, times: 1 },
      });
      expect(add.status).toBe(201);
      expect((await preflight(env.url, `/v1/card_tokens?public_key=${PUBLIC_KEY}`, 'POST')).status).toBe(204);
      const res = await fromPage(env.url, 'POST', `/v1/card_tokens?public_key=${PUBLIC_KEY}`, {
        body: cardData(CARDS.MLB.visa),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    });
  });

  describe('answers of the public-key routes', () => {
    it('puts Access-Control-Allow-Origin on the 201 of POST /v1/card_tokens and on GET of the token', async () => {
      const created = await fromPage(env.url, 'POST', `/v1/card_tokens?public_key=${PUBLIC_KEY}`, {
        body: cardData(CARDS.MLB.visa),
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('access-control-allow-origin')).toBe('*');
      const got = await fromPage(env.url, 'GET', `/v1/card_tokens/${created.body.id}?public_key=${PUBLIC_KEY}`);
      expect(got.status).toBe(200);
      expect(got.body.status).toBe('active');
      expect(got.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('puts it on the 400 of a bad card, whose Mercado Pago error body the page reads', async () => {
      const res = await fromPage(env.url, 'POST', `/v1/card_tokens?public_key=${PUBLIC_KEY}`, {
        body: cardData(CARDS.MLB.visa, 'APRO', { security_code: '12' }),
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.body).toMatchObject({ error: 'bad_request', status: 400, cause: [{ code: 'E302' }] });
    });

    it('puts it on the 401 of an unknown public key and on the 400 of malformed JSON', async () => {
      const unknownKey = await fromPage(env.url, 'POST', '/v1/card_tokens?public_key=TEST-PUBLIC-1', {
        body: cardData(CARDS.MLB.visa),
      });
      expect(unknownKey.status).toBe(401);
      expect(unknownKey.headers.get('access-control-allow-origin')).toBe('*');
      const malformed = await fromPage(env.url, 'POST', `/v1/card_tokens?public_key=${PUBLIC_KEY}`, {
        body: '{"card_number":',
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ error: 'bad_request', status: 400 });
      expect(malformed.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('puts it on the 404 of an unknown token', async () => {
      const res = await fromPage(env.url, 'GET', `/v1/card_tokens/nope?public_key=${PUBLIC_KEY}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('puts it on the catalogue reads with a public key', async () => {
      for (const path of ['/v1/payment_methods', '/v1/identification_types']) {
        const res = await fromPage(env.url, 'GET', `${path}?public_key=${PUBLIC_KEY}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('access-control-allow-origin')).toBe('*');
      }
    });
  });

  describe('private routes', () => {
    it('GET /v1/payments/{id} has no CORS header, and OPTIONS on it stays the 404 of an unknown route', async () => {
      const got = await raw(env.url, 'GET', '/v1/payments/885920310', {
        token: TOKENS.sellerMLB,
        headers: { Origin: ORIGIN },
      });
      expect(got.status).toBe(200);
      expect(got.headers.has('access-control-allow-origin')).toBe(false);
      const res = await preflight(env.url, '/v1/payments/885920310', 'GET', 'authorization');
      expect(res.status).toBe(404);
      expect(res.headers.has('access-control-allow-origin')).toBe(false);
      expect(res.headers.has('access-control-allow-methods')).toBe(false);
    });

    it('POST /v1/payments and the customers API have no CORS header', async () => {
      const token = await fromPage(env.url, 'POST', `/v1/card_tokens?public_key=${PUBLIC_KEY}`, {
        body: cardData(CARDS.MLB.visa),
      });
      const paid = await raw(env.url, 'POST', '/v1/payments', {
        token: TOKENS.sellerMLB,
        body: { transaction_amount: 10, token: token.body.id, installments: 1, payer: { email: PAYER_EMAIL } },
        headers: { Origin: ORIGIN, 'X-Idempotency-Key': randomUUID() },
      });
      expect(paid.status).toBe(201);
      expect(paid.headers.has('access-control-allow-origin')).toBe(false);
      const search = await raw(env.url, 'GET', '/v1/customers/search', {
        token: TOKENS.sellerMLB,
        headers: { Origin: ORIGIN },
      });
      expect(search.status).toBe(200);
      expect(search.headers.has('access-control-allow-origin')).toBe(false);
    });

    it('the control API has no CORS header', async () => {
      const res = await raw(env.url, 'GET', '/__sandbox/requests', { headers: { Origin: ORIGIN } });
      expect(res.status).toBe(200);
      expect(res.headers.has('access-control-allow-origin')).toBe(false);
    });
  });
});
