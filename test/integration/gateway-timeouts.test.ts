// When an upstream does not answer: each read attempt has its own timeout, and the caller gets
// UPSTREAM_TIMEOUT naming the service, quickly, with the rest of the response standing.
import { OrderDetailsDocument, PaymentPairDocument } from '../generated/graphql';
import { raw, TOKENS } from '../support/sandbox';
import { execute, useStack } from '../support/stack';
import { upstreamCalls } from '../support/upstreamCalls';

describe('upstream timeouts', () => {
  // A short read timeout so the test waits tenths of a second, not the default 5 s.
  const stack = useStack({}, { gateway: { readTimeoutMs: 300 } });
  const fault = (body: Record<string, unknown>) => raw(stack.sandboxUrl, 'POST', '/__sandbox/faults', { body });

  it('Mercado Pago: UPSTREAM_TIMEOUT at the payment that timed out, after one retry; the same payment asked twice shares the one failure', async () => {
    await fault({ route: 'GET /v1/payments/{id}', timeout: true });
    const started = Date.now();
    const res = await execute(stack.gatewayUrl, PaymentPairDocument, { first: '885920310', second: '885920310' }, TOKENS.sellerMLB);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.errors?.map((e) => [e.path, e.extensions?.code, e.message])).toEqual([
      [['first'], 'UPSTREAM_TIMEOUT', 'Mercado Pago did not answer in time.'],
      [['second'], 'UPSTREAM_TIMEOUT', 'Mercado Pago did not answer in time.'],
    ]);
    // The same id twice is one read; the SDK gives it our one retry.
    expect(await upstreamCalls(stack.sandboxUrl)).toEqual({ 'GET /v1/payments/{id}': 2 });
  });

  it('Mercado Libre: UPSTREAM_TIMEOUT naming Mercado Libre, after one retry, no upstream detail', async () => {
    await fault({ route: 'GET /orders/{id}', timeout: true });
    const started = Date.now();
    const res = await execute(stack.gatewayUrl, OrderDetailsDocument, { id: '893431118' }, TOKENS.sellerMLB);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.data?.order).toBeNull();
    expect(res.errors).toEqual([expect.objectContaining({ path: ['order'], message: 'Mercado Libre did not answer in time.', extensions: expect.objectContaining({ code: 'UPSTREAM_TIMEOUT' }) })]);
    expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|TEST-|orders\//);
    // One retry, as for Mercado Pago.
    expect(await upstreamCalls(stack.sandboxUrl)).toEqual({ 'GET /orders/{id}': 2 });
  });
});
