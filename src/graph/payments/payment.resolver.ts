// Every field of the payment graph: Query.payment and Query.payments, the Payment fields that are
// computed or loaded (statusMessage, order), the payment mutations, and Subscription.paymentUpdated.
// Each field says where its data comes from: a loader of payment.loader.ts (or another domain's),
// which names the upstream route (docs/architecture.md, "From a field to its data").
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import type { Scope } from '../../auth';
import { unexpectedBody } from '../../upstream/errors';
import type { MpPayment, MpRefund } from '../../upstream/mercadopago';
import { paymentMethods } from '../catalog/catalog.loader';
import { toConnection } from '../common/connection';
import { connectionCost } from '../common/cost';
import { answerFor } from '../common/loader';
import { idArgument } from '../common/ids';
import { checked, CURRENCY_DECIMALS } from '../common/inputChecks';
import { Locale } from '../common/locale';
import { moneyMove } from '../common/moneyMove';
import { refusedOr, userError, type UserError } from '../common/userError';
import type { Context } from '../context';
import { notFound } from '../errors';
import { changesOf, type Delivery, type SubscriptionContext } from '../subscriptions/changes';
import { orderById } from '../orders/order.loader';
import { Order } from '../orders/order.type';
import { PaymentStatus } from './payment.enums';
import {
  CancelPaymentInput,
  CapturePaymentInput,
  CreatePaymentInput,
  createPaymentBody,
  PaymentPayload,
  PaymentsArgs,
  RefundPayload,
  RefundPaymentInput,
  targetAmount,
  toPaymentSearch,
} from './payment.inputs';
import { checkoutRefusals, checkoutSession, stampedBody, takeAttempt } from './payment.checkout';
import { paymentById, paymentSearch, toPayment, toRefund, warnUnknown } from './payment.loader';
import { paymentRefusal, type PaymentOperation } from './payment.refusals';
import { statusMessage } from './payment.statusMessage';
import { Payment, PaymentConnection } from './payment.type';

/** What a payment write leaves in the idempotency record (plain JSON, replayed as is). */
type PaymentOutcome = { payment: MpPayment } | { userErrors: UserError[] };
type RefundOutcome = { refund: MpRefund; currency: string | null } | { userErrors: UserError[] };

const paymentPayload = (payment: Payment | null, userErrors: UserError[] = []): PaymentPayload => ({
  payment,
  userErrors,
});

/** One payment write, its refusal kept as userErrors (so the idempotency record replays it too). */
const paymentWrite = async (operation: PaymentOperation, write: Promise<MpPayment>): Promise<PaymentOutcome> => {
  const result = await refusedOr(write);
  return result.ok ? { payment: result.value } : { userErrors: [paymentRefusal(operation, result.refusal)] };
};

/** The payment in the payload, and in this request's loader so anything else asking sees it. */
const settle = (ctx: Context, outcome: PaymentOutcome): PaymentPayload => {
  if ('userErrors' in outcome) return paymentPayload(null, outcome.userErrors);
  const payment = toPayment(outcome.payment, warnUnknown(ctx, String(outcome.payment.id)));
  paymentById(ctx).clear(payment.id).prime(payment.id, payment);
  return paymentPayload(payment);
};

/** Whether the caller may read the payment: a checkout session reads only the payments it created. */
const visibleTo = (ctx: Context, payment: Payment): boolean =>
  !checkoutSession(ctx, 'payments:read') || payment.createdBy === ctx.callerId();

/**
 * What capture and cancel share: the input checked, the idempotency record, one write of the payment
 * as it stands, and the payload.
 */
const changePayment = async (
  ctx: Context,
  operation: 'capturePayment' | 'cancelPayment',
  input: CapturePaymentInput | CancelPaymentInput,
  write: (amount: number | undefined, upstreamKey: string) => Promise<MpPayment>,
): Promise<PaymentPayload> => {
  const amount = checked(() => targetAmount(input));
  if (!amount.ok) return paymentPayload(null, amount.userErrors);
  const move = await moneyMove(ctx, operation, input, ({ upstreamKey }) =>
    paymentWrite(operation, write(amount.value, upstreamKey)),
  );
  return move.ok ? settle(ctx, move.value) : paymentPayload(null, move.userErrors);
};

