// The arguments and inputs of the payment fields, their payloads, and the checks that turn them into
// Mercado Pago's search or body before any upstream call (docs/architecture.md, "The life of a
// mutation"). Every money-moving input carries the client's idempotencyKey; amounts are Decimal
// strings, never floats.
import type Decimal from 'decimal.js';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { MpPaymentCreate, MpPaymentSearch } from '../../upstream/mercadopago';
import { PageArgs, pageWindow } from '../common/connection';
import { IdentificationInput } from '../common/identification';
import { Checks } from '../common/inputChecks';
import { DecimalScalar } from '../common/scalars';
import { DatedFilter, dateRange, SortDirection } from '../common/filters';
import { UserError } from '../common/userError';
import { badArgument } from '../errors';
import { PaymentStatus, paymentStatusValue } from './payment.enums';
import { Payment } from './payment.type';
import { Refund } from './refund.type';

/** Mercado Pago's own limit on external_reference is 256 characters. */
export const MAX_EXTERNAL_REFERENCE = 256;

@InputType({ description: "Which of the caller's payments (as seller) to list, and in which order." })
export class PaymentFilter extends DatedFilter {
  @Field(() => PaymentStatus, { nullable: true, description: 'Only payments with this status.' })
  status?: PaymentStatus | null;

  @Field(() => String, {
    nullable: true,
    description: `Only payments with this external reference (exact match; at most ${MAX_EXTERNAL_REFERENCE} characters).`,
  })
  externalReference?: string | null;
}

@ArgsType()
export class PaymentsArgs extends PageArgs {
  @Field(() => PaymentFilter, {
    nullable: true,
    description: 'Which payments, and in which order; all of them, newest first, when omitted.',
  })
  filter?: PaymentFilter | null;
}

const badFilter = (field: string, message: string) => badArgument(`filter.${field}`, `filter.${field} ${message}`);

/** The upstream search for these arguments; BAD_USER_INPUT before any call when they cannot be right. */
export const toPaymentSearch = (args: PaymentsArgs): MpPaymentSearch => {
  const { offset, limit } = pageWindow(args);
  const f: PaymentFilter = args.filter ?? {};
  const { from, to } = dateRange(f);
  const search: MpPaymentSearch = { offset, limit, criteria: f.sortDirection === SortDirection.ASC ? 'asc' : 'desc' };
  if (f.status) search.status = paymentStatusValue(f.status);
  if (f.externalReference !== null && f.externalReference !== undefined) {
    if (f.externalReference === '' || f.externalReference.length > MAX_EXTERNAL_REFERENCE) {
      throw badFilter('externalReference', `must be 1 to ${MAX_EXTERNAL_REFERENCE} characters.`);
    }
    search.externalReference = f.externalReference;
  }
  if (from) search.beginDate = from;
  if (to) search.endDate = to;
  return search;
};

const KEY =
  'Your key for this operation (1 to 255 characters, e.g. a UUID per checkout attempt). The same key with the ' +
  'same input returns the first result and never charges twice; with other input it is refused ' +
  '(IDEMPOTENCY_KEY_REUSED). Kept at least 24 hours.';

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
      'The card brand, such as "visa" or "master"; checked against the site\'s methods and their amount limits ' +
      'when given.',
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
      'The payment as it stands after the mutation. A declined card is not an error: the payment is here with ' +
      'status REJECTED and its statusDetail.',
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

const METHOD = /^[a-z_]{2,30}$/;
const ISSUER = /^\d{1,10}$/;

/** `POST /v1/payments`'s body for a createPayment input; throws InputRefused with every violation. */
export const createPaymentBody = (input: CreatePaymentInput): MpPaymentCreate => {
  const c = new Checks();
  c.idempotencyKey(input.idempotencyKey);
  c.id(['input', 'token'], input.token, 'cardToken');
  const amount = c.amount(['input', 'amount'], input.amount);
  if (!Number.isInteger(input.installments) || input.installments < 1 || input.installments > 36) {
    c.fail('INVALID_INSTALLMENTS', ['input', 'installments'], 'installments must be a whole number from 1 to 36.');
  }
  if (input.paymentMethodId != null) {
    c.matches(['input', 'paymentMethodId'], input.paymentMethodId, METHOD, 'a payment method id such as "visa"');
  }
  if (input.issuerId != null) c.matches(['input', 'issuerId'], input.issuerId, ISSUER, 'an issuer id (digits)');
  const payer = input.payer ?? {};
  const email = c.email(['input', 'payer', 'email'], payer.email);
  const identification = c.identification(['input', 'payer', 'identification'], payer.identification);
  if (payer.customerId != null) c.id(['input', 'payer', 'customerId'], payer.customerId, 'customer');
  if (payer.customerId == null && payer.email == null) {
    c.fail('INVALID_VALUE', ['input', 'payer'], 'payer needs an email, or the customerId of a saved customer.');
  }
  const description = c.text(['input', 'description'], input.description, 600);
  const externalReference = c.text(['input', 'externalReference'], input.externalReference, 256);
  const statementDescriptor = c.text(['input', 'statementDescriptor'], input.statementDescriptor, 22);
  const notificationUrl = c.text(['input', 'notificationUrl'], input.notificationUrl, 500);
  if (notificationUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(notificationUrl)) {
    c.fail('INVALID_VALUE', ['input', 'notificationUrl'], 'notificationUrl must be an http(s) URL.');
  }
  c.done();
  return {
    token: input.token,
    transaction_amount: amount!,
    installments: input.installments,
    ...(input.paymentMethodId != null ? { payment_method_id: input.paymentMethodId } : {}),
    ...(input.issuerId != null ? { issuer_id: Number(input.issuerId) } : {}),
    payer:
      payer.customerId != null
        ? { type: 'customer', id: payer.customerId }
        : { email: email!, ...(identification ? { identification } : {}) },
    ...(description !== undefined ? { description } : {}),
    ...(externalReference !== undefined ? { external_reference: externalReference } : {}),
    ...(statementDescriptor !== undefined ? { statement_descriptor: statementDescriptor } : {}),
    ...(input.capture != null ? { capture: input.capture } : {}),
    ...(input.binaryMode != null ? { binary_mode: input.binaryMode } : {}),
    ...(notificationUrl !== undefined ? { notification_url: notificationUrl } : {}),
  };
};

/** The payment a capture, cancel or refund acts on, and its amount as a number for the SDK (if any). */
export const targetAmount = (input: {
  idempotencyKey: string;
  paymentId: string;
  amount?: Decimal | null;
}): number | undefined => {
  const c = new Checks();
  c.idempotencyKey(input.idempotencyKey);
  c.id(['input', 'paymentId'], input.paymentId, 'payment');
  const amount = c.amount(['input', 'amount'], input.amount);
  c.done();
  return amount;
};
