// The sandbox's shared machinery, driven over HTTP: auth, error bodies, request log, faults.
import { MercadoPagoConfig, User } from 'mercadopago';
import { TOKENS, mp, raw, requests, useSandbox } from '../support/sandbox';

describe('sandbox core', () => {
  const env = useSandbox();

  describe('authentication', () => {
    it('answers 401 with the real body when no token is sent', async () => {
      const res = await raw(env.url, 'GET', '/users/me');
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        message: 'Must provide your access_token to proceed',
        error: 'unauthorized',
        status: 401,
        cause: [{ code: 5, description: 'Must provide your access_token to proceed', data: null }],
      });
    });

    it('answers 401 for an unknown token, and the SDK raises MPAuthenticationError', async () => {
      const err = await new User(mp('TEST-NOBODY-1')).get().catch((e: unknown) => e);
      expect(err).toMatchObject({
        name: 'MPAuthenticationError',
        status: 401,
        error: 'unauthorized',
        message: 'invalid access token',
      });
    });

    it("accepts the documentation samples' ?access_token= form", async () => {
      const res = await raw(env.url, 'GET', `/users/me?access_token=${TOKENS.sellerMLM}`);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(277582551);
    });
  });

  describe('GET /users/me through the SDK', () => {
    it("returns the caller's own account", async () => {
      const me = await new User(mp(TOKENS.sellerMLB)).get();
      expect(me).toMatchObject({
        id: 169648308,
        nickname: 'TETE6072468',
        site_id: 'MLB',
        email: 'test_user_70385259@testuser.com',
      });
    });
  });

  describe('unknown routes and bad bodies', () => {
    it('answers an unknown path with a Mercado Pago 404 body', async () => {
      const res = await raw(env.url, 'GET', '/v1/nothing-here', { token: TOKENS.sellerMLB });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ message: 'resource not found', error: 'not_found', status: 404, cause: [] });
    });

    const NOT_FOUND = { message: 'resource not found', error: 'not_found', status: 404, cause: [] };

    it.each([
      ['OPTIONS', '/v1/customers/search'],
      ['DELETE', '/v1/customers/search'],
      ['PUT', '/v1/customers/search'],
      ['PUT', '/v1/payments/search'],
      ['DELETE', '/orders/search'],
      ['OPTIONS', '/v1/payments/885920310'],
      ['PATCH', '/v1/payments/885920310'],
    ])('answers %s %s, a method the path does not take, with the Mercado Pago 404 body', async (method, path) => {
      const res = await raw(env.url, method, path, { token: TOKENS.sellerMLB });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.body).toEqual(NOT_FOUND);
    });

    // The routes a public key may call answer CORS preflights instead (sandbox-cors.test.ts).
    const PREFLIGHTED = new Set([
      '/v1/card_tokens',
      '/v1/card_tokens/{id}',
      '/v1/payment_methods',
      '/v1/payment_methods/installments',
      '/v1/identification_types',
    ]);

    it('answers every method a served route does not take with that 404 body, on every route', async () => {
      const served = new Map<string, Set<string>>();
      for (const route of env.sandbox.routes) {
        const [method, template] = route.split(' ');
        served.set(template, (served.get(template) ?? new Set()).add(method));
      }
      const unexpected: string[] = [];
      for (const [template, methods] of served) {
        const path = template.replace(/\{[a-z_]+\}/g, '123');
        for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
          if (methods.has(method)) continue;
          const res = await raw(env.url, method, path, { token: TOKENS.sellerMLB });
          if (method === 'OPTIONS' && PREFLIGHTED.has(template)) {
            if (res.status !== 204) unexpected.push(`${method} ${path}: ${res.status}, not the preflight's 204`);
            continue;
          }
          if (res.status !== 404 || JSON.stringify(res.body) !== JSON.stringify(NOT_FOUND))
            unexpected.push(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
          // Not a method a page may use there: no CORS on its 404, even on a preflighted path.
          if (res.headers.has('access-control-allow-origin')) unexpected.push(`${method} ${path}: CORS header`);
        }
      }
      expect(unexpected).toEqual([]);
      expect(served.size).toBeGreaterThan(20);
    });

    it('answers a path segment that is not valid percent-encoding as an unknown path', async () => {
      const res = await raw(env.url, 'GET', '/v1/payments/%E0', { token: TOKENS.sellerMLB });
      expect(res.status).toBe(404);
      expect(res.body).toEqual(NOT_FOUND);
    });

    it('answers malformed JSON with 400 and the error shape', async () => {
      const res = await raw(env.url, 'POST', '/v1/customers', { token: TOKENS.sellerMLB, body: '{"email":' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'bad_request', status: 400 });
    });
  });

  describe('request log', () => {
    it('counts each served request by route template, not control calls', async () => {
      await raw(env.url, 'GET', '/users/me', { token: TOKENS.sellerMLB });
      await raw(env.url, 'GET', '/users/me', { token: TOKENS.buyerMLB });
      const log = await requests(env.url);
      expect(log.total).toBe(2);
      expect(log.routes).toEqual({ 'GET /users/me': 2 });
      expect(log.requests[0]).toEqual({
        method: 'GET',
        route: 'GET /users/me',
        path: '/users/me',
        status: 200,
        idempotencyKey: null,
      });
    });

    it('is emptied by reset', async () => {
      await raw(env.url, 'GET', '/users/me', { token: TOKENS.sellerMLB });
      await raw(env.url, 'POST', '/__sandbox/reset');
      expect((await requests(env.url)).total).toBe(0);
    });
  });

  describe('faults', () => {
    it('answers with the configured status, Retry-After, and removes itself after `times`', async () => {
      const add = await raw(env.url, 'POST', '/__sandbox/faults', {
        body: { route: 'GET /users/me', status: 429, retryAfter: 3, times: 1 },
      });
      expect(add.status).toBe(201);
      const first = await raw(env.url, 'GET', '/users/me', { token: TOKENS.sellerMLB });
      expect(first.status).toBe(429);
      expect(first.headers.get('retry-after')).toBe('3');
      expect(first.body).toMatchObject({ status: 429, error: 'too_many_requests' });
      const second = await raw(env.url, 'GET', '/users/me', { token: TOKENS.sellerMLB });
      expect(second.status).toBe(200);
      expect((await requests(env.url)).requests.map((r) => r.status)).toEqual([429, 200]);
    });

    it('rejects a fault on a route the sandbox does not serve', async () => {
      const add = await raw(env.url, 'POST', '/__sandbox/faults', { body: { route: 'GET /v9/nope', status: 500 } });
      expect(add.status).toBe(400);
    });

    it('delays the answer by latencyMs', async () => {
      await raw(env.url, 'POST', '/__sandbox/faults', { body: { route: '*', latencyMs: 150 } });
      const t0 = Date.now();
      const res = await raw(env.url, 'GET', '/users/me', { token: TOKENS.sellerMLB });
      expect(res.status).toBe(200);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    });

    it('resets the socket when asked', async () => {
      await raw(env.url, 'POST', '/__sandbox/faults', { body: { route: 'GET /users/me', reset: true, times: 1 } });
      await expect(raw(env.url, 'GET', '/users/me', { token: TOKENS.sellerMLB })).rejects.toThrow();
    });

    it('never answers on timeout, until the client gives up', async () => {
      await raw(env.url, 'POST', '/__sandbox/faults', { body: { route: 'GET /users/me', timeout: true, times: 1 } });
      const err = await new User(
        new MercadoPagoConfig({ accessToken: TOKENS.sellerMLB, options: { timeout: 300, maxRetries: 0 } }),
      )
        .get()
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'MPConnectionError' });
    });

    it('DELETE /__sandbox/faults removes every fault', async () => {
      await raw(env.url, 'POST', '/__sandbox/faults', { body: { route: '*', status: 503 } });
      expect((await raw(env.url, 'DELETE', '/__sandbox/faults')).status).toBe(204);
      expect((await raw(env.url, 'GET', '/users/me', { token: TOKENS.sellerMLB })).status).toBe(200);
    });
  });
});
