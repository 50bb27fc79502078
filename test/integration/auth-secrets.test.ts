// No credential ever leaves the gateway in a log line or a response: a whole session at LOG_LEVEL debug
// (gateway keys reading and writing, a checkout session paying and reading, refused credentials of
// every kind, the sandbox's webhooks for what was paid), then every line logged and every body
// answered is searched for each key, each JWT, the sellers' upstream tokens and the JWT secret.
import { randomUUID } from 'node:crypto';
import { KEY_SCOPES, newKey } from '../../src/auth';
import {
  AUDIENCE,
  authFileJson,
  cartInput,
  checkoutJwt,
  eventually,
  gql,
  ISSUER,
  JWT_SECRET,
  logged,
  mainCardToken,
  nowSeconds,
  PAY,
  RECEIPT,
  SELLER_TOKENS,
  sessionJwt,
  startAuthStack,
  testKey,
  unsignedJwt,
  type Answer,
  type AuthStack,
} from './auth-helpers';
import { raw } from '../support/sandbox';

const ALL = testKey('back-office', KEY_SCOPES);
const READER = testKey('reports', ['payments:read', 'orders:read'], 'mlm');

describe('credentials in logs and responses', () => {
  let stack: AuthStack;
  const answers: Answer[] = [];
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    stack = await startAuthStack(authFileJson([ALL, READER]), { env: { LOG_LEVEL: 'debug' }, logLevel: 'debug' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Sends an operation, keeps its answer, and remembers its credential as a secret. */
  const send = async (what: string, token: string, query: string, variables?: Record<string, unknown>) => {
    secrets.set(what, token);
    const res = await gql(stack.gatewayUrl, query, { token, variables });
    answers.push(res);
    return res;
  };

  it('a whole session, refusals and webhooks included, writes none of its credentials anywhere', async () => {
    secrets.set('JWT secret', JWT_SECRET);
    secrets.set('seller main upstream token', SELLER_TOKENS.main);
    secrets.set('seller mlm upstream token', SELLER_TOKENS.mlm);

    // A back office: reads of every kind, a payment, its refund, a customer made and deleted.
    const reads =
      '{ payments(first: 2) { nodes { id payer { email } } } customers(first: 1) { nodes { id email } } ' +
      'orders(first: 1) { nodes { id buyer { nickname } } } me { id nickname } paymentMethods { id } }';
    expect((await send('key back-office', ALL.key, reads)).errors).toBeUndefined();
    const payment = await send('key back-office', ALL.key, PAY, {
      input: cartInput(await mainCardToken(), { amount: '80.00' }),
    });
    const paymentId = payment.data.createPayment.payment.id;
    const refund = await send(
      'key back-office',
      ALL.key,
      'mutation R($input: RefundPaymentInput!) { refundPayment(input: $input) { refund { id } userErrors { code } } }',
      { input: { idempotencyKey: randomUUID(), paymentId, amount: '10.00' } },
    );
    expect(refund.data.refundPayment.userErrors).toEqual([]);
    const created = await send(
      'key back-office',
      ALL.key,
      'mutation C($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }',
      { input: { email: `test_payer_${Date.now()}@testuser.com` } },
    );
    await send(
      'key back-office',
      ALL.key,
      'mutation D($input: DeleteCustomerInput!) { deleteCustomer(input: $input) { userErrors { code } } }',
      { input: { customerId: created.data.createCustomer.customer.id } },
    );

    // Another seller's key: its reads, and what it may not do.
    expect((await send('key reports', READER.key, '{ payment(id: "3506756222") { id } me { id } }')).errors).toBe(
      undefined,
    );
    await send('key reports', READER.key, '{ customers(first: 1) { totalCount } }');

    // A checkout session: pays, reads its payment, is refused a field, the search and another's payment.
    const session = await checkoutJwt('buyer-secrets');
    const paid = await send('checkout JWT', session, PAY, { input: cartInput(await mainCardToken()) });
    const own = paid.data.createPayment.payment.id;
    expect((await send('checkout JWT', session, RECEIPT, { id: own })).errors).toBeUndefined();
    await send('checkout JWT', session, 'query P($id: ID!) { payment(id: $id) { id payer { email } } }', { id: own });
    await send('checkout JWT', session, '{ payments(first: 1) { totalCount } }');
    await send('checkout JWT', session, RECEIPT, { id: paymentId });
    await send('checkout JWT', session, PAY, { input: cartInput(await mainCardToken(), { amount: '1.00' }) });
    await send('payments:read JWT', await sessionJwt({ scope: 'payments:read', sub: 'reader' }), RECEIPT, {
      id: own,
    });

    // Upstream failures: Mercado Pago failing (logged with what it answered), Mercado Libre refusing the token.
    for (const fault of [
      { route: 'GET /v1/payments/{id}', status: 500 },
      { route: 'GET /users/me', status: 401 },
    ]) {
      expect((await raw(stack.sandboxUrl, 'POST', '/__sandbox/faults', { body: fault })).status).toBe(201);
    }
    const failed = await send('key back-office', ALL.key, `{ payment(id: "${paymentId}") { id } me { id } }`);
    expect(failed.errors?.map((e) => e.path?.[0]).sort()).toEqual(['me', 'payment']);
    expect((await raw(stack.sandboxUrl, 'DELETE', '/__sandbox/faults')).status).toBeLessThan(300);

    // Refused credentials of every kind.
    const now = nowSeconds();
    const refused: [string, string][] = [
      ['unknown key', newKey()],
      ['expired JWT', await sessionJwt({ iat: now - 3600, exp: now - 600 })],
      ['JWT of another secret', await sessionJwt({}, `${JWT_SECRET}-other`)],
      ['JWT for another audience', await sessionJwt({ aud: 'elsewhere' })],
      ['alg none JWT', unsignedJwt({ iss: ISSUER, aud: AUDIENCE, sub: 'x', iat: now, exp: now + 60, seller: 'main' })],
      ['passthrough token', SELLER_TOKENS.mlm],
    ];
    for (const [what, token] of refused) {
      const res = await send(what, token, '{ paymentMethods { id } }');
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }

    // The sandbox's webhooks for the payments and the refund reach the gateway, which logs them (debug).
    const notified = () => logged(stack.lines, 'debug', 'webhook accepted').map((l) => l.id);
    await eventually('webhooks logged', async () => [paymentId, own].every((id) => notified().includes(id)), 3000);

    expect(logged(stack.lines, 'warn', 'upstream failure').map((l) => l.path)).toEqual([['payment']]);
    expect(logged(stack.lines, 'info', 'credential refused').map((l) => l.reason)).toEqual([
      'unknown key',
      'jwt expired',
      'jwt signature',
      'jwt audience',
      'jwt alg',
      'passthrough refused',
    ]);

    const found: string[] = [];
    for (const [what, secret] of secrets) {
      // The whole credential, and for a JWT its signature alone (a log could split the token).
      const needles = [
        secret,
        ...(secret.split('.').length === 3 && secret.split('.')[2] ? [secret.split('.')[2]] : []),
      ];
      for (const needle of needles) {
        stack.lines.forEach((line, i) => line.includes(needle) && found.push(`${what} in log line ${i}: ${line}`));
        answers.forEach((res, i) => res.text.includes(needle) && found.push(`${what} in response ${i}`));
      }
    }
    expect(found).toEqual([]);
  });
});
