// POST/GET/PUT /v1/payments and the payment moves of the control API, over real HTTP through the
// official SDK (raw() only for what the SDK cannot send).
import { randomUUID } from 'node:crypto';
import { Payment } from 'mercadopago';
import { OUTCOMES } from '../../src/sandbox/rules/outcomes';
import { TOKENS, mp, raw, requests, useSandbox } from '../support/sandbox';
import { CARDS, PAYER_EMAIL, failure, pay, tokenize } from './sandbox-payments-helpers';
import { SAMPLE_3506756222_BUYER_VIEW, SAMPLE_3506756222_SELLER_VIEW } from './sandbox-payments-sample-3506756222';

/** The SDK appends api_response to every body; the documentation sample does not print it. */
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

  describe('fixture 3506756222 (order payments page)', () => {
    it("shows the seller every field of the page's seller view, in order", async () => {
      const p = await new Payment(mp(TOKENS.sellerMLM)).get({ id: 3506756222 });
      expectFieldByField(bodyOf(p), SAMPLE_3506756222_SELLER_VIEW);
    });

    it("shows the buyer exactly the page's buyer view: payer_id and collector, no payer or collector_id", async () => {
      const p = await new Payment(mp(TOKENS.buyerMLM)).get({ id: 3506756222 });
      expectFieldByField(bodyOf(p), SAMPLE_3506756222_BUYER_VIEW);
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

  describe('fixtures of order 893431118 (order payments page)', () => {
    it.each([
      [885920310, 296, 296, 1, 296, '2014-10-26T22:48:46.000-04:00', '2014-10-27T00:51:53.000-04:00'],
      [885920410, 295, 315.62, 3, 105.21, '2014-10-26T22:50:10.000-04:00', '2014-10-26T22:50:21.000-04:00'],
    ])(
      '%d: amounts, installments and dates as printed',
      async (id, amount, total, installments, installment, created, updated) => {
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
      },
    );
  });

  describe('POST /v1/payments: outcome by cardholder name', () => {
    it.each(Object.entries(OUTCOMES).map(([name, o]) => [name, `${o.status}/${o.status_detail}`, o] as const))(
      '%s → %s (HTTP 201 even when declined)',
      async (name, _label, outcome) => {
        const p = await pay({ name });
        expect(p.api_response.status).toBe(201);
        expect({ status: p.status, status_detail: p.status_detail }).toEqual(outcome);
        expect(p.date_approved ?? null).toBe(outcome.status === 'approved' ? p.date_created : null);
        expect(p.authorization_code !== null).toBe(outcome.status === 'approved');
      },
    );

    it('fills an approved payment as the real API does', async () => {
      const p: any = await pay({
        amount: 250.5,
        body: {
          description: 'Camiseta',
          external_reference: 'ORDER-1',
          statement_descriptor: 'MPGRAPH',
          metadata: { cart: 'c-1' },
          additional_info: { items: [{ id: 'SKU-1', title: 'Camiseta', quantity: 1, unit_price: 250.5 }] },
          notification_url: 'https://example.com/hooks/mp',
          payer: { email: PAYER_EMAIL, identification: { type: 'CPF', number: '19119119100' } },
        },
      });
      expect(p).toMatchObject({
        collector_id: 169648308,
        currency_id: 'BRL',
        payment_method_id: 'visa',
        payment_type_id: 'credit_card',
        issuer_id: '25',
        transaction_amount: 250.5,
        transaction_amount_refunded: 0,
        installments: 1,
        captured: true,
        binary_mode: false,
        live_mode: false,
        operation_type: 'regular_payment',
        processing_mode: 'aggregator',
        description: 'Camiseta',
        external_reference: 'ORDER-1',
        statement_descriptor: 'MPGRAPH',
        metadata: { cart: 'c-1' },
        notification_url: 'https://example.com/hooks/mp',
        refunds: [],
        payer: { email: PAYER_EMAIL, identification: { type: 'CPF', number: '19119119100' }, type: 'guest' },
        card: {
          id: null,
          first_six_digits: '423564',
          last_four_digits: '5682',
          expiration_month: 11,
          expiration_year: 2030,
          cardholder: { name: 'APRO' },
        },
        transaction_details: {
          total_paid_amount: 250.5,
          installment_amount: 250.5,
          overpaid_amount: 0,
          net_received_amount: 238.03,
        },
        fee_details: [{ amount: 12.47, fee_payer: 'collector', type: 'mercadopago_fee' }],
      });
      expect(typeof p.id).toBe('number');
      expect(typeof p.payer.id).toBe('string');
      expect(Date.parse(p.money_release_date) - Date.parse(p.date_approved)).toBe(30 * 86_400_000);
    });

    it('prices installments: total_paid_amount has the financing (order payments page: 295 × 3 → 315.62)', async () => {
      const p: any = await pay({ amount: 295, installments: 3 });
      expect(p.transaction_details).toMatchObject({ total_paid_amount: 315.62, installment_amount: 105.21 });
      expect(p.fee_details).toContainEqual({ amount: 20.62, fee_payer: 'payer', type: 'financing_fee' });
    });

    it('declines installments the brand does not offer as cc_rejected_invalid_installments', async () => {
      const p: any = await pay({ card: CARDS.MLB.debelo, installments: 3 });
      expect(p).toMatchObject({
        status: 'rejected',
        status_detail: 'cc_rejected_invalid_installments',
        installments: 3,
      });
    });

    it('binary_mode leaves no in-between state: CONT is rejected', async () => {
      const p: any = await pay({ name: 'CONT', body: { binary_mode: true } });
      expect(p).toMatchObject({ status: 'rejected', binary_mode: true });
    });
  });

  describe('POST /v1/payments: errors (and nothing changes)', () => {
    const paymentsOf = async (token: string) =>
      (await new Payment(mp(token)).search({ options: { limit: 1000 } })).paging?.total;

    it.each([
      ['no transaction_amount', { transaction_amount: undefined }, 4023],
      ['a string transaction_amount', { transaction_amount: '100' }, 4024],
      ['a negative transaction_amount', { transaction_amount: -5 }, 2072],
      ['three decimals', { transaction_amount: 10.123 }, 2072],
      ['no installments', { installments: undefined }, 4033],
      ['zero installments', { installments: 0 }, 4033],
      ["a payment_method_id that is not the card's", { payment_method_id: 'master' }, 3028],
      ['no payer', { payer: undefined }, 4050],
      ['a malformed payer.email', { payer: { email: 'nobody' } }, 4050],
      ['the collector as payer', { payer: { email: 'test_user_70385259@testuser.com' } }, 2034],
      ['an invalid notification_url', { notification_url: 'not a url' }, 4020],
      ['metadata that is not an object', { metadata: 'x' }, 4022],
      ['capture: false on a debit card', { capture: false, card: 'debelo' }, 2077],
    ])('answers 400 for %s, keeps the token usable', async (_what, overrides: Record<string, any>, code) => {
      const { card, ...body } = overrides;
      const before = await paymentsOf(TOKENS.sellerMLB);
      const token = await tokenize(TOKENS.sellerMLB, card === 'debelo' ? CARDS.MLB.debelo : CARDS.MLB.visa);
      const err = await failure(
        new Payment(mp(TOKENS.sellerMLB)).create({
          body: { transaction_amount: 100, token, installments: 1, payer: { email: PAYER_EMAIL }, ...body } as any,
          requestOptions: { idempotencyKey: randomUUID() },
        }),
      );
      expect(err).toMatchObject({ status: 400, error: 'bad_request' });
      expect(err.causes[0].code).toBe(code);
      expect(await paymentsOf(TOKENS.sellerMLB)).toBe(before);
      // The refused request did not spend the token: the corrected request goes through.
      const ok = await new Payment(mp(TOKENS.sellerMLB)).create({
        body: { transaction_amount: 100, token, installments: 1, payer: { email: PAYER_EMAIL } },
        requestOptions: { idempotencyKey: randomUUID() },
      });
      expect(ok.status).toBe('approved');
    });

    it('answers 400 cause 2006 for an unknown token and 3003 for none', async () => {
      const payments = new Payment(mp(TOKENS.sellerMLB));
      const unknown = await failure(
        payments.create({
          body: { transaction_amount: 1, token: 'f'.repeat(32), installments: 1, payer: { email: PAYER_EMAIL } },
        }),
      );
      expect(unknown.causes).toEqual([{ code: 2006, description: 'Card Token not found', data: null }]);
      const none = await failure(
        payments.create({ body: { transaction_amount: 1, installments: 1, payer: { email: PAYER_EMAIL } } }),
      );
      expect(none.causes[0].code).toBe(3003);
    });

    it('requires X-Idempotency-Key (400, cause 4292)', async () => {
      const token = await tokenize(TOKENS.sellerMLB, CARDS.MLB.visa);
      const res = await raw(env.url, 'POST', '/v1/payments', {
        token: TOKENS.sellerMLB,
        body: { transaction_amount: 1, token, installments: 1, payer: { email: PAYER_EMAIL } },
      });
      expect(res.status).toBe(400);
      expect(res.body.cause[0].code).toBe(4292);
      expect(await paymentsOf(TOKENS.sellerMLB)).toBe(2);
    });
  });

  describe('paying with a saved card (customers and cards page)', () => {
    const CUSTOMER = '123456789-jxOV430go9fx2e';
    const savedCardToken = async (cardId = '1490022319978') =>
      (
        await raw(env.url, 'POST', '/v1/card_tokens', {
          token: TOKENS.sellerMLB,
          body: { card_id: cardId, security_code: '123' },
        })
      ).body;

    it('tokenizes card_id + security_code and pays as payer {type: "customer", id}', async () => {
      // The fixture card expired 12/2020 (customers and cards page): renew it, as a customer updating the card would.
      await raw(env.url, 'PUT', `/v1/customers/${CUSTOMER}/cards/1490022319978`, {
        token: TOKENS.sellerMLB,
        body: { expiration_month: 11, expiration_year: 2030 },
      });
      const t = await savedCardToken();
      expect(t).toMatchObject({
        card_id: '1490022319978',
        first_six_digits: '415231',
        last_four_digits: '0001',
        status: 'active',
      });
      const p: any = await new Payment(mp(TOKENS.sellerMLB)).create({
        body: { transaction_amount: 100, token: t.id, installments: 1, payer: { type: 'customer', id: CUSTOMER } },
        requestOptions: { idempotencyKey: randomUUID() },
      });
      expect(p).toMatchObject({
        status: 'approved',
        payment_method_id: 'visa',
        card: { id: '1490022319978', last_four_digits: '0001' },
        payer: { type: 'customer', email: 'test@test.com' },
      });
    });

    it("declines a saved card past its expiry for its date, with the saved card's issuer", async () => {
      // Card 1493990563105 (customers and cards page): Mastercard of issuer 3, expired 12/2020, of customer 247711297.
      const t = await savedCardToken('1493990563105');
      const p: any = await new Payment(mp(TOKENS.sellerMLB)).create({
        body: {
          transaction_amount: 100,
          token: t.id,
          installments: 1,
          payer: { type: 'customer', id: '247711297-jxOV430go9fx2e' },
        },
        requestOptions: { idempotencyKey: randomUUID() },
      });
      expect(p).toMatchObject({
        status: 'rejected',
        status_detail: 'cc_rejected_bad_filled_date',
        issuer_id: '3',
        card: { expiration_year: 2020 },
      });
    });

    it('refuses a saved-card token for a customer not owning the card (2062), or for no customer (4012)', async () => {
      const t = await savedCardToken();
      const payments = new Payment(mp(TOKENS.sellerMLB));
      const other = await failure(
        payments.create({
          body: {
            transaction_amount: 1,
            token: t.id,
            installments: 1,
            payer: { type: 'customer', id: '247711297-jxOV430go9fx2e' },
          } as any,
        }),
      );
      expect(other.causes[0].code).toBe(2062);
      const guest = await failure(
        payments.create({
          body: { transaction_amount: 1, token: t.id, installments: 1, payer: { email: PAYER_EMAIL } },
        }),
      );
      expect(guest.causes[0].code).toBe(4012);
      const unknown = await failure(
        payments.create({
          body: {
            transaction_amount: 1,
            token: t.id,
            installments: 1,
            payer: { type: 'customer', id: '1-nobody' },
          } as any,
        }),
      );
      expect(unknown.causes[0].code).toBe(2002);
    });

    it("does not tokenize another seller's customer's card (404) or a wrong CVV length (E302)", async () => {
      const foreign = await raw(env.url, 'POST', '/v1/card_tokens', {
        token: TOKENS.sellerMLM,
        body: { card_id: '1490022319978', security_code: '123' },
      });
      expect(foreign.status).toBe(404);
      const cvv = await raw(env.url, 'POST', '/v1/card_tokens', {
        token: TOKENS.sellerMLB,
        body: { card_id: '1490022319978', security_code: '12' },
      });
      expect(cvv.body.cause[0].code).toBe('E302');
    });
  });

  describe('idempotency', () => {
    it('replays the first answer for the same key: same id, one payment in the request log and in search', async () => {
      const token = await tokenize(TOKENS.sellerMLB, CARDS.MLB.visa);
      const body = { transaction_amount: 77, token, installments: 1, payer: { email: PAYER_EMAIL } };
      const key = randomUUID();
      const first = await new Payment(mp(TOKENS.sellerMLB)).create({ body, requestOptions: { idempotencyKey: key } });
      const again = await new Payment(mp(TOKENS.sellerMLB)).create({ body, requestOptions: { idempotencyKey: key } });
      expect(again.id).toBe(first.id);
      const log = await requests(env.url);
      expect(log.requests.filter((r) => r.route === 'POST /v1/payments' && r.status === 201)).toHaveLength(2);
      const found = await new Payment(mp(TOKENS.sellerMLB)).search({
        options: { external_reference: undefined as any, limit: 100 },
      });
      expect(found.results?.filter((p: any) => p.transaction_amount === 77)).toHaveLength(1);
    });

    it('after a lost answer (`after` fault), a retry with the same key returns the one payment made', async () => {
      const token = await tokenize(TOKENS.sellerMLB, CARDS.MLB.visa);
      const body = { transaction_amount: 88, token, installments: 1, payer: { email: PAYER_EMAIL } };
      const key = randomUUID();
      await raw(env.url, 'POST', '/__sandbox/faults', {
        body: { route: 'POST /v1/payments', status: 500, after: true, times: 1 },
      });
      const lost = await failure(
        new Payment(mp(TOKENS.sellerMLB)).create({ body, requestOptions: { idempotencyKey: key } }),
      );
      expect(lost.status).toBe(500);
      const retry = await new Payment(mp(TOKENS.sellerMLB)).create({ body, requestOptions: { idempotencyKey: key } });
      expect(retry.status).toBe('approved');
      const found = await new Payment(mp(TOKENS.sellerMLB)).search({ options: { limit: 100 } });
      const mine = found.results?.filter((p: any) => p.transaction_amount === 88) ?? [];
      expect(mine.map((p: any) => p.id)).toEqual([retry.id]);
    });
  });

  describe('views of a new payment', () => {
    it('a payer who is a sandbox user (by e-mail) sees the buyer view; others get 404', async () => {
      const p = await pay({ body: { payer: { email: 'test_user_21963158@testuser.com' } } });
      const seller: any = await new Payment(mp(TOKENS.sellerMLB)).get({ id: p.id });
      expect(seller.payer).toMatchObject({
        id: '160903317',
        type: 'registered',
        email: 'test_user_21963158@testuser.com',
      });
      expect(seller.collector_id).toBe(169648308);
      const buyer: any = await new Payment(mp(TOKENS.buyerMLB)).get({ id: p.id });
      expect(buyer.payer).toBeUndefined();
      expect(buyer.collector_id).toBeUndefined();
      expect(buyer).toMatchObject({
        payer_id: 160903317,
        differential_pricing_id: null,
        collector: { id: 169648308, first_name: 'Test', email: null },
      });
      const { payer: _p, collector_id: _c, api_response: _a, ...sharedSeller } = seller;
      const { payer_id: _pi, collector: _co, differential_pricing_id: _d, api_response: _b, ...sharedBuyer } = buyer;
      expect(sharedBuyer).toEqual(sharedSeller);
      const err = await failure(new Payment(mp(TOKENS.buyerMLM)).get({ id: p.id }));
      expect(err.status).toBe(404);
    });
  });

  describe('capture', () => {
    it('capture: false authorizes; a full capture approves it', async () => {
      const p: any = await pay({ body: { capture: false } });
      expect(p).toMatchObject({
        status: 'authorized',
        status_detail: 'pending_capture',
        captured: false,
        date_approved: null,
      });
      const c: any = await new Payment(mp(TOKENS.sellerMLB)).capture({
        id: p.id,
        requestOptions: { idempotencyKey: randomUUID() },
      });
      expect(c).toMatchObject({
        status: 'approved',
        status_detail: 'accredited',
        captured: true,
        transaction_amount: 100,
      });
      expect(c.date_approved).toEqual(expect.any(String));
    });

    it('captures a lower amount and reprices the payment', async () => {
      const p: any = await pay({ amount: 295, installments: 3, body: { capture: false } });
      const c: any = await new Payment(mp(TOKENS.sellerMLB)).capture({
        id: p.id,
        transaction_amount: 200,
        requestOptions: { idempotencyKey: randomUUID() },
      });
      expect(c).toMatchObject({
        status: 'approved',
        transaction_amount: 200,
        installments: 3,
        transaction_details: { total_paid_amount: 213.98 },
      });
    });

    it('refuses a higher amount (2072) and a payment that is not authorized (3005)', async () => {
      const p: any = await pay({ body: { capture: false } });
      const payments = new Payment(mp(TOKENS.sellerMLB));
      const higher = await failure(payments.capture({ id: p.id, transaction_amount: 100.01 }));
      expect(higher).toMatchObject({ status: 400 });
      expect(higher.causes[0].code).toBe(2072);
      expect((await payments.get({ id: p.id })).status).toBe('authorized');
      const approved = await pay();
      const again = await failure(payments.capture({ id: approved.id }));
      expect(again.causes[0].code).toBe(3005);
    });

    it('lets only the collector write: the payer gets 403, anyone else 404', async () => {
      const p = await pay({ body: { capture: false, payer: { email: 'test_user_21963158@testuser.com' } } });
      expect((await failure(new Payment(mp(TOKENS.buyerMLB)).capture({ id: p.id! }))).status).toBe(403);
      expect((await failure(new Payment(mp(TOKENS.sellerMLM)).capture({ id: p.id! }))).status).toBe(404);
    });
  });

  describe('cancel', () => {
    it.each([
      ['authorized', { body: { capture: false } }],
      ['in_process', { name: 'CONT' }],
    ])('cancels a %s payment (cancelled/by_collector)', async (_status, options) => {
      const p = await pay(options as any);
      const c: any = await new Payment(mp(TOKENS.sellerMLB)).cancel({
        id: p.id!,
        requestOptions: { idempotencyKey: randomUUID() },
      });
      expect(c).toMatchObject({ status: 'cancelled', status_detail: 'by_collector' });
    });

    it.each([
      ['approved', 'APRO'],
      ['rejected', 'OTHE'],
    ])('refuses to cancel an %s payment (400, 3005)', async (status, name) => {
      const p = await pay({ name });
      const err = await failure(new Payment(mp(TOKENS.sellerMLB)).cancel({ id: p.id! }));
      expect(err).toMatchObject({ status: 400, error: 'bad_request' });
      expect(err.causes[0].code).toBe(3005);
      expect((await new Payment(mp(TOKENS.sellerMLB)).get({ id: p.id! })).status).toBe(status);
    });
  });

  describe('other updates', () => {
    it('updates metadata and external_reference; refuses unknown fields (cause 8)', async () => {
      const p = await pay();
      const payments = new Payment(mp(TOKENS.sellerMLB));
      const u: any = await payments.update({
        id: p.id!,
        body: { metadata: { a: 1 }, external_reference: 'X-2' } as any,
      });
      expect(u).toMatchObject({ metadata: { a: 1 }, external_reference: 'X-2', status: 'approved' });
      const err = await failure(payments.update({ id: p.id!, body: { transaction_amount_refunded: 5 } as any }));
      expect(err.causes[0].code).toBe(8);
    });

    /** PUTs `body` and returns the answer, the payment's events it caused, and the payment before. */
    const put = async (id: number, body: unknown) => {
      const before = (await raw(env.url, 'GET', `/v1/payments/${id}`, { token: TOKENS.sellerMLB })).body;
      const events: string[] = [];
      const listener = (e: any) => events.push(e.action);
      env.sandbox.store.events.on('payment', listener);
      try {
        const res = await raw(env.url, 'PUT', `/v1/payments/${id}`, { token: TOKENS.sellerMLB, body });
        return { res, events, before };
      } finally {
        env.sandbox.store.events.off('payment', listener);
      }
    };

    it.each([
      ['{} on an approved payment', {}, {}],
      ['{} on an authorized payment', {}, { body: { capture: false } }],
      ['{capture: false} on an authorized payment', { capture: false }, { body: { capture: false } }],
      ['{capture: false} on an approved payment', { capture: false }, {}],
    ])('answers %s with the payment as it is: 200, nothing changed, no event', async (_case, body, options) => {
      const p = await pay(options as any);
      const { res, events, before } = await put(p.id, body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(before);
      expect(events).toEqual([]);
      expect((await raw(env.url, 'GET', `/v1/payments/${p.id}`, { token: TOKENS.sellerMLB })).body).toEqual(before);
    });

    it('takes {capture: false} beside other fields, which change as usual', async () => {
      const p = await pay({ body: { capture: false } });
      const { res } = await put(p.id, { capture: false, description: 'kept on hold' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'authorized', captured: false, description: 'kept on hold' });
    });

    it.each([
      ['capture that is not a boolean', { capture: 'false' }],
      ['transaction_amount without capture: true', { capture: false, transaction_amount: 50 }],
      ['a body that is not an object', [{ capture: true }]],
    ])('still refuses %s (400, cause 1) and changes nothing', async (_case, body) => {
      const p = await pay({ body: { capture: false } });
      const { res, before } = await put(p.id, body);
      expect(res.status).toBe(400);
      expect(res.body.cause[0].code).toBe(1);
      expect((await raw(env.url, 'GET', `/v1/payments/${p.id}`, { token: TOKENS.sellerMLB })).body).toEqual(before);
    });
  });

  describe('date_of_expiration', () => {
    it("sets date_of_expiration through the SDK, in Mercado Pago's format, stamping date_last_updated", async () => {
      const p = await pay({ name: 'CONT' });
      env.sandbox.store.payments.get(p.id)!.body.date_last_updated = '2020-01-01T00:00:00.000-04:00';
      const u: any = await new Payment(mp(TOKENS.sellerMLB)).update({
        id: p.id!,
        body: { date_of_expiration: '2030-11-17T09:37:52.000-04:00' },
      });
      expect(u).toMatchObject({ date_of_expiration: '2030-11-17T09:37:52.000-04:00', status: 'in_process' });
      expect(u.date_last_updated).not.toBe('2020-01-01T00:00:00.000-04:00');
      const again: any = await new Payment(mp(TOKENS.sellerMLB)).get({ id: p.id! });
      expect(again.date_of_expiration).toBe('2030-11-17T09:37:52.000-04:00');
    });

    it('reads other offsets and no milliseconds as the same instant', async () => {
      const p = await pay();
      const res = await raw(env.url, 'PUT', `/v1/payments/${p.id}`, {
        token: TOKENS.sellerMLB,
        body: { date_of_expiration: '2030-11-17T13:37:52Z' },
      });
      expect(res.status).toBe(200);
      expect(res.body.date_of_expiration).toBe('2030-11-17T09:37:52.000-04:00');
    });

    it.each([
      ['a date without a time', '2030-11-17'],
      ['a time without an offset', '2030-11-17T09:37:52.000'],
      ['a day the month does not have', '2030-02-30T09:37:52.000-04:00'],
      ['hour 24', '2030-11-17T24:00:00.000-04:00'],
      ['words', 'in three days'],
      ['a number', 1_900_000_000_000],
      ['null', null],
    ])('refuses %s (400, cause 1001) and changes nothing', async (_case, value) => {
      const p = await pay();
      const before = (await raw(env.url, 'GET', `/v1/payments/${p.id}`, { token: TOKENS.sellerMLB })).body;
      const res = await raw(env.url, 'PUT', `/v1/payments/${p.id}`, {
        token: TOKENS.sellerMLB,
        body: { date_of_expiration: value, description: 'not applied' },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'bad_request', status: 400 });
      expect(res.body.cause).toEqual([
        { code: 1001, description: "Date format must be yyyy-MM-dd'T'HH:mm:ss.SSSZ", data: null },
      ]);
      expect((await raw(env.url, 'GET', `/v1/payments/${p.id}`, { token: TOKENS.sellerMLB })).body).toEqual(before);
    });
  });

  describe('GET /v1/payments/search', () => {
    it("lists the caller's payments as collector, sorted and paged", async () => {
      const a = await pay({ amount: 10, body: { external_reference: 'S-1' } });
      const b = await pay({ amount: 20, body: { external_reference: 'S-2' } });
      const payments = new Payment(mp(TOKENS.sellerMLB));
      const all = await payments.search({ options: { sort: 'date_created', criteria: 'asc' } });
      expect(all.paging).toEqual({ total: 4, limit: 30, offset: 0 });
      expect(all.results?.map((p: any) => p.id)).toEqual([885920310, 885920410, a.id, b.id]);
      const page = await payments.search({ options: { sort: 'id' as any, criteria: 'desc', limit: 1, offset: 1 } });
      expect(page.paging).toEqual({ total: 4, limit: 1, offset: 1 });
      expect(page.results?.map((p: any) => p.id)).toEqual([a.id]);
      const byRef = await payments.search({ options: { external_reference: 'S-2' } });
      expect(byRef.results?.map((p: any) => p.id)).toEqual([b.id]);
      const byStatus = await payments.search({ options: { status: 'rejected' } });
      expect(byStatus.paging?.total).toBe(0);
    });

    it('filters by a date range, with NOW-30DAYS / NOW forms', async () => {
      const p = await pay();
      const payments = new Payment(mp(TOKENS.sellerMLB));
      const recent = await payments.search({
        options: { range: 'date_created', begin_date: 'NOW-30DAYS', end_date: 'NOW' },
      });
      expect(recent.results?.map((r: any) => r.id)).toEqual([p.id]);
      const old = await payments.search({
        options: {
          range: 'date_approved',
          begin_date: '2014-10-26T00:00:00.000-04:00',
          end_date: '2014-10-27T00:00:00.000-04:00',
        },
      });
      expect(old.results?.map((r: any) => r.id).sort()).toEqual([885920310, 885920410]);
    });

    it('answers 400 for a bad date (1001), a bad criteria and a limit over the maximum (1000)', async () => {
      const payments = new Payment(mp(TOKENS.sellerMLB));
      expect((await failure(payments.search({ options: { begin_date: 'yesterday' } }))).causes[0].code).toBe(1001);
      expect((await failure(payments.search({ options: { criteria: 'up' as any } }))).status).toBe(400);
      expect((await failure(payments.search({ options: { limit: 1001 } }))).causes[0].code).toBe(1000);
    });

    it('serves GET /v1/payments as the legacy alias of search', async () => {
      const res = await raw(env.url, 'GET', '/v1/payments?sort=id&criteria=asc', { token: TOKENS.sellerMLM });
      expect(res.status).toBe(200);
      expect(res.body.results.map((p: any) => p.id)).toEqual([3506756222]);
    });
  });

  describe('payment moves (control API)', () => {
    const move = (id: number | string, what: string) => raw(env.url, 'POST', `/__sandbox/payments/${id}/${what}`);

    it('approves an in_process payment and emits its event', async () => {
      const events: any[] = [];
      const listener = (e: any) => events.push({ action: e.action, status: e.payment.body.status });
      env.sandbox.store.events.on('payment', listener);
      try {
        const p = await pay({ name: 'CONT' });
        const res = await move(p.id!, 'approve');
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'approved', status_detail: 'accredited', captured: true });
        expect(events).toEqual([
          { action: 'payment.created', status: 'in_process' },
          { action: 'payment.updated', status: 'approved' },
        ]);
      } finally {
        env.sandbox.store.events.off('payment', listener);
      }
    });

    it('rejects an authorized payment; charges back an approved one', async () => {
      const a = await pay({ body: { capture: false } });
      expect((await move(a.id!, 'reject')).body).toMatchObject({
        status: 'rejected',
        status_detail: 'cc_rejected_other_reason',
      });
      const b = await pay();
      expect((await move(b.id!, 'chargeback')).body).toMatchObject({
        status: 'charged_back',
        status_detail: 'settled',
      });
      expect((await move(3506756222, 'chargeback')).status).toBe(200);
    });

    it('answers 404 for an unknown id and 400 for a move the status does not allow', async () => {
      expect((await move(999, 'approve')).status).toBe(404);
      const p = await pay();
      const res = await move(p.id!, 'approve');
      expect(res.status).toBe(400);
      expect((await move(p.id!, 'reject')).status).toBe(400);
    });
  });
});
