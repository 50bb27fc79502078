// Checkout sessions over real HTTP with the real sandbox: a session JWT with the checkout scope pays its
// cart (the amount and reference of its claim) from a card token, a bounded number of times, and reads
// the payments it created, a few of their fields; whatever else a page asks is refused before anything
// is written upstream.
import {
  authFileJson,
  callsDuring,
  CART,
  cartInput,
  checkoutJwt,
  codes,
  gql,
  mainCardToken,
  PAY,
  RECEIPT,
  SELLER_TOKENS,
  startAuthStack,
  testKey,
  type Answer,
  type AuthStack,
} from './auth-helpers';
import { raw } from '../support/sandbox';

const BACK_OFFICE = testKey('back-office', ['payments:read', 'payments:write']);
/** A payment of the fixtures, made by no session. */
const FIXTURE_PAYMENT = '885920310';

describe('checkout sessions', () => {
  let stack: AuthStack;
  beforeAll(async () => {
    stack = await startAuthStack(authFileJson([BACK_OFFICE]));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const pay = (session: string, input: Record<string, unknown>) =>
    callsDuring(stack.sandboxUrl, () => gql(stack.gatewayUrl, PAY, { token: session, variables: { input } }));
  const read = (session: string, id: string, query = RECEIPT): Promise<Answer> =>
    gql(stack.gatewayUrl, query, { token: session, variables: { id } });
  /** A payment of the cart, made with `session` (one attempt). */
  const paid = async (session: string): Promise<string> => {
    const { result } = await pay(session, cartInput(await mainCardToken()));
    expect(result.data.createPayment.userErrors).toEqual([]);
    return result.data.createPayment.payment.id;
  };

  it('pays its cart from a card token: one write, the reference of its claim, stamped with who made it', async () => {
    const session = await checkoutJwt('buyer-pays');
    const { result, calls, writes } = await pay(session, cartInput(await mainCardToken()));
    expect(result.errors).toBeUndefined();
    expect(result.data.createPayment).toMatchObject({
      payment: { status: 'APPROVED', statusDetail: 'accredited', amount: { amount: '250', currency: 'BRL' } },
      userErrors: [],
    });
    expect(writes).toEqual(['POST /v1/payments']);
    expect(calls).toEqual(['POST /v1/payments']);

    const id: string = result.data.createPayment.payment.id;
    const upstream = await raw(stack.sandboxUrl, 'GET', `/v1/payments/${id}`, { token: SELLER_TOKENS.main });
    expect(upstream.status).toBe(200);
    expect(upstream.body.external_reference).toBe('cart-123');
    expect(upstream.body.transaction_amount).toBe(250);
    // Who made it, as an HMAC of the caller: never the token or its subject.
    expect(upstream.body.metadata.mpgraph_subject).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(upstream.body.metadata)).not.toMatch(/buyer-pays|backend\.shop\.example/);
  });

  it("sends the claim's statement descriptor, the merchant's choice, which fills the approved payment's text", async () => {
    const session = await checkoutJwt('buyer-descriptor', { ...CART, statementDescriptor: 'MATE SHOP' });
    const id = await paid(session);
    const upstream = await raw(stack.sandboxUrl, 'GET', `/v1/payments/${id}`, { token: SELLER_TOKENS.main });
    expect(upstream.body.statement_descriptor).toBe('MATE SHOP');
    const res = await read(session, id, `query($id: ID!) { payment(id: $id) { statusMessage(locale: EN) } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.payment.statusMessage).toBe(
      'Done! Your payment was credited. Your statement will show the BRL 250.00 charge as MATE SHOP.',
    );
  });

  it('reads its own payment with the fields a checkout page shows, and is FORBIDDEN any other field', async () => {
    const session = await checkoutJwt('buyer-reads');
    const id = await paid(session);
    const res = await read(session, id);
    expect(res.errors).toBeUndefined();
    expect(res.data.payment).toMatchObject({
      id,
      status: 'APPROVED',
      statusDetail: 'accredited',
      // The guide's text for an accredited payment names its statement descriptor, which it has none of.
      statusMessage: null,
      amount: { amount: '250', currency: 'BRL' },
      installments: 1,
      installmentAmount: { amount: '250', currency: 'BRL' },
      card: { lastFourDigits: '5682', paymentMethod: null },
      dateCreated: expect.any(String),
      dateApproved: expect.any(String),
    });

    for (const [select, path] of [
      ['payer { id }', ['payment', 'payer']],
      ['externalReference', ['payment', 'externalReference']],
      ['card { firstSixDigits }', ['payment', 'card', 'firstSixDigits']],
      ['refunds { id }', ['payment', 'refunds']],
    ] as const) {
      const other = await read(session, id, `query R($id: ID!) { payment(id: $id) { id ${select} } }`);
      expect(other.errors).toHaveLength(1);
      expect(other.errors![0]).toMatchObject({
        path,
        extensions: { code: 'FORBIDDEN', requiredScope: 'payments:read' },
      });
    }
  });

  it.each(['249.99', '250.01', '2500.00', '0.01'])(
    'refuses another amount (%s) with INVALID_AMOUNT, before any upstream call',
    async (amount) => {
      const session = await checkoutJwt('buyer-amount');
      const token = await mainCardToken();
      const { result, calls } = await pay(session, cartInput(token, { amount }));
      expect(result.data.createPayment).toEqual({
        payment: null,
        userErrors: [
          { code: 'INVALID_AMOUNT', field: ['input', 'amount'], message: 'This checkout pays 250.00 exactly.' },
        ],
      });
      expect(calls).toEqual([]);
    },
  );

  it.each([
    ['notificationUrl', { notificationUrl: 'https://evil.example/hook' }, ['input', 'notificationUrl']],
    ['capture', { capture: false }, ['input', 'capture']],
    ['statementDescriptor', { statementDescriptor: 'EVIL SHOP' }, ['input', 'statementDescriptor']],
    ['payer.customerId', { payer: { customerId: '123456789-jxOV430go9fx2e' } }, ['input', 'payer', 'customerId']],
    ['another externalReference', { externalReference: 'cart-999' }, ['input', 'externalReference']],
  ])('refuses %s with NOT_ALLOWED, before any upstream call', async (_what, overrides, field) => {
    const session = await checkoutJwt('buyer-not-allowed');
    const token = await mainCardToken();
    const { result, calls } = await pay(session, cartInput(token, overrides));
    expect(result.errors).toBeUndefined();
    expect(result.data.createPayment.payment).toBeNull();
    expect(result.data.createPayment.userErrors).toEqual([
      { code: 'NOT_ALLOWED', field, message: expect.stringMatching(/^(A checkout session may not set|This checkout)/) },
    ]);
    expect(calls).toEqual([]);
  });

  it('takes no attempt for what it refuses, and accepts its own reference spelled out', async () => {
    const session = await checkoutJwt('buyer-one-attempt', { ...CART, maxAttempts: 1 });
    const token = await mainCardToken();
    for (const amount of ['1.00', '2.00', '3.00']) {
      const { result } = await pay(session, cartInput(token, { amount }));
      expect(result.data.createPayment.userErrors[0].code).toBe('INVALID_AMOUNT');
    }
    const { result, writes } = await pay(session, cartInput(token, { externalReference: 'cart-123' }));
    expect(result.data.createPayment.userErrors).toEqual([]);
    expect(result.data.createPayment.payment.status).toBe('APPROVED');
    expect(writes).toEqual(['POST /v1/payments']);
  });

  it('counts declined cards as attempts: after maxAttempts, ATTEMPTS_EXHAUSTED with no upstream call', async () => {
    const session = await checkoutJwt('buyer-attempts');
    for (let i = 0; i < CART.maxAttempts; i++) {
      const { result, writes } = await pay(session, cartInput(await mainCardToken('OTHE')));
      expect(result.data.createPayment.payment).toMatchObject({ status: 'REJECTED' });
      expect(writes).toEqual(['POST /v1/payments']);
    }
    const token = await mainCardToken('APRO');
    const { result, calls } = await pay(session, cartInput(token));
    expect(result.data.createPayment).toEqual({
      payment: null,
      userErrors: [
        { code: 'ATTEMPTS_EXHAUSTED', field: null, message: 'This checkout has used its 3 payment attempts.' },
      ],
    });
    expect(calls).toEqual([]);
    // A new token for the same buyer (the same sub) counts on from the same attempts.
    const again = await pay(await checkoutJwt('buyer-attempts'), cartInput(token));
    expect(again.result.data.createPayment.userErrors[0].code).toBe('ATTEMPTS_EXHAUSTED');
    expect(again.calls).toEqual([]);
  });

  it('answers NOT_FOUND, never FORBIDDEN, for a payment another session, a key or no one made', async () => {
    const mine = await checkoutJwt('buyer-a');
    const theirs = await paid(await checkoutJwt('buyer-b'));
    const { result: byKey } = await pay(BACK_OFFICE.key, cartInput(await mainCardToken(), { amount: '99.90' }));
    const keys = byKey.data.createPayment.payment.id;

    for (const id of [theirs, keys, FIXTURE_PAYMENT]) {
      const res = await read(mine, id);
      expect(codes(res)).toEqual(['NOT_FOUND']);
      expect(res.errors![0].path).toEqual(['payment']);
      expect(res.data).toEqual({ payment: null });
      expect(res.text).not.toMatch(/FORBIDDEN|requiredScope/);
    }
    // The seller's key reads them all, the session's payments included.
    for (const id of [theirs, keys, FIXTURE_PAYMENT]) {
      const res = await read(BACK_OFFICE.key, id);
      expect(res.errors).toBeUndefined();
      expect(res.data.payment.id).toBe(id);
    }
  });

  it('is FORBIDDEN the payment search, before any upstream call', async () => {
    const session = await checkoutJwt('buyer-search');
    await paid(session);
    const { result, calls } = await callsDuring(stack.sandboxUrl, () =>
      gql(stack.gatewayUrl, '{ payments(first: 5) { nodes { id } } }', { token: session }),
    );
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      path: ['payments'],
      extensions: { code: 'FORBIDDEN', requiredScope: 'payments:read' },
    });
    expect(result.data).toBeNull();
    expect(calls).toEqual([]);
  });
});
