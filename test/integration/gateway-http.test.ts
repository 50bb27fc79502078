// The gateway's HTTP surface: probes, landing page, body limits, production mode, logging.
import { loadConfig } from '../../src/config';
import { createGateway } from '../../src/gateway/server';
import { createLogger } from '../../src/lib/logger';
import { startSandbox } from '../../src/sandbox';
import { TOKENS } from '../support/sandbox';
import { startStack, type Stack } from '../support/stack';

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('gateway HTTP', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('GET /healthz answers 200 ok', async () => {
    const res = await fetch(`${stack.gatewayUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });

  it('GET /readyz answers 200 when the upstream answers', async () => {
    const res = await fetch(`${stack.gatewayUrl}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('GET / leads a browser to the Apollo Sandbox landing page at /graphql in development', async () => {
    // `/` loads Apollo Sandbox's script, then goes to /graphql (or to /explorer/ when it cannot: explorer.test.ts).
    const start = await fetch(`${stack.gatewayUrl}/`, { headers: { Accept: 'text/html' } });
    expect(start.status).toBe(200);
    const startPage = await start.text();
    expect(startPage).toMatch(/embeddable-sandbox\.umd/);
    expect(startPage).toContain("script.onload = function () { go('/graphql'); };");
    const res = await fetch(`${stack.gatewayUrl}/graphql`, { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<html/i);
    expect(html).toMatch(/embeddable-sandbox\.umd/);
  });

  it('serves GraphQL over GET too', async () => {
    const res = await fetch(`${stack.gatewayUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: { __typename: 'Query' },
      extensions: { cost: { requested: 0, limit: 1000, remaining: 1000 } },
    });
  });

  it('refuses a JSON body over 1 MB with 413', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } });
    const res = await post(stack.gatewayUrl, big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].message).toMatch(/1MB/);
  });

  it('accepts a body just under 1 MB', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1000 * 1000) } });
    const res = await post(stack.gatewayUrl, body);
    expect(res.status).toBe(200);
  });

  it('answers malformed JSON with 400 and a GraphQL-shaped error', async () => {
    const res = await post(stack.gatewayUrl, '{"query": ');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a non-JSON POST with 415', async () => {
    const res = await fetch(`${stack.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{ __typename }',
    });
    expect(res.status).toBe(415);
  });

  it('answers an operation that needs no upstream data without a token', async () => {
    const res = await post(stack.gatewayUrl, JSON.stringify({ query: '{ __typename }' }));
    expect(await res.json()).toEqual({
      data: { __typename: 'Query' },
      extensions: { cost: { requested: 0, limit: 1000, remaining: 1000 } },
    });
  });

  it('treats a non-Bearer Authorization as no token', async () => {
    const res = await post(stack.gatewayUrl, JSON.stringify({ query: '{ payment(id: "3506756222") { id } }' }), {
      Authorization: `Basic ${TOKENS.sellerMLM}`,
    });
    const body = (await res.json()) as any;
    expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(body)).not.toContain(TOKENS.sellerMLM);
  });

  it('keeps parse and validation errors as Apollo reports them', async () => {
    const res = await post(stack.gatewayUrl, JSON.stringify({ query: '{ payment(id: "1") { nope } }' }));
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('gateway without a reachable upstream', () => {
  it('GET /readyz answers 503 and names the failing upstream', async () => {
    // A port that was just free: nothing answers there.
    const sandbox = await startSandbox({ port: 0 });
    const deadUrl = sandbox.url;
    await sandbox.close();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      PORT: '0',
      MP_API_URL: deadUrl,
      ML_API_URL: deadUrl,
    });
    const gateway = await createGateway({ ...config, mpApiUrl: deadUrl, mlApiUrl: deadUrl });
    try {
      const res = await fetch(`${gateway.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', failing: ['mercadoPago', 'mercadoLibre'] });
      expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);

      const gql = await post(gateway.url, JSON.stringify({ query: '{ payment(id: "3506756222") { id } }' }), {
        Authorization: `Bearer ${TOKENS.sellerMLM}`,
      });
      const body = (await gql.json()) as any;
      expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
      expect(JSON.stringify(body)).not.toContain(deadUrl);
    } finally {
      await gateway.close();
    }
  });
});

describe('gateway in production', () => {
  it('turns introspection and the Sandbox landing page off', async () => {
    const sandbox = await startSandbox({ port: 0 });
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      PORT: '0',
      MP_API_URL: sandbox.url,
      ML_API_URL: sandbox.url,
    });
    const gateway = await createGateway({ ...config, mpApiUrl: sandbox.url, mlApiUrl: sandbox.url });
    try {
      const res = await post(gateway.url, JSON.stringify({ query: '{ __schema { types { name } } }' }));
      const body = (await res.json()) as any;
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

      const page = await (await fetch(`${gateway.url}/graphql`, { headers: { Accept: 'text/html' } })).text();
      expect(page).toMatch(/<html/i);
      expect(page).not.toMatch(/embeddable-sandbox\.umd/);
    } finally {
      await gateway.close();
      await sandbox.close();
    }
  });
});

describe('gateway logs', () => {
  it('never writes the bearer token, even when upstream fails', async () => {
    const lines: string[] = [];
    const sandbox = await startSandbox({ port: 0 });
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'debug',
      PORT: '0',
      MP_API_URL: sandbox.url,
      ML_API_URL: sandbox.url,
    });
    const gateway = await createGateway(
      { ...config, mpApiUrl: sandbox.url, mlApiUrl: sandbox.url },
      { log: createLogger('debug', (l) => lines.push(l)) },
    );
    try {
      await fetch(`${sandbox.url}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ route: 'GET /v1/payments/{id}', status: 500 }),
      });
      await post(gateway.url, JSON.stringify({ query: '{ payment(id: "3506756222") { id } }' }), {
        Authorization: `Bearer ${TOKENS.sellerMLM}`,
      });
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).toContain('UPSTREAM_ERROR');
      expect(lines.join('\n')).not.toContain(TOKENS.sellerMLM);
    } finally {
      await gateway.close();
      await sandbox.close();
    }
  });
});

describe('gateway keys mode', () => {
  it('refuses to start with a GATEWAY_KEYS_FILE that is not an auth file, in one line naming it', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      MP_API_URL: 'http://127.0.0.1:9',
      ML_API_URL: 'http://127.0.0.1:9',
      GATEWAY_KEYS_FILE: __filename,
    });
    await expect(
      createGateway({ ...config, mpApiUrl: 'http://127.0.0.1:9', mlApiUrl: 'http://127.0.0.1:9' }),
    ).rejects.toThrow(/^GATEWAY_KEYS_FILE is not a valid auth file: [^\n]+$/);
  });
});
