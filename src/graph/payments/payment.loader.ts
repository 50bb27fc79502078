// Where payments and refunds come from (docs/architecture.md, "From a field to its data"): the
// per-request loaders, each naming the Mercado Pago route it reads, and the one REST→GraphQL mapper
// per type. Mercado Pago has no multi-get for payments, so a batch is one `GET /v1/payments/{id}`
// per distinct id; a payment a search of the same request returned is not read again.
import type { MpFeeDetail, MpPayment, MpPaymentSearch, MpRefund } from '../../upstream/mercadopago';
import { redactText, unexpectedBody } from '../../upstream/errors';
import { isId } from '../../upstream/ids';
import type { Context } from '../context';
import type { OnUnknown } from '../common/enums';
import { toIdentification } from '../common/identification';
import { answerFor, byIdLoader, perRequest, searchLoader, searchRows, Sightings, type Page } from '../common/loader';
import { money } from '../common/money';
import { bool, int, str, text } from '../common/values';
import { toCard } from '../customers/customer.loader';
import { readFeePayer, readFeeType, readPayerType, readPaymentStatus, readRefundStatus } from './payment.enums';
import type { Collector, FeeDetail, Payer, Payment } from './payment.type';
import type { Refund } from './refund.type';

/** Logs an enum value this gateway does not know yet (it is served as null). */
export const warnUnknown =
  (ctx: Context, paymentId: string): OnUnknown =>
  (field, value) =>
    ctx.log.warn('payment: unknown upstream value, served as null', {
      paymentId: redactText(paymentId, 64),
      field,
      value,
    });

/** What this request's payment searches returned: `paymentById` serves those without a call. */
const searched = perRequest(() => new Sightings<Payment>());

/** Payment by id, as the caller's token sees it; null when absent or not visible. */
export const paymentById = byIdLoader(async (ctx, id) => {
  // GET /v1/payments/{id}
  return toPayment(
    answerFor('mercadoPago', 'payment', id, await ctx.mercadoPago().getPayment(id)),
    warnUnknown(ctx, id),
  );
}, searched);

/** A page of the caller's payments (as collector); the search's rows are the same body as by id. */
export const paymentSearch = searchLoader({
  read: async (ctx: Context, search: MpPaymentSearch): Promise<Page<Payment>> => {
    // GET /v1/payments/search
    const { rows, total } = searchRows('mercadoPago', 'payments', await ctx.mercadoPago().searchPayments(search));
    // One answer, one unit: a row we cannot serve fails the page (UPSTREAM_ERROR), it is not dropped.
    return {
      items: rows.map((row) => toPayment(row, warnUnknown(ctx, String(row?.id)))),
      offset: search.offset,
      total,
    };
  },
  key: (s) =>
    JSON.stringify(
      [s.offset, s.limit, s.criteria, s.status, s.externalReference, s.beginDate, s.endDate].map((v) => v ?? null),
    ),
  sightings: searched,
  idOf: (p) => p.id,
});

// ---- REST → GraphQL ----

/** The seller's view has a `payer` object; the buyer's only `payer_id`. */
export const toPayer = (r: MpPayment, onUnknown: OnUnknown): Payer | null => {
  const p = r.payer;
  if (p) {
    return {
      id: text(p.id),
      email: text(p.email),
      firstName: text(p.first_name),
      lastName: text(p.last_name),
      identification: toIdentification(p.identification),
      type: readPayerType(p.type, 'payer.type', onUnknown),
    };
  }
  const id = text(r.payer_id);
  return id === null ? null : { id, email: null, firstName: null, lastName: null, identification: null, type: null };
};

/** The buyer's view has a `collector` object; the seller's only `collector_id`. */
export const toCollector = (r: MpPayment): Collector | null => {
  const c = r.collector;
  if (c) return { id: text(c.id), firstName: text(c.first_name), lastName: text(c.last_name), email: text(c.email) };
  const id = text(r.collector_id);
  return id === null ? null : { id, firstName: null, lastName: null, email: null };
};

export const toFeeDetail = (
  f: MpFeeDetail,
  paymentId: string,
  currency: string | null | undefined,
  onUnknown: OnUnknown,
): FeeDetail => {
  const amount = money(f.amount, currency);
  if (amount === null) throw unexpectedBody('mercadoPago', `payment ${paymentId}: a fee without an amount or currency`);
  return {
    type: readFeeType(f.type, 'fee_details.type', onUnknown),
    feePayer: readFeePayer(f.fee_payer, 'fee_details.fee_payer', onUnknown),
    amount,
  };
};

/**
 * A refund of the payment `paymentId`, as the payment's `refunds` array (or `POST …/refunds`)
 * carries it. Refunds carry no currency of their own: they are in the payment's. `amount` is
 * non-null in the graph, so a refund without an amount (or a payment without a currency) is a body
 * we cannot serve.
 */
export const toRefund = (
  r: MpRefund,
  paymentId: string,
  currency: string | null | undefined,
  onUnknown: OnUnknown,
): Refund => {
  const id = text(r.id);
  const amount = money(r.amount, currency);
  if (id === null || amount === null) {
    const missing = id === null ? 'an id' : 'an amount or currency';
    throw unexpectedBody('mercadoPago', `payment ${paymentId}: a refund without ${missing}`);
  }
  return {
    id,
    paymentId: text(r.payment_id) ?? paymentId,
    amount,
    status: readRefundStatus(r.status, 'refund.status', onUnknown),
    dateCreated: str(r.date_created),
  };
};

/** Payment: unknown enum values go to `onUnknown`; a body we cannot serve is an unexpected body. */
export const toPayment = (r: MpPayment, onUnknown: OnUnknown): Payment => {
  const id = text(r.id);
  if (id === null) throw unexpectedBody('mercadoPago', 'a payment without an id');
  const currency = r.currency_id;
  const details = r.transaction_details ?? {};
  const orderId = r.order?.type === 'mercadolibre' ? String(r.order.id ?? '') : '';
  return {
    id,
    status: readPaymentStatus(r.status, 'status', onUnknown),
    statusDetail: str(r.status_detail),
    amount: money(r.transaction_amount, currency),
    amountRefunded: money(r.transaction_amount_refunded, currency),
    installments: int(r.installments),
    installmentAmount: money(details.installment_amount, currency),
    totalPaidAmount: money(details.total_paid_amount, currency),
    netReceivedAmount: money(details.net_received_amount, currency),
    paymentMethodId: str(r.payment_method_id),
    paymentTypeId: str(r.payment_type_id),
    issuerId: text(r.issuer_id),
    description: str(r.description),
    externalReference: str(r.external_reference),
    statementDescriptor: str(r.statement_descriptor),
    captured: bool(r.captured),
    liveMode: bool(r.live_mode),
    dateCreated: str(r.date_created),
    dateApproved: str(r.date_approved),
    dateLastUpdated: str(r.date_last_updated),
    payer: toPayer(r, onUnknown),
    collector: toCollector(r),
    card: toCard(r.card),
    orderId: isId('order', orderId) ? orderId : null,
    createdBy: typeof r.metadata?.mpgraph_subject === 'string' ? r.metadata.mpgraph_subject : null,
    refunds: (r.refunds ?? []).map((refund) => toRefund(refund, id, currency, onUnknown)),
    feeDetails: (r.fee_details ?? []).map((fee) => toFeeDetail(fee, id, currency, onUnknown)),
  };
};
