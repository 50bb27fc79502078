// Mercado Libre orders in the sandbox (order payments page): the two fixture orders as printed, who sees what,
// and every transition of the life cycle over real HTTP, each with its status, visibility,
// date_closed, counterpart data and the payments behind it.
import { randomUUID } from 'node:crypto';
import { Payment, PaymentRefund } from 'mercadopago';
import { TOKENS, mp, raw, useSandbox } from '../support/sandbox';

const MLB = { seller: 169648308, buyer: 160903317, sellerToken: TOKENS.sellerMLB, buyerToken: TOKENS.buyerMLB };
const MLM = { seller: 277582551, buyer: 53745235, sellerToken: TOKENS.sellerMLM, buyerToken: TOKENS.buyerMLM };
const MP_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-04:00$/;

/** The order payments page's sample of GET /orders/893431118, as printed (its trailing commas aside). */
const SAMPLE_893431118 = {
  buyer: {
    alternative_phone: { area_code: null, extension: null, number: '' },
    billing_info: { doc_number: '67045427794', doc_type: 'CPF' },
    email: 'test_user_21963158@testuser.com',
    first_name: 'Test',
    id: 160903317,
    last_name: 'Test',
    nickname: 'TETE2022123',
  },
  coupon: { amount: 0, id: null },
  currency_id: 'BRL',
  date_closed: null,
  date_created: '2014-10-26T22:46:18.000-04:00',
  feedback: { purchase: null, sale: null },
  id: 893431118,
  last_updated: '2014-10-26T22:50:10.000-04:00',
  mediations: [],
  order_items: [
    {
      currency_id: 'BRL',
      item: {
        id: 'MLB600034093',
        title: 'Item De Testeo, Por Favor No Ofertar --kc:off',
        variation_attributes: [],
        variation_id: null,
      },
      quantity: 1,
      unit_price: 591,
    },
  ],
  paid_amount: 591,
  payments: [
    {
      activation_uri: null,
      atm_transfer_reference: { company_id: null, transaction_id: null },
      available_actions: [],
      card_id: null,
      collector: { id: 169648308 },
      coupon_amount: 0,
      coupon_id: null,
      currency_id: 'BRL',
      date_created: '2014-10-26T22:48:46.000-04:00',
      date_last_modified: '2014-10-27T00:51:53.000-04:00',
      id: 885920310,
      installments: 1,
      issuer_id: '25',
      operation_type: 'regular_payment',
      order_id: 893431118,
      overpaid_amount: 0,
      payer_id: 160903317,
      payment_method_id: 'visa',
      payment_type: 'credit_card',
      reason: 'Item De Testeo, Por Favor No Ofertar --kc:off',
      shipping_cost: 0,
      site_id: 'MLB',
      status: 'approved',
      status_code: null,
      status_detail: 'accredited',
      total_paid_amount: 296,
      transaction_amount: 296,
    },
    {
      activation_uri: null,
      atm_transfer_reference: { company_id: null, transaction_id: null },
      available_actions: [],
      card_id: null,
      collector: { id: 169648308 },
      coupon_amount: 0,
      coupon_id: null,
      currency_id: 'BRL',
      date_created: '2014-10-26T22:50:10.000-04:00',
      date_last_modified: '2014-10-26T22:50:21.000-04:00',
      id: 885920410,
      installments: 3,
      issuer_id: '25',
      operation_type: 'regular_payment',
      order_id: 893431118,
      overpaid_amount: 0,
      payer_id: 160903317,
      payment_method_id: 'visa',
      payment_type: 'credit_card',
      reason: 'Item De Testeo, Por Favor No Ofertar --kc:off',
      shipping_cost: 0,
      site_id: 'MLB',
      status: 'approved',
      status_code: null,
      status_detail: 'accredited',
      total_paid_amount: 315.62,
      transaction_amount: 295,
    },
  ],
  seller: {
    alternative_phone: { area_code: null, extension: null, number: '' },
    email: 'test_user_70385259@testuser.com',
    first_name: 'Test',
    id: 169648308,
    last_name: 'Test',
    nickname: 'TETE6072468',
    phone: { area_code: '01', extension: null, number: '1111-1111' },
  },
  shipping: { status: 'null' },
  status: 'paid',
  status_detail: null,
  tags: ['not_delivered', 'paid'],
  total_amount: 591,
};

