// The public Mercado Libre resources over real HTTP: GET /users/{id} (the whole account to the
// user itself, the public profile to anyone else), GET /sites/{site_id} and GET
// /payment_methods/{id} (order payments page: MLAMP tells a site works with the mandatory Mercado Pago
// flow), and GET /items/{id} with the stock orders take and give back (order payments page: an order of the
// mandatory flow takes it only once paid).
import { TOKENS, raw, useSandbox } from '../support/sandbox';

const MLB = { seller: 169648308, buyer: 160903317, sellerToken: TOKENS.sellerMLB, buyerToken: TOKENS.buyerMLB };
const MLM = { seller: 277582551, buyer: 53745235, sellerToken: TOKENS.sellerMLM, buyerToken: TOKENS.buyerMLM };
/** Mercado Libre's error body: {message, error, status, cause: []}. */
const mlError = (status: number, error: string) => ({ message: expect.any(String), error, status, cause: [] });
/** What only the user itself may read. */
const PRIVATE_KEYS = ['first_name', 'last_name', 'email', 'phone', 'identification'];

describe('sandbox: Mercado Libre public resources', () => {
  const env = useSandbox();
  const get = (path: string, token?: string) => raw(env.url, 'GET', path, { token });

  describe('GET /users/{id}', () => {
    it.each([
      ['the MLB seller', MLB.seller, MLB.sellerToken],
      ['the MLB buyer', MLB.buyer, MLB.buyerToken],
      ['the MLM seller', MLM.seller, MLM.sellerToken],
      ['the MLM buyer', MLM.buyer, MLM.buyerToken],
    ])('gives %s its whole account, the same as GET /users/me', async (_who, id, token) => {
      const res = await get(`/users/${id}`, token);
      expect(res.status).toBe(200);
      const me = await get('/users/me', token);
      expect(me.status).toBe(200);
      expect(res.body).toEqual(me.body);
      expect(res.body.id).toBe(id);
      expect(res.body).toEqual(
        expect.objectContaining({
          email: expect.stringMatching(/@testuser\.com$/),
          first_name: expect.any(String),
          last_name: expect.any(String),
        }),
      );
    });

    it('gives the fixture seller its account with its e-mail and names', async () => {
      const res = await get(`/users/${MLB.seller}`, MLB.sellerToken);
      expect(res.body).toMatchObject({
        id: MLB.seller,
        nickname: 'TETE6072468',
        email: 'test_user_70385259@testuser.com',
        first_name: 'Test',
        last_name: 'Test',
        site_id: 'MLB',
      });
    });

    it('gives anyone else, with a token or without one, the public profile only', async () => {
      const asBuyer = await get(`/users/${MLB.seller}`, MLB.buyerToken);
      expect(asBuyer.status).toBe(200);
      expect(asBuyer.body).toEqual({
        id: MLB.seller,
        nickname: 'TETE6072468',
        registration_date: '2014-06-02T10:33:12.000-04:00',
        country_id: 'BR',
        address: { city: null, state: null },
        user_type: 'normal',
        tags: ['normal', 'test_user'],
        logo: null,
        points: 0,
        site_id: 'MLB',
        permalink: 'http://perfil.mercadolibre.com.br/TETE6072468',
        status: { site_status: 'active' },
      });
      const anonymous = await get(`/users/${MLB.seller}`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toEqual(asBuyer.body);
      const fromAnotherSite = await get(`/users/${MLB.seller}`, MLM.sellerToken);
      expect(fromAnotherSite.body).toEqual(asBuyer.body);
    });

    it('never shows names, e-mail, phone or documents to someone else', async () => {
      for (const [id, token] of [
        [MLB.buyer, MLB.sellerToken],
        [MLM.seller, MLM.buyerToken],
        [MLM.buyer, undefined],
      ] as const) {
        const res = await get(`/users/${id}`, token);
        expect(res.status).toBe(200);
        expect(res.body.id).toBe(id);
        for (const key of PRIVATE_KEYS) expect(res.body).not.toHaveProperty(key);
        const text = JSON.stringify(res.body);
        expect(text).not.toContain('@testuser.com');
      }
    });

    it('answers 404 not_found for a user that does not exist', async () => {
      for (const token of [MLB.sellerToken, undefined]) {
        const res = await get('/users/999999999', token);
        expect(res.status).toBe(404);
        expect(res.body).toEqual(mlError(404, 'not_found'));
      }
    });

    it.each(['abc', '12a', '-1', '1.5', '12345678901234567890'])('answers 400 for the malformed id %p', async (id) => {
      const res = await get(`/users/${encodeURIComponent(id)}`);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(mlError(400, 'bad_request'));
    });

    it('answers 401 to an unknown token, even on a public resource; /users/me still needs one', async () => {
      const bad = await get(`/users/${MLB.seller}`, 'TEST-NOBODY-1');
      expect(bad.status).toBe(401);
      expect(bad.body).toMatchObject({ status: 401 });
      expect(bad.body.email).toBeUndefined();
      expect((await get('/users/me')).status).toBe(401);
    });
  });

  describe('GET /sites/{site_id}', () => {
    it.each([
      ['MLA', 'ARS', 'AR', 'MLAMP'],
      ['MLB', 'BRL', 'BR', 'MLBMP'],
      ['MLM', 'MXN', 'MX', 'MLMMP'],
    ])(
      'serves %s without a token, with its currency and Mercado Pago in payment_method_ids',
      async (site, currency, country, mp) => {
        const res = await get(`/sites/${site}`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: site, country_id: country, default_currency_id: currency });
        expect(res.body.payment_method_ids).toContain(mp);
        expect(res.body.currencies).toEqual([expect.objectContaining({ id: currency, decimal_places: 2 })]);
        expect((await get(`/sites/${site}`, MLB.sellerToken)).body).toEqual(res.body);
      },
    );

    it('lists MLAMP on MLA, as the order payments page checks it; MLB orders are all mandatory flow', async () => {
      const mla = await get('/sites/MLA');
      expect(mla.body.payment_method_ids).toContain('MLAMP');
      expect(mla.body.name).toBe('Argentina');
      expect((await get('/sites/MLB')).body.immediate_payment).toBe('required');
    });

    it.each(['XXX', 'mla', 'MLU', 'constructor', '__proto__'])(
      'answers 404 not_found for the site %p',
      async (site) => {
        const res = await get(`/sites/${site}`);
        expect(res.status).toBe(404);
        expect(res.body).toEqual(mlError(404, 'not_found'));
      },
    );
  });

  describe('GET /payment_methods/{id}', () => {
    it('serves MLAMP, Mercado Pago as a payment method of MLA, without a token', async () => {
      const res = await get('/payment_methods/MLAMP');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: 'MLAMP', name: 'MercadoPago', site_id: 'MLA' });
    });

    it('serves every id a site lists in payment_method_ids', async () => {
      for (const site of ['MLA', 'MLB', 'MLM']) {
        for (const id of (await get(`/sites/${site}`)).body.payment_method_ids as string[]) {
          const res = await get(`/payment_methods/${id}`);
          expect(res.status).toBe(200);
          expect(res.body).toMatchObject({ id, site_id: site });
        }
      }
    });

    it.each(['NOPE', 'visa', 'mlamp', 'MLAMPX'])('answers 404 not_found for %p', async (id) => {
      const res = await get(`/payment_methods/${id}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(mlError(404, 'not_found'));
    });
  });

  describe('GET /items/{id}', () => {
    const item = async (id: string) => {
      const res = await get(`/items/${id}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const stock = async (id: string) => {
      const { available_quantity, sold_quantity } = await item(id);
      return { available: available_quantity as number, sold: sold_quantity as number };
    };
    const control = (path: string, body?: unknown) => raw(env.url, 'POST', `/__sandbox${path}`, { body: body ?? {} });
    const newOrder = async (body: Record<string, unknown>) => {
      const res = await control('/orders', body);
      expect(res.status).toBe(201);
      return res.body;
    };
    const mlmOrder = (quantity: number, extra: Record<string, unknown> = {}) =>
      newOrder({
        seller_id: MLM.seller,
        buyer_id: MLM.buyer,
        items: [{ id: 'MLM610028711', quantity }],
        mandatory_mercadopago: false,
        ...extra,
      });
    const mlbOrder = (quantity: number) =>
      newOrder({ seller_id: MLB.seller, buyer_id: MLB.buyer, items: [{ id: 'MLB600034093', quantity }] });
    const payOrder = async (id: number, body: Record<string, unknown> = {}) => {
      const res = await control(`/orders/${id}/pay`, body);
      expect(res.status).toBe(201);
      return res.body;
    };
    const buyerOrders = async (token: string, buyer: number) =>
      (await get(`/orders/search?buyer=${buyer}`, token)).body.paging.total as number;

    it('serves the fixture listings of the order payments page, without a token', async () => {
      expect(await item('MLB600034093')).toMatchObject({
        id: 'MLB600034093',
        site_id: 'MLB',
        title: 'Item De Testeo, Por Favor No Ofertar --kc:off',
        seller_id: MLB.seller,
        price: 591,
        currency_id: 'BRL',
        initial_quantity: 10,
        available_quantity: 9,
        sold_quantity: 1,
        condition: 'new',
        status: 'active',
      });
      expect(await item('MLM610028711')).toMatchObject({
        id: 'MLM610028711',
        site_id: 'MLM',
        title: 'Maquina Industrial Recta Marca',
        seller_id: MLM.seller,
        category_id: 'MLM184696',
        price: 3500,
        currency_id: 'MXN',
        initial_quantity: 5,
        available_quantity: 4,
        sold_quantity: 1,
        status: 'active',
      });
      expect((await get('/items/MLM610028711', MLB.buyerToken)).body).toEqual(await item('MLM610028711'));
    });

    it('answers 404 not_found for an unknown item, and 401 for an unknown token', async () => {
      const res = await get('/items/MLB1');
      expect(res.status).toBe(404);
      expect(res.body).toEqual(mlError(404, 'not_found'));
      expect((await get('/items/MLB600034093', 'TEST-NOBODY-1')).status).toBe(401);
    });

    it('the other flow (confirmed, MLM): the order takes the stock at creation; cancelling gives it back', async () => {
      const order = await mlmOrder(2);
      expect(order.status).toBe('confirmed');
      expect(await stock('MLM610028711')).toEqual({ available: 2, sold: 3 });
      const res = await control(`/orders/${order.id}/cancel`);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('cancelled');
      expect(await stock('MLM610028711')).toEqual({ available: 4, sold: 1 });
    });

    it('the other flow, paid then cancelled (refund to the card): stock taken once, given back once', async () => {
      const order = await mlmOrder(1);
      await payOrder(order.id, { payment_method_id: 'visa' });
      expect(await stock('MLM610028711')).toEqual({ available: 3, sold: 2 });
      expect((await control(`/orders/${order.id}/cancel`)).body.status).toBe('cancelled');
      expect(await stock('MLM610028711')).toEqual({ available: 4, sold: 1 });
    });

    it('mandatory flow (MLB): no stock taken until paid in full; given back on cancel', async () => {
      const order = await mlbOrder(2);
      expect(order.status).toBe('payment_required');
      expect(await stock('MLB600034093')).toEqual({ available: 9, sold: 1 });
      await payOrder(order.id, { cardholder_name: 'FUND' });
      await payOrder(order.id, { amount: 500 });
      expect(await stock('MLB600034093')).toEqual({ available: 9, sold: 1 });
      await payOrder(order.id);
      expect((await get(`/orders/${order.id}`, MLB.sellerToken)).body.status).toBe('paid');
      expect(await stock('MLB600034093')).toEqual({ available: 7, sold: 3 });
      expect((await control(`/orders/${order.id}/cancel`)).body.status).toBe('cancelled');
      expect(await stock('MLB600034093')).toEqual({ available: 9, sold: 1 });
    });

    it('the mandatory flow: cancelling an unpaid order leaves the stock alone (it never took any)', async () => {
      const order = await mlbOrder(3);
      await payOrder(order.id, { amount: 100 });
      expect((await control(`/orders/${order.id}/cancel`)).body.status).toBe('cancelled');
      expect(await stock('MLB600034093')).toEqual({ available: 9, sold: 1 });
    });

    it('a listing sold out is paused, and active again when the stock comes back', async () => {
      const order = await mlmOrder(4);
      expect(await item('MLM610028711')).toMatchObject({ available_quantity: 0, sold_quantity: 5, status: 'paused' });
      await control(`/orders/${order.id}/cancel`);
      expect(await item('MLM610028711')).toMatchObject({ available_quantity: 4, status: 'active' });
    });

    it('refuses an order for more than the stock left (400) and changes nothing', async () => {
      const before = await item('MLM610028711');
      const orders = await buyerOrders(MLM.buyerToken, MLM.buyer);
      const res = await control('/orders', {
        seller_id: MLM.seller,
        buyer_id: MLM.buyer,
        items: [{ id: 'MLM610028711', quantity: 5 }],
        mandatory_mercadopago: false,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'bad_request', status: 400, cause: [{ code: 'invalid_order' }] });
      expect(await item('MLM610028711')).toEqual(before);
      expect(await buyerOrders(MLM.buyerToken, MLM.buyer)).toBe(orders);

      // What is left is what counts: after an order for 3, one more is the most that can be had.
      await mlmOrder(3);
      const after = await item('MLM610028711');
      expect(after.available_quantity).toBe(1);
      expect(
        (
          await control('/orders', {
            seller_id: MLM.seller,
            buyer_id: MLM.buyer,
            items: [{ id: 'MLM610028711', quantity: 2 }],
          })
        ).status,
      ).toBe(400);
      expect(await item('MLM610028711')).toEqual(after);
      expect(await buyerOrders(MLM.buyerToken, MLM.buyer)).toBe(orders + 1);
      await mlmOrder(1);
      expect((await item('MLM610028711')).available_quantity).toBe(0);
    });

    // BUG (src/sandbox/ml/orderLifecycle.ts takeStock / ml/orderControl.ts payOrder): unpaid orders
    // of the mandatory flow hold no stock (order payments page), so two of them may each ask for all of it;
    // paying both takes it twice: available_quantity -9, sold_quantity 19 of 10 listed.
    it('refuses to pay a mandatory-flow order whose units another order took: stock stays ≥ 0', async () => {
      const first = await mlbOrder(9);
      const second = await mlbOrder(9); // accepted: the first one took nothing yet
      await payOrder(first.id);
      expect(await stock('MLB600034093')).toEqual({ available: 0, sold: 10 });
      const refused = await control(`/orders/${second.id}/pay`, {});
      expect(refused).toMatchObject({ status: 400, body: { cause: [{ code: 'invalid_move' }] } });
      expect((await raw(env.url, 'GET', `/orders/${second.id}`, { token: MLB.buyerToken })).body).toMatchObject({
        status: 'payment_required',
        payments: [],
      });
      const after = await item('MLB600034093');
      expect(after.available_quantity).toBeGreaterThanOrEqual(0);
      expect(after.sold_quantity).toBeLessThanOrEqual(after.initial_quantity);
    });

    it('refuses, for the mandatory flow too, an order for more than the stock left', async () => {
      const before = await item('MLB600034093');
      const res = await control('/orders', {
        seller_id: MLB.seller,
        buyer_id: MLB.buyer,
        items: [{ id: 'MLB600034093', quantity: 10 }],
      });
      expect(res.status).toBe(400);
      expect(await item('MLB600034093')).toEqual(before);
      expect(await buyerOrders(MLB.buyerToken, MLB.buyer)).toBe(1);
    });
  });
});
