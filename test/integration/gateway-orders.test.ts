// Mercado Libre orders in the graph over real HTTP (real gateway, real sandbox): the fixture orders
// with their payments read from Mercado Pago, joins both ways, who sees what, pages, errors, and
// what each operation costs upstream (the sandbox's request log).
import {
  MeDocument,
  OrderDetailsDocument,
  OrderDetailsTwiceDocument,
  OrdersPageAndOrderDocument,
  OrdersPageDocument,
  PaymentWithOrderDocument,
} from '../generated/graphql';
import { encodeCursor } from '../../src/graph/common/connection';
import { MAX_SEARCH_OFFSET } from '../../src/graph/orders/order.loader';
import { raw, TOKENS } from '../support/sandbox';
import { execute, useStack } from '../support/stack';
import { upstreamCalls, upstreamCallsSince } from '../support/upstreamCalls';
import { pay } from './sandbox-payments-helpers';

const BRL = (amount: string) => ({ amount, currency: 'BRL' });
const MXN = (amount: string) => ({ amount, currency: 'MXN' });

describe('orders in the graph', () => {
  const stack = useStack();

  const control = async (path: string, body: unknown = {}) => {
    const res = await raw(stack.sandboxUrl, 'POST', `/__sandbox${path}`, { body });
    expect(res.status).toBeLessThan(300);
    return res.body;
  };
  /** A new MLB purchase (mandatory Mercado Pago flow) of 2 × 150.50. */
  const purchase = () =>
    control('/orders', {
      seller_id: 169648308,
      buyer_id: 160903317,
      items: [{ id: 'MLB700000001', title: 'Mesa de pinho', quantity: 2, unit_price: 150.5 }],
    });

  describe('order 893431118 (the order payments page)', () => {
    it('serves the seller the order and both payments in full: 1 order read and 2 payment reads, fetched together', async () => {
      const res = await execute(stack.gatewayUrl, OrderDetailsDocument, { id: '893431118' }, TOKENS.sellerMLB);
      expect(res.errors).toBeUndefined();
      expect(res.data?.order).toEqual({
        id: '893431118',
        status: 'PAID',
        statusDetail: null,
        dateCreated: '2014-10-26T22:46:18.000-04:00',
        dateClosed: null,
        lastUpdated: '2014-10-26T22:50:10.000-04:00',
        totalAmount: BRL('591'),
        paidAmount: BRL('591'),
        balanceDue: BRL('0'),
        fullyPaid: true,
        tags: ['not_delivered', 'paid'],
        packId: null,
        items: [
          {
            itemId: 'MLB600034093',
            title: 'Item De Testeo, Por Favor No Ofertar --kc:off',
            quantity: 1,
            unitPrice: BRL('591'),
            variationId: null,
          },
        ],
        buyer: {
          id: '160903317',
          nickname: 'TETE2022123',
          firstName: 'Test',
          lastName: 'Test',
          email: 'test_user_21963158@testuser.com',
        },
        seller: {
          id: '169648308',
          nickname: 'TETE6072468',
          firstName: 'Test',
          lastName: 'Test',
          email: 'test_user_70385259@testuser.com',
        },
        payments: [
          {
            id: '885920310',
            status: 'APPROVED',
            statusDetail: 'accredited',
            amount: BRL('296'),
            amountRefunded: BRL('0'),
            installments: 1,
            totalPaidAmount: BRL('296'),
            payer: { id: '160903317', firstName: 'Test' },
            card: { lastFourDigits: '5682' },
            refunds: [],
          },
          {
            id: '885920410',
            status: 'APPROVED',
            statusDetail: 'accredited',
            amount: BRL('295'),
            amountRefunded: BRL('0'),
            installments: 3,
            totalPaidAmount: BRL('315.62'),
            payer: { id: '160903317', firstName: 'Test' },
            card: { lastFourDigits: '5682' },
            refunds: [],
          },
        ],
      });
      expect(await upstreamCalls(stack.sandboxUrl)).toEqual({ 'GET /orders/{id}': 1, 'GET /v1/payments/{id}': 2 });
      // "Fetched together": both payment reads are in flight before either answers.
      const log = (await raw(stack.sandboxUrl, 'GET', '/__sandbox/requests')).body.requests.map((r: any) => r.route);
      expect(log).toEqual(['GET /orders/{id}', 'GET /v1/payments/{id}', 'GET /v1/payments/{id}']);
    });

    it('costs the same with the payments asked twice under aliases, balanceDue and fullyPaid included', async () => {
      const res = await execute(stack.gatewayUrl, OrderDetailsTwiceDocument, { id: '893431118' }, TOKENS.sellerMLB);
      expect(res.errors).toBeUndefined();
      expect(res.data?.order?.summary).toEqual([
        { id: '885920310', status: 'APPROVED' },
        { id: '885920410', status: 'APPROVED' },
      ]);
      expect(res.data?.order?.detail?.map((p) => p?.amount)).toEqual([BRL('296'), BRL('295')]);
      expect(await upstreamCalls(stack.sandboxUrl)).toEqual({ 'GET /orders/{id}': 1, 'GET /v1/payments/{id}': 2 });
    });

    it('shows refunds made since, on the payment and in what is due', async () => {
      const refund = await raw(stack.sandboxUrl, 'POST', '/v1/payments/885920410/refunds', {
        token: TOKENS.sellerMLB,
        body: { amount: 95.5 },
        headers: { 'X-Idempotency-Key': 'order-refund-1' },
      });
      expect(refund.status).toBe(201);
      const res = await execute(stack.gatewayUrl, OrderDetailsDocument, { id: '893431118' }, TOKENS.sellerMLB);
      expect(res.data?.order).toMatchObject({
        status: 'PARTIALLY_REFUNDED',
        paidAmount: BRL('495.5'),
        balanceDue: BRL('95.5'),
        fullyPaid: false,
      });
      expect(res.data?.order?.payments[1]).toMatchObject({
        amountRefunded: BRL('95.5'),
        refunds: [{ id: String(refund.body.id), amount: BRL('95.5'), status: 'APPROVED' }],
      });
    });

    it("serves the buyer the same order, each payment in the buyer's view (the payer by id only)", async () => {
      const res = await execute(stack.gatewayUrl, OrderDetailsDocument, { id: '893431118' }, TOKENS.buyerMLB);
      expect(res.errors).toBeUndefined();
      expect(res.data?.order).toMatchObject({
        id: '893431118',
        status: 'PAID',
        totalAmount: BRL('591'),
        seller: { nickname: 'TETE6072468' },
      });
      expect(res.data?.order?.payments.map((p) => p?.payer)).toEqual([
        { id: '160903317', firstName: null },
        { id: '160903317', firstName: null },
      ]);
    });

    it('is null with one NOT_FOUND for a user who is not a party of it (Mercado Libre says not_owned_order)', async () => {
      const res = await execute(stack.gatewayUrl, OrderDetailsDocument, { id: '893431118' }, TOKENS.sellerMLM);
      expect(res.data?.order).toBeNull();
      expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['order'], 'NOT_FOUND']]);
      expect(JSON.stringify(res.errors)).not.toMatch(/not_owned_order|127\.0\.0\.1|TEST-/);
      expect(await upstreamCalls(stack.sandboxUrl)).toEqual({ 'GET /orders/{id}': 1 });
    });
  });

  describe('joins from payments', () => {
    it('links payment 3506756222 to its order 1653027692: one payment read, one order read', async () => {
      const res = await execute(stack.gatewayUrl, PaymentWithOrderDocument, { id: '3506756222' }, TOKENS.sellerMLM);
      expect(res.errors).toBeUndefined();
      expect(res.data?.payment).toMatchObject({
        id: '3506756222',
        amount: MXN('3500'),
        order: {
          id: '1653027692',
          status: 'PAID',
          totalAmount: MXN('3500'),
          balanceDue: MXN('0'),
          fullyPaid: true,
          payments: [{ id: '3506756222', status: 'APPROVED' }],
        },
      });
      // The order's own payment is the payment already read: no second read.
      expect(await upstreamCalls(stack.sandboxUrl)).toEqual({ 'GET /v1/payments/{id}': 1, 'GET /orders/{id}': 1 });
    });

    it('goes from one payment of 893431118 to the order and its other payment: 3 reads, none twice', async () => {
      const res = await execute(stack.gatewayUrl, PaymentWithOrderDocument, { id: '885920310' }, TOKENS.buyerMLB);
      expect(res.errors).toBeUndefined();
      expect(res.data?.payment?.order?.payments).toEqual([
        { id: '885920310', status: 'APPROVED' },
        { id: '885920410', status: 'APPROVED' },
      ]);
      expect(await upstreamCalls(stack.sandboxUrl)).toEqual({ 'GET /v1/payments/{id}': 2, 'GET /orders/{id}': 1 });
    });

    it('is null without an error for a payment made outside Mercado Libre, with no order read', async () => {
      const payment = await pay();
      const before = await upstreamCalls(stack.sandboxUrl);
      const res = await execute(
        stack.gatewayUrl,
        PaymentWithOrderDocument,
        { id: String(payment.id) },
        TOKENS.sellerMLB,
      );
      expect(res).toMatchObject({ status: 200 });
      expect(res.errors).toBeUndefined();
      expect(res.data?.payment).toMatchObject({ id: String(payment.id), order: null });
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({ 'GET /v1/payments/{id}': 1 });
    });

    it('links a purchase paid through Mercado Libre to its order, as the seller sees both', async () => {
      const order = await purchase();
      const payment = await control(`/orders/${order.id}/pay`);
      const res = await execute(
        stack.gatewayUrl,
        PaymentWithOrderDocument,
        { id: String(payment.id) },
        TOKENS.sellerMLB,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.payment?.order).toMatchObject({
        id: String(order.id),
        status: 'PAID',
        fullyPaid: true,
        payments: [{ id: String(payment.id), status: 'APPROVED' }],
      });
    });
  });

  describe('the mandatory Mercado Pago flow', () => {
    it('hides an unpaid purchase from the seller (NOT_FOUND) and shows the buyer the seller by id only', async () => {
      const order = await purchase();
      const asSeller = await execute(
        stack.gatewayUrl,
        OrderDetailsDocument,
        { id: String(order.id) },
        TOKENS.sellerMLB,
      );
      expect(asSeller.data?.order).toBeNull();
      expect(asSeller.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      const asBuyer = await execute(stack.gatewayUrl, OrderDetailsDocument, { id: String(order.id) }, TOKENS.buyerMLB);
      expect(asBuyer.errors).toBeUndefined();
      expect(asBuyer.data?.order).toMatchObject({
        status: 'PAYMENT_REQUIRED',
        dateClosed: null,
        totalAmount: BRL('301'),
        paidAmount: BRL('0'),
        balanceDue: BRL('301'),
        fullyPaid: false,
        seller: { id: '169648308', nickname: null, firstName: null, lastName: null, email: null },
        payments: [],
      });
    });

    it('follows the payments: a refused card, a part, then the rest', async () => {
      const order = await purchase();
      const id = String(order.id);
      await control(`/orders/${id}/pay`, { cardholder_name: 'FUND' });
      await control(`/orders/${id}/pay`, { amount: 100.25 });
      const partial = await execute(stack.gatewayUrl, OrderDetailsDocument, { id }, TOKENS.buyerMLB);
      expect(partial.data?.order).toMatchObject({
        status: 'PARTIALLY_PAID',
        paidAmount: BRL('100.25'),
        balanceDue: BRL('200.75'),
        fullyPaid: false,
      });
      expect(partial.data?.order?.payments.map((p) => p?.status)).toEqual(['REJECTED', 'APPROVED']);
      await control(`/orders/${id}/pay`);
      const paid = await execute(stack.gatewayUrl, OrderDetailsDocument, { id }, TOKENS.sellerMLB);
      expect(paid.errors).toBeUndefined();
      expect(paid.data?.order).toMatchObject({
        status: 'PAID',
        balanceDue: BRL('0'),
        fullyPaid: true,
        seller: { nickname: 'TETE6072468' },
      });
      expect(paid.data?.order?.dateClosed).toMatch(/-04:00$/);
      expect(paid.data?.order?.payments).toHaveLength(3);
    });
  });

  describe('orders (connection) and me', () => {
    it("lists the caller's sales by default: the account and one search, and order(id) from the page costs nothing more", async () => {
      const res = await execute(stack.gatewayUrl, OrdersPageDocument, {}, TOKENS.sellerMLB);
      expect(res.errors).toBeUndefined();
      expect(res.data?.orders.totalCount).toBe(1);
      expect(res.data?.orders.edges.map((e) => [e.node.id, e.node.buyer?.nickname])).toEqual([
        ['893431118', 'TETE2022123'],
      ]);
      expect(await upstreamCalls(stack.sandboxUrl)).toEqual({ 'GET /users/me': 1, 'GET /orders/search': 1 });

      await raw(stack.sandboxUrl, 'POST', '/__sandbox/reset');
      // The order from the page costs no read of its own; its balanceDue reads its two payments.
      const both = await execute(
        stack.gatewayUrl,
        OrdersPageAndOrderDocument,
        { first: 5, id: '893431118' },
        TOKENS.sellerMLB,
      );
      expect(both.errors).toBeUndefined();
      expect(both.data?.order?.id).toBe('893431118');
      expect(await upstreamCalls(stack.sandboxUrl)).toEqual({
        'GET /users/me': 1,
        'GET /orders/search': 1,
        'GET /v1/payments/{id}': 2,
      });
    });

    it('pages purchases with opaque cursors, newest first, filters by status, and reads an empty page past the end', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push(String((await purchase()).id));
      const first = await execute(
        stack.gatewayUrl,
        OrdersPageDocument,
        { filter: { role: 'BUYER' as const }, first: 2 },
        TOKENS.buyerMLB,
      );
      expect(first.errors).toBeUndefined();
      expect(first.data?.orders.totalCount).toBe(4);
      expect(first.data?.orders.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
      expect(first.data?.orders.pageInfo.hasNextPage).toBe(true);
      const second = await execute(
        stack.gatewayUrl,
        OrdersPageDocument,
        { filter: { role: 'BUYER' as const }, first: 2, after: first.data?.orders.pageInfo.endCursor },
        TOKENS.buyerMLB,
      );
      expect(second.data?.orders.edges.map((e) => e.node.id)).toEqual([ids[0], '893431118']);
      expect(second.data?.orders.pageInfo).toEqual({
        hasNextPage: false,
        endCursor: second.data?.orders.edges[1].cursor,
      });
      const past = await execute(
        stack.gatewayUrl,
        OrdersPageDocument,
        { filter: { role: 'BUYER' as const }, first: 2, after: second.data?.orders.pageInfo.endCursor },
        TOKENS.buyerMLB,
      );
      expect(past.errors).toBeUndefined();
      expect(past.data?.orders).toMatchObject({
        totalCount: 4,
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      });
      const paidOnly = await execute(
        stack.gatewayUrl,
        OrdersPageDocument,
        { filter: { role: 'BUYER' as const, statuses: ['PAID' as const] } },
        TOKENS.buyerMLB,
      );
      expect(paidOnly.data?.orders.edges.map((e) => e.node.id)).toEqual(['893431118']);
      // The seller sees none of the unpaid purchases.
      const sales = await execute(stack.gatewayUrl, OrdersPageDocument, {}, TOKENS.sellerMLB);
      expect(sales.data?.orders.totalCount).toBe(1);
    });

    it('reads an empty page, with the total, for a cursor past the furthest offset Mercado Libre serves', async () => {
      // A cursor names a position; past 10,000 the search itself refuses to page, so the page is empty.
      for (const position of [MAX_SEARCH_OFFSET, 999_999_999]) {
        const res = await execute(
          stack.gatewayUrl,
          OrdersPageDocument,
          { first: 5, after: encodeCursor(position) },
          TOKENS.sellerMLB,
        );
        expect(res.errors).toBeUndefined();
        expect(res.data?.orders).toMatchObject({
          totalCount: 1,
          edges: [],
          pageInfo: { hasNextPage: false, endCursor: null },
        });
      }
      // The caller's account once per operation, and one search each.
      expect(await upstreamCalls(stack.sandboxUrl)).toEqual({ 'GET /users/me': 2, 'GET /orders/search': 2 });
    });

    it('takes date filters finer than milliseconds, rounded inwards to what Mercado Libre keeps', async () => {
      const res = await execute(
        stack.gatewayUrl,
        OrdersPageDocument,
        // Order 893431118 was created at 22:46:18.000-04:00: inside, by a hair, on both sides.
        {
          filter: {
            dateCreatedFrom: '2014-10-26T22:46:17.999999999-04:00',
            dateCreatedTo: '2014-10-27T02:46:18.0000001Z',
          },
        },
        TOKENS.sellerMLB,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.orders.edges.map((e) => e.node.id)).toEqual(['893431118']);
      const after = await execute(
        stack.gatewayUrl,
        OrdersPageDocument,
        { filter: { dateCreatedFrom: '2014-10-26T22:46:18.0000001-04:00' } },
        TOKENS.sellerMLB,
      );
      expect(after.errors).toBeUndefined();
      expect(after.data?.orders.totalCount).toBe(0);
    });

    it('refuses bad arguments before any upstream call', async () => {
      for (const variables of [
        { first: 51 },
        { first: 0 },
        { after: 'not-a-cursor' },
        { filter: { statuses: [] } },
        { filter: { dateCreatedFrom: '2024-02-01T00:00:00Z', dateCreatedTo: '2024-01-01T00:00:00Z' } },
      ]) {
        const res = await execute(stack.gatewayUrl, OrdersPageDocument, variables, TOKENS.sellerMLB);
        expect(res.errors?.map((e) => e.extensions?.code)).toContain('BAD_USER_INPUT');
      }
      for (const id of ['..', '89343111a', '1'.repeat(20), '']) {
        const res = await execute(stack.gatewayUrl, OrderDetailsDocument, { id }, TOKENS.sellerMLB);
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      }
      expect(await upstreamCalls(stack.sandboxUrl)).toEqual({});
    });

    it("me: the caller's account, in one call however often it is asked", async () => {
      const res = await execute(stack.gatewayUrl, MeDocument, {}, TOKENS.sellerMLB);
      expect(res.errors).toBeUndefined();
      expect(res.data?.me).toEqual({
        id: '169648308',
        nickname: 'TETE6072468',
        firstName: 'Test',
        lastName: 'Test',
        email: 'test_user_70385259@testuser.com',
        siteId: 'MLB',
      });
      const buyer = await execute(stack.gatewayUrl, MeDocument, {}, TOKENS.buyerMLM);
      expect(buyer.data?.me).toMatchObject({ id: '53745235', firstName: 'Joan Carlos', siteId: 'MLM' });
      await raw(stack.sandboxUrl, 'POST', '/__sandbox/reset');
      // A sales page and me side by side share the account read.
      await execute(stack.gatewayUrl, MeDocument, {}, TOKENS.sellerMLB);
      expect(await upstreamCalls(stack.sandboxUrl)).toEqual({ 'GET /users/me': 1 });
    });

    it('asks for a token before any upstream call', async () => {
      const res = await execute(stack.gatewayUrl, OrdersPageDocument, {});
      expect(res.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
      expect(await upstreamCalls(stack.sandboxUrl)).toEqual({});
    });
  });

  describe('failures', () => {
    it('a payment that cannot be read is null at its path with one error; the order and the other payment stand', async () => {
      await raw(stack.sandboxUrl, 'POST', '/__sandbox/faults', {
        body: { route: 'GET /v1/payments/{id}', status: 403, times: 1 },
      });
      const res = await execute(stack.gatewayUrl, PaymentWithOrderDocument, { id: '3506756222' }, TOKENS.sellerMLM);
      expect(res.data?.payment).toBeNull();
      expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['payment'], 'FORBIDDEN']]);

      await raw(stack.sandboxUrl, 'POST', '/__sandbox/faults', {
        body: { route: 'GET /v1/payments/{id}', status: 403, times: 1 },
      });
      const order = await execute(stack.gatewayUrl, OrderDetailsTwiceDocument, { id: '893431118' }, TOKENS.sellerMLB);
      // balanceDue needs every payment: it fails too, once, at its own path.
      expect(order.data?.order?.summary.filter((p) => p === null)).toHaveLength(1);
      expect(order.data?.order?.summary.filter((p) => p !== null)).toHaveLength(1);
      expect(order.data?.order?.id).toBe('893431118');
      expect(order.data?.order?.balanceDue).toBeNull();
      const paths = order.errors?.map((e) => e.path?.join('.')).sort();
      expect(paths).toHaveLength(4);
      expect(order.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    });

    it('Mercado Libre down: UPSTREAM_UNAVAILABLE naming Mercado Libre, after one retry', async () => {
      await raw(stack.sandboxUrl, 'POST', '/__sandbox/faults', { body: { route: 'GET /orders/{id}', status: 503 } });
      const before = await upstreamCalls(stack.sandboxUrl);
      const res = await execute(stack.gatewayUrl, OrderDetailsDocument, { id: '893431118' }, TOKENS.sellerMLB);
      expect(res.data?.order).toBeNull();
      expect(res.errors).toEqual([
        expect.objectContaining({
          path: ['order'],
          message: 'Mercado Libre is unavailable; retry later.',
          extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE' }),
        }),
      ]);
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({ 'GET /orders/{id}': 2 });
    });
  });
});
