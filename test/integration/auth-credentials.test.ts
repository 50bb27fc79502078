// Every way a credential fails, over real HTTP with the real sandbox: the answer is UNAUTHENTICATED
// (the fixed refusal text, or without a credential how to send one), the log says why in a fixed
// reason, and nothing reaches upstream. A key removed from the auth file stops working within seconds;
// a sandbox token is passed through only when the file says so.
import { newKey, type RefusalReason } from '../../src/auth';
import { NO_TOKEN_MESSAGE, REFUSED_MESSAGE } from '../../src/gateway/context';
import { TOKENS } from '../support/sandbox';
import {
  authFileJson,
  AUDIENCE,
  callsDuring,
  checkoutJwt,
  eventually,
  gql,
  ISSUER,
  JWT_SECRET,
  logged,
  mainCardToken,
  nowSeconds,
  PAY,
  cartInput,
  sessionJwt,
  startAuthStack,
  testKey,
  unsignedJwt,
  type AuthStack,
} from './auth-helpers';

const READER = testKey('reader', ['payments:read', 'payments:write']);
const LEAVING = testKey('leaving', ['payments:read']);
const QUERY = '{ paymentMethods { id } }';

const now = nowSeconds();
const CREDENTIALS: [string, () => Promise<string | undefined>, RefusalReason | null][] = [
  ['no credential', async () => undefined, null],
  ['an unknown gateway key', async () => newKey(), 'unknown key'],
  ['a JWT that expired', () => sessionJwt({ iat: now - 3600, exp: now - 600 }), 'jwt expired'],
  ['a JWT not yet valid (nbf)', () => sessionJwt({ nbf: now + 600, exp: now + 1200 }), 'jwt not yet valid'],
  ['a JWT for another audience', () => sessionJwt({ aud: 'another-gateway' }), 'jwt audience'],
  ['a JWT of another issuer', () => sessionJwt({ iss: 'https://elsewhere.example' }), 'jwt issuer'],
  [
    'a JWT signed with another secret',
    () => sessionJwt({ scope: 'payments:read' }, `${JWT_SECRET}-not-this-one`),
    'jwt signature',
  ],
  [
    'a JWT with alg none',
    async () =>
      unsignedJwt({
        iss: ISSUER,
        aud: AUDIENCE,
        sub: 'x',
        iat: now,
        exp: now + 600,
        seller: 'main',
        scope: 'checkout',
      }),
    'jwt alg',
  ],
  ['a JWT without sub', () => sessionJwt({ sub: null }), 'jwt missing sub'],
  ['a JWT living over 24 hours', () => sessionJwt({ iat: now, exp: now + 24 * 3600 + 120 }), 'jwt lifetime'],
  ['a checkout JWT without its cart', () => sessionJwt({ scope: 'checkout' }), 'jwt checkout claim'],
  [
    'a checkout JWT with a cart it may not have',
    () => sessionJwt({ scope: 'checkout', checkout: { amount: '250.00', externalReference: 'c', coupon: 'FREE' } }),
    'jwt checkout claim',
  ],
  ['a JWT for a seller the file does not name', () => sessionJwt({ seller: 'nobody' as never }), 'jwt seller'],
  ['a JWT naming no seller (the file has two)', () => sessionJwt({ seller: null }), 'jwt seller'],
  ['a sandbox token where the file allows no passthrough', async () => TOKENS.sellerMLB, 'passthrough refused'],
];

describe('refused credentials', () => {
  let stack: AuthStack;
  beforeAll(async () => {
    stack = await startAuthStack(authFileJson([READER, LEAVING]));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** The query and a payment with `token`: both UNAUTHENTICATED with `message`, nothing upstream. */
  const expectRefused = async (token: string | undefined, message: string): Promise<void> => {
    const card = await mainCardToken();
    const { result: query, calls: queryCalls } = await callsDuring(stack.sandboxUrl, () =>
      gql(stack.gatewayUrl, QUERY, { token }),
    );
    expect(query.status).toBe(200);
    expect(query.errors).toEqual([
      { message, path: ['paymentMethods'], locations: expect.any(Array), extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(query.data).toBeNull();
    expect(queryCalls).toEqual([]);

    const { result: write, calls: writeCalls } = await callsDuring(stack.sandboxUrl, () =>
      gql(stack.gatewayUrl, PAY, { token, variables: { input: cartInput(card) } }),
    );
    expect(write.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(write.data).toBeNull();
    expect(writeCalls).toEqual([]);
  };

  it('accepts the good ones (the suite would prove nothing otherwise)', async () => {
    for (const token of [READER.key, await sessionJwt({ scope: 'payments:read' }), await checkoutJwt('buyer-ok')]) {
      const { result, calls } = await callsDuring(stack.sandboxUrl, () => gql(stack.gatewayUrl, QUERY, { token }));
      expect(result.errors).toBeUndefined();
      expect(result.data.paymentMethods.length).toBeGreaterThan(0);
      expect(calls.length).toBeGreaterThan(0);
    }
  });

  it.each(CREDENTIALS)('%s: UNAUTHENTICATED, the reason logged, nothing upstream', async (_what, make, reason) => {
    const token = await make();
    const before = stack.lines.length;
    await expectRefused(token, reason === null ? NO_TOKEN_MESSAGE : REFUSED_MESSAGE);
    const refusals = logged(stack.lines.slice(before), 'info', 'credential refused');
    // Once for the query, once for the payment; nothing is logged for a request without a credential.
    expect(refusals.map((l) => l.reason)).toEqual(reason === null ? [] : [reason, reason]);
  });

  it('refuses a key removed from the file within 5 seconds (revocation), then nothing upstream', async () => {
    const ok = await gql(stack.gatewayUrl, QUERY, { token: LEAVING.key });
    expect(ok.errors).toBeUndefined();

    stack.file.write(authFileJson([READER]));
    const took = await eventually('the removed key refused', async () => {
      const res = await gql(stack.gatewayUrl, QUERY, { token: LEAVING.key });
      return res.errors?.[0].extensions?.code === 'UNAUTHENTICATED';
    });
    expect(took).toBeLessThanOrEqual(5000);
    await expectRefused(LEAVING.key, REFUSED_MESSAGE);
    // The keys that stay work on.
    expect((await gql(stack.gatewayUrl, QUERY, { token: READER.key })).errors).toBeUndefined();
  });
});

describe('passthrough allowed by the file', () => {
  let stack: AuthStack;
  beforeAll(async () => {
    stack = await startAuthStack(authFileJson([READER], { passthrough: true }));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('passes a sandbox token through: it reads what that token may read upstream', async () => {
    const { result, calls } = await callsDuring(stack.sandboxUrl, () =>
      gql(stack.gatewayUrl, '{ payment(id: "3506756222") { id status } paymentMethods { id } }', {
        token: TOKENS.sellerMLM,
      }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.payment).toEqual({ id: '3506756222', status: 'APPROVED' });
    expect(calls).toContain('GET /v1/payments/{id}');
  });

  it('still checks what looks like a gateway key or a JWT: never passed through', async () => {
    for (const token of [newKey(), await sessionJwt({ aud: 'another-gateway' })]) {
      const { result, calls } = await callsDuring(stack.sandboxUrl, () => gql(stack.gatewayUrl, QUERY, { token }));
      expect(result.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        ['UNAUTHENTICATED', REFUSED_MESSAGE],
      ]);
      expect(calls).toEqual([]);
    }
    expect(logged(stack.lines, 'info', 'credential refused').map((l) => l.reason)).toEqual([
      'unknown key',
      'jwt audience',
    ]);
  });
});
