// Mercado Libre in the graph without a network: the order and user mappers, balanceDue's
// arithmetic, order search arguments, and how Mercado Libre's failures become our error codes.
import Decimal from 'decimal.js';
import { MESSAGES, upstreamCode, upstreamError } from '../../src/graph/errors';
import { OrderStatus } from '../../src/graph/orders/order.enums';
import { toOrderSearch as orderSearch } from '../../src/graph/orders/order.inputs';
import { toMarketplaceUser, toOrder } from '../../src/graph/orders/order.loader';
import { balanceDue } from '../../src/graph/orders/order.resolver';
import type { Order } from '../../src/graph/orders/order.type';
import { PaymentStatus } from '../../src/graph/payments/payment.enums';
import type { Payment } from '../../src/graph/payments/payment.type';
import { UpstreamError } from '../../src/upstream/errors';

/** Mercado Libre's answers as its client reports them. */
const answered = (status: number, error: string | null, retryAfter: number | null) =>
  new UpstreamError('mercadoLibre', 'status', { status, error, retryAfter });
const noAnswer = (timeout: boolean) => new UpstreamError('mercadoLibre', timeout ? 'timeout' : 'connection');

const ORDER = {
  id: 893431118,
  status: 'paid',
  status_detail: null,
  date_created: '2014-10-26T22:46:18.000-04:00',
  date_closed: null,
  last_updated: '2014-10-26T22:50:10.000-04:00',
  currency_id: 'BRL',
  total_amount: 591,
  paid_amount: 591,
  pack_id: null,
  tags: ['not_delivered', 'paid'],
  order_items: [
    {
      currency_id: 'BRL',
      item: { id: 'MLB600034093', title: 'Item', variation_id: null },
      quantity: 1,
      unit_price: 591,
    },
  ],
  payments: [{ id: 885920310 }, { id: 885920410 }],
  buyer: { id: 160903317, nickname: 'TETE2022123', first_name: 'Test', last_name: 'Test', email: 'b@testuser.com' },
  seller: { id: 169648308 },
};

const payment = (status: PaymentStatus, amount: string, refunded = '0', currency = 'BRL') =>
  ({
    status,
    amount: { amount: new Decimal(amount), currency },
    amountRefunded: { amount: new Decimal(refunded), currency },
  }) as Payment;

describe('toOrder', () => {
  it('maps order 893431118 of the order payments page; the payments are ids only, for the payment loader', () => {
    const order = toOrder(ORDER, () => undefined);
    expect(order).toMatchObject({
      id: '893431118',
      status: OrderStatus.PAID,
      dateClosed: null,
      totalAmount: { currency: 'BRL' },
      items: [{ itemId: 'MLB600034093', quantity: 1, unitPrice: { currency: 'BRL' }, variationId: null }],
      buyer: { id: '160903317', nickname: 'TETE2022123', email: 'b@testuser.com' },
      // The counterpart before payment: the id and nothing borrowed.
      seller: { id: '169648308', nickname: null, firstName: null, lastName: null, email: null },
      paymentIds: ['885920310', '885920410'],
      packId: null,
    });
    expect(order.totalAmount?.amount.toString()).toBe('591');
  });

  it('serves an unknown status as null and reports it', () => {
    const seen: [string, string][] = [];
    expect(toOrder({ ...ORDER, status: 'shipped_by_drone' }, (f, v) => seen.push([f, v])).status).toBeNull();
    expect(seen).toEqual([['status', 'shipped_by_drone']]);
  });

  it('refuses an order without a numeric id, and drops payment ids that are not digits', () => {
    expect(() => toOrder({ ...ORDER, id: null }, () => undefined)).toThrow(/numeric id/);
    expect(() => toOrder({ ...ORDER, id: '../1' }, () => undefined)).toThrow(/numeric id/);
    expect(toOrder({ ...ORDER, payments: [{ id: '..' }, { id: 1 }] }, () => undefined).paymentIds).toEqual(['1']);
    expect(() => toMarketplaceUser({ id: 'x' })).toThrow(/numeric id/);
  });
});

