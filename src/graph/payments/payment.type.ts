import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../common/money';
import { DateTimeScalar } from '../common/scalars';

/** UPPER_CASE mirrors of Mercado Pago's payment `status` values. */
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

@ObjectType({ description: 'The holder of a card as printed on it.' })
export class Cardholder {
  @Field(() => String, { nullable: true, description: 'Name as printed on the card.' })
  name!: string | null;
}

@ObjectType({ description: 'A payment card, as much of it as Mercado Pago discloses.' })
export class Card {
  @Field(() => String, { nullable: true, description: 'First six digits of the card number (the BIN).' })
  firstSixDigits!: string | null;

  @Field(() => String, { nullable: true, description: 'Last four digits of the card number.' })
  lastFourDigits!: string | null;

  @Field(() => Int, { nullable: true, description: 'Expiration month, 1 to 12.' })
  expirationMonth!: number | null;

  @Field(() => Int, { nullable: true, description: 'Expiration year, four digits.' })
  expirationYear!: number | null;

  @Field(() => Cardholder, { nullable: true, description: 'The cardholder.' })
  cardholder!: Cardholder | null;
}

@ObjectType({
  description:
    'A Mercado Pago payment, as the caller\'s access token sees it (a seller sees its sales, a buyer its purchases). A field missing from that view is null.',
})
export class Payment {
  @Field(() => ID, { description: 'Mercado Pago payment id (digits; exceeds 32 bits).' })
  id!: string;

  @Field(() => PaymentStatus, {
    nullable: true,
    description:
      'Where the payment stands. Null when Mercado Pago reports a status this gateway does not know yet; `statusDetail` still carries the raw detail.',
  })
  status!: PaymentStatus | null;

  @Field(() => String, { nullable: true, description: "Mercado Pago's reason for the status, such as \"accredited\" or \"cc_rejected_other_reason\"." })
  statusDetail!: string | null;

  @Field(() => Money, { nullable: true, description: 'The amount charged for the purchase, before financing.' })
  amount!: Money | null;

  @Field(() => Int, { nullable: true, description: 'Number of installments chosen by the buyer.' })
  installments!: number | null;

  @Field(() => Money, { nullable: true, description: 'The amount of each installment, financing included.' })
  installmentAmount!: Money | null;

  @Field(() => Money, { nullable: true, description: 'What the buyer pays in total, financing included.' })
  totalPaidAmount!: Money | null;

  @Field(() => Money, { nullable: true, description: 'What the seller receives after fees.' })
  netReceivedAmount!: Money | null;

  @Field(() => String, { nullable: true, description: 'Payment method, such as "visa", "master" or "amex".' })
  paymentMethodId!: string | null;

  @Field(() => String, { nullable: true, description: 'Payment type, such as "credit_card", "debit_card" or "ticket".' })
  paymentTypeId!: string | null;

  @Field(() => String, { nullable: true, description: 'What was bought, as the seller described it.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "The seller's own reference for this payment (for Mercado Libre sales, the order id)." })
  externalReference!: string | null;

  @Field(() => String, { nullable: true, description: "The text on the buyer's card statement." })
  statementDescriptor!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the amount was captured (false while only authorized).' })
  captured!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'False for payments made with test credentials.' })
  liveMode!: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the payment was created.' })
  dateCreated!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the payment was approved; null until then.' })
  dateApproved!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the payment last changed.' })
  dateLastUpdated!: string | null;

  @Field(() => Card, { nullable: true, description: 'The card used, for card payments.' })
  card!: Card | null;
}
