// The order life cycle of the order payments page (docs/sources.md) as one pure function: an order's
// status follows from its own facts (flow, whether it was ever paid in full, a cancellation) and the
// state of its payments.
// Amounts are decimal; nothing here knows HTTP or the store.
//
//   created ──► payment_required (mandatory Mercado Pago flow: invisible to the seller)
//          └──► confirmed        (the other flow: visible from the start)
//   a payment under review         ──► payment_in_process
//   approved payments, short of it ──► partially_paid
//   approved payments cover it     ──► paid            (from then on the order is never unpaid again)
//   a paid order loses part of it  ──► partially_refunded; all of it ──► cancelled
//   a cancellation is asked for    ──► pending_cancel while approved money is not refunded, then cancelled
//   refunded in account money      ──► stays paid, tagged unfulfilled (Mexico only, order payments page)
import Decimal from 'decimal.js';
import type { OrderStatus } from '../types';
import { dec, sum } from './money';

export interface OrderPaymentFacts {
  status: string;
  transaction_amount: Decimal.Value;
  transaction_amount_refunded: Decimal.Value;
}

export interface OrderFacts {
  total: Decimal.Value;
  mandatory_mercadopago: boolean;
  was_paid: boolean;
  cancel_requested: boolean;
  refund_account_money: boolean;
}

export interface DerivedOrder {
  status: OrderStatus;
  /** What approved payments hold, net of refunds. */
  paid_amount: Decimal;
  /** Approved payments cover the total. */
  covered: boolean;
}

/** Statuses of a payment that is neither settled nor refused yet. */
const UNDER_WAY = new Set(['pending', 'in_process', 'authorized']);

export const orderTotal = (items: { quantity: number; unit_price: Decimal.Value }[]): Decimal =>
  sum(items.map((i) => dec(i.unit_price).times(i.quantity)));

/** Approved money net of its refunds (a partially refunded payment is still `approved`). */
export const paidAmount = (payments: OrderPaymentFacts[]): Decimal =>
  sum(
    payments
      .filter((p) => p.status === 'approved')
      .map((p) => Decimal.max(0, dec(p.transaction_amount).minus(p.transaction_amount_refunded))),
  );

export const deriveOrder = (order: OrderFacts, payments: OrderPaymentFacts[]): DerivedOrder => {
  const paid = paidAmount(payments);
  const covered = paid.gte(order.total);
  const status = ((): OrderStatus => {
    if (order.refund_account_money) return 'paid';
    if (order.cancel_requested) return paid.gt(0) ? 'pending_cancel' : 'cancelled';
    if (covered) return 'paid';
    if (order.was_paid) return paid.gt(0) ? 'partially_refunded' : 'cancelled';
    if (paid.gt(0)) return 'partially_paid';
    if (payments.some((p) => UNDER_WAY.has(p.status))) return 'payment_in_process';
    return order.mandatory_mercadopago ? 'payment_required' : 'confirmed';
  })();
  return { status, paid_amount: paid, covered };
};

/**
 * The order payments page: an order of the mandatory flow is invisible to its seller (no date_closed, no
 * counterpart data, no stock taken, only `created_orders`) until it is paid in full.
 */
export const visibleToSeller = (order: { mandatory_mercadopago: boolean; was_paid: boolean }): boolean =>
  !order.mandatory_mercadopago || order.was_paid;

/** Tags Mercado Libre puts on an order, from its status. */
export const orderTags = (status: OrderStatus, refundAccountMoney: boolean): string[] => {
  const tags = ['not_delivered', status === 'paid' || status === 'partially_refunded' ? 'paid' : 'not_paid'];
  if (refundAccountMoney) tags.push('unfulfilled');
  return tags;
};

/** Statuses in which the buyer can still pay (part of) the order. */
export const PAYABLE: ReadonlySet<OrderStatus> = new Set([
  'payment_required',
  'confirmed',
  'payment_in_process',
  'partially_paid',
]);

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'confirmed',
  'payment_required',
  'payment_in_process',
  'partially_paid',
  'paid',
  'partially_refunded',
  'pending_cancel',
  'cancelled',
  'invalid',
];
