// Mercado Pago's REST shapes, in Mercado Pago's spelling: the fields the graph reads. Every field may
// be absent or null: the view depends on the token (seller or buyer), and the SDK's own typings
// leave out the nulls the API really sends. Only src/upstream and the graph's mappers read these.

export interface MpIdentification {
  type?: string | null;
  number?: string | number | null;
}

export interface MpPhone {
  area_code?: string | null;
  number?: string | null;
}

/** `payer` of the seller's view of a payment. */
export interface MpPaymentPayer {
  id?: number | string | null;
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  identification?: MpIdentification | null;
  type?: string | null;
}

/** `collector` of the buyer's view of a payment. */
export interface MpPaymentCollector {
  id?: number | string | null;
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
}

export interface MpRefund {
  id?: number | string | null;
  payment_id?: number | string | null;
  amount?: number | null;
  status?: string | null;
  date_created?: string | null;
}

export interface MpFeeDetail {
  type?: string | null;
  fee_payer?: string | null;
  amount?: number | null;
}

export interface MpCardholder {
  name?: string | null;
  identification?: MpIdentification | null;
}

/** A card as a payment carries it, or as `GET /v1/customers/{id}` embeds a saved one. */
export interface MpCard {
  id?: number | string | null;
  customer_id?: string | null;
  first_six_digits?: string | null;
  last_four_digits?: string | null;
  expiration_month?: number | null;
  expiration_year?: number | null;
  cardholder?: MpCardholder | null;
  payment_method?: {
    id?: string | null;
    name?: string | null;
    payment_type_id?: string | null;
    thumbnail?: string | null;
  } | null;
  issuer?: { id?: number | string | null; name?: string | null } | null;
  security_code?: { length?: number | null; card_location?: string | null } | null;
  date_created?: string | null;
  date_last_updated?: string | null;
}

/** A payment as `GET /v1/payments/{id}` (and each result of `GET /v1/payments/search`) returns it. */
export interface MpPayment {
  /** What the creator stored with the payment (the gateway's `mpgraph_subject` stamp among it). */
  metadata?: Record<string, unknown> | null;
  id?: number | string | null;
  /** The Mercado Libre order a marketplace payment belongs to: `{id: "1653027692", type: "mercadolibre"}`. */
  order?: { id?: number | string | null; type?: string | null } | null;
  status?: string | null;
  status_detail?: string | null;
  currency_id?: string | null;
  transaction_amount?: number | null;
  transaction_amount_refunded?: number | null;
  installments?: number | null;
  issuer_id?: string | number | null;
  payment_method_id?: string | null;
  payment_type_id?: string | null;
  description?: string | null;
  external_reference?: string | null;
  statement_descriptor?: string | null;
  captured?: boolean | null;
  live_mode?: boolean | null;
  date_created?: string | null;
  date_approved?: string | null;
  date_last_updated?: string | null;
  transaction_details?: {
    net_received_amount?: number | null;
    total_paid_amount?: number | null;
    installment_amount?: number | null;
  } | null;
  card?: MpCard | null;
  /** Seller's view only. */
  payer?: MpPaymentPayer | null;
  /** Buyer's view only. */
  payer_id?: number | string | null;
  /** Seller's view only. */
  collector_id?: number | string | null;
  /** Buyer's view only. */
  collector?: MpPaymentCollector | null;
  refunds?: MpRefund[] | null;
  fee_details?: MpFeeDetail[] | null;
}

export interface MpPaging {
  total?: number | null;
  limit?: number | null;
  offset?: number | null;
}

export interface MpSearchPage<T> {
  paging?: MpPaging | null;
  results?: T[] | null;
}

/** What `Query.payments` may ask of `GET /v1/payments/search`, in Mercado Pago's terms. */
export interface MpPaymentSearch {
  offset: number;
  limit: number;
  criteria: 'asc' | 'desc';
  status?: string;
  externalReference?: string;
  /** begin_date / end_date on date_created (ISO-8601 with offset). */
  beginDate?: string;
  endDate?: string;
}

export interface MpCustomer {
  id?: string | null;
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  phone?: MpPhone | null;
  identification?: MpIdentification | null;
  description?: string | null;
  default_card?: string | number | null;
  cards?: MpCard[] | null;
  date_created?: string | null;
  date_last_updated?: string | null;
}

export interface MpCustomerSearch {
  offset: number;
  limit: number;
  email?: string;
}

export interface MpPaymentMethodSetting {
  card_number?: { length?: number | null; validation?: string | null } | null;
  bin?: { pattern?: string | null; installments_pattern?: string | null; exclusion_pattern?: string | null } | null;
  security_code?: { length?: number | null; card_location?: string | null; mode?: string | null } | null;
}

export interface MpPaymentMethod {
  id?: string | null;
  name?: string | null;
  payment_type_id?: string | null;
  status?: string | null;
  thumbnail?: string | null;
  secure_thumbnail?: string | null;
  deferred_capture?: string | null;
  settings?: MpPaymentMethodSetting[] | null;
  additional_info_needed?: string[] | null;
  min_allowed_amount?: number | null;
  max_allowed_amount?: number | null;
  accreditation_time?: number | null;
  processing_modes?: string[] | null;
}

export interface MpIdentificationType {
  id?: string | null;
  name?: string | null;
  type?: string | null;
  min_length?: number | null;
  max_length?: number | null;
}
