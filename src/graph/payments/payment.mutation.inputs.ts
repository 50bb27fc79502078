// Inputs and payloads of the payment mutations (DESIGN §3). Every money-moving input carries the
// client's idempotencyKey; amounts are Decimal strings, never floats.
import type Decimal from 'decimal.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IdentificationInput } from '../common/identification';
import { DecimalScalar } from '../common/scalars';
import { UserError } from '../common/userError';
import { Refund } from '../refunds/refund.type';
import { Payment } from './payment.type';

const KEY =
  'Your key for this operation (1 to 255 characters, e.g. a UUID per checkout attempt). The same key with the same input returns the first result and never charges twice; with other input it is refused (IDEMPOTENCY_KEY_REUSED). Kept at least 24 hours.';

@InputType({
  description:
    'Who pays: an e-mail for a new payer, or a saved customer (whose card token was made from a saved card).',
})
export class PaymentPayerInput {
  @Field(() => String, { nullable: true, description: "The payer's e-mail; required unless customerId is given." })
  email?: string | null;

  @Field(() => IdentificationInput, { nullable: true, description: "The payer's identity document." })
  identification?: IdentificationInput | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A saved customer (`123456789-jxOV430go9fx2e`): pay with one of its saved cards.',
  })
  customerId?: string | null;
}

@InputType({
  description:
    'A card payment: a card token (from MercadoPago.js, or from a saved card with its security code) and an amount.',
})
export class CreatePaymentInput {
  @Field(() => String, { description: KEY })
  idempotencyKey!: string;

  @Field(() => String, { description: 'The card token. Single use: a token a payment used cannot pay again.' })
  token!: string;

  @Field(() => DecimalScalar, {
    description: 'What to charge, as a decimal string ("3500" or "10.50"); at most 2 decimals.',
  })
  amount!: Decimal;

  @Field(() => Int, { description: 'Number of installments, 1 to 36; the card issuer decides which are offered.' })
  installments!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The card brand, such as "visa" or "master"; checked against the site\'s methods and their amount limits when given.',
  })
  paymentMethodId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The card issuer, when the payer chose one.' })
  issuerId?: string | null;

  @Field(() => PaymentPayerInput, { nullable: true, description: 'Who pays; an e-mail or a customerId is required.' })
  payer?: PaymentPayerInput | null;

  @Field(() => String, { nullable: true, description: 'What is being paid for (at most 600 characters).' })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Your reference for this payment, such as an order id (at most 256 characters).',
  })
  externalReference?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "How the charge shows on the buyer's card statement (at most 22 characters).",
  })
  statementDescriptor?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False to authorize only, and capture later with capturePayment; true (the default) to charge now.',
  })
  capture?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'True to get only approved or rejected, never in process.' })
  binaryMode?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "Where Mercado Pago should send this payment's webhooks (an http(s) URL, at most 500 characters).",
  })
  notificationUrl?: string | null;
}

@InputType({ description: 'Capture an authorized payment, for all of it or less.' })
export class CapturePaymentInput {
  @Field(() => String, { description: KEY })
  idempotencyKey!: string;

  @Field(() => ID, { description: 'The authorized payment.' })
  paymentId!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Capture this much (at most what was authorized); all of it when omitted.',
  })
  amount?: Decimal | null;
}

@InputType({ description: 'Cancel a pending, in-process or authorized payment.' })
export class CancelPaymentInput {
  @Field(() => String, { description: KEY })
  idempotencyKey!: string;

  @Field(() => ID, { description: 'The payment to cancel.' })
  paymentId!: string;
}

@InputType({ description: 'Refund an approved payment, all that is left or part of it.' })
export class RefundPaymentInput {
  @Field(() => String, { description: KEY })
  idempotencyKey!: string;

  @Field(() => ID, { description: 'The payment to refund.' })
  paymentId!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Refund this much (at most what is left to refund); everything left when omitted.',
  })
  amount?: Decimal | null;
}

@ObjectType({ description: 'The payment a mutation created or changed, or why it did not.' })
export class PaymentPayload {
  @Field(() => Payment, {
    nullable: true,
    description:
      'The payment as it stands after the mutation. A declined card is not an error: the payment is here with status REJECTED and its statusDetail.',
  })
  payment!: Payment | null;

  @Field(() => [UserError], { description: 'Bad input or refusals; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The refund made, and the payment after it, or why there was none.' })
export class RefundPayload {
  @Field(() => Refund, { nullable: true, description: 'The refund made.' })
  refund!: Refund | null;

  @Field(() => Payment, {
    nullable: true,
    description: 'The refunded payment as it stands now (read again after the refund).',
  })
  payment!: Payment | null;

  @Field(() => [UserError], { description: 'Bad input or refusals; empty on success.' })
  userErrors!: UserError[];
}