describe('balanceDue', () => {
  const order = toOrder({ ...ORDER, total_amount: 0.3 }, () => undefined);
  const due = (o: Order, ps: Payment[]) => balanceDue(o, ps)?.amount.toString() ?? null;

  it('is the total less the approved payments, net of refunds, in decimal, never below zero', () => {
    expect(due(order, [])).toBe('0.3');
    expect(due(order, [payment(PaymentStatus.APPROVED, '0.1'), payment(PaymentStatus.APPROVED, '0.2')])).toBe('0');
    expect(due(order, [payment(PaymentStatus.APPROVED, '0.1'), payment(PaymentStatus.REJECTED, '0.2')])).toBe('0.2');
    expect(due(order, [payment(PaymentStatus.APPROVED, '0.3', '0.1')])).toBe('0.1');
    expect(due(order, [payment(PaymentStatus.REFUNDED, '0.3', '0.3')])).toBe('0.3');
    expect(due(order, [payment(PaymentStatus.APPROVED, '1')])).toBe('0');
  });

  it('is null without a total, or with a payment in another currency', () => {
    expect(balanceDue({ ...order, totalAmount: null }, [])).toBeNull();
    expect(balanceDue(order, [payment(PaymentStatus.APPROVED, '0.1', '0', 'MXN')])).toBeNull();
  });
});

describe('orderSearch', () => {
  it("is the caller's sales, newest first, by default; purchases and filters as asked", () => {
    expect(orderSearch({})).toEqual({ role: 'seller', sort: 'date_desc', offset: 0, limit: 20 });
    expect(
      orderSearch({
        first: 5,
        filter: {
          role: 'BUYER' as never,
          statuses: [OrderStatus.PAID, OrderStatus.PAID, OrderStatus.CANCELLED],
          sortDirection: 'ASC' as never,
        },
      }),
    ).toEqual({
      role: 'buyer',
      sort: 'date_asc',
      offset: 0,
      limit: 5,
      statuses: ['paid', 'cancelled'],
    });
  });

  it('refuses an empty status list and a date range the wrong way round', () => {
    expect(() => orderSearch({ filter: { statuses: [] } })).toThrow(/at least one status/);
    expect(() =>
      orderSearch({ filter: { dateCreatedFrom: '2024-02-01T00:00:00Z', dateCreatedTo: '2024-01-01T00:00:00Z' } }),
    ).toThrow(/after/);
  });
});

describe('Mercado Libre failures', () => {
  it.each([
    [answered(404, 'order_not_found', null), 'NOT_FOUND'],
    [answered(403, 'not_owned_order', null), 'NOT_FOUND'],
    [answered(403, 'forbidden', null), 'FORBIDDEN'],
    [answered(401, 'unauthorized', null), 'UNAUTHENTICATED'],
    [answered(400, 'invalid_order_id', null), 'BAD_USER_INPUT'],
    [answered(429, null, 3), 'RATE_LIMITED'],
    [answered(503, null, null), 'UPSTREAM_UNAVAILABLE'],
    [answered(500, null, null), 'UPSTREAM_ERROR'],
    [noAnswer(true), 'UPSTREAM_TIMEOUT'],
    [noAnswer(false), 'UPSTREAM_UNAVAILABLE'],
  ])('%s → %s', (err, code) => {
    expect(upstreamCode(err)).toBe(code);
  });

  it('names Mercado Libre in the message, keeps Retry-After, and logs no more than status and error name', () => {
    const limited = upstreamError(answered(429, null, 3));
    expect(limited.message).toBe('Too many requests to Mercado Libre for this access token; retry later.');
    expect(limited.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 3 });
    expect(upstreamError(noAnswer(true)).message).toBe('Mercado Libre did not answer in time.');
    expect(upstreamError(answered(404, 'order_not_found', null)).message).toBe(MESSAGES.NOT_FOUND);
    expect(answered(403, 'not_owned_order', null).detail()).toEqual({
      service: 'mercadoLibre',
      failure: 'status',
      status: 403,
      error: 'not_owned_order',
    });
  });
});
