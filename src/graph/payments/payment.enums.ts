// The enums of payments and refunds, UPPER_CASE mirrors of Mercado Pago's values. Readers map the
// REST value; an unknown one is null plus a warning in the log (common/enums.ts).
import { registerEnumType } from 'type-graphql';
import { enumReader, upperCaseTable } from '../common/enums';

export enum PaymentStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  AUTHORIZED = 'AUTHORIZED',
  IN_PROCESS = 'IN_PROCESS',
  IN_MEDIATION = 'IN_MEDIATION',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  REFUNDED = 'REFUNDED',
  CHARGED_BACK = 'CHARGED_BACK',
}

registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: "Where a payment stands, as Mercado Pago's `status` says it.",
  valuesConfig: {
    PENDING: { description: 'The buyer has not completed the payment yet.' },
    APPROVED: { description: 'Approved and credited.' },
    AUTHORIZED: { description: 'Authorized but not captured yet (created with capture: false).' },
    IN_PROCESS: { description: 'Under review.' },
    IN_MEDIATION: { description: 'The buyer started a dispute.' },
    REJECTED: { description: 'Rejected; `statusDetail` says why.' },
    CANCELLED: { description: 'Cancelled by a party, or expired.' },
    REFUNDED: { description: 'Refunded in full.' },
    CHARGED_BACK: { description: "A chargeback was placed on the buyer's card." },
  },
});

export const readPaymentStatus = enumReader(upperCaseTable(PaymentStatus));

/** REST value of a status, for searches: APPROVED → "approved". */
export const paymentStatusValue = (s: PaymentStatus): string => s.toLowerCase();

export enum PayerType {
  REGISTERED = 'REGISTERED',
  GUEST = 'GUEST',
  CUSTOMER = 'CUSTOMER',
}

registerEnumType(PayerType, {
  name: 'PayerType',
  description: 'Who the payer is to Mercado Pago.',
  valuesConfig: {
    REGISTERED: { description: 'A Mercado Pago (or Mercado Libre) user.' },
    GUEST: { description: 'Someone without an account, known by the e-mail given.' },
    CUSTOMER: { description: "One of the seller's saved customers." },
  },
});

export const readPayerType = enumReader(upperCaseTable(PayerType));

export enum FeeType {
  MERCADOPAGO_FEE = 'MERCADOPAGO_FEE',
  FINANCING_FEE = 'FINANCING_FEE',
  APPLICATION_FEE = 'APPLICATION_FEE',
  COUPON_FEE = 'COUPON_FEE',
  DISCOUNT_FEE = 'DISCOUNT_FEE',
  SHIPPING_FEE = 'SHIPPING_FEE',
}

registerEnumType(FeeType, {
  name: 'FeeType',
  description: 'What a fee of a payment is for.',
  valuesConfig: {
    MERCADOPAGO_FEE: { description: "Mercado Pago's processing fee." },
    FINANCING_FEE: { description: 'The cost of paying in installments.' },
    APPLICATION_FEE: { description: "The marketplace's (the integrating application's) fee." },
    COUPON_FEE: { description: 'A discount coupon.' },
    DISCOUNT_FEE: { description: 'A discount granted on the payment.' },
    SHIPPING_FEE: { description: 'Shipping cost.' },
  },
});

export const readFeeType = enumReader(upperCaseTable(FeeType));

export enum FeePayer {
  COLLECTOR = 'COLLECTOR',
  PAYER = 'PAYER',
}

registerEnumType(FeePayer, {
  name: 'FeePayer',
  description: 'Who bears a fee.',
  valuesConfig: {
    COLLECTOR: { description: 'The seller (it is taken from what the seller receives).' },
    PAYER: { description: 'The buyer (it is added to what the buyer pays).' },
  },
});

export const readFeePayer = enumReader(upperCaseTable(FeePayer));

export enum RefundStatus {
  APPROVED = 'APPROVED',
  IN_PROCESS = 'IN_PROCESS',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  AUTHORIZED = 'AUTHORIZED',
}

registerEnumType(RefundStatus, {
  name: 'RefundStatus',
  description: "Where a refund stands, as Mercado Pago's refund `status` says it.",
  valuesConfig: {
    APPROVED: { description: 'Done: the money is on its way back to the buyer.' },
    IN_PROCESS: { description: 'Being processed.' },
    REJECTED: { description: 'Refused.' },
    CANCELLED: { description: 'Cancelled.' },
    AUTHORIZED: { description: 'Authorized, not yet processed.' },
  },
});

export const readRefundStatus = enumReader(upperCaseTable(RefundStatus));
