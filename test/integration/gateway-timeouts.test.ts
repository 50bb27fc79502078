// When an upstream does not answer: each read attempt and each write has its own timeout, the caller gets
// UPSTREAM_TIMEOUT naming the service, and a write retried with its key is not made twice.
import { randomUUID } from 'node:crypto';
import { CheckoutDocument, OrderDetailsDocument, PaymentPairDocument } from '../generated/graphql';
import { raw, TOKENS } from '../support/sandbox';
import { execute, useStack } from '../support/stack';
import { upstreamCalls } from '../support/upstreamCalls';

describe('upstream timeouts', () => {
  // A short read timeout so the test waits tenths of a second, not the default 5 s.
  const stack = useStack({}, { gateway: { readTimeoutMs: 300, writeTimeoutMs: 500 } });
  const fault = (body: Record<string, unknown>) => raw(stack.sandboxUrl, 'POST', '/__sandbox/faults', { body });

  it('Mercado Pago: UPSTREAM_TIMEOUT at the payment that timed out, after one retry; the same payment asked twice shares the one failure', async () => {
    await fault({ route: 'GET /v1/payments/{id}', timeout: true });
    const started = Date.now();
    const res = await execute(
      stack.gatewayUrl,
      PaymentPairDocument,
      { first: '885920310', second: '885920310' },
      TOKENS.sellerMLB,
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.errors?.map((e) => [e.path, e.extensions?.code, e.message])).toEqual([
      [['first'], 'UPSTREAM_TIMEOUT', 'Mercado Pago did not answer in time.'],
      [['second'], 'UPSTREAM_TIMEOUT', 'Mercado Pago did not answer in time.'],
    ]);
    // The same id twice is one read; the SDK gives it our one retry.
    expect(await upstreamCalls(stack.sandboxUrl)).toEqual({ 'GET /v1/payments/{id}': 2 });
  });

  it('a payment the sandbox created but never answered for: UPSTREAM_TIMEOUT, then the retry with the same key returns it, and no second exists', async () => {
    const token = (
      await raw(stack.sandboxUrl, 'POST', '/v1/card_tokens', {
        token: TOKENS.sellerMLB,
        body: {
          card_number: '4235647728025682',
          expiration_month: '11',
          expiration_year: '2030',
          security_code: '123',
          cardholder: { name: 'APRO' },
        },
      })
    ).body.id;
    const input = {
      idempotencyKey: randomUUID(),
      token,
      amount: '91',
      installments: 1,
      payer: { email: 'test_payer_12345@testuser.com' },
    };
    await fault({ route: 'POST /v1/payments', timeout: true, after: true, times: 1 });
    const started = Date.now();
    const lost = await execute(stack.gatewayUrl, CheckoutDocument, { input }, TOKENS.sellerMLB);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(lost.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['UPSTREAM_TIMEOUT', 'Mercado Pago did not answer in time.'],
    ]);
    const retry = await execute(stack.gatewayUrl, CheckoutDocument, { input }, TOKENS.sellerMLB);
    expect(retry.data?.createPayment).toMatchObject({
      payment: { status: 'APPROVED', amount: { amount: '91' } },
      userErrors: [],
    });
    const found = (
      await raw(stack.sandboxUrl, 'GET', '/v1/payments/search?limit=100', { token: TOKENS.sellerMLB })
    ).body.results.filter((p: any) => p.transaction_amount === 91);
    expect(found).toHaveLength(1);
    expect(found[0].id).toBe(Number(retry.data?.createPayment.payment?.id));
  });

  it('Mercado Libre: UPSTREAM_TIMEOUT naming Mercado Libre, after one retry, no upstream detail', async () => {
    await fault({ route: 'GET /orders/{id}', timeout: true });
    const started = Date.now();
    const res = await execute(stack.gatewayUrl, OrderDetailsDocument, { id: '893431118' }, TOKENS.sellerMLB);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.data?.order).toBeNull();
    expect(res.errors).toEqual([
      expect.objectContaining({
        path: ['order'],
        message: 'Mercado Libre did not answer in time.',
        extensions: expect.objectContaining({ code: 'UPSTREAM_TIMEOUT' }),
      }),
    ]);
    expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|TEST-|orders\//);
    // One retry, as for Mercado Pago.
    expect(await upstreamCalls(stack.sandboxUrl)).toEqual({ 'GET /orders/{id}': 2 });
  });
});