describe('sandbox: Mercado Libre orders', () => {
  const env = useSandbox();
  const get = (id: number | string, token?: string) => raw(env.url, 'GET', `/orders/${id}`, { token });
  const control = (path: string, body?: unknown) => raw(env.url, 'POST', `/__sandbox${path}`, { body: body ?? {} });
  const newOrder = async (body: Record<string, unknown> = {}) => {
    const res = await control('/orders', {
      seller_id: MLB.seller,
      buyer_id: MLB.buyer,
      items: [{ id: 'MLB700000001', title: 'Mesa de pinho', quantity: 2, unit_price: 150.5 }],
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const payOrder = async (id: number, body: Record<string, unknown> = {}) => {
    const res = await control(`/orders/${id}/pay`, body);
    expect(res.status).toBe(201);
    return res.body;
  };
  const stock = async (itemId: string) => (await raw(env.url, 'GET', `/items/${itemId}`)).body.available_quantity;

  describe('the fixture orders', () => {
    it('serves 893431118 to its seller exactly as the order payments page prints it (plus pack_id)', async () => {
      const res = await get(893431118, MLB.sellerToken);
      expect(res.status).toBe(200);
      const { pack_id, ...rest } = res.body;
      expect(pack_id).toBeNull();
      expect(rest).toEqual(SAMPLE_893431118);
      expect(Object.keys(rest)).toEqual(Object.keys(SAMPLE_893431118));
    });

    it('gives the buyer the same order, and each payment to each party in its own view', async () => {
      const buyer = await get(893431118, MLB.buyerToken);
      expect(buyer.status).toBe(200);
      expect(buyer.body).toEqual((await get(893431118, MLB.sellerToken)).body);
      const asSeller = await new Payment(mp(MLB.sellerToken)).get({ id: 885920410 });
      const asBuyer: any = await new Payment(mp(MLB.buyerToken)).get({ id: 885920410 });
      expect(asSeller.order).toEqual({ id: '893431118', type: 'mercadolibre' });
      expect(asSeller.payer?.id).toBe('160903317');
      expect(asBuyer.payer_id).toBe(160903317);
      expect(asBuyer.collector?.id).toBe(169648308);
    });

    it('serves 1653027692, the order of payment 3506756222, to its seller and its buyer', async () => {
      for (const token of [MLM.sellerToken, MLM.buyerToken]) {
        const res = await get(1653027692, token);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          id: 1653027692,
          status: 'paid',
          currency_id: 'MXN',
          total_amount: 3500,
          paid_amount: 3500,
          date_closed: expect.stringMatching(MP_DATE),
          buyer: { id: MLM.buyer, nickname: 'TETE5374523' },
          seller: { id: MLM.seller, first_name: 'Belem', last_name: 'Jimenez' },
          order_items: [
            { item: { id: 'MLM610028711', title: 'Maquina Industrial Recta Marca' }, quantity: 1, unit_price: 3500 },
          ],
          payments: [
            {
              id: 3506756222,
              transaction_amount: 3500,
              total_paid_amount: 3987.2,
              installments: 9,
              payment_method_id: 'amex',
              status: 'approved',
            },
          ],
        });
      }
    });
  });

  describe('who sees an order', () => {
    it('answers another user not_owned_order (403), as the real API does', async () => {
      for (const token of [MLM.sellerToken, MLM.buyerToken]) {
        const res = await get(893431118, token);
        expect(res.status).toBe(403);
        expect(res.body).toEqual({
          message: 'Order 893431118 does not belong to the caller',
          error: 'not_owned_order',
          status: 403,
          cause: [],
        });
      }
    });

    it('answers 404 order_not_found for an unknown id, 400 for a malformed one, 401 without a token', async () => {
      expect(await get(1, MLB.sellerToken)).toMatchObject({
        status: 404,
        body: { error: 'order_not_found', status: 404, cause: [] },
      });
      expect(await get('89343111a', MLB.sellerToken)).toMatchObject({
        status: 400,
        body: { error: 'invalid_order_id', status: 400 },
      });
      expect(await get('..%2F..%2Fv1%2Fpayments', MLB.sellerToken)).toMatchObject({
        status: 400,
        body: { error: 'invalid_order_id' },
      });
      expect((await get(893431118)).status).toBe(401);
      expect((await get(893431118, 'TEST-NOBODY')).status).toBe(401);
    });
  });

  describe('the mandatory Mercado Pago flow (every MLB order)', () => {
    it('creates payment_required: hidden from the seller, not closed, no counterpart, no stock taken', async () => {
      const before = await stock('MLB600034093');
      const order = await newOrder({ items: [{ id: 'MLB600034093', quantity: 1 }] });
      expect(order).toMatchObject({
        status: 'payment_required',
        date_closed: null,
        paid_amount: 0,
        total_amount: 591,
        payments: [],
        tags: ['not_delivered', 'not_paid'],
      });
      expect(order.seller).toEqual({ id: MLB.seller });
      expect(order.buyer).toMatchObject({ id: MLB.buyer, email: 'test_user_21963158@testuser.com' });
      expect(order.order_items[0]).toMatchObject({
        item: { id: 'MLB600034093', title: 'Item De Testeo, Por Favor No Ofertar --kc:off' },
        unit_price: 591,
      });
      expect((await get(order.id, MLB.buyerToken)).body).toEqual(order);
      expect(await get(order.id, MLB.sellerToken)).toMatchObject({ status: 404, body: { error: 'order_not_found' } });
      expect(await stock('MLB600034093')).toBe(before);
    });

    it('refuses mandatory_mercadopago: false on MLB (order payments page: all MLB orders)', async () => {
      const res = await control('/orders', {
        seller_id: MLB.seller,
        buyer_id: MLB.buyer,
        items: [{ id: 'MLB700000001', title: 'x', quantity: 1, unit_price: 10 }],
        mandatory_mercadopago: false,
      });
      expect(res.status).toBe(400);
      expect(res.body.cause[0].code).toBe('invalid_order');
    });

    it('is paid when approved payments cover the total: visible, closed, counterpart data, stock taken', async () => {
      const order = await newOrder();
      const payment = await payOrder(order.id);
      expect(payment).toMatchObject({
        status: 'approved',
        transaction_amount: 301,
        collector_id: MLB.seller,
        order: { id: String(order.id), type: 'mercadolibre' },
        external_reference: String(order.id),
      });
      const seen = await get(order.id, MLB.sellerToken);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({
        status: 'paid',
        paid_amount: 301,
        total_amount: 301,
        date_closed: expect.stringMatching(MP_DATE),
        tags: ['not_delivered', 'paid'],
      });
      expect(seen.body.seller).toMatchObject({
        id: MLB.seller,
        nickname: 'TETE6072468',
        email: 'test_user_70385259@testuser.com',
        phone: { number: '1111-1111' },
      });
      expect(seen.body.payments).toEqual([
        expect.objectContaining({
          id: payment.id,
          order_id: order.id,
          payer_id: MLB.buyer,
          collector: { id: MLB.seller },
          status: 'approved',
          transaction_amount: 301,
        }),
      ]);
      expect((await get(order.id, MLB.buyerToken)).body).toEqual(seen.body);
      expect(await stock('MLB700000001')).toBe(98);
    });

    it('links the payment both ways: the seller and the buyer each get their own view of it', async () => {
      const order = await newOrder();
      const { id } = await payOrder(order.id, { payment_method_id: 'visa', installments: 3 });
      const asSeller = await raw(env.url, 'GET', `/v1/payments/${id}`, { token: MLB.sellerToken });
      const asBuyer = await raw(env.url, 'GET', `/v1/payments/${id}`, { token: MLB.buyerToken });
      expect(asSeller.body).toMatchObject({
        collector_id: MLB.seller,
        payer: { id: String(MLB.buyer), type: 'registered' },
        installments: 3,
        payment_method_id: 'visa',
      });
      expect(asSeller.body.payer_id).toBeUndefined();
      expect(asBuyer.body).toMatchObject({ payer_id: MLB.buyer, collector: { id: MLB.seller } });
      expect(asBuyer.body.payer).toBeUndefined();
      expect((await raw(env.url, 'GET', `/v1/payments/${id}`, { token: MLM.sellerToken })).status).toBe(404);
    });

    it('several payments: refused for its limit, then part, then the rest; the status follows each', async () => {
      const order = await newOrder();
      const refused = await payOrder(order.id, { cardholder_name: 'FUND' });
      expect(refused).toMatchObject({ status: 'rejected', status_detail: 'cc_rejected_insufficient_amount' });
      expect((await get(order.id, MLB.buyerToken)).body).toMatchObject({ status: 'payment_required', paid_amount: 0 });
      await payOrder(order.id, { amount: 100.25 });
      const partial = (await get(order.id, MLB.buyerToken)).body;
      expect(partial).toMatchObject({
        status: 'partially_paid',
        paid_amount: 100.25,
        date_closed: null,
        seller: { id: MLB.seller },
      });
      expect(Object.keys(partial.seller)).toEqual(['id']);
      expect((await get(order.id, MLB.sellerToken)).status).toBe(404);
      const rest = await payOrder(order.id);
      expect(rest.transaction_amount).toBe(200.75);
      const paid = (await get(order.id, MLB.sellerToken)).body;
      expect(paid).toMatchObject({ status: 'paid', paid_amount: 301 });
      expect(paid.payments.map((p: any) => p.status)).toEqual(['rejected', 'approved', 'approved']);
    });

    it('payment_in_process while a payment is under review, then paid when it is approved', async () => {
      const order = await newOrder();
      const pending = await payOrder(order.id, { cardholder_name: 'CONT' });
      expect(pending.status).toBe('in_process');
      expect((await get(order.id, MLB.buyerToken)).body.status).toBe('payment_in_process');
      expect((await get(order.id, MLB.sellerToken)).status).toBe(404);
      expect((await control(`/payments/${pending.id}/approve`)).status).toBe(200);
      expect((await get(order.id, MLB.sellerToken)).body).toMatchObject({
        status: 'paid',
        date_closed: expect.stringMatching(MP_DATE),
      });
    });

    it('refuses to pay more than is due, or an order that is paid', async () => {
      const order = await newOrder();
      expect((await control(`/orders/${order.id}/pay`, { amount: 301.01 })).status).toBe(400);
      expect((await control(`/orders/${order.id}/pay`, { payment_method_id: 'nope' })).status).toBe(400);
      expect((await get(order.id, MLB.buyerToken)).body.payments).toEqual([]);
      await payOrder(order.id);
      expect(await control(`/orders/${order.id}/pay`, { amount: 1 })).toMatchObject({
        status: 400,
        body: { cause: [{ code: 'invalid_move' }] },
      });
      expect((await control('/orders/1/pay')).status).toBe(404);
    });
  });

  describe('the other flow (confirmed)', () => {
    const mlmOrder = async () => {
      const res = await control('/orders', {
        seller_id: MLM.seller,
        buyer_id: MLM.buyer,
        items: [{ id: 'MLM610028711', quantity: 1 }],
        mandatory_mercadopago: false,
      });
      expect(res.status).toBe(201);
      return res.body;
    };

    it('creates confirmed: seen by the seller, closed, counterpart data, stock taken; paid once covered', async () => {
      const before = await stock('MLM610028711');
      const order = await mlmOrder();
      expect(order).toMatchObject({
        status: 'confirmed',
        date_closed: expect.stringMatching(MP_DATE),
        seller: { id: MLM.seller, first_name: 'Belem' },
        total_amount: 3500,
      });
      expect(await stock('MLM610028711')).toBe(before - 1);
      const seen = await get(order.id, MLM.sellerToken);
      expect(seen.body).toMatchObject({ status: 'confirmed', buyer: { id: MLM.buyer, nickname: 'TETE5374523' } });
      await payOrder(order.id, { payment_method_id: 'visa' });
      const paid = (await get(order.id, MLM.sellerToken)).body;
      expect(paid).toMatchObject({ status: 'paid', paid_amount: 3500, date_closed: order.date_closed });
      expect(await stock('MLM610028711')).toBe(before - 1);
    });

    describe('after it is paid', () => {
      let order: any;
      let payment: any;
      beforeEach(async () => {
        order = await mlmOrder();
        payment = await payOrder(order.id, { payment_method_id: 'visa' });
      });

      it('a partial refund through the payments API → partially_refunded, paid_amount net of it', async () => {
        await new PaymentRefund(mp(MLM.sellerToken)).create({
          payment_id: payment.id,
          body: { amount: 500.5 },
          requestOptions: { idempotencyKey: randomUUID() },
        });
        expect((await get(order.id, MLM.sellerToken)).body).toMatchObject({
          status: 'partially_refunded',
          paid_amount: 2999.5,
          tags: ['not_delivered', 'paid'],
        });
        await new PaymentRefund(mp(MLM.sellerToken)).total({
          payment_id: payment.id,
          requestOptions: { idempotencyKey: randomUUID() },
        });
        expect((await get(order.id, MLM.sellerToken)).body).toMatchObject({
          status: 'cancelled',
          paid_amount: 0,
          tags: ['not_delivered', 'not_paid'],
        });
      });

      it('cancelled with a refund to the card: every payment refunded, stock back', async () => {
        const before = await stock('MLM610028711');
        const res = await control(`/orders/${order.id}/cancel`);
        expect(res).toMatchObject({ status: 200, body: { status: 'cancelled', paid_amount: 0 } });
        expect((await new Payment(mp(MLM.sellerToken)).get({ id: payment.id })).status).toBe('refunded');
        expect(await stock('MLM610028711')).toBe(before + 1);
        expect(await control(`/orders/${order.id}/cancel`)).toMatchObject({
          status: 400,
          body: { cause: [{ code: 'invalid_move' }] },
        });
      });

      it('pending_cancel while the refund is pending, cancelled once the seller refunds', async () => {
        expect((await control(`/orders/${order.id}/cancel`, { refund: 'none' })).body.status).toBe('pending_cancel');
        expect((await new Payment(mp(MLM.sellerToken)).get({ id: payment.id })).status).toBe('approved');
        await new PaymentRefund(mp(MLM.sellerToken)).total({
          payment_id: payment.id,
          requestOptions: { idempotencyKey: randomUUID() },
        });
        expect((await get(order.id, MLM.sellerToken)).body.status).toBe('cancelled');
      });

      it('refund in account money (MLM): stays paid, tagged unfulfilled, payment refund_account_money', async () => {
        const res = await control(`/orders/${order.id}/cancel`, { refund: 'account_money' });
        expect(res.status).toBe(200);
        const seen = (await get(order.id, MLM.sellerToken)).body;
        expect(seen).toMatchObject({ status: 'paid', tags: ['not_delivered', 'paid', 'unfulfilled'] });
        expect(seen.payments[0].tags).toEqual(['refund_account_money']);
        expect((await new Payment(mp(MLM.sellerToken)).get({ id: payment.id })).status).toBe('approved');
        expect((await control(`/orders/${order.id}/cancel`)).status).toBe(400);
      });
    });

    it('refund in account money is for Mexican sellers only, and for paid orders only', async () => {
      expect(await control('/orders/893431118/cancel', { refund: 'account_money' })).toMatchObject({
        status: 400,
        body: { cause: [{ code: 'invalid_move' }] },
      });
      const unpaid = await mlmOrder();
      expect((await control(`/orders/${unpaid.id}/cancel`, { refund: 'account_money' })).status).toBe(400);
      expect((await get(unpaid.id, MLM.sellerToken)).body.status).toBe('confirmed');
    });
  });

  describe('the control API refuses bad orders and changes nothing', () => {
    it.each([
      ['no body', undefined],
      ['unknown seller', { seller_id: 1, buyer_id: MLB.buyer, items: [{ id: 'MLB1', title: 'x', unit_price: 1 }] }],
      [
        'buyer is the seller',
        { seller_id: MLB.seller, buyer_id: MLB.seller, items: [{ id: 'MLB1', title: 'x', unit_price: 1 }] },
      ],
      [
        'buyer of another site',
        { seller_id: MLB.seller, buyer_id: MLM.buyer, items: [{ id: 'MLB1', title: 'x', unit_price: 1 }] },
      ],
      ['no items', { seller_id: MLB.seller, buyer_id: MLB.buyer, items: [] }],
      [
        'item of another site',
        { seller_id: MLB.seller, buyer_id: MLB.buyer, items: [{ id: 'MLM1', title: 'x', unit_price: 1 }] },
      ],
      ["another seller's listing", { seller_id: MLB.seller, buyer_id: MLB.buyer, items: [{ id: 'MLM610028711' }] }],
      [
        'price with 3 decimals',
        { seller_id: MLB.seller, buyer_id: MLB.buyer, items: [{ id: 'MLB1', title: 'x', unit_price: 1.005 }] },
      ],
      [
        'zero quantity',
        { seller_id: MLB.seller, buyer_id: MLB.buyer, items: [{ id: 'MLB1', title: 'x', unit_price: 1, quantity: 0 }] },
      ],
      [
        'more than the stock',
        { seller_id: MLB.seller, buyer_id: MLB.buyer, items: [{ id: 'MLB600034093', quantity: 10 }] },
      ],
    ])('%s → 400', async (_name, body) => {
      const res = await raw(env.url, 'POST', '/__sandbox/orders', { body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'bad_request', status: 400, cause: [{ code: 'invalid_order' }] });
      const sales = await raw(env.url, 'GET', `/orders/search?buyer=${MLB.buyer}`, { token: MLB.buyerToken });
      expect(sales.body.results.map((o: any) => o.id)).toEqual([893431118]);
    });
  });
});
