// The collector's JSON of a card payment, in the key order of the order payments page's seller view
// of 3506756222 (the one complete payment the documentation samples print). Amounts are computed in decimal and
// become JSON numbers only here.
import type Decimal from 'decimal.js';
import type { SiteId } from '../rules/sites';
import type { Financing } from '../rules/installments';
import type { CardBrand } from '../rules/paymentMethods';
import { dec, toNumber } from '../rules/money';
import type { Json, JsonObject } from '../types';

export interface PaymentBodyInput {
  id: number;
  collector_id: number;
  site_id: SiteId;
  currency_id: string;
  brand: CardBrand;
  issuer_id: string;
  amount: Decimal.Value;
  installments: number;
  pricing: Financing | null;
  status: string;
  status_detail: string;
  captured: boolean;
  binary_mode: boolean;
  date_created: string;
  date_approved: string | null;
  date_last_updated: string;
  money_release_date: string | null;
  authorization_code: string | null;
  /** Charged to the collector once approved; null for none (the fixture payments). */
  mercadopago_fee: Decimal | null;
  card: JsonObject;
  payer: JsonObject;
  description: string | null;
  external_reference: string | null;
  statement_descriptor: string | null;
  notification_url: string | null;
  metadata: JsonObject;
  additional_info: JsonObject;
  order: JsonObject;
  live_mode: boolean;
}

/** Who paid, as the collector sees it. */
export interface PayerFacts {
  id: string;
  first_name: string | null;
  phone: { area_code: string | null; number: string | null };
  email: string | null;
  identification: { type: string | null; number: string | null };
  last_name: string | null;
  entity_type: string | null;
  type: 'registered' | 'guest' | 'customer';
}

/** The payment's `payer` (the collector's view), keys in the order the seller view prints them. */
export const payerView = (p: PayerFacts): JsonObject => ({
  id: p.id,
  first_name: p.first_name,
  phone: { extension: null, area_code: p.phone.area_code, number: p.phone.number },
  email: p.email,
  identification: { number: p.identification.number, type: p.identification.type },
  last_name: p.last_name,
  entity_type: p.entity_type,
  type: p.type,
});

export interface Amounts {
  amount: Decimal.Value;
  /** Installment pricing; null when the count is not offered (a rejected payment). */
  pricing: Financing | null;
  mercadopago_fee: Decimal | null;
  status: string;
}

/** fee_details and transaction_details as Mercado Pago derives them from the amounts. */
export const amountFields = (a: Amounts): { fee_details: Json[]; transaction_details: JsonObject } => {
  const amount = dec(a.amount);
  const fees: Json[] = [];
  const financingFee = a.pricing ? a.pricing.financing_fee : dec(0);
  if (financingFee.gt(0)) fees.push({ amount: toNumber(financingFee), fee_payer: 'payer', type: 'financing_fee' });
  const approved = a.status === 'approved' || a.status === 'refunded' || a.status === 'charged_back';
  if (approved && a.mercadopago_fee)
    fees.push({ amount: toNumber(a.mercadopago_fee), fee_payer: 'collector', type: 'mercadopago_fee' });
  const total = a.pricing ? a.pricing.total_amount : amount;
  const installment = a.pricing ? a.pricing.installment_amount : amount;
  const net = approved ? amount.minus(a.mercadopago_fee ?? 0) : dec(0);
  return {
    fee_details: fees,
    transaction_details: {
      total_paid_amount: toNumber(total),
      acquirer_reference: null,
      payment_method_reference_id: null,
      net_received_amount: toNumber(net),
      financial_institution: null,
      payable_deferral_period: null,
      installment_amount: toNumber(installment),
      external_resource_url: null,
      overpaid_amount: 0,
    },
  };
};

export const buildPaymentBody = (p: PaymentBodyInput): JsonObject => {
  const { fee_details, transaction_details } = amountFields({
    amount: p.amount,
    pricing: p.pricing,
    mercadopago_fee: p.mercadopago_fee,
    status: p.status,
  });
  return {
    counter_currency: null,
    acquirer_reconciliation: [],
    statement_descriptor: p.statement_descriptor,
    captured: p.captured,
    fee_details,
    acquirer: null,
    date_last_updated: p.date_last_updated,
    date_created: p.date_created,
    id: p.id,
    merchant_account_id: null,
    issuer_id: p.issuer_id,
    date_of_expiration: null,
    external_reference: p.external_reference,
    order: p.order,
    transaction_amount: toNumber(p.amount),
    description: p.description,
    card: p.card,
    transaction_details,
    coupon_amount: 0,
    merchant_number: null,
    call_for_authorize_id: null,
    metadata: p.metadata,
    currency_id: p.currency_id,
    money_release_schema: null,
    collector_id: p.collector_id,
    status: p.status,
    sponsor_id: null,
    deduction_schema: null,
    payment_method_id: p.brand.id,
    additional_info: p.additional_info,
    processing_mode: 'aggregator',
    status_detail: p.status_detail,
    binary_mode: p.binary_mode,
    operation_type: 'regular_payment',
    installments: p.installments,
    money_release_date: p.money_release_date,
    payer: p.payer,
    notification_url: p.notification_url,
    transaction_amount_refunded: 0,
    refunds: [],
    date_approved: p.date_approved,
    authorization_code: p.authorization_code,
    payment_type_id: p.brand.payment_type_id,
    live_mode: p.live_mode,
  };
};
