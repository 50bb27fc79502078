// Browsers on other origins (CORS): the configured origins, loopback in development only, nothing
// else; the preflight allows the credential, JSON, Apollo's CSRF header and operation name, and a
// trace header. Over real HTTP against the real gateway and sandbox.
import { TOKENS } from '../support/sandbox';
import { startStack, type Stack } from '../support/stack';

const SHOP = 'https://shop.example';
const QUERY = JSON.stringify({ query: '{ payment(id: "3506756222") { id status } }' });

const preflight = (stack: Stack, origin: string) =>
  fetch(`${stack.gatewayUrl}/graphql`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization, content-type',
    },
  });

const post = (stack: Stack, origin: string) =>
  fetch(`${stack.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/json', Authorization: `Bearer ${TOKENS.sellerMLM}` },
    body: QUERY,
  });

describe.each([
  ['development', { CORS_ORIGINS: SHOP }, true],
  ['production', { CORS_ORIGINS: SHOP, NODE_ENV: 'production' }, false],
] as const)('CORS in %s', (_mode, env, loopbackAllowed) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(env);
  });
  afterAll(async () => {
    await stack.stop();
  });

  it("answers a configured origin's preflight with the headers a page sends", async () => {
    const res = await preflight(stack, SHOP);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(res.headers.get('access-control-allow-headers')?.split(',')).toEqual([
      'authorization',
      'content-type',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'traceparent',
    ]);
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('lets a configured origin read the answer', async () => {
    const res = await post(stack, SHOP);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(((await res.json()) as any).data.payment).toEqual({ id: '3506756222', status: 'APPROVED' });
  });

  it.each(['https://evil.example', 'https://shop.example.evil.example', 'http://shop.example', 'null'])(
    'gives %s no CORS headers, preflight or not',
    async (origin) => {
      const pre = await preflight(stack, origin);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-headers')).toBeNull();
      expect((await post(stack, origin)).headers.get('access-control-allow-origin')).toBeNull();
    },
  );

  it.each(['http://localhost:5173', 'http://127.0.0.1:8080', 'http://[::1]:3000'])(
    `${loopbackAllowed ? 'allows' : 'refuses'} the loopback origin %s`,
    async (origin) => {
      const res = await preflight(stack, origin);
      expect(res.headers.get('access-control-allow-origin')).toBe(loopbackAllowed ? origin : null);
    },
  );

  it('adds no CORS headers to the webhook routes', async () => {
    const res = await fetch(`${stack.gatewayUrl}/webhooks/mercadopago`, {
      method: 'OPTIONS',
      headers: { Origin: SHOP, 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
