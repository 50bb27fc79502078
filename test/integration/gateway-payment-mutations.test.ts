// Payment mutations over real HTTP against the real sandbox: the card payment page's payment, every
// cardholder-name outcome, capture / cancel / refund rules, bad input with zero upstream writes,
// and the idempotency rules that keep a card from being charged twice.
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
const WRITES = ['POST /v1/payments', 'PUT /v1/payments/{id}', 'POST /v1/payments/{id}/refunds'];

/** Only the write routes of a call count. */
const writesIn = (calls: Record<string, number>) =>
  Object.fromEntries(Object.entries(calls).filter(([r]) => WRITES.includes(r)));

describe('payment mutations', () => {
  const stack = useStack();
  const checkout = (input: Record<string, unknown>, token: string = SELLER) =>
    execute(
      stack.gatewayUrl,
      CheckoutDocument,
      {
        input: {
          idempotencyKey: randomUUID(),
          installments: 1,
          payer: { email: 'test_payer_12345@testuser.com' },
          ...input,
        } as never,
      },
      token,
    );
  const cardToken = (name = 'APRO', card: string = CARDS.MLB.visa) => tokenize(SELLER, card, name);

  describe('createPayment', () => {
    it('charges a card as the card payment page does (token, amount, installments, method, issuer, payer e-mail and document): one write', async () => {
      const token = await cardToken();
      const before = await upstreamCalls(stack.sandboxUrl);
      const res = await checkout({
        token,
        amount: '100.50',
        installments: 1,
        paymentMethodId: 'visa',
        issuerId: '25',
        payer: { email: 'test_payer_12345@testuser.com', identification: { type: 'CPF', number: '191.191.191-00' } },
        description: 'Mesa de pinho',
        externalReference: 'order-42',
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.createPayment.userErrors).toEqual([]);
      expect(res.data?.createPayment.payment).toMatchObject({
        status: 'APPROVED',
        statusDetail: 'accredited',
        captured: true,
        amount: { amount: '100.5', currency: 'BRL' },
        paymentMethodId: 'visa',
        externalReference: 'order-42',
        card: { firstSixDigits: '423564', lastFourDigits: '5682' },
        payer: { email: 'test_payer_12345@testuser.com' },
      });
      expect(writesIn(await upstreamCallsSince(stack.sandboxUrl, before))).toEqual({ 'POST /v1/payments': 1 });
    });

    it.each([
      ['APRO', 'APPROVED', 'accredited'],
      ['CONT', 'IN_PROCESS', 'pending_contingency'],
      ['OTHE', 'REJECTED', 'cc_rejected_other_reason'],
      ['CALL', 'REJECTED', 'cc_rejected_call_for_authorize'],
      ['FUND', 'REJECTED', 'cc_rejected_insufficient_amount'],
      ['SECU', 'REJECTED', 'cc_rejected_bad_filled_security_code'],
      ['EXPI', 'REJECTED', 'cc_rejected_bad_filled_date'],
      ['FORM', 'REJECTED', 'cc_rejected_bad_filled_other'],
      ['CARD', 'REJECTED', 'cc_rejected_bad_filled_card_number'],
      ['INST', 'REJECTED', 'cc_rejected_invalid_installments'],
      ['DUPL', 'REJECTED', 'cc_rejected_duplicated_payment'],
      ['LOCK', 'REJECTED', 'cc_rejected_card_disabled'],
      ['CTNA', 'REJECTED', 'cc_rejected_card_type_not_allowed'],
      ['ATTE', 'REJECTED', 'cc_rejected_max_attempts'],
      ['BLAC', 'REJECTED', 'cc_rejected_blacklist'],
    ])('cardholder %s → %s / %s: a decline is a payment, not an error', async (name, status, detail) => {
      const res = await checkout({ token: await cardToken(name), amount: '10' });
      expect(res.errors).toBeUndefined();
      expect(res.data?.createPayment.userErrors).toEqual([]);
      expect(res.data?.createPayment.payment).toMatchObject({ status, statusDetail: detail });
    });

    it('gives the buyer-facing message of a decline', async () => {
      const res = await checkout({ token: await cardToken('FUND'), amount: '10', paymentMethodId: 'visa' });
      expect(res.data?.createPayment.payment?.statusMessage).toBe('Your visa does not have enough funds.');
    });

    it.each([
      ['an empty idempotency key', { idempotencyKey: '' }, ['input', 'idempotencyKey'], 'IDEMPOTENCY_KEY_INVALID'],
      [
        'a 256-character idempotency key',
        { idempotencyKey: 'k'.repeat(256) },
        ['input', 'idempotencyKey'],
        'IDEMPOTENCY_KEY_INVALID',
      ],
      ['a negative amount', { amount: '-1' }, ['input', 'amount'], 'INVALID_AMOUNT'],
      ['a zero amount', { amount: '0' }, ['input', 'amount'], 'INVALID_AMOUNT'],
      ['three decimals', { amount: '10.005' }, ['input', 'amount'], 'INVALID_AMOUNT'],
      ['0 installments', { installments: 0 }, ['input', 'installments'], 'INVALID_INSTALLMENTS'],
      ['37 installments', { installments: 37 }, ['input', 'installments'], 'INVALID_INSTALLMENTS'],
      ['a token with a slash', { token: '../v1/payments' }, ['input', 'token'], 'INVALID_VALUE'],
      ['no payer', { payer: null }, ['input', 'payer'], 'INVALID_VALUE'],
      ['a bad e-mail', { payer: { email: 'not-an-email' } }, ['input', 'payer', 'email'], 'INVALID_VALUE'],
      [
        'a CPF of 10 digits',
        { payer: { email: 'a@b.co', identification: { type: 'CPF', number: '1234567890' } } },
        ['input', 'payer', 'identification', 'number'],
        'INVALID_IDENTIFICATION',
      ],
      ['a customer id of ..', { payer: { customerId: '..' } }, ['input', 'payer', 'customerId'], 'INVALID_VALUE'],
      [
        'a long statement descriptor',
        { statementDescriptor: 'x'.repeat(23) },
        ['input', 'statementDescriptor'],
        'INVALID_VALUE',
      ],
      [
        'a notification URL that is not http',
        { notificationUrl: 'ftp://example.com/hook' },
        ['input', 'notificationUrl'],
        'INVALID_VALUE',
      ],
    ])('refuses %s with a userError and no upstream call', async (_name, over, field, code) => {
      const before = await upstreamCalls(stack.sandboxUrl);
      const res = await checkout({ token: 'ffffffffffffffffffffffffffffffff', amount: '10', ...over });
      expect(res.errors).toBeUndefined();
      expect(res.data?.createPayment.payment).toBeNull();
      expect(res.data?.createPayment.userErrors).toContainEqual(
        expect.objectContaining({ field, code, upstreamCode: null }),
      );
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({});
    });

    it("refuses an amount outside the method's limits on the site after reading the catalog, with no write", async () => {
      const before = await upstreamCalls(stack.sandboxUrl);
      const res = await checkout({ token: await cardToken(), amount: '99999999', paymentMethodId: 'visa' });
      expect(res.data?.createPayment.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'amount'], code: 'INVALID_AMOUNT' }),
      ]);
      expect(writesIn(await upstreamCallsSince(stack.sandboxUrl, before))).toEqual({});
    });

    it('turns a used card token into CARD_TOKEN_INVALID with the cause code kept', async () => {
      const token = await cardToken();
      expect((await checkout({ token, amount: '10' })).data?.createPayment.payment?.status).toBe('APPROVED');
      const again = await checkout({ token, amount: '10' });
      expect(again.data?.createPayment).toEqual({
        payment: null,
        userErrors: [
          expect.objectContaining({ code: 'CARD_TOKEN_INVALID', field: ['input', 'token'], upstreamCode: '2062' }),
        ],
      });
      const unknown = await checkout({ token: 'ffffffffffffffffffffffffffffffff', amount: '10' });
      expect(unknown.data?.createPayment.userErrors).toEqual([
        expect.objectContaining({ code: 'CARD_TOKEN_INVALID', upstreamCode: '2006' }),
      ]);
    });

    it('pays with a saved card (the customers and cards page): a token from card_id + security code, payer.customerId', async () => {
      const saved = await raw(stack.sandboxUrl, 'POST', '/v1/card_tokens', {
        token: SELLER,
        body: { card_id: '1490022319978', customer_id: '123456789-jxOV430go9fx2e', security_code: '123' },
      });
      expect(saved.status).toBe(201);
      await raw(stack.sandboxUrl, 'PUT', '/v1/customers/123456789-jxOV430go9fx2e/cards/1490022319978', {
        token: SELLER,
        body: { expiration_month: 12, expiration_year: 2030 },
      });
      const renewed = await raw(stack.sandboxUrl, 'POST', '/v1/card_tokens', {
        token: SELLER,
        body: { card_id: '1490022319978', customer_id: '123456789-jxOV430go9fx2e', security_code: '123' },
      });
      const res = await checkout({
        token: renewed.body.id,
        amount: '25',
        payer: { customerId: '123456789-jxOV430go9fx2e' },
      });
      expect(res.data?.createPayment.userErrors).toEqual([]);
      expect(res.data?.createPayment.payment).toMatchObject({ status: 'APPROVED', card: { lastFourDigits: '0001' } });
    });
  });

  describe('idempotency', () => {
    it('the same key and input twice: the first payment, one write', async () => {
      const input = {
        idempotencyKey: randomUUID(),
        token: await cardToken(),
        amount: '42',
        installments: 1,
        payer: { email: 'test_payer_12345@testuser.com' },
      };
      const before = await upstreamCalls(stack.sandboxUrl);
      const first = await execute(stack.gatewayUrl, CheckoutDocument, { input }, SELLER);
      const second = await execute(stack.gatewayUrl, CheckoutDocument, { input }, SELLER);
      expect(first.data?.createPayment.payment?.id).toBeDefined();
      expect(second.data?.createPayment).toEqual(first.data?.createPayment);
      expect(writesIn(await upstreamCallsSince(stack.sandboxUrl, before))).toEqual({ 'POST /v1/payments': 1 });
    });

    it('the same key with another amount: IDEMPOTENCY_KEY_REUSED and nothing charged', async () => {
      const input = {
        idempotencyKey: randomUUID(),
        token: await cardToken(),
        amount: '42',
        installments: 1,
        payer: { email: 'test_payer_12345@testuser.com' },
      };
      await execute(stack.gatewayUrl, CheckoutDocument, { input }, SELLER);
      const before = await upstreamCalls(stack.sandboxUrl);
      const reused = await execute(stack.gatewayUrl, CheckoutDocument, { input: { ...input, amount: '43' } }, SELLER);
      expect(reused.data?.createPayment).toEqual({
        payment: null,
        userErrors: [expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] })],
      });
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({});
    });

    it("one key is one caller's: another seller may use the same key", async () => {
      const key = randomUUID();
      const a = await execute(
        stack.gatewayUrl,
        CheckoutDocument,
        {
          input: {
            idempotencyKey: key,
            token: await cardToken(),
            amount: '10',
            installments: 1,
            payer: { email: 'test_payer_12345@testuser.com' },
          },
        },
        SELLER,
      );
      const mlmToken = await tokenize(TOKENS.sellerMLM, CARDS.MLM.visa);
      const b = await execute(
        stack.gatewayUrl,
        CheckoutDocument,
        {
          input: {
            idempotencyKey: key,
            token: mlmToken,
            amount: '10',
            installments: 1,
            payer: { email: 'test_payer_12345@testuser.com' },
          },
        },
        TOKENS.sellerMLM,
      );
      expect(b.data?.createPayment.userErrors).toEqual([]);
      expect(b.data?.createPayment.payment?.id).not.toBe(a.data?.createPayment.payment?.id);
    });

    it('50 concurrent identical calls with one key: exactly one payment in the sandbox, one id everywhere', async () => {
      const input = {
        idempotencyKey: randomUUID(),
        token: await cardToken(),
        amount: '77',
        installments: 1,
        payer: { email: 'test_payer_12345@testuser.com' },
      };
      const before = await upstreamCalls(stack.sandboxUrl);
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => execute(stack.gatewayUrl, CheckoutDocument, { input }, SELLER)),
      );
      const ids = new Set<string>();
      for (const a of answers) {
        expect(a.errors).toBeUndefined();
        const p = a.data?.createPayment;
        if (p?.payment) ids.add(p.payment.id);
        else expect(p?.userErrors).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_IN_PROGRESS' })]);
      }
      // Those told "in progress" retry with the same key and get the same payment.
      const retry = await execute(stack.gatewayUrl, CheckoutDocument, { input }, SELLER);
      ids.add(retry.data!.createPayment.payment!.id);
      expect(ids.size).toBe(1);
      expect(writesIn(await upstreamCallsSince(stack.sandboxUrl, before))).toEqual({ 'POST /v1/payments': 1 });
      const search = await raw(stack.sandboxUrl, 'GET', '/v1/payments/search?limit=100', { token: SELLER });
      expect(search.body.results.filter((p: any) => p.transaction_amount === 77)).toHaveLength(1);
    });

    it('the sandbox creates the payment, then the answer is lost: the retry with the same key returns that payment, and no second exists', async () => {
      const input = {
        idempotencyKey: randomUUID(),
        token: await cardToken(),
        amount: '88',
        installments: 1,
        payer: { email: 'test_payer_12345@testuser.com' },
      };
      await raw(stack.sandboxUrl, 'POST', '/__sandbox/faults', {
        body: { route: 'POST /v1/payments', status: 500, after: true, times: 1 },
      });
      const lost = await execute(stack.gatewayUrl, CheckoutDocument, { input }, SELLER);
      expect(lost.data?.createPayment ?? null).toBeNull();
      expect(lost.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
      const retry = await execute(stack.gatewayUrl, CheckoutDocument, { input }, SELLER);
      expect(retry.data?.createPayment.userErrors).toEqual([]);
      expect(retry.data?.createPayment.payment).toMatchObject({ status: 'APPROVED', amount: { amount: '88' } });
      const search = await raw(stack.sandboxUrl, 'GET', '/v1/payments/search?limit=100', { token: SELLER });
      expect(search.body.results.filter((p: any) => p.transaction_amount === 88)).toHaveLength(1);
    });
  });

  describe('capture, cancel, refund', () => {
    const authorized = async (amount = '100') => {
      const res = await checkout({ token: await cardToken(), amount, capture: false });
      expect(res.data?.createPayment.payment).toMatchObject({ status: 'AUTHORIZED', captured: false });
      return res.data!.createPayment.payment!.id;
    };
    const approved = async (amount = '100') => {
      const res = await checkout({ token: await cardToken(), amount });
      return res.data!.createPayment.payment!.id;
    };
    const capture = (paymentId: string, amount?: string) =>
      execute(
        stack.gatewayUrl,
        CapturePaymentDocument,
        { input: { idempotencyKey: randomUUID(), paymentId, ...(amount ? { amount } : {}) } },
        SELLER,
      );
    const cancel = (paymentId: string) =>
      execute(stack.gatewayUrl, CancelPaymentDocument, { input: { idempotencyKey: randomUUID(), paymentId } }, SELLER);
    const refund = (paymentId: string, amount?: string, key: string = randomUUID()) =>
      execute(
        stack.gatewayUrl,
        RefundPaymentDocument,
        { input: { idempotencyKey: key, paymentId, ...(amount ? { amount } : {}) } },
        SELLER,
      );

    it('captures an authorized payment for less; a second capture is NOT_CAPTURABLE', async () => {
      const id = await authorized();
      const res = await capture(id, '80');
      expect(res.data?.capturePayment).toEqual({
        payment: expect.objectContaining({
          id,
          status: 'APPROVED',
          captured: true,
          amount: { amount: '80', currency: 'BRL' },
        }),
        userErrors: [],
      });
      const again = await capture(id);
      expect(again.data?.capturePayment.userErrors).toEqual([
        expect.objectContaining({ code: 'NOT_CAPTURABLE', upstreamCode: '3005' }),
      ]);
    });

    it('cancels an authorized payment; an approved one is NOT_CANCELLABLE', async () => {
      const id = await authorized();
      expect((await cancel(id)).data?.cancelPayment.payment).toMatchObject({
        status: 'CANCELLED',
        statusDetail: 'by_collector',
      });
      const done = await approved();
      expect((await cancel(done)).data?.cancelPayment.userErrors).toEqual([
        expect.objectContaining({ code: 'NOT_CANCELLABLE' }),
      ]);
    });

    it('refunds part, then the rest; the payment after each is fresh; a third is NOT_REFUNDABLE with no write', async () => {
      const id = await approved('100');
      const part = await refund(id, '30.25');
      expect(part.data?.refundPayment).toMatchObject({
        refund: { paymentId: id, amount: { amount: '30.25', currency: 'BRL' }, status: 'APPROVED' },
        payment: { status: 'APPROVED', amountRefunded: { amount: '30.25' } },
        userErrors: [],
      });
      const rest = await refund(id);
      expect(rest.data?.refundPayment).toMatchObject({
        refund: { amount: { amount: '69.75' } },
        payment: { status: 'REFUNDED', amountRefunded: { amount: '100' } },
      });
      expect(rest.data?.refundPayment.payment?.refunds).toHaveLength(2);
      const before = await upstreamCalls(stack.sandboxUrl);
      const third = await refund(id, '1');
      expect(third.data?.refundPayment.userErrors).toEqual([
        expect.objectContaining({ code: 'NOT_REFUNDABLE', field: ['input', 'paymentId'] }),
      ]);
      expect(writesIn(await upstreamCallsSince(stack.sandboxUrl, before))).toEqual({});
    });

    it('refuses a refund larger than what is left before writing', async () => {
      const id = await approved('50');
      const before = await upstreamCalls(stack.sandboxUrl);
      const res = await refund(id, '50.01');
      expect(res.data?.refundPayment.userErrors).toEqual([
        expect.objectContaining({ code: 'REFUND_EXCEEDS_REMAINING', field: ['input', 'amount'] }),
      ]);
      expect(writesIn(await upstreamCallsSince(stack.sandboxUrl, before))).toEqual({});
    });

    it('two refunds racing never refund more than was paid', async () => {
      const id = await approved('100');
      const [a, b] = await Promise.all([refund(id, '60'), refund(id, '60')]);
      const made = [a, b].filter((r) => r.data?.refundPayment.refund);
      const refused = [a, b].filter((r) => r.data?.refundPayment.userErrors.length);
      expect(made).toHaveLength(1);
      expect(refused).toHaveLength(1);
      const payment = await raw(stack.sandboxUrl, 'GET', `/v1/payments/${id}`, { token: SELLER });
      expect(payment.body.transaction_amount_refunded).toBe(60);
    });

    it('capture racing cancel ends in exactly one terminal state', async () => {
      const id = await authorized();
      const [c, x] = await Promise.all([capture(id), cancel(id)]);
      const winners = [c.data?.capturePayment.payment, x.data?.cancelPayment.payment].filter(Boolean);
      expect(winners).toHaveLength(1);
      const payment = await raw(stack.sandboxUrl, 'GET', `/v1/payments/${id}`, { token: SELLER });
      expect(['approved', 'cancelled']).toContain(payment.body.status);
      expect(winners[0]?.status).toBe(payment.body.status.toUpperCase());
    });

    it('a refund retried with its key after the answer was lost refunds once', async () => {
      const id = await approved('100');
      const key = randomUUID();
      await raw(stack.sandboxUrl, 'POST', '/__sandbox/faults', {
        body: { route: 'POST /v1/payments/{id}/refunds', reset: true, after: true, times: 1 },
      });
      const lost = await refund(id, '10', key);
      expect(lost.data?.refundPayment ?? null).toBeNull();
      const retry = await refund(id, '10', key);
      expect(retry.data?.refundPayment).toMatchObject({
        refund: { amount: { amount: '10' } },
        payment: { amountRefunded: { amount: '10' } },
        userErrors: [],
      });
    });

    it("another seller's payment: NOT_FOUND for a refund, and no write", async () => {
      const before = await upstreamCalls(stack.sandboxUrl);
      const res = await refund('3506756222');
      expect(res.data?.refundPayment.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
      expect(writesIn(await upstreamCallsSince(stack.sandboxUrl, before))).toEqual({});
    });
  });
});
