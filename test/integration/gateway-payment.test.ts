// Query.payment end to end: GraphQL over HTTP → gateway → official SDK → real sandbox, on payment
// 3506756222 of the order payments page (docs/sources.md).
import { PaymentDetailsDocument, PaymentPairDocument } from '../generated/graphql';
import { requests, TOKENS } from '../support/sandbox';
import { execute, useStack } from '../support/stack';

const SEED_PAYMENT = '3506756222';

describe('Query.payment', () => {
  const stack = useStack();

  const upstreamGets = async () => (await requests(stack.sandboxUrl)).routes['GET /v1/payments/{id}'] ?? 0;

  it("returns the order payments page's payment as its seller sees it", async () => {
    const res = await execute(stack.gatewayUrl, PaymentDetailsDocument, { id: SEED_PAYMENT }, TOKENS.sellerMLM);
    expect(res.errors).toBeUndefined();
    expect(res.data?.payment).toMatchObject({
      id: SEED_PAYMENT,
      status: 'APPROVED',
      statusDetail: 'accredited',
      amount: { amount: '3500', currency: 'MXN' },
      installments: 9,
      installmentAmount: { amount: '443.02', currency: 'MXN' },
      totalPaidAmount: { amount: '3987.2', currency: 'MXN' },
      netReceivedAmount: { amount: '3500', currency: 'MXN' },
      paymentMethodId: 'amex',
      paymentTypeId: 'credit_card',
      externalReference: '1653027692',
      statementDescriptor: 'MERCADOPAGO',
      captured: true,
      dateCreated: '2018-03-05T10:06:54.000-04:00',
      dateApproved: '2018-03-05T10:06:55.000-04:00',
      card: {
        firstSixDigits: '371772',
        lastFourDigits: '1001',
        expirationMonth: 10,
        expirationYear: 2019,
        cardholder: { name: 'JOAN C GONZALEZ GUZMAN' },
      },
    });
    expect(await upstreamGets()).toBe(1);
  });

  it("returns the buyer's view of the same payment to its buyer", async () => {
    const res = await execute(stack.gatewayUrl, PaymentDetailsDocument, { id: SEED_PAYMENT }, TOKENS.buyerMLM);
    expect(res.errors).toBeUndefined();
    expect(res.data?.payment).toMatchObject({
      id: SEED_PAYMENT,
      status: 'APPROVED',
      amount: { amount: '3500', currency: 'MXN' },
      installments: 9,
      installmentAmount: { amount: '443.02', currency: 'MXN' },
      totalPaidAmount: { amount: '3987.2', currency: 'MXN' },
      card: { firstSixDigits: '371772', lastFourDigits: '1001' },
    });
    expect(await upstreamGets()).toBe(1);
  });

  it('is UNAUTHENTICATED without a token, and calls nothing upstream', async () => {
    const res = await execute(stack.gatewayUrl, PaymentDetailsDocument, { id: SEED_PAYMENT });
    expect(res.data?.payment).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect((await requests(stack.sandboxUrl)).total).toBe(0);
  });

  it('is UNAUTHENTICATED when Mercado Pago rejects the token, without echoing it', async () => {
    const token = 'TEST-NOBODY-000000001';
    const res = await execute(stack.gatewayUrl, PaymentDetailsDocument, { id: SEED_PAYMENT }, token);
    expect(res.data?.payment).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(res)).not.toContain(token);
  });

  it('is null with one NOT_FOUND at ["payment"] for an unknown id', async () => {
    const res = await execute(stack.gatewayUrl, PaymentDetailsDocument, { id: '1' }, TOKENS.sellerMLM);
    expect(res.data).toEqual({ payment: null });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: ['payment'], extensions: { code: 'NOT_FOUND' } });
  });

  it('is null with NOT_FOUND for a payment the token may not see', async () => {
    const res = await execute(stack.gatewayUrl, PaymentDetailsDocument, { id: SEED_PAYMENT }, TOKENS.sellerMLB);
    expect(res.data).toEqual({ payment: null });
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['payment'], 'NOT_FOUND']]);
  });

  it.each(['../1', '3506756222/refunds', '..', 'abc', '12345678901234567890'])(
    'refuses id %j as BAD_USER_INPUT with no upstream call',
    async (id) => {
      const res = await execute(stack.gatewayUrl, PaymentDetailsDocument, { id }, TOKENS.sellerMLM);
      expect(res.data?.payment).toBeNull();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect((await requests(stack.sandboxUrl)).total).toBe(0);
    },
  );

  it('fetches the same payment asked twice under aliases once', async () => {
    const res = await execute(
      stack.gatewayUrl,
      PaymentPairDocument,
      { first: SEED_PAYMENT, second: SEED_PAYMENT },
      TOKENS.sellerMLM,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.first).toEqual(res.data?.second);
    expect(res.data?.first).toMatchObject({
      id: SEED_PAYMENT,
      amount: { amount: '3500', currency: 'MXN' },
      card: { lastFourDigits: '1001' },
    });
    expect(await upstreamGets()).toBe(1);
  });

  it('does not share loaders between requests: each request fetches again', async () => {
    await execute(stack.gatewayUrl, PaymentDetailsDocument, { id: SEED_PAYMENT }, TOKENS.sellerMLM);
    const other = await execute(stack.gatewayUrl, PaymentDetailsDocument, { id: SEED_PAYMENT }, TOKENS.sellerMLB);
    expect(other.data?.payment).toBeNull();
    expect(await upstreamGets()).toBe(2);
  });

  it('retries a Mercado Pago 5xx once, then answers UPSTREAM_ERROR without upstream details', async () => {
    const fault = await fetch(`${stack.sandboxUrl}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ route: 'GET /v1/payments/{id}', status: 500 }),
    });
    expect(fault.ok).toBe(true);
    const res = await execute(stack.gatewayUrl, PaymentDetailsDocument, { id: SEED_PAYMENT }, TOKENS.sellerMLM);
    expect(res.data?.payment).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
    expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|\/v1\/payments|TEST-/);
    expect(await upstreamGets()).toBe(2);
  });

  it('recovers when the retry succeeds', async () => {
    await fetch(`${stack.sandboxUrl}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ route: 'GET /v1/payments/{id}', status: 503, times: 1 }),
    });
    const res = await execute(stack.gatewayUrl, PaymentDetailsDocument, { id: SEED_PAYMENT }, TOKENS.sellerMLM);
    expect(res.errors).toBeUndefined();
    expect(res.data?.payment?.id).toBe(SEED_PAYMENT);
    expect(await upstreamGets()).toBe(2);
  });

  it('answers RATE_LIMITED with retryAfter when Mercado Pago says 429', async () => {
    await fetch(`${stack.sandboxUrl}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ route: 'GET /v1/payments/{id}', status: 429, retryAfter: 2 }),
    });
    const res = await execute(stack.gatewayUrl, PaymentDetailsDocument, { id: SEED_PAYMENT }, TOKENS.sellerMLM);
    expect(res.errors?.map((e) => e.extensions)).toEqual([{ code: 'RATE_LIMITED', retryAfter: 2 }]);
    expect(await upstreamGets()).toBe(1);
  });
});
