// GET /orders/search over real HTTP (order payments page; src/sandbox/README.md, "Mercado Libre orders"):
// the real envelope, who may search
// whose orders, the order.status / date_created filters, sort, offset and limit, paging, and the
// mandatory Mercado Pago flow keeping an unpaid order out of its seller's results.
// The sandbox runs on a clock the tests move, so orders get the creation dates a test wants.
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { TOKENS, raw } from '../support/sandbox';

const MLB = { seller: 169648308, buyer: 160903317, sellerToken: TOKENS.sellerMLB, buyerToken: TOKENS.buyerMLB };
const MLM = { seller: 277582551, buyer: 53745235, sellerToken: TOKENS.sellerMLM, buyerToken: TOKENS.buyerMLM };
const HOUR = 3_600_000;
/** The sandbox clock's origin in these tests: 2030-01-15T12:00:00Z. */
const T0 = Date.UTC(2030, 0, 15, 12);
const FIXTURE_MLB = 893431118; // 2014-10-26, paid (order payments page)
const FIXTURE_MLM = 1653027692; // 2018-03-05, paid

describe('sandbox: GET /orders/search', () => {
  let sandbox: RunningSandbox;
  let clock = T0;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, now: () => clock });
  });
  beforeEach(async () => {
    clock = T0;
    expect((await raw(sandbox.url, 'POST', '/__sandbox/reset')).status).toBe(204);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const search = (query: string, token?: string) => raw(sandbox.url, 'GET', `/orders/search?${query}`, { token });
  const ids = (res: { body: any }): number[] => res.body.results.map((o: any) => o.id);
  /** A purchase at the sandbox time `at` (mandatory flow unless the body says otherwise). */
  const order = async (party: typeof MLB | typeof MLM, at: number, body: Record<string, unknown> = {}) => {
    clock = at;
    const site = party === MLB ? 'MLB' : 'MLM';
    const res = await raw(sandbox.url, 'POST', '/__sandbox/orders', {
      body: {
        seller_id: party.seller,
        buyer_id: party.buyer,
        items: [{ id: `${site}700000001`, title: 'Banco de madeira', quantity: 1, unit_price: 120 }],
        ...body,
      },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const pay = async (id: number, body: Record<string, unknown> = {}) => {
    const res = await raw(sandbox.url, 'POST', `/__sandbox/orders/${id}/pay`, { body });
    expect(res.status).toBe(201);
    return res.body;
  };

  describe('the envelope', () => {
    it("answers a buyer's search in the real envelope: query, results, sorts, filters, paging, display", async () => {
      const res = await search(`buyer=${MLB.buyer}`, MLB.buyerToken);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual([
        'available_filters',
        'available_sorts',
        'display',
        'filters',
        'paging',
        'query',
        'results',
        'sort',
      ]);
      const fixture = await raw(sandbox.url, 'GET', `/orders/${FIXTURE_MLB}`, { token: MLB.buyerToken });
      expect(res.body).toEqual({
        query: null,
        display: 'complete',
        paging: { total: 1, offset: 0, limit: 50 },
        results: [fixture.body],
        sort: { id: 'date_asc', name: 'Date ascending' },
        available_sorts: [{ id: 'date_desc', name: 'Date descending' }],
        filters: [
          { id: 'buyer', name: 'Buyer', type: 'text', values: [{ id: String(MLB.buyer), name: 'TETE2022123' }] },
        ],
        available_filters: [
          {
            id: 'order.status',
            name: 'Order Status',
            type: 'text',
            values: [{ id: 'paid', name: 'paid', results: 1 }],
          },
        ],
      });
    });

    it("answers a seller's search with its sales, each as GET /orders/{id} shows it to the seller", async () => {
      const res = await search(`seller=${MLB.seller}`, MLB.sellerToken);
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual([FIXTURE_MLB]);
      expect(res.body.results[0]).toEqual(
        (await raw(sandbox.url, 'GET', `/orders/${FIXTURE_MLB}`, { token: MLB.sellerToken })).body,
      );
      expect(res.body.filters).toEqual([
        { id: 'seller', name: 'Seller', type: 'text', values: [{ id: String(MLB.seller), name: 'TETE6072468' }] },
      ]);
      expect(res.body.paging).toEqual({ total: 1, offset: 0, limit: 50 });
    });

    it('lists purchases for buyer= and sales for seller=: no sales is an empty page, not the purchases', async () => {
      const asSeller = await search(`seller=${MLB.buyer}`, MLB.buyerToken);
      expect(asSeller.status).toBe(200);
      expect(asSeller.body).toMatchObject({ results: [], paging: { total: 0, offset: 0, limit: 50 } });
      expect(asSeller.body.available_filters).toEqual([
        { id: 'order.status', name: 'Order Status', type: 'text', values: [] },
      ]);
      expect((await search(`buyer=${MLB.seller}`, MLB.sellerToken)).body.paging.total).toBe(0);
    });
  });

  describe('who may search', () => {
    it('answers 401 without a token and with an unknown one', async () => {
      const none = await search(`seller=${MLB.seller}`);
      expect(none.status).toBe(401);
      expect(none.body).toMatchObject({ status: 401 });
      expect((await search(`seller=${MLB.seller}`, 'TEST-NOBODY-1')).status).toBe(401);
    });

    it.each([
      ['neither seller nor buyer', ''],
      ['neither, only other filters', 'order.status=paid'],
      ['both seller and buyer', `seller=${MLB.seller}&buyer=${MLB.seller}`],
    ])('answers 400 bad_request for %s', async (_name, query) => {
      const res = await search(query, MLB.sellerToken);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ message: expect.any(String), error: 'bad_request', status: 400, cause: [] });
    });

    it.each([
      ["another seller's sales", `seller=${MLM.seller}`],
      ["the seller's own buyer's purchases", `buyer=${MLB.buyer}`],
      ['a user that does not exist', 'seller=1'],
    ])("answers 403 for %s, with Mercado Libre's error body", async (_name, query) => {
      const res = await search(query, MLB.sellerToken);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ message: expect.any(String), error: 'forbidden', status: 403, cause: [] });
    });
  });

  describe('order.status', () => {
    /** MLM sales in four statuses (other flow: the seller sees each from its creation), plus the paid fixture. */
    const mixedSales = async () => {
      const confirmed = await order(MLM, T0 + 1 * HOUR, { mandatory_mercadopago: false });
      const paid = await order(MLM, T0 + 2 * HOUR, { mandatory_mercadopago: false });
      await pay(paid.id, { payment_method_id: 'visa' });
      const cancelled = await order(MLM, T0 + 3 * HOUR, { mandatory_mercadopago: false });
      expect((await raw(sandbox.url, 'POST', `/__sandbox/orders/${cancelled.id}/cancel`)).status).toBe(200);
      const partial = await order(MLM, T0 + 4 * HOUR, { mandatory_mercadopago: false });
      await pay(partial.id, { payment_method_id: 'visa', amount: 20 });
      return { confirmed: confirmed.id, paid: paid.id, cancelled: cancelled.id, partial: partial.id };
    };

    it('filters by one status and by a comma list, echoed in filters, available_filters left empty', async () => {
      const o = await mixedSales();
      const paid = await search(`seller=${MLM.seller}&order.status=paid`, MLM.sellerToken);
      expect(paid.status).toBe(200);
      expect(ids(paid)).toEqual([FIXTURE_MLM, o.paid]);
      expect(paid.body.results.map((r: any) => r.status)).toEqual(['paid', 'paid']);
      expect(paid.body.paging.total).toBe(2);
      expect(paid.body.filters).toEqual([
        { id: 'seller', name: 'Seller', type: 'text', values: [{ id: String(MLM.seller), name: 'TETE9834521' }] },
        { id: 'order.status', name: 'Order Status', type: 'text', values: [{ id: 'paid', name: 'paid' }] },
      ]);
      expect(paid.body.available_filters).toEqual([]);

      const list = await search(
        `seller=${MLM.seller}&order.status=${encodeURIComponent('cancelled,confirmed,partially_paid')}`,
        MLM.sellerToken,
      );
      expect(list.status).toBe(200);
      expect(ids(list)).toEqual([o.confirmed, o.cancelled, o.partial]);
      expect(list.body.filters[1].values.map((v: any) => v.id).sort()).toEqual([
        'cancelled',
        'confirmed',
        'partially_paid',
      ]);
      expect(ids(await search(`seller=${MLM.seller}&order.status=payment_required`, MLM.sellerToken))).toEqual([]);
    });

    it('counts every status in available_filters when none is asked for', async () => {
      await mixedSales();
      const res = await search(`seller=${MLM.seller}`, MLM.sellerToken);
      expect(res.body.paging.total).toBe(5);
      const counts = Object.fromEntries(res.body.available_filters[0].values.map((v: any) => [v.id, v.results]));
      expect(counts).toEqual({ paid: 2, confirmed: 1, cancelled: 1, partially_paid: 1 });
    });

    it.each([
      ['an unknown status', 'shipped'],
      ['an unknown status in a list', 'paid,shipped'],
      ['the wrong case', 'PAID'],
      ['an empty item in a list', 'paid,'],
    ])('answers 400 bad_request for %s', async (_name, value) => {
      const res = await search(`seller=${MLM.seller}&order.status=${encodeURIComponent(value)}`, MLM.sellerToken);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'bad_request', status: 400, cause: [] });
    });
  });

  describe('order.date_created.from / .to', () => {
    const threeOrders = async () =>
      [await order(MLB, T0), await order(MLB, T0 + HOUR), await order(MLB, T0 + 2 * HOUR)].map((o) => o.id as number);
    const at = (ms: number) => new Date(ms).toISOString();

    it('keeps orders created from `from` and up to `to`, both ends included', async () => {
      const [a, b, c] = await threeOrders();
      const q = (params: string) => search(`buyer=${MLB.buyer}&${params}`, MLB.buyerToken);
      expect(ids(await q(`order.date_created.from=${at(T0 + HOUR / 2)}`))).toEqual([b, c]);
      expect(ids(await q(`order.date_created.to=${at(T0 + HOUR / 2)}`))).toEqual([FIXTURE_MLB, a]);
      expect(ids(await q(`order.date_created.from=${at(T0 + HOUR)}&order.date_created.to=${at(T0 + HOUR)}`))).toEqual([
        b,
      ]);
      expect(ids(await q(`order.date_created.from=${at(T0)}&order.date_created.to=${at(T0 + 2 * HOUR)}`))).toEqual([
        a,
        b,
        c,
      ]);
      const none = await q(`order.date_created.from=${at(T0 + 3 * HOUR)}`);
      expect(none.body).toMatchObject({ results: [], paging: { total: 0 } });
    });

    it('reads the offset of each date: -04:00 and -00:00 name other instants than that wall time in UTC', async () => {
      const [a, b, c] = await threeOrders();
      // T0 + 1 h is 13:00Z, i.e. 09:00-04:00; 13:00-04:00 is 17:00Z, after every order.
      expect(
        ids(
          await search(
            `buyer=${MLB.buyer}&order.date_created.from=${encodeURIComponent('2030-01-15T09:00:00.000-04:00')}`,
            MLB.buyerToken,
          ),
        ),
      ).toEqual([b, c]);
      expect(
        ids(
          await search(
            `buyer=${MLB.buyer}&order.date_created.from=${encodeURIComponent('2030-01-15T13:00:00.000-04:00')}`,
            MLB.buyerToken,
          ),
        ),
      ).toEqual([]);
      // Mercado Libre's documented form: `2015-07-01T00:00:00.000-00:00`.
      expect(
        ids(
          await search(
            `buyer=${MLB.buyer}&order.date_created.to=${encodeURIComponent('2030-01-15T12:00:00.000-00:00')}`,
            MLB.buyerToken,
          ),
        ),
      ).toEqual([FIXTURE_MLB, a]);
    });

    it('filters dates before statuses: available_filters counts only the orders in range', async () => {
      await threeOrders();
      const res = await search(`buyer=${MLB.buyer}&order.date_created.to=${at(T0 - 1)}`, MLB.buyerToken);
      expect(ids(res)).toEqual([FIXTURE_MLB]);
      expect(res.body.available_filters[0].values).toEqual([{ id: 'paid', name: 'paid', results: 1 }]);
    });

    it.each(['yesterday', '2030-01-15', '2030-13-45T00:00:00Z', '2030-01-15T12:00:00'])(
      'answers 400 bad_request for the date %p',
      async (value) => {
        for (const name of ['order.date_created.from', 'order.date_created.to']) {
          const res = await search(`buyer=${MLB.buyer}&${name}=${encodeURIComponent(value)}`, MLB.buyerToken);
          expect(res.status).toBe(400);
          expect(res.body).toMatchObject({ error: 'bad_request', status: 400, cause: [] });
        }
      },
    );
  });

  describe('sort', () => {
    it('sorts by creation date, ascending by default, descending with sort=date_desc, and says so', async () => {
      // Created out of date order: ids and dates disagree, so the sort must be by date.
      const late = await order(MLB, T0 + 2 * HOUR);
      const early = await order(MLB, T0);
      const mid = await order(MLB, T0 + HOUR);
      const asc = await search(`buyer=${MLB.buyer}`, MLB.buyerToken);
      expect(ids(asc)).toEqual([FIXTURE_MLB, early.id, mid.id, late.id]);
      expect(ids(await search(`buyer=${MLB.buyer}&sort=date_asc`, MLB.buyerToken))).toEqual(ids(asc));
      const desc = await search(`buyer=${MLB.buyer}&sort=date_desc`, MLB.buyerToken);
      expect(ids(desc)).toEqual([late.id, mid.id, early.id, FIXTURE_MLB]);
      expect(desc.body.sort).toEqual({ id: 'date_desc', name: 'Date descending' });
      expect(desc.body.available_sorts).toEqual([{ id: 'date_asc', name: 'Date ascending' }]);
    });

    it.each(['date', 'DATE_DESC', 'price_asc', 'id_desc'])('answers 400 bad_request for sort=%s', async (sort) => {
      const res = await search(`buyer=${MLB.buyer}&sort=${sort}`, MLB.buyerToken);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'bad_request', status: 400, cause: [] });
    });
  });

  describe('offset and limit', () => {
    it('defaults to offset 0 and limit 50, the maximum: 51 orders need two pages', async () => {
      // 50 more MLM purchases; with the fixture, 51.
      for (let i = 0; i < 50; i += 1) await order(MLM, T0 + i * 60_000);
      const first = await search(`buyer=${MLM.buyer}`, MLM.buyerToken);
      expect(first.body.paging).toEqual({ total: 51, offset: 0, limit: 50 });
      expect(first.body.results).toHaveLength(50);
      const max = await search(`buyer=${MLM.buyer}&limit=50`, MLM.buyerToken);
      expect(ids(max)).toEqual(ids(first));
      const second = await search(`buyer=${MLM.buyer}&offset=50`, MLM.buyerToken);
      expect(second.body.paging).toEqual({ total: 51, offset: 50, limit: 50 });
      expect(second.body.results).toHaveLength(1);
      expect(new Set([...ids(first), ...ids(second)]).size).toBe(51);
    });

    it('answers an offset past the end with no results and the right total', async () => {
      await order(MLB, T0);
      for (const offset of [2, 3, 500]) {
        const res = await search(`buyer=${MLB.buyer}&offset=${offset}&limit=10`, MLB.buyerToken);
        expect(res.status).toBe(200);
        expect(res.body.results).toEqual([]);
        expect(res.body.paging).toEqual({ total: 2, offset, limit: 10 });
      }
    });

    it.each([
      ['limit=51', 'limit=51'],
      ['limit=0', 'limit=0'],
      ['limit=-1', 'limit=-1'],
      ['limit=abc', 'limit=abc'],
      ['limit=2.5', 'limit=2.5'],
      ['offset=-1', 'offset=-1'],
      ['offset=x', 'offset=x'],
    ])('answers 400 bad_request for %s', async (_name, param) => {
      const res = await search(`buyer=${MLB.buyer}&${param}`, MLB.buyerToken);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'bad_request', status: 400, cause: [] });
    });

    it('pages through 7 new orders 3 at a time: disjoint pages whose union is every order, in date order', async () => {
      // Creation times shuffled, so that neither ids nor creation order give the date order.
      const minutes = [30, 10, 60, 0, 50, 20, 40];
      const created: { id: number; date_created: string }[] = [];
      for (const m of minutes) created.push(await order(MLM, T0 + m * 60_000, { mandatory_mercadopago: false }));
      const byDate = [...created]
        .sort((a, b) => Date.parse(a.date_created) - Date.parse(b.date_created))
        .map((o) => o.id);
      const expected = [FIXTURE_MLM, ...byDate]; // the fixture is from 2018

      for (const [who, token] of [
        [`seller=${MLM.seller}`, MLM.sellerToken],
        [`buyer=${MLM.buyer}`, MLM.buyerToken],
      ] as const) {
        const pages: number[][] = [];
        for (const offset of [0, 3, 6]) {
          const res = await search(`${who}&limit=3&offset=${offset}`, token);
          expect(res.status).toBe(200);
          expect(res.body.paging).toEqual({ total: 8, offset, limit: 3 });
          pages.push(ids(res));
        }
        expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
        const all = pages.flat();
        expect(new Set(all).size).toBe(all.length); // disjoint
        expect(all).toEqual(expected); // union = all, in date order
        const desc: number[] = [];
        for (const offset of [0, 3, 6])
          desc.push(...ids(await search(`${who}&limit=3&offset=${offset}&sort=date_desc`, token)));
        expect(desc).toEqual([...expected].reverse());
      }
    });
  });

  describe('the mandatory Mercado Pago flow (order payments page)', () => {
    it("keeps an unpaid order out of its seller's results, not its buyer's; the seller sees it once paid", async () => {
      const o = await order(MLB, T0);
      const buyerSees = await search(`buyer=${MLB.buyer}`, MLB.buyerToken);
      expect(ids(buyerSees)).toEqual([FIXTURE_MLB, o.id]);
      expect(buyerSees.body.results[1]).toMatchObject({ status: 'payment_required', seller: { id: MLB.seller } });
      expect(Object.keys(buyerSees.body.results[1].seller)).toEqual(['id']);

      const hidden = await search(`seller=${MLB.seller}`, MLB.sellerToken);
      expect(ids(hidden)).toEqual([FIXTURE_MLB]);
      expect(hidden.body.paging.total).toBe(1);
      expect(hidden.body.available_filters[0].values).toEqual([{ id: 'paid', name: 'paid', results: 1 }]);
      expect(
        (await search(`seller=${MLB.seller}&order.status=payment_required`, MLB.sellerToken)).body.paging.total,
      ).toBe(0);

      // Paid in part: partially_paid, still the seller's secret.
      await pay(o.id, { amount: 20 });
      expect((await search(`buyer=${MLB.buyer}&order.status=partially_paid`, MLB.buyerToken)).body.paging.total).toBe(
        1,
      );
      expect(ids(await search(`seller=${MLB.seller}`, MLB.sellerToken))).toEqual([FIXTURE_MLB]);
      expect(
        (await search(`seller=${MLB.seller}&order.status=partially_paid`, MLB.sellerToken)).body.paging.total,
      ).toBe(0);

      await pay(o.id);
      const shown = await search(`seller=${MLB.seller}`, MLB.sellerToken);
      expect(ids(shown)).toEqual([FIXTURE_MLB, o.id]);
      expect(shown.body.results[1]).toEqual(
        (await raw(sandbox.url, 'GET', `/orders/${o.id}`, { token: MLB.sellerToken })).body,
      );
      expect(shown.body.results[1]).toMatchObject({
        status: 'paid',
        seller: { id: MLB.seller, nickname: 'TETE6072468' },
        date_closed: expect.any(String),
      });
      expect(ids(await search(`seller=${MLB.seller}&order.status=paid`, MLB.sellerToken))).toEqual([FIXTURE_MLB, o.id]);
    });

    it("an unpaid order does not count in the seller's paging total, so its pages are not short", async () => {
      const unpaid = await order(MLB, T0);
      const paidLater = [await order(MLB, T0 + HOUR), await order(MLB, T0 + 2 * HOUR)];
      for (const o of paidLater) await pay(o.id);
      const page = await search(`seller=${MLB.seller}&limit=2&offset=1`, MLB.sellerToken);
      expect(page.body.paging.total).toBe(3);
      expect(ids(page)).toEqual(paidLater.map((o) => o.id));
      expect(ids(page)).not.toContain(unpaid.id);
    });
  });
});
