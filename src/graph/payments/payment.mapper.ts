// The one REST→GraphQL mapper for Payment (and the parts only a payment has: payer, collector, fees).
// Pure: unknown enum values go to `onUnknown`, a body we cannot serve throws UnexpectedUpstreamBody.
import { UnexpectedUpstreamBody } from '../../upstream/errors';
import type { MpFeeDetail, MpPayment, MpPaymentCollector, MpPaymentPayer } from '../../upstream/mercadopago';
import { toCard } from '../cards/card.mapper';
import type { OnUnknown } from '../common/enums';
import { ORDER_ID } from '../common/ids';
import { toIdentification } from '../common/identification';
import { money } from '../common/money';
import { bool, int, str, text } from '../common/values';
import { toRefund } from '../refunds/refund.mapper';
import type { FeeDetail } from './feeDetail.type';
import type { Collector, Payer } from './party.type';
import { readFeePayer, readFeeType, readPayerType, readPaymentStatus } from './payment.enums';
import type { Payment } from './payment.type';

/** The seller's view has a `payer` object; the buyer's only `payer_id`. */
export const toPayer = (r: MpPayment, onUnknown: OnUnknown): Payer | null => {
  const p: MpPaymentPayer | null | undefined = r.payer;
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
  const c: MpPaymentCollector | null | undefined = r.collector;
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
  if (amount === null) throw new UnexpectedUpstreamBody(`payment ${paymentId}: a fee without an amount or currency`);
  return {
    type: readFeeType(f.type, 'fee_details.type', onUnknown),
    feePayer: readFeePayer(f.fee_payer, 'fee_details.fee_payer', onUnknown),
    amount,
  };
};

export const toPayment = (r: MpPayment, onUnknown: OnUnknown): Payment => {
  const id = text(r.id);
  if (id === null) throw new UnexpectedUpstreamBody('a payment without an id');
  const currency = r.currency_id;
  const details = r.transaction_details ?? {};
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
    orderId: r.order?.type === 'mercadolibre' && ORDER_ID.test(String(r.order.id ?? '')) ? String(r.order.id) : null,
    refunds: (r.refunds ?? []).map((refund) => toRefund(refund, id, currency, onUnknown)),
    feeDetails: (r.fee_details ?? []).map((fee) => toFeeDetail(fee, id, currency, onUnknown)),
  };
};
