// The enums of orders, UPPER_CASE mirrors of Mercado Libre's values (common/enums.ts reads them).
import { registerEnumType } from 'type-graphql';
import { enumReader, upperCaseTable } from '../common/enums';

/** UPPER_CASE mirrors of Mercado Libre's order `status` values. */
export enum OrderStatus {
  CONFIRMED = 'CONFIRMED',
  PAYMENT_REQUIRED = 'PAYMENT_REQUIRED',
  PAYMENT_IN_PROCESS = 'PAYMENT_IN_PROCESS',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  PENDING_CANCEL = 'PENDING_CANCEL',
  CANCELLED = 'CANCELLED',
  INVALID = 'INVALID',
}

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'Where a Mercado Libre order stands, as its `status` says it.',
  valuesConfig: {
    CONFIRMED: { description: 'Created outside the mandatory Mercado Pago flow; visible to the seller, not paid yet.' },
    PAYMENT_REQUIRED: {
      description: 'Created in the mandatory Mercado Pago flow and not paid yet; only its buyer sees it.',
    },
    PAYMENT_IN_PROCESS: { description: 'A payment is under review.' },
    PARTIALLY_PAID: { description: 'Approved payments cover part of the total.' },
    PAID: { description: 'Approved payments cover the total.' },
    PARTIALLY_REFUNDED: { description: 'Paid, then part of the money was refunded.' },
    PENDING_CANCEL: { description: 'Cancelled; the refund is still pending.' },
    CANCELLED: { description: 'Cancelled.' },
    INVALID: { description: 'Invalidated by Mercado Libre (a malicious buyer, for instance).' },
  },
});

export const readOrderStatus = enumReader(upperCaseTable(OrderStatus));

export enum OrderRole {
  SELLER = 'SELLER',
  BUYER = 'BUYER',
}

registerEnumType(OrderRole, {
  name: 'OrderRole',
  description: "The caller's side of the orders to list.",
  valuesConfig: {
    SELLER: { description: "The caller's sales." },
    BUYER: { description: "The caller's purchases." },
  },
});