/** The site's limits for the method, when the client named one (one catalog read, shared by the request). */
const checkMethodLimits = async (ctx: Context, input: CreatePaymentInput): Promise<UserError[]> => {
  if (input.paymentMethodId == null) return [];
  const method = (await paymentMethods(ctx).load()).find((m) => m.id === input.paymentMethodId);
  if (!method) {
    const message = `${input.paymentMethodId} is not a payment method of this seller's site.`;
    return [userError('INVALID_VALUE', message, ['input', 'paymentMethodId'])];
  }
  const { minAllowedAmount: min, maxAllowedAmount: max } = method;
  if ((min && input.amount.lt(min)) || (max && input.amount.gt(max))) {
    const range = `${min?.toFixed() ?? '0'} to ${max?.toFixed() ?? 'any amount'}`;
    return [userError('INVALID_AMOUNT', `${method.id} takes ${range} on this site.`, ['input', 'amount'])];
  }
  return [];
};

/** A refund's preconditions on the payment as it stands (read now): approved, and enough left; null when met. */
const checkRefundable = async (
  ctx: Context,
  input: RefundPaymentInput,
): Promise<{ userErrors: UserError[] } | null> => {
  const payment = await paymentById(ctx).load(input.paymentId);
  const at = ['input', 'paymentId'];
  if (!payment) {
    return {
      userErrors: [userError('NOT_FOUND', 'The payment does not exist, or is not visible to this access token.', at)],
    };
  }
  if (payment.status !== PaymentStatus.APPROVED) {
    const message = `Only an approved payment can be refunded; this one is ${payment.status ?? 'in an unknown state'}.`;
    return { userErrors: [userError('NOT_REFUNDABLE', message, at)] };
  }
  if (input.amount != null && payment.amount) {
    const decimals = CURRENCY_DECIMALS[payment.amount.currency] ?? 2;
    if (input.amount.decimalPlaces() > decimals) {
      const message = `${payment.amount.currency} amounts have at most ${decimals} decimals.`;
      return { userErrors: [userError('INVALID_AMOUNT', message, ['input', 'amount'])] };
    }
    const left = payment.amount.amount.minus(payment.amountRefunded?.amount ?? 0);
    if (input.amount.gt(left)) {
      const message = `Only ${left.toFixed()} ${payment.amount.currency} is left to refund.`;
      return { userErrors: [userError('REFUND_EXCEEDS_REMAINING', message, ['input', 'amount'])] };
    }
  }
  return null;
};

/**
 * The refund a replayed refund key made the first time, from the payment read after it: the newest
 * refund of the amount asked for (of any amount for a total refund). Mercado Pago's replay names no
 * refund, and a key makes one refund at most, so the newest that fits is that refund.
 */
const replayedRefund = (payment: MpPayment, amount: number | undefined): MpRefund => {
  const refunds = [...(payment.refunds ?? [])].reverse();
  const found = refunds.find((r) => amount === undefined || r.amount === amount);
  if (!found) {
    throw unexpectedBody('mercadoPago', `payment ${String(payment.id)}: a replayed refund is not among its refunds`);
  }
  return found;
};

/**
 * Payment fields without a resolver here (amount, payer, card, refunds, feeDetails, …) are data of
 * the payment itself: `toPayment` in payment.loader.ts fills them from `GET /v1/payments/{id}` or the
 * search's rows. So are Refund's (`toRefund`), Payer's, Collector's and FeeDetail's.
 */
