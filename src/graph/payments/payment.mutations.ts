// The payment mutations: createPayment, capturePayment, cancelPayment, refundPayment (DESIGN §3).
// Each one: input checked with no upstream call → idempotency record claimed (common/moneyMove.ts)
// → what needs current state is read and checked → one Mercado Pago write with the derived key →
// the outcome stored, mapped, and the request's loaders primed so the answer is never stale.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { MpPayment, MpPaymentCreate, MpRefund, WriteResult } from '../../upstream/mercadopago';
import { ALL } from '../catalog/catalog.loader';
import type { Context } from '../context';
import { CUSTOMER_ID, PAYMENT_ID } from '../common/ids';
import { Checks, checked, CURRENCY_DECIMALS } from '../common/inputChecks';
import { moneyMove } from '../common/moneyMove';
import { userError, type UserError } from '../common/userError';
import { toRefund } from '../refunds/refund.mapper';
import { PaymentStatus } from './payment.enums';
import { warnUnknown } from './payment.loader';
import { toPayment } from './payment.mapper';
import {
  CancelPaymentInput,
  CapturePaymentInput,
  CreatePaymentInput,
  PaymentPayload,
  RefundPayload,
  RefundPaymentInput,
} from './payment.mutation.inputs';
import { paymentRefusal, type PaymentOperation } from './payment.refusals';
import type { Payment } from './payment.type';

/** What a payment write leaves in the idempotency record (plain JSON, replayed as is). */
type PaymentOutcome = { payment: MpPayment } | { userErrors: UserError[] };
type RefundOutcome = { refund: MpRefund; currency: string | null } | { userErrors: UserError[] };

const TOKEN = /^[A-Za-z0-9]{8,64}$/;
const METHOD = /^[a-z_]{2,30}$/;
const ISSUER = /^\d{1,10}$/;

const paymentPayload = (payment: Payment | null, userErrors: UserError[] = []): PaymentPayload => ({
  payment,
  userErrors,
});

const asOutcome = (operation: PaymentOperation, result: WriteResult<MpPayment>): PaymentOutcome =>
  result.ok ? { payment: result.value } : { userErrors: [paymentRefusal(operation, result.refusal)] };

/** The payment in the payload, and in this request's loader so anything else asking sees it. */
const settle = (ctx: Context, outcome: PaymentOutcome): PaymentPayload => {
  if ('userErrors' in outcome) return paymentPayload(null, outcome.userErrors);
  const payment = toPayment(outcome.payment, warnUnknown(ctx, String(outcome.payment.id)));
  ctx.loaders.payment.clear(payment.id).prime(payment.id, payment);
  return paymentPayload(payment);
};

