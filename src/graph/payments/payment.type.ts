import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import type { Scope } from '../../auth';
import { Card } from '../customers/card.type';
import { Connection } from '../common/connection';
import { listCost } from '../common/cost';
import { Money } from '../common/money';
import { DateTimeScalar } from '../common/scalars';
import { Identification } from '../common/identification';
import { FeePayer, FeeType, PayerType, PaymentStatus } from './payment.enums';
import { Refund } from './refund.type';

@ObjectType({
  description:
    "Who paid. The seller's view of a payment names the payer; the buyer's view gives only the payer's id, so " +
    'every other field is null there (never filled in from elsewhere).',
})
export class Payer {
  @Field(() => ID, {
    nullable: true,
    description: "The payer's Mercado Pago user id (a customer's numeric id for a saved customer).",
  })
  id!: string | null;

  @Field(() => String, { nullable: true, description: "The payer's e-mail, when Mercado Pago shares it." })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'First name.' })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'Last name.' })
  lastName!: string | null;

  @Field(() => Identification, { nullable: true, description: "The payer's identity document." })
  identification!: Identification | null;

  @Field(() => PayerType, {
    nullable: true,
    description:
      "Who the payer is to Mercado Pago. Null in the buyer's view, and when Mercado Pago sends a type this " +
      'gateway does not know yet.',
  })
  type!: PayerType | null;
}

@ObjectType({
  description:
    "Who received the payment (the seller). The buyer's view of a payment names the collector; the seller's view " +
    "gives only the collector's id, so every other field is null there.",
})
export class Collector {
  @Field(() => ID, { nullable: true, description: "The collector's Mercado Pago user id." })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'First name.' })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'Last name.' })
  lastName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The collector's e-mail; Mercado Pago does not show it to buyers, so usually null.",
  })
  email!: string | null;
}

@ObjectType({ description: 'One fee charged on a payment.' })
export class FeeDetail {
  @Field(() => FeeType, {
    nullable: true,
    description: 'What the fee is for. Null when Mercado Pago sends a fee type this gateway does not know yet.',
  })
  type!: FeeType | null;

  @Field(() => FeePayer, {
    nullable: true,
    description: 'Who bears the fee. Null when Mercado Pago sends a value this gateway does not know yet.',
  })
  feePayer!: FeePayer | null;

  @Field(() => Money, { description: "The fee, in the payment's currency." })
  amount!: Money;
}

@ObjectType({
  description:
    "A Mercado Pago payment, as the caller's access token sees it (a seller sees its sales, a buyer its " +
    'purchases). A field missing from that view is null. Enum fields are null when Mercado Pago sends a value ' +
    'this gateway does not know yet (logged as a warning), never an error.',
})
export class Payment {
  @Field(() => ID, { description: 'Mercado Pago payment id (digits; exceeds 32 bits).' })
  id!: string;

  @Field(() => PaymentStatus, {
    nullable: true,
    description:
      'Where the payment stands. Null when Mercado Pago reports a status this gateway does not know yet; ' +
      '`statusDetail` still carries the raw detail.',
  })
  status!: PaymentStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Mercado Pago\'s reason for the status, such as "accredited" or "cc_rejected_other_reason".',
  })
  statusDetail!: string | null;

  @Field(() => Money, { nullable: true, description: 'The amount charged for the purchase, before financing.' })
  amount!: Money | null;

  @Authorized<Scope>('payments:read')
  @Field(() => Money, {
    nullable: true,
    description: 'How much of `amount` has been refunded so far (0 when nothing was).',
  })
  amountRefunded!: Money | null;

  @Field(() => Int, { nullable: true, description: 'Number of installments chosen by the buyer.' })
  installments!: number | null;

  @Field(() => Money, { nullable: true, description: 'The amount of each installment, financing included.' })
  installmentAmount!: Money | null;

  @Authorized<Scope>('payments:read')
  @Field(() => Money, { nullable: true, description: 'What the buyer pays in total, financing included.' })
  totalPaidAmount!: Money | null;

  @Authorized<Scope>('payments:read')
  @Field(() => Money, { nullable: true, description: 'What the seller receives after fees.' })
  netReceivedAmount!: Money | null;

  @Authorized<Scope>('payments:read')
  @Field(() => String, { nullable: true, description: 'Payment method, such as "visa", "master" or "amex".' })
  paymentMethodId!: string | null;

  @Authorized<Scope>('payments:read')
  @Field(() => String, {
    nullable: true,
    description: 'Payment type, such as "credit_card", "debit_card" or "ticket".',
  })
  paymentTypeId!: string | null;

  @Authorized<Scope>('payments:read')
  @Field(() => ID, { nullable: true, description: "The card issuer's Mercado Pago id, for card payments." })
  issuerId!: string | null;

  @Authorized<Scope>('payments:read')
  @Field(() => String, { nullable: true, description: 'What was bought, as the seller described it.' })
  description!: string | null;

  @Authorized<Scope>('payments:read')
  @Field(() => String, {
    nullable: true,
    description: "The seller's own reference for this payment (for Mercado Libre sales, the order id).",
  })
  externalReference!: string | null;

  @Authorized<Scope>('payments:read')
  @Field(() => String, { nullable: true, description: "The text on the buyer's card statement." })
  statementDescriptor!: string | null;

  @Authorized<Scope>('payments:read')
  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the amount was captured (false while only authorized).',
  })
  captured!: boolean | null;

  @Authorized<Scope>('payments:read')
  @Field(() => Boolean, { nullable: true, description: 'False for payments made with test credentials.' })
  liveMode!: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the payment was created.' })
  dateCreated!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the payment was approved; null until then.' })
  dateApproved!: string | null;

  @Authorized<Scope>('payments:read')
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the payment last changed.' })
  dateLastUpdated!: string | null;

  @Authorized<Scope>('payments:read')
  @Field(() => Payer, {
    nullable: true,
    description:
      "Who paid. The seller's view names the payer; the buyer's view gives only `payer.id`, every other payer " +
      'field null.',
  })
  payer!: Payer | null;

  @Authorized<Scope>('payments:read')
  @Field(() => Collector, {
    nullable: true,
    description:
      "Who received the payment. The buyer's view names the collector; the seller's view gives only `collector.id`.",
  })
  collector!: Collector | null;

  @Field(() => Card, { nullable: true, description: 'The card used, for card payments.' })
  card!: Card | null;

  // Embedded in the payment: one total refund, or a few partial ones.
  @Authorized<Scope>('payments:read')
  @Field(() => [Refund], {
    complexity: listCost(3),
    description: 'Refunds made on this payment, oldest first (from the payment itself: no extra upstream call).',
  })
  refunds!: Refund[];

  // Embedded in the payment: the Mercado Pago fee, financing, sometimes shipping or a coupon.
  @Authorized<Scope>('payments:read')
  @Field(() => [FeeDetail], {
    complexity: listCost(3),
    description: 'Fees charged on this payment (Mercado Pago fees, financing, …).',
  })
  feeDetails!: FeeDetail[];

  /** The Mercado Libre order the payment belongs to (`order: {type: "mercadolibre", id}`); `order` loads it. */
  orderId!: string | null;

  /**
   * Who created the payment through this gateway: the caller identity stamped in its Mercado Pago
   * `metadata` (`mpgraph_subject`); a checkout session reads only the payments it created.
   */
  createdBy!: string | null;
}

@ObjectType({ description: 'A page of payments.' })
export class PaymentConnection extends Connection(Payment, 'Payment') {}
