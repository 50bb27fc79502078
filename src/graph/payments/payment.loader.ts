// Batch function and REST→GraphQL mapper for payments.
// Mercado Pago has no multi-get for payments, so a batch is one `GET /v1/payments/{id}` per
// distinct id; DataLoader's per-request cache makes the same id asked twice one call.
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { gqlError } from '../../upstream/errors';
import type { MpPayment } from '../../upstream/mercadopago';
import type { Context } from '../context';
import { money } from '../common/money';
import { Card, Payment, PaymentStatus } from './payment.type';

const STATUSES: Readonly<Record<string, PaymentStatus>> = {
  pending: PaymentStatus.PENDING,
  approved: PaymentStatus.APPROVED,
  authorized: PaymentStatus.AUTHORIZED,
  in_process: PaymentStatus.IN_PROCESS,
  in_mediation: PaymentStatus.IN_MEDIATION,
  rejected: PaymentStatus.REJECTED,
  cancelled: PaymentStatus.CANCELLED,
  refunded: PaymentStatus.REFUNDED,
  charged_back: PaymentStatus.CHARGED_BACK,
};

/** Null for a status we do not know (yet): the rest of the payment is still served. */
export const toPaymentStatus = (raw: string | null | undefined): PaymentStatus | null => (raw ? (STATUSES[raw] ?? null) : null);

const str = (v: string | number | null | undefined): string | null => (v === null || v === undefined ? null : String(v));
const int = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const bool = (v: boolean | null | undefined): boolean | null => (typeof v === 'boolean' ? v : null);

export const toCard = (c: MpPayment['card']): Card | null =>
  c
    ? {
        firstSixDigits: str(c.first_six_digits),
        lastFourDigits: str(c.last_four_digits),
        expirationMonth: int(c.expiration_month),
        expirationYear: int(c.expiration_year),
        cardholder: c.cardholder ? { name: str(c.cardholder.name) } : null,
      }
    : null;

export const toPayment = (r: MpPayment): Payment => {
  const currency = r.currency_id;
  const details = r.transaction_details ?? {};
  return {
    id: String(r.id),
    status: toPaymentStatus(r.status),
    statusDetail: str(r.status_detail),
    amount: money(r.transaction_amount, currency),
    installments: int(r.installments),
    installmentAmount: money(details.installment_amount, currency),
    totalPaidAmount: money(details.total_paid_amount, currency),
    netReceivedAmount: money(details.net_received_amount, currency),
    paymentMethodId: str(r.payment_method_id),
    paymentTypeId: str(r.payment_type_id),
    description: str(r.description),
    externalReference: str(r.external_reference),
    statementDescriptor: str(r.statement_descriptor),
    captured: bool(r.captured),
    liveMode: bool(r.live_mode),
    dateCreated: str(r.date_created),
    dateApproved: str(r.date_approved),
    dateLastUpdated: str(r.date_last_updated),
    card: toCard(r.card),
  };
};

/** One payment: null when Mercado Pago says it does not exist for this token. */
const fetchPayment = async (ctx: Omit<Context, 'loaders'>, id: string): Promise<Payment | null> => {
  let row: MpPayment;
  try {
    row = await ctx.mercadoPago().getPayment(id);
  } catch (err) {
    if (err instanceof GraphQLError && err.extensions.code === 'NOT_FOUND') return null;
    throw err;
  }
  // A 200 that is not this payment (an empty or foreign body) must not be served as if it were.
  if (row === null || typeof row !== 'object' || String(row.id) !== id) {
    ctx.log.warn('payment: unexpected upstream body', { paymentId: id });
    throw gqlError('UPSTREAM_ERROR');
  }
  if (row.status && !toPaymentStatus(row.status)) ctx.log.warn('payment: unknown upstream status, served as null', { paymentId: id, status: row.status });
  return toPayment(row);
};

export const batchPayments = (ctx: Omit<Context, 'loaders'>, ids: readonly string[]): Promise<(Payment | null | Error)[]> =>
  // Each id settles on its own: a failing payment is an Error in its slot, the others stand.
  Promise.all(ids.map((id) => fetchPayment(ctx, id).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))))));

export const createPaymentLoader = (ctx: Omit<Context, 'loaders'>): DataLoader<string, Payment | null> =>
  new DataLoader((ids) => batchPayments(ctx, ids));