const checkCreate = (input: CreatePaymentInput): MpPaymentCreate => {
  const c = new Checks();
  c.idempotencyKey(input.idempotencyKey);
  c.matches(['input', 'token'], input.token, TOKEN, 'a card token (8 to 64 letters and digits)');
  const amount = c.amount(['input', 'amount'], input.amount);
  if (!Number.isInteger(input.installments) || input.installments < 1 || input.installments > 36) {
    c.fail('INVALID_INSTALLMENTS', ['input', 'installments'], 'installments must be a whole number from 1 to 36.');
  }
  if (input.paymentMethodId != null)
    c.matches(['input', 'paymentMethodId'], input.paymentMethodId, METHOD, 'a payment method id such as "visa"');
  if (input.issuerId != null) c.matches(['input', 'issuerId'], input.issuerId, ISSUER, 'an issuer id (digits)');
  const payer = input.payer ?? {};
  const email = c.email(['input', 'payer', 'email'], payer.email);
  const identification = c.identification(['input', 'payer', 'identification'], payer.identification);
  if (payer.customerId != null)
    c.matches(
      ['input', 'payer', 'customerId'],
      payer.customerId,
      CUSTOMER_ID,
      'a customer id (like "123456789-jxOV430go9fx2e")',
    );
  if (payer.customerId == null && payer.email == null)
    c.fail('INVALID_VALUE', ['input', 'payer'], 'payer needs an email, or the customerId of a saved customer.');
  const description = c.text(['input', 'description'], input.description, 600);
  const externalReference = c.text(['input', 'externalReference'], input.externalReference, 256);
  const statementDescriptor = c.text(['input', 'statementDescriptor'], input.statementDescriptor, 22);
  const notificationUrl = c.text(['input', 'notificationUrl'], input.notificationUrl, 500);
  if (notificationUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(notificationUrl))
    c.fail('INVALID_VALUE', ['input', 'notificationUrl'], 'notificationUrl must be an http(s) URL.');
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

/** The site's limits for the method, when the client named one (one catalog read, shared by the request). */
const checkMethodLimits = async (ctx: Context, input: CreatePaymentInput): Promise<UserError[]> => {
  if (input.paymentMethodId == null) return [];
  const method = (await ctx.loaders.paymentMethods.load(ALL)).find((m) => m.id === input.paymentMethodId);
  if (!method)
    return [
      userError('INVALID_VALUE', `${input.paymentMethodId} is not a payment method of this seller's site.`, [
        'input',
        'paymentMethodId',
      ]),
    ];
  if (
    (method.minAllowedAmount && input.amount.lt(method.minAllowedAmount)) ||
    (method.maxAllowedAmount && input.amount.gt(method.maxAllowedAmount))
  ) {
    const range = `${method.minAllowedAmount?.toFixed() ?? '0'} to ${method.maxAllowedAmount?.toFixed() ?? 'any amount'}`;
    return [userError('INVALID_AMOUNT', `${method.id} takes ${range} on this site.`, ['input', 'amount'])];
  }
  return [];
};

const checkTarget = (input: {
  idempotencyKey: string;
  paymentId: string;
  amount?: CapturePaymentInput['amount'];
}): number | undefined => {
  const c = new Checks();
  c.idempotencyKey(input.idempotencyKey);
  c.matches(['input', 'paymentId'], input.paymentId, PAYMENT_ID, 'a payment id (1 to 19 digits)');
  const amount = c.amount(['input', 'amount'], input.amount);
  c.done();
  return amount;
};

/** A refund's preconditions on the payment as it stands (read now): approved, and enough left. */
const checkRefundable = async (
  ctx: Context,
  input: RefundPaymentInput,
): Promise<{ currency: string | null } | { userErrors: UserError[] }> => {
  const payment = await ctx.loaders.payment.load(input.paymentId);
  const at = ['input', 'paymentId'];
  if (!payment)
    return {
      userErrors: [userError('NOT_FOUND', 'The payment does not exist, or is not visible to this access token.', at)],
    };
  if (payment.status !== PaymentStatus.APPROVED)
    return {
      userErrors: [
        userError(
          'NOT_REFUNDABLE',
          `Only an approved payment can be refunded; this one is ${payment.status ?? 'in an unknown state'}.`,
          at,
        ),
      ],
    };
  const currency = payment.amount?.currency ?? null;
  if (input.amount != null && payment.amount) {
    const decimals = CURRENCY_DECIMALS[payment.amount.currency] ?? 2;
    if (input.amount.decimalPlaces() > decimals)
      return {
        userErrors: [
          userError('INVALID_AMOUNT', `${payment.amount.currency} amounts have at most ${decimals} decimals.`, [
            'input',
            'amount',
          ]),
        ],
      };
    const left = payment.amount.amount.minus(payment.amountRefunded?.amount ?? 0);
    if (input.amount.gt(left))
      return {
        userErrors: [
          userError(
            'REFUND_EXCEEDS_REMAINING',
            `Only ${left.toFixed()} ${payment.amount.currency} is left to refund.`,
            ['input', 'amount'],
          ),
        ],
      };
  }
  return { currency };
};

@Resolver()
export class PaymentMutationResolver {
  @Mutation(() => PaymentPayload, {
    description:
      'Charges a card (a card token, or a saved card through payer.customerId and a token made from it). A declined card is not an error: the payment comes back REJECTED with its statusDetail. Never charges twice for one idempotencyKey.',
  })
  async createPayment(
    @Arg('input', () => CreatePaymentInput, { description: 'The payment to make.' }) input: CreatePaymentInput,
    @Ctx() ctx: Context,
  ): Promise<PaymentPayload> {
    const body = checked(() => checkCreate(input));
    if (!body.ok) return paymentPayload(null, body.userErrors);
    const move = await moneyMove(ctx, 'createPayment', input, async (key): Promise<PaymentOutcome> => {
      const limits = await checkMethodLimits(ctx, input);
      if (limits.length) return { userErrors: limits };
      return asOutcome('createPayment', await ctx.mercadoPago().createPayment(body.value, key));
    });
    return move.ok ? settle(ctx, move.value) : paymentPayload(null, move.userErrors);
  }

  @Mutation(() => PaymentPayload, {
    description: 'Captures an authorized payment (created with capture: false), for all of it or a lower amount.',
  })
  async capturePayment(
    @Arg('input', () => CapturePaymentInput, { description: 'The payment to capture.' }) input: CapturePaymentInput,
    @Ctx() ctx: Context,
  ): Promise<PaymentPayload> {
    const amount = checked(() => checkTarget(input));
    if (!amount.ok) return paymentPayload(null, amount.userErrors);
    const move = await moneyMove(ctx, 'capturePayment', input, async (key) =>
      asOutcome('capturePayment', await ctx.mercadoPago().capturePayment(input.paymentId, amount.value, key)),
    );
    return move.ok ? settle(ctx, move.value) : paymentPayload(null, move.userErrors);
  }

  @Mutation(() => PaymentPayload, {
    description: 'Cancels a pending, in-process or authorized payment (an approved one is refunded instead).',
  })
  async cancelPayment(
    @Arg('input', () => CancelPaymentInput, { description: 'The payment to cancel.' }) input: CancelPaymentInput,
    @Ctx() ctx: Context,
  ): Promise<PaymentPayload> {
    const target = checked(() => checkTarget(input));
    if (!target.ok) return paymentPayload(null, target.userErrors);
    const move = await moneyMove(ctx, 'cancelPayment', input, async (key) =>
      asOutcome('cancelPayment', await ctx.mercadoPago().cancelPayment(input.paymentId, key)),
    );
    return move.ok ? settle(ctx, move.value) : paymentPayload(null, move.userErrors);
  }

  @Mutation(() => RefundPayload, {
    description:
      'Refunds an approved payment: everything left when no amount is given, or part of it. Never refunds twice for one idempotencyKey.',
  })
  async refundPayment(
    @Arg('input', () => RefundPaymentInput, { description: 'The refund to make.' }) input: RefundPaymentInput,
    @Ctx() ctx: Context,
  ): Promise<RefundPayload> {
    const none = (userErrors: UserError[]): RefundPayload => ({ refund: null, payment: null, userErrors });
    const amount = checked(() => checkTarget(input));
    if (!amount.ok) return none(amount.userErrors);
    const move = await moneyMove(ctx, 'refundPayment', input, async (key): Promise<RefundOutcome> => {
      const state = await checkRefundable(ctx, input);
      if ('userErrors' in state) return state;
      const result = await ctx.mercadoPago().refundPayment(input.paymentId, amount.value, key);
      return result.ok
        ? { refund: result.value, currency: state.currency }
        : { userErrors: [paymentRefusal('refundPayment', result.refusal)] };
    });
    if (!move.ok) return none(move.userErrors);
    if ('userErrors' in move.value) return none(move.value.userErrors);
    // The payment changed: read it again for this response.
    ctx.loaders.payment.clear(input.paymentId);
    const refund = toRefund(move.value.refund, input.paymentId, move.value.currency, warnUnknown(ctx, input.paymentId));
    return { refund, payment: await ctx.loaders.payment.load(input.paymentId), userErrors: [] };
  }
}
