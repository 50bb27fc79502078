// The checkout example's backend (examples/checkout/server/backend.ts) over real HTTP: what it tells the page, and
// the session JWTs it mints, read back with jose as the gateway reads them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { cartTotal, MAX_ATTEMPTS, startBackend, type RunningBackend } from '../../examples/checkout/server/backend';

const SECRET = 'a-secret-of-at-least-thirty-two-bytes-for-hs256';
const JWT = { issuer: 'https://shop.example', audience: 'mpgraph', secret: SECRET };

describe('the checkout example backend', () => {
  let backend: RunningBackend;
  let pageDir: string;
  beforeAll(async () => {
    pageDir = mkdtempSync(join(tmpdir(), 'mpgraph-page-'));
    writeFileSync(join(pageDir, 'index.html'), '<p>checkout</p>');
    writeFileSync(join(pageDir, 'back-office.html'), '<p>back office</p>');
    backend = await startBackend({
      gatewayUrl: 'http://127.0.0.1:4000/graphql',
      cardTokens: { api: 'http://127.0.0.1:4010', publicKey: 'TEST-PUBLIC-1' },
      jwt: JWT,
      seller: 'shop',
      pageDir,
      statementDescriptor: 'CASA DO MATE',
    });
  });
  afterAll(async () => {
    await backend?.close();
    rmSync(pageDir, { recursive: true, force: true });
  });

  const session = async (path: string): Promise<any> => {
    const response = await fetch(`${backend.url}${path}`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    return response.json();
  };
  const verify = async (credential: string) =>
    (await jwtVerify(credential, new TextEncoder().encode(SECRET), { issuer: JWT.issuer, audience: JWT.audience }))
      .payload;

  it('gives each visit a new cart and a checkout JWT that pays exactly that cart', async () => {
    const first = await session('/api/checkout-session');
    const second = await session('/api/checkout-session');
    expect(first.cart.amount).toBe('250.00');
    expect(first.cart.currency).toBe('BRL');
    expect(first.gatewayUrl).toBe('http://127.0.0.1:4000/graphql');
    expect(first.cardTokens).toEqual({ api: 'http://127.0.0.1:4010', publicKey: 'TEST-PUBLIC-1' });
    expect(first.cart.externalReference).not.toBe(second.cart.externalReference);

    const claims = await verify(first.credential);
    expect(claims).toMatchObject({
      scope: 'checkout',
      seller: 'shop',
      checkout: {
        amount: '250.00',
        externalReference: first.cart.externalReference,
        maxAttempts: MAX_ATTEMPTS,
        statementDescriptor: 'CASA DO MATE',
      },
    });
    expect(claims.exp! - claims.iat!).toBe(30 * 60);
    expect((await verify(second.credential)).sub).not.toBe(claims.sub);
    // Nothing but the JWT: no access token, no gateway key.
    expect(JSON.stringify(first)).not.toMatch(/TEST-SELLER|mpg_/);
  });

  it("gives the back office a staff JWT that reads orders and payments, and can't pay", async () => {
    const staff = await session('/api/back-office-session');
    const claims = await verify(staff.credential);
    expect(claims).toMatchObject({ scope: 'orders:read payments:read', seller: 'shop', sub: 'staff-demo' });
    expect(claims.checkout).toBeUndefined();
    expect(claims.exp! - claims.iat!).toBe(15 * 60);
  });

  it('serves the two pages', async () => {
    expect(await (await fetch(`${backend.url}/`)).text()).toBe('<p>checkout</p>');
    expect(await (await fetch(`${backend.url}/back-office`)).text()).toBe('<p>back office</p>');
    expect((await fetch(`${backend.url}/api/checkout-session`)).status).toBe(404);
  });

  it.each([
    [
      [
        { title: 'a', quantity: 1, unitPrice: '150.00' },
        { title: 'b', quantity: 2, unitPrice: '50.00' },
      ],
      '250.00',
    ],
    [[{ title: 'a', quantity: 3, unitPrice: '0.1' }], '0.30'],
    [
      [
        { title: 'a', quantity: 1, unitPrice: '19.99' },
        { title: 'b', quantity: 1, unitPrice: '0.01' },
      ],
      '20.00',
    ],
    [[{ title: 'a', quantity: 7, unitPrice: '1234' }], '8638.00'],
  ])('totals a cart in cents, exactly: %j', (items, total) => {
    expect(cartTotal(items)).toBe(total);
  });
});
