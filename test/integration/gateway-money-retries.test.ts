// Every retry tells the truth (docs/architecture.md, "The life of a mutation"): a write whose answer
// was lost, retried with the same key and input, ends with the outcome of that write (Mercado Pago
// replays it), never with a refusal computed from the state the write itself produced; other input
// under that key is refused without a call; a temporary refusal is never kept as the key's outcome.
// Over real HTTP against the real sandbox; faults from its control API, calls from its request log.
import { randomUUID } from 'node:crypto';
import {
  CancelPaymentDocument,
  CapturePaymentDocument,
  CheckoutDocument,
  RefundPaymentDocument,
} from '../generated/graphql';
import { raw, TOKENS } from '../support/sandbox';
import { execute, useStack } from '../support/stack';
import { upstreamCalls, upstreamCallsSince } from '../support/upstreamCalls';
import { CARDS, tokenize } from './sandbox-payments-helpers';

const SELLER = TOKENS.sellerMLB;
const PAYER = { email: 'test_payer_12345@testuser.com' };

describe('money retries', () => {
  const stack = useStack();

  /** The next answer of `route` is lost after the sandbox carried the request out. */
  const loseNextAnswer = (route: string) =>
    raw(stack.sandboxUrl, 'POST', '/__sandbox/faults', { body: { route, after: true, reset: true, times: 1 } });
  /** The next request to `route` is refused with `status`, before the sandbox carries it out. */
  const refuseNext = (route: string, status: number) =>
    raw(stack.sandboxUrl, 'POST', '/__sandbox/faults', { body: { route, status, times: 1 } });

  const checkout = (input: Record<string, unknown>) =>
    execute(stack.gatewayUrl, CheckoutDocument, { input: input as never }, SELLER);
  const payment = async (amount: string, capture = true) => {
    const token = await tokenize(SELLER, CARDS.MLB.visa);
    const res = await checkout({ idempotencyKey: randomUUID(), token, amount, installments: 1, payer: PAYER, capture });
    return res.data!.createPayment.payment!.id;
  };
  const refund = (idempotencyKey: string, paymentId: string, amount?: string) =>
    execute(
      stack.gatewayUrl,
      RefundPaymentDocument,
      { input: { idempotencyKey, paymentId, ...(amount ? { amount } : {}) } },
      SELLER,
    );
  const sandboxPayment = async (id: string) =>
    (await raw(stack.sandboxUrl, 'GET', `/v1/payments/${id}`, { token: SELLER })).body;

  describe('a refund whose answer was lost', () => {
    it('retried with its key ends with the refund that was made, not REFUND_EXCEEDS_REMAINING', async () => {
      const id = await payment('100.00');
      const key = randomUUID();
      await loseNextAnswer('POST /v1/payments/{id}/refunds');
      const lost = await refund(key, id, '80.00');
      expect(lost.data?.refundPayment ?? null).toBeNull();
      expect(lost.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
      const made = (await sandboxPayment(id)).refunds;
      expect(made).toHaveLength(1);

      const before = await upstreamCalls(stack.sandboxUrl);
      const retry = await refund(key, id, '80.00');
      expect(retry.errors).toBeUndefined();
      expect(retry.data?.refundPayment).toMatchObject({
        refund: { id: String(made[0].id), paymentId: id, amount: { amount: '80', currency: 'BRL' } },
        payment: { id, status: 'APPROVED', amountRefunded: { amount: '80', currency: 'BRL' } },
        userErrors: [],
      });
      // Straight to Mercado Pago (which replays the key), then the payment: no pre-check read.
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({
        'POST /v1/payments/{id}/refunds': 1,
        'GET /v1/payments/{id}': 1,
      });
      expect((await sandboxPayment(id)).refunds).toHaveLength(1);
      // And again: the record now holds the refund.
      expect((await refund(key, id, '80.00')).data?.refundPayment).toEqual(retry.data?.refundPayment);
    });

    it('retried as a total refund ends with that refund, not NOT_REFUNDABLE', async () => {
      const id = await payment('100.00');
      const key = randomUUID();
      await loseNextAnswer('POST /v1/payments/{id}/refunds');
      expect((await refund(key, id)).data?.refundPayment ?? null).toBeNull();
      const retry = await refund(key, id);
      expect(retry.data?.refundPayment).toMatchObject({
        refund: { amount: { amount: '100' } },
        payment: { status: 'REFUNDED', amountRefunded: { amount: '100' } },
        userErrors: [],
      });
      expect((await sandboxPayment(id)).refunds).toHaveLength(1);
    });

    it('retried with the same key and other input is IDEMPOTENCY_KEY_REUSED, with no call', async () => {
      const id = await payment('100.00');
      const key = randomUUID();
      await loseNextAnswer('POST /v1/payments/{id}/refunds');
      await refund(key, id, '30.00');
      const before = await upstreamCalls(stack.sandboxUrl);
      const other = await refund(key, id, '40.00');
      expect(other.data?.refundPayment).toEqual({
        refund: null,
        payment: null,
        userErrors: [expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] })],
      });
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({});
      expect((await sandboxPayment(id)).transaction_amount_refunded).toBe(30);
    });
  });

  describe('a capture or a cancel whose answer was lost', () => {
    it('capture, retried with its key, ends with the captured payment, not NOT_CAPTURABLE', async () => {
      const id = await payment('100.00', false);
      const key = randomUUID();
      const input = { idempotencyKey: key, paymentId: id, amount: '80.00' };
      await loseNextAnswer('PUT /v1/payments/{id}');
      expect((await execute(stack.gatewayUrl, CapturePaymentDocument, { input }, SELLER)).errors).toHaveLength(1);
      const retry = await execute(stack.gatewayUrl, CapturePaymentDocument, { input }, SELLER);
      expect(retry.data?.capturePayment).toEqual({
        payment: expect.objectContaining({
          id,
          status: 'APPROVED',
          captured: true,
          amount: { amount: '80', currency: 'BRL' },
        }),
        userErrors: [],
      });
      const other = await execute(
        stack.gatewayUrl,
        CapturePaymentDocument,
        { input: { ...input, amount: '70.00' } },
        SELLER,
      );
      expect(other.data?.capturePayment.userErrors).toEqual([
        expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }),
      ]);
    });

    it('cancel, retried with its key, ends with the cancelled payment, not NOT_CANCELLABLE', async () => {
      const id = await payment('100.00', false);
      const input = { idempotencyKey: randomUUID(), paymentId: id };
      await loseNextAnswer('PUT /v1/payments/{id}');
      expect((await execute(stack.gatewayUrl, CancelPaymentDocument, { input }, SELLER)).errors).toHaveLength(1);
      const retry = await execute(stack.gatewayUrl, CancelPaymentDocument, { input }, SELLER);
      expect(retry.data?.cancelPayment).toEqual({
        payment: expect.objectContaining({ id, status: 'CANCELLED', statusDetail: 'by_collector' }),
        userErrors: [],
      });
    });
  });

  describe('a payment whose answer was lost', () => {
    it('retried with the same key and other input is IDEMPOTENCY_KEY_REUSED, and nothing else is charged', async () => {
      const input = {
        idempotencyKey: randomUUID(),
        token: await tokenize(SELLER, CARDS.MLB.visa),
        amount: '61',
        installments: 1,
        payer: PAYER,
      };
      await loseNextAnswer('POST /v1/payments');
      expect((await checkout(input)).errors).toHaveLength(1);
      const before = await upstreamCalls(stack.sandboxUrl);
      const other = await checkout({ ...input, amount: '62' });
      expect(other.data?.createPayment.userErrors).toEqual([
        expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }),
      ]);
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({});
      const retry = await checkout(input);
      expect(retry.data?.createPayment.payment).toMatchObject({ status: 'APPROVED', amount: { amount: '61' } });
      const search = await raw(stack.sandboxUrl, 'GET', '/v1/payments/search?limit=100', { token: SELLER });
      expect(
        search.body.results.filter((p: any) => p.transaction_amount === 61 || p.transaction_amount === 62),
      ).toHaveLength(1);
    });
  });

  describe('a temporary refusal', () => {
    it.each([
      [423, 'UPSTREAM_UNAVAILABLE'],
      [429, 'RATE_LIMITED'],
      [503, 'UPSTREAM_UNAVAILABLE'],
    ])("(%i) is an error, not the key's outcome: the retry with the same key charges, once", async (status, code) => {
      const input = {
        idempotencyKey: randomUUID(),
        token: await tokenize(SELLER, CARDS.MLB.visa),
        amount: '33',
        installments: 1,
        payer: PAYER,
      };
      await refuseNext('POST /v1/payments', status);
      const refused = await checkout(input);
      expect(refused.data?.createPayment ?? null).toBeNull();
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual([code]);
      const before = await upstreamCalls(stack.sandboxUrl);
      const retry = await checkout(input);
      expect(retry.data?.createPayment.userErrors).toEqual([]);
      expect(retry.data?.createPayment.payment).toMatchObject({ status: 'APPROVED', amount: { amount: '33' } });
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({ 'POST /v1/payments': 1 });
      const again = await checkout(input);
      expect(again.data?.createPayment.payment?.id).toBe(retry.data?.createPayment.payment?.id);
    });

    it('on a refund is an error too, and the retry refunds', async () => {
      const id = await payment('100.00');
      const key = randomUUID();
      await refuseNext('POST /v1/payments/{id}/refunds', 423);
      expect((await refund(key, id, '25.00')).errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
      const retry = await refund(key, id, '25.00');
      expect(retry.data?.refundPayment).toMatchObject({ refund: { amount: { amount: '25' } }, userErrors: [] });
      expect((await sandboxPayment(id)).transaction_amount_refunded).toBe(25);
    });
  });
});
