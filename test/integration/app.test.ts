// The whole product as `npm start` runs it (src/app.ts), in-process on free loopback ports: the
// banner, Apollo Sandbox preset for a first-time explorer, README.md's "First request", and
// notifications wired from the embedded sandbox to the gateway.
import { startApp, type RunningApp } from '../../src/app';
import { ConfigError } from '../../src/config';

const ENV = { PORT: '0', SANDBOX_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' };

const graphql = async (app: RunningApp, query: string, token: string) => {
  const res = await fetch(`${app.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as any;
};

describe('npm start (startApp) on the embedded sandbox', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(ENV);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('prints the gateway and sandbox URLs and the test tokens, never as an Authorization header', () => {
    expect(app.banner).toContain(`${app.gateway.url}/graphql`);
    expect(app.banner).toContain(app.sandbox!.url);
    for (const token of [
      'TEST-SELLER-169648308',
      'TEST-BUYER-160903317',
      'TEST-SELLER-277582551',
      'TEST-BUYER-53745235',
    ])
      expect(app.banner).toContain(token);
    expect(app.banner).not.toMatch(/Authorization/i);
    expect(app.banner).toContain('Sandbox OAuth application');
    expect(app.banner).toContain('client id 7000000001, secret TEST-APP-SECRET');
  });

  it("answers README.md's first request: payment 3506756222 with the seller's token, as the order payments page prints it", async () => {
    const body = await graphql(
      app,
      '{ payment(id: "3506756222") { amount { amount currency } installments card { firstSixDigits lastFourDigits } } }',
      'TEST-SELLER-277582551',
    );
    expect(body).toEqual({
      data: {
        payment: {
          amount: { amount: '3500', currency: 'MXN' },
          installments: 9,
          card: { firstSixDigits: '371772', lastFourDigits: '1001' },
        },
      },
      extensions: { cost: { requested: 3, limit: 1000, remaining: 997 } },
    });
  });

  it('opens Apollo Sandbox on the example order query with the test seller preset, and the example runs', async () => {
    const res = await fetch(`${app.gateway.url}/graphql`, { headers: { Accept: 'text/html' } });
    const html = await res.text();
    expect(html).toMatch(/embeddable-sandbox\.umd/);
    expect(html).toContain('query OrderWithPayments');
    expect(html).toContain('Bearer TEST-SELLER-277582551');
    expect(html).toContain('1653027692');
    // The preset document is a valid operation on this schema, and answers.
    const { sandboxExplorer } = await import('../../src/gateway/explorer');
    const preset = sandboxExplorer([]);
    const run = await fetch(`${app.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...preset.headers },
      body: JSON.stringify({ query: preset.document, variables: preset.variables }),
    });
    const out = (await run.json()) as any;
    expect(out.errors).toBeUndefined();
    expect(out.data.order).toMatchObject({
      id: '1653027692',
      status: 'PAID',
      fullyPaid: true,
      payments: [{ id: '3506756222', installments: 9 }],
    });
  });

  it('wires the sandbox notifications to the gateway: a purchase is delivered to its webhook route', async () => {
    const created = await fetch(`${app.sandbox!.url}/__sandbox/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        seller_id: 169648308,
        buyer_id: 160903317,
        items: [{ id: 'MLB700000009', title: 'Cadeira', unit_price: 80 }],
      }),
    });
    expect(created.status).toBe(201);
    const deadline = Date.now() + 5000;
    let deliveries: any[] = [];
    while (Date.now() < deadline) {
      deliveries = ((await (await fetch(`${app.sandbox!.url}/__sandbox/notifications`)).json()) as any).deliveries;
      if (deliveries.length > 0 && deliveries.every((d) => d.status !== 'pending')) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(deliveries).toEqual([
      expect.objectContaining({
        kind: 'mercadolibre',
        topic: 'created_orders',
        url: `${app.gateway.url}/webhooks/mercadolibre`,
        status: 'delivered',
      }),
    ]);
  });
});

describe('startApp with real APIs configured', () => {
  it('starts no sandbox and presets nothing in Apollo Sandbox', async () => {
    const upstream = await startApp(ENV);
    const app = await startApp({ ...ENV, MP_API_URL: upstream.sandbox!.url, ML_API_URL: upstream.sandbox!.url });
    try {
      expect(app.sandbox).toBeNull();
      expect(app.banner).not.toContain('TEST-SELLER');
      const html = await (await fetch(`${app.gateway.url}/`, { headers: { Accept: 'text/html' } })).text();
      expect(html).toMatch(/embeddable-sandbox\.umd/);
      expect(html).not.toContain('TEST-SELLER');
    } finally {
      await app.close();
      await upstream.close();
    }
  });

  it('refuses a bad variable with a ConfigError naming it, and leaves nothing running', async () => {
    await expect(startApp({ ...ENV, PORT: 'eighty' })).rejects.toThrow(ConfigError);
    await expect(startApp({ ...ENV, PORT: 'eighty' })).rejects.toThrow(/PORT/);
  });
});
