// A checkout page on another origin (CORS_ORIGINS): its preflight is answered, and with the checkout
// session its merchant's backend gave it, it pays its cart and reads that payment. Nothing that page
// holds reads or moves anything else: every other read and write is FORBIDDEN (or, for a payment it did
// not make, NOT_FOUND) before anything is asked upstream, and the page can read each refusal.
import { randomUUID } from 'node:crypto';
import {
  authFileJson,
  callsDuring,
  cartInput,
  checkoutJwt,
  gql,
  mainCardToken,
  PAY,
  RECEIPT,
  startAuthStack,
  testKey,
  type AuthStack,
} from './auth-helpers';

const SHOP = 'https://shop.example';
const BACK_OFFICE = testKey('back-office', ['payments:write']);

describe('a checkout page on another origin', () => {
  let stack: AuthStack;
  let session: string;
  beforeAll(async () => {
    stack = await startAuthStack(authFileJson([BACK_OFFICE]), { env: { CORS_ORIGINS: SHOP } });
    session = await checkoutJwt('buyer-on-the-page');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** What the page's fetch sends: its origin, JSON, its session; the answer and the upstream calls. */
  const fromPage = (query: string, variables: Record<string, unknown> = {}) =>
    callsDuring(stack.sandboxUrl, async () => {
      const res = await fetch(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { Origin: SHOP, 'Content-Type': 'application/json', Authorization: `Bearer ${session}` },
        body: JSON.stringify({ query, variables }),
      });
      expect(res.status).toBe(200);
      // The page may read the answer, a refusal included.
      expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
      return (await res.json()) as { data?: any; errors?: { path?: unknown[]; extensions?: any }[] };
    });

  let paid: string;

  it("answers the page's preflight for a request with its session", async () => {
    const res = await fetch(`${stack.gatewayUrl}/graphql`, {
      method: 'OPTIONS',
      headers: {
        Origin: SHOP,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(res.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining(['authorization', 'content-type']),
    );
  });

  it('pays with the checkout credential and reads that payment', async () => {
    const { result: pay, writes } = await fromPage(PAY, { input: cartInput(await mainCardToken()) });
    expect(pay.errors).toBeUndefined();
    expect(pay.data.createPayment).toMatchObject({ payment: { status: 'APPROVED' }, userErrors: [] });
    expect(writes).toEqual(['POST /v1/payments']);
    paid = pay.data.createPayment.payment.id;

    const { result: read } = await fromPage(RECEIPT, { id: paid });
    expect(read.errors).toBeUndefined();
    expect(read.data.payment).toMatchObject({ id: paid, status: 'APPROVED', amount: { amount: '250' } });
  });

  const input = (fields: Record<string, unknown>) => ({ input: { idempotencyKey: randomUUID(), ...fields } });
  const refusals: [string, string, () => Record<string, unknown>, string][] = [
    ['the payment search', '{ payments(first: 5) { nodes { id } } }', () => ({}), 'payments:read'],
    ['a customer', '{ customer(id: "123456789-jxOV430go9fx2e") { id email } }', () => ({}), 'customers:read'],
    ['the customers', '{ customers(first: 5) { nodes { id } } }', () => ({}), 'customers:read'],
    ['the orders', '{ orders(first: 5) { nodes { id } } }', () => ({}), 'orders:read'],
    ['an order', '{ order(id: "893431118") { id } }', () => ({}), 'orders:read'],
    ['the account', '{ me { id } }', () => ({}), 'orders:read'],
    [
      'a capture of its own payment',
      'mutation M($input: CapturePaymentInput!) { capturePayment(input: $input) { userErrors { code } } }',
      () => input({ paymentId: paid }),
      'payments:write',
    ],
    [
      'a refund of its own payment',
      'mutation M($input: RefundPaymentInput!) { refundPayment(input: $input) { userErrors { code } } }',
      () => input({ paymentId: paid, amount: '1.00' }),
      'payments:write',
    ],
    [
      'a cancel of its own payment',
      'mutation M($input: CancelPaymentInput!) { cancelPayment(input: $input) { userErrors { code } } }',
      () => input({ paymentId: paid }),
      'payments:write',
    ],
    [
      'a new customer',
      'mutation M($input: CreateCustomerInput!) { createCustomer(input: $input) { userErrors { code } } }',
      () => ({ input: { email: 'test_payer_1@testuser.com' } }),
      'customers:write',
    ],
  ];

  it.each(refusals)('is FORBIDDEN %s, before any upstream call', async (_what, query, variables, scope) => {
    const { result, calls } = await fromPage(query, variables());
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toEqual({ code: 'FORBIDDEN', requiredScope: scope });
    expect(calls).toEqual([]);
  });

  it('cannot read a payment it did not make, nor pay another amount', async () => {
    const other = await gql(stack.gatewayUrl, PAY, {
      token: BACK_OFFICE.key,
      variables: { input: cartInput(await mainCardToken(), { amount: '5.00' }) },
    });
    const theirs = other.data.createPayment.payment.id;
    const { result: read } = await fromPage(RECEIPT, { id: theirs });
    expect(read.errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    expect(read.data).toEqual({ payment: null });

    const { result: pay, calls } = await fromPage(PAY, { input: cartInput(await mainCardToken(), { amount: '5.00' }) });
    expect(pay.data.createPayment.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_AMOUNT']);
    expect(calls).toEqual([]);
  });
});
