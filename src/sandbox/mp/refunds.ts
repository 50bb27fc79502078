// Refunds: POST|GET /v1/payments/{id}/refunds and GET /v1/payments/{id}/refunds/{refund_id}.
// Reference: https://www.mercadopago.com/developers/en/reference/chargebacks/_payments_id_refunds/post
// No amount refunds all that is left; partial refunds keep the payment approved with
// status_detail partially_refunded until the last one makes it refunded/refunded.
import { isObject } from '../../lib/json';
import { mpDate } from '../clock';
import type { SandboxContext, SandboxRequest, SandboxRouter } from '../http';
import { idempotent } from '../idempotency';
import { digitsId } from '../ids';
import { toNumber } from '../rules/money';
import { planRefund } from '../rules/refunds';
import type { SandboxUser } from '../fixtures/users';
import type { JsonObject, PaymentRecord, RefundRecord } from '../types';
import { paymentErrors as E } from './paymentErrors';
import { statusOf } from './paymentStates';
import { findOwned, findVisible } from './paymentViews';

const REFUND_ID_START = 2_040_000_001;

/**
 * Refunds `requested` (undefined: all that is left) of a payment `caller` collected, as
 * `POST /v1/payments/{id}/refunds` does; throws the API's error, having changed nothing.
 */
export const refundPayment = (
  ctx: SandboxContext,
  payment: PaymentRecord,
  caller: SandboxUser,
  rawBody: unknown,
): RefundRecord => {
  const b = rawBody === undefined || rawBody === null ? {} : rawBody;
  if (!isObject(b)) throw E.refundAmountNotNumeric();
  if (b.amount !== undefined && b.amount !== null && (typeof b.amount !== 'number' || !Number.isFinite(b.amount)))
    throw E.refundAmountNotNumeric();
  if (b.metadata !== undefined && b.metadata !== null && !isObject(b.metadata)) throw E.invalidMetadata();
  const status = statusOf(payment);
  if (status === 'refunded')
    throw E.refundState(`Payment ${payment.id} is already fully refunded: nothing is left to refund`);
  if (status !== 'approved')
    throw E.refundState(`Payment ${payment.id} is ${status}: only approved payments can be refunded`);

  const details = payment.body.transaction_details as JsonObject;
  const check = planRefund(
    payment.body.transaction_amount as number,
    details.total_paid_amount as number,
    payment.refunds,
    typeof b.amount === 'number' ? b.amount : undefined,
  );
  if (!check.ok) {
    const left = check.remaining.toFixed(2);
    if (check.reason === 'nothing_left') throw E.refundState(`Payment ${payment.id} has nothing left to refund`);
    if (check.reason === 'not_positive') throw E.refundAmountNotPositive();
    if (check.reason === 'too_many_decimals')
      throw E.refundAmountNotPositive('amount attribute must be positive, with at most 2 decimals');
    throw E.refundState(`amount ${String(b.amount)} exceeds the ${left} left to refund on payment ${payment.id}`);
  }
  const { plan } = check;
  const now = ctx.now();
  const refund: RefundRecord = {
    id: ctx.store.nextId('refund', REFUND_ID_START),
    payment_id: payment.id,
    amount: toNumber(plan.amount),
    metadata: (b.metadata as JsonObject | undefined) ?? {},
    source: { id: String(caller.id), name: `${caller.first_name} ${caller.last_name}`, type: 'collector' },
    date_created: mpDate(now),
    unique_sequence_number: null,
    refund_mode: 'standard',
    adjustment_amount: 0,
    status: 'approved',
    reason: null,
    labels: [],
    amount_refunded_to_payer: toNumber(plan.amount_refunded_to_payer),
    partition_details: [],
  };
  payment.refunds.push(refund);
  payment.body.transaction_amount_refunded = toNumber(plan.refunded_after);
  payment.body.status = plan.exhausts ? 'refunded' : 'approved';
  payment.body.status_detail = plan.exhausts ? 'refunded' : 'partially_refunded';
  payment.body.date_last_updated = refund.date_created;
  ctx.store.emitPayment('payment.updated', payment);
  return refund;
};

// https://www.mercadopago.com/developers/en/reference/chargebacks/_payments_id_refunds/post
const createRefund = (req: SandboxRequest, ctx: SandboxContext) => {
  const payment = findOwned(ctx.store, req.params.id, req.caller);
  return { status: 201, body: structuredClone(refundPayment(ctx, payment, req.caller, req.body)) };
};

export const registerRefunds = (router: SandboxRouter): void => {
  router.post('/v1/payments/{id}/refunds', (req, ctx) =>
    idempotent(req, ctx, { required: true, replay: 'empty' }, () => createRefund(req, ctx)),
  );

  // The SDK lists with a trailing slash (…/refunds/); the route table ignores it (routeTable.ts).
  // https://www.mercadopago.com/developers/en/reference/chargebacks/_payments_id_refunds/get
  router.get('/v1/payments/{id}/refunds', (req, ctx) => {
    const { record } = findVisible(ctx.store, req.params.id, req.caller);
    return { status: 200, body: structuredClone(record.refunds) };
  });

  // https://www.mercadopago.com/developers/en/reference/chargebacks/_payments_id_refunds_refund_id/get
  router.get('/v1/payments/{id}/refunds/{refund_id}', (req, ctx) => {
    const { record } = findVisible(ctx.store, req.params.id, req.caller);
    const refundId = digitsId(req.params.refund_id);
    const refund = record.refunds.find((r) => r.id === refundId);
    if (!refund) throw E.refundNotFound();
    return { status: 200, body: structuredClone(refund) };
  });
};
