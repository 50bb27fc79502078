// Refund arithmetic, in decimal only: what is left to refund, whether an amount fits, and what
// a refund gives back to the payer (its share of total_paid_amount, so the financing fee comes
// back with the last refund without drift).
import Decimal from 'decimal.js';
import { dec, sum } from './money';

export interface RefundPlan {
  amount: Decimal;
  amount_refunded_to_payer: Decimal;
  /** transaction_amount_refunded after this refund. */
  refunded_after: Decimal;
  /** True when nothing is left to refund after this one. */
  exhausts: boolean;
}

export type RefundCheck =
  | { ok: true; plan: RefundPlan }
  | {
      ok: false;
      reason: 'nothing_left' | 'not_positive' | 'too_many_decimals' | 'exceeds_remaining';
      remaining: Decimal;
    };

export const remainingToRefund = (transactionAmount: Decimal.Value, refunded: Decimal.Value[]): Decimal =>
  dec(transactionAmount).minus(sum(refunded));

/**
 * Plans a refund of `requested` (undefined: all that is left) on a payment of `transactionAmount`
 * whose payer paid `totalPaid`, after the refunds already made.
 */
export const planRefund = (
  transactionAmount: Decimal.Value,
  totalPaid: Decimal.Value,
  previous: { amount: Decimal.Value; amount_refunded_to_payer: Decimal.Value }[],
  requested?: Decimal.Value,
): RefundCheck => {
  const remaining = remainingToRefund(
    transactionAmount,
    previous.map((r) => r.amount),
  );
  if (remaining.lte(0)) return { ok: false, reason: 'nothing_left', remaining };
  const amount = requested === undefined ? remaining : dec(requested);
  if (amount.lte(0)) return { ok: false, reason: 'not_positive', remaining };
  if (amount.decimalPlaces() > 2) return { ok: false, reason: 'too_many_decimals', remaining };
  if (amount.gt(remaining)) return { ok: false, reason: 'exceeds_remaining', remaining };
  const exhausts = amount.eq(remaining);
  const paidBack = sum(previous.map((r) => r.amount_refunded_to_payer));
  const toPayer = exhausts
    ? dec(totalPaid).minus(paidBack)
    : amount.times(totalPaid).div(transactionAmount).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return {
    ok: true,
    plan: {
      amount,
      amount_refunded_to_payer: toPayer,
      refunded_after: sum(previous.map((r) => r.amount)).plus(amount),
      exhausts,
    },
  };
};