@Resolver(() => Payment)
export class PaymentResolver {
  @Authorized<Scope>('payments:read', 'checkout')
  @Query(() => Payment, {
    nullable: true,
    description:
      'One payment by id. Null, with a NOT_FOUND error, when it does not exist or the access token may not see it.',
  })
  async payment(
    @Arg('id', () => ID, { description: 'Mercado Pago payment id: 1 to 19 digits.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Payment> {
    const found = await paymentById(ctx).load(idArgument('payment', id));
    // A checkout session reads only the payments it created; another's is not found, never forbidden.
    if (!found || !visibleTo(ctx, found)) {
      throw notFound('Payment', id);
    }
    return found;
  }

  // Scopes (payments:read or checkout) are checked when the client subscribes (SUBSCRIPTION_SCOPES), not per event.
  @Subscription(() => Payment, {
    description:
      'The payment each time it changes: read again from Mercado Pago after each notification, as this ' +
      'credential sees it, and sent when it differs from the last state sent. Without an id, every payment the ' +
      'credential may read (a checkout session: the payments it created). Needs payments:read or checkout.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { id?: string | null }, SubscriptionContext>) =>
      changesOf<Payment>(context, {
        kind: 'payment',
        id: args.id == null ? null : idArgument('payment', args.id),
        // GET /v1/payments/{id}
        read: (ctx, id) => paymentById(ctx).load(id),
        visible: visibleTo,
        updatedAt: (payment) => payment.dateLastUpdated,
      }),
  })
  paymentUpdated(
    @Root() delivery: Delivery<Payment>,
    @Arg('id', () => ID, { nullable: true, description: 'Mercado Pago payment id: 1 to 19 digits. Omitted: all.' })
    _id?: string | null,
  ): Payment {
    return delivery.value;
  }

  @Authorized<Scope>('payments:read')
  @Query(() => PaymentConnection, {
    complexity: connectionCost,
    description:
      "The caller's payments as seller (collector), newest first unless the filter says otherwise (Mercado Pago's " +
      'payment search). Each payment listed is also cached for `payment(id)` in the same operation.',
  })
  async payments(@Args(() => PaymentsArgs) args: PaymentsArgs, @Ctx() ctx: Context): Promise<PaymentConnection> {
    return toConnection(await paymentSearch(ctx).load(toPaymentSearch(args)));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The buyer-facing text Mercado Pago's response guide gives for this status and statusDetail, placeholders " +
      'filled from the payment (amounts as "MXN 3500.00"). Null when the guide has no text for this detail, or ' +
      'the text needs a value this view of the payment lacks.',
  })
  statusMessage(
    @Root() payment: Payment,
    @Arg('locale', () => Locale, {
      defaultValue: Locale.ES,
      description: 'Language of the text: ES (the default), EN or PT.',
    })
    locale: Locale,
  ): string | null {
    // Computed from the payment itself (payment.statusMessage.ts): no upstream call.
    return statusMessage(payment, locale);
  }

  @Authorized<Scope>('orders:read')
  @FieldResolver(() => Order, {
    nullable: true,
    description:
      'The Mercado Libre order this payment belongs to. Null for a payment made outside Mercado Libre; null with ' +
      'a NOT_FOUND error when the access token may not see the order.',
  })
  async order(@Root() payment: Payment, @Ctx() ctx: Context): Promise<Order | null> {
    if (!payment.orderId) return null;
    const found = await orderById(ctx).load(payment.orderId);
    if (!found) throw notFound('Order', payment.orderId);
    return found;
  }

  @Authorized<Scope>('payments:write', 'checkout')
  @Mutation(() => PaymentPayload, {
    description:
      'Charges a card (a card token, or a saved card through payer.customerId and a token made from it). A ' +
      'declined card is not an error: the payment comes back REJECTED with its statusDetail. Never charges twice ' +
      'for one idempotencyKey.',
  })
  async createPayment(
    @Arg('input', () => CreatePaymentInput, { description: 'The payment to make.' }) input: CreatePaymentInput,
    @Ctx() ctx: Context,
  ): Promise<PaymentPayload> {
    ctx.authenticate('createPayment charges a card through Mercado Pago');
    const cart = checkoutSession(ctx, 'payments:write');
    const body = checked(() => createPaymentBody(input));
    if (!body.ok) return paymentPayload(null, body.userErrors);
    const refusals = cart ? checkoutRefusals(cart, input) : [];
    if (refusals.length) return paymentPayload(null, refusals);
    const move = await moneyMove(
      ctx,
      'createPayment',
      input,
      async ({ upstreamKey, retry }): Promise<PaymentOutcome> => {
        // A retry of an attempt whose outcome is unknown goes straight to Mercado Pago, which replays: it
        // is neither checked again nor counted again.
        const limits = retry ? [] : await checkMethodLimits(ctx, input);
        if (limits.length) return { userErrors: limits };
        const attempts = retry || !cart ? [] : await takeAttempt(ctx, cart);
        if (attempts.length) return { userErrors: attempts };
        const stamped = stampedBody(body.value, ctx.callerId(), cart);
        // POST /v1/payments
        return paymentWrite('createPayment', ctx.mercadoPago().createPayment(stamped, upstreamKey));
      },
    );
    return move.ok ? settle(ctx, move.value) : paymentPayload(null, move.userErrors);
  }

  @Authorized<Scope>('payments:write')
  @Mutation(() => PaymentPayload, {
    description: 'Captures an authorized payment (created with capture: false), for all of it or a lower amount.',
  })
  async capturePayment(
    @Arg('input', () => CapturePaymentInput, { description: 'The payment to capture.' }) input: CapturePaymentInput,
    @Ctx() ctx: Context,
  ): Promise<PaymentPayload> {
    ctx.authenticate('capturePayment captures a Mercado Pago payment');
    return changePayment(ctx, 'capturePayment', input, (amount, key) =>
      // PUT /v1/payments/{id} { capture: true }
      ctx.mercadoPago().capturePayment(input.paymentId, amount, key),
    );
  }

  @Authorized<Scope>('payments:write')
  @Mutation(() => PaymentPayload, {
    description: 'Cancels a pending, in-process or authorized payment (an approved one is refunded instead).',
  })
  async cancelPayment(
    @Arg('input', () => CancelPaymentInput, { description: 'The payment to cancel.' }) input: CancelPaymentInput,
    @Ctx() ctx: Context,
  ): Promise<PaymentPayload> {
    ctx.authenticate('cancelPayment cancels a Mercado Pago payment');
    return changePayment(ctx, 'cancelPayment', input, (_amount, key) =>
      // PUT /v1/payments/{id} { status: "cancelled" }
      ctx.mercadoPago().cancelPayment(input.paymentId, key),
    );
  }

  @Authorized<Scope>('payments:write')
  @Mutation(() => RefundPayload, {
    description:
      'Refunds an approved payment: everything left when no amount is given, or part of it. Never refunds twice ' +
      'for one idempotencyKey.',
  })
  async refundPayment(
    @Arg('input', () => RefundPaymentInput, { description: 'The refund to make.' }) input: RefundPaymentInput,
    @Ctx() ctx: Context,
  ): Promise<RefundPayload> {
    ctx.authenticate('refundPayment refunds a Mercado Pago payment');
    const none = (userErrors: UserError[]): RefundPayload => ({ refund: null, payment: null, userErrors });
    const amount = checked(() => targetAmount(input));
    if (!amount.ok) return none(amount.userErrors);
    // The payment as this request read it after its own refund (not on a replay from the record).
    let after: MpPayment | null = null;
    const move = await moneyMove(
      ctx,
      'refundPayment',
      input,
      async ({ upstreamKey, retry }): Promise<RefundOutcome> => {
        // A retry of an attempt whose outcome is unknown is not checked against the payment: that
        // attempt may have made the refund, and the state it left would refuse its own replay.
        if (!retry) {
          const state = await checkRefundable(ctx, input);
          if (state) return state;
        }
        // POST /v1/payments/{id}/refunds
        const result = await refusedOr(ctx.mercadoPago().refundPayment(input.paymentId, amount.value, upstreamKey));
        if (!result.ok) return { userErrors: [paymentRefusal('refundPayment', result.refusal)] };
        // GET /v1/payments/{id}: the payment after the refund, and the refund itself when Mercado Pago
        // replayed the key without a body.
        after = answerFor(
          'mercadoPago',
          'payment',
          input.paymentId,
          await ctx.mercadoPago().getPayment(input.paymentId),
        );
        const refund = result.value ?? replayedRefund(after, amount.value);
        return { refund, currency: after.currency_id ?? null };
      },
    );
    if (!move.ok) return none(move.userErrors);
    if ('userErrors' in move.value) return none(move.value.userErrors);
    const payments = paymentById(ctx);
    payments.clear(input.paymentId);
    if (after) payments.prime(input.paymentId, toPayment(after, warnUnknown(ctx, input.paymentId)));
    const refund = toRefund(move.value.refund, input.paymentId, move.value.currency, warnUnknown(ctx, input.paymentId));
    return { refund, payment: await payments.load(input.paymentId), userErrors: [] };
  }
}
