// POST/GET/PUT /v1/payments and the payment moves of the control API, over real HTTP through the
// official SDK (raw() only for what the SDK cannot send).
import { Payment } from 'mercadopago';
import { TOKENS, mp, raw, useSandbox } from '../support/sandbox';
import { SEED_3506756222_BUYER_VIEW, SEED_3506756222_SELLER_VIEW } from './sandbox-payments-seed003';

/** The SDK appends api_response to every body; the seed does not print it. */
const bodyOf = (r: any) => {
  const { api_response: _ignored, ...rest } = r;
  return rest;
};

const expectFieldByField = (actual: Record<string, any>, expected: Record<string, any>) => {
  for (const key of Object.keys(expected)) {
    expect({ key, value: actual[key] }).toEqual({ key, value: expected[key] });
  }
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
};

describe('payments', () => {
  const env = useSandbox();

  describe('fixture 3506756222 (seed 003)', () => {
    it('shows the seller every field of the seed\'s seller view, in order', async () => {
      const p = await new Payment(mp(TOKENS.sellerMLM)).get({ id: 3506756222 });
      expectFieldByField(bodyOf(p), SEED_3506756222_SELLER_VIEW);
    });

    it('shows the buyer exactly the seed\'s buyer view: payer_id and collector, no payer or collector_id', async () => {
      const p = await new Payment(mp(TOKENS.buyerMLM)).get({ id: 3506756222 });
      expectFieldByField(bodyOf(p), SEED_3506756222_BUYER_VIEW);
    });

    it('answers 404 (not 403) to a user who is neither collector nor payer', async () => {
      const err: any = await new Payment(mp(TOKENS.sellerMLB)).get({ id: 3506756222 }).catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 404, error: 'not_found', message: 'Payment not found' });
      expect(err.causes).toEqual([{ code: 2000, description: 'Payment not found', data: null }]);
    });

    it('answers 404 for an id that is not a number', async () => {
      const res = await raw(env.url, 'GET', '/v1/payments/abc', { token: TOKENS.sellerMLM });
      expect(res.status).toBe(404);
    });
  });

  describe('fixtures of order 893431118 (seed 003)', () => {
    it.each([
      [885920310, 296, 296, 1, 296, '2014-10-26T22:48:46.000-04:00', '2014-10-27T00:51:53.000-04:00'],
      [885920410, 295, 315.62, 3, 105.21, '2014-10-26T22:50:10.000-04:00', '2014-10-26T22:50:21.000-04:00'],
    ])('%d: amounts, installments and dates as printed', async (id, amount, total, installments, installment, created, updated) => {
      const p: any = await new Payment(mp(TOKENS.sellerMLB)).get({ id });
      expect(p).toMatchObject({
        id,
        collector_id: 169648308,
        currency_id: 'BRL',
        payment_method_id: 'visa',
        payment_type_id: 'credit_card',
        issuer_id: '25',
        status: 'approved',
        status_detail: 'accredited',
        operation_type: 'regular_payment',
        transaction_amount: amount,
        installments,
        date_created: created,
        date_last_updated: updated,
        description: 'Item De Testeo, Por Favor No Ofertar --kc:off',
        external_reference: '893431118',
        order: { id: '893431118', type: 'mercadolibre' },
        transaction_details: { total_paid_amount: total, installment_amount: installment, overpaid_amount: 0 },
        payer: { id: '160903317', type: 'registered' },
      });
      const buyer: any = await new Payment(mp(TOKENS.buyerMLB)).get({ id });
      expect(buyer.payer_id).toBe(160903317);
      expect(buyer.collector).toMatchObject({ id: 169648308, email: null });
      expect(buyer.payer).toBeUndefined();
    });
  });
});
