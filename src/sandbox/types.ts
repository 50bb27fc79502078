// The records the sandbox keeps. Field names are Mercado Pago's own: the sandbox answers with the real
// API's fields (src/sandbox/README.md).
// A record holds what the owner (the collector) sees; views for other callers are derived from it
// at response time (see mp/paymentViews.ts).
import type { SiteId } from './rules/sites';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface CardTokenRecord {
  id: string;
  /** Owner of the token: the user whose public key or access token created it. */
  user_id: number;
  site_id: SiteId;
  /** Kept to fill the payment's card; never returned (responses carry first six / last four). */
  card_number: string;
  payment_method_id: string;
  payment_type_id: string;
  issuer_id: number;
  /** Set when the token was made from a saved card (`card_id` + `security_code`). */
  card_id: string | null;
  customer_id: string | null;
  expiration_month: number;
  expiration_year: number;
  cardholder: { name: string; identification: { type: string | null; number: string | null } };
  /** `used` once a payment consumed it; `expired` is also computed from `expires_at` when read. */
  status: 'active' | 'used' | 'expired';
  date_created: string;
  date_last_updated: string;
  date_due: string;
  date_used: string | null;
  /** epoch ms after which the token is expired (7 days after creation). */
  expires_at: number;
  luhn_validation: boolean;
  card_number_length: number;
  security_code_length: number;
}

export interface RefundRecord extends JsonObject {
  id: number;
  payment_id: number;
  amount: number;
  metadata: JsonObject;
  source: { id: string; name: string; type: string };
  date_created: string;
  unique_sequence_number: string | null;
  refund_mode: string;
  adjustment_amount: number;
  status: string;
  reason: string | null;
  labels: Json[];
  amount_refunded_to_payer: number;
  partition_details: Json[];
}

/**
 * A payment as its collector (the seller) sees it, plus the few facts the other views need.
 * `body` is the JSON Mercado Pago returns to the collector, in the key order of the order payments page's
 * seller view of payment 3506756222; its
 * `refunds` key is filled from `refunds` when a view is rendered.
 */
export interface PaymentRecord {
  id: number;
  collector_id: number;
  site_id: SiteId;
  /** The buyer's Mercado Pago user id when the payer is a registered user; null for guests. */
  payer_user_id: number | null;
  /** Customer the payment was made from (saved card), if any. */
  customer_id: string | null;
  body: JsonObject;
  refunds: RefundRecord[];
}

/**
 * A saved card as `GET /v1/customers/{id}/cards/{card_id}` returns it (the customers and cards page's card sample).
 * The full number is never here: it lives in `CustomerRecord.card_numbers`.
 */
export interface CardRecord extends JsonObject {
  /** 13 digits, as a string. */
  id: string;
  expiration_month: number;
  expiration_year: number;
  first_six_digits: string;
  last_four_digits: string;
  payment_method: { id: string; name: string; payment_type_id: string; thumbnail: string; secure_thumbnail: string };
  security_code: { length: number; card_location: string };
  issuer: { id: number; name: string };
  cardholder: { name: string | null; identification: { number: string | null; type: string | null } };
  date_created: string;
  date_last_updated: string;
  customer_id: string;
  /** The numeric part of `customer_id` (as in every Mercado Pago sample), not the seller. */
  user_id: string;
  live_mode: boolean;
}

export interface CustomerAddress extends JsonObject {
  id: string | null;
  street_name: string | null;
  street_number: string | null;
  zip_code: string | null;
}

/** A customer as Mercado Pago returns it, minus `cards` (kept apart in `CustomerRecord.cards`). */
export interface CustomerBody extends JsonObject {
  /** `<digits>-<14 alphanumerics>`, e.g. `123456789-jxOV430go9fx2e`. */
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone: { area_code: string | null; number: string | null };
  identification: { number: string | null; type: string | null };
  address: CustomerAddress;
  addresses: CustomerAddress[];
  date_registered: string | null;
  description: string | null;
  date_created: string;
  date_last_updated: string | null;
  metadata: JsonObject;
  default_card: string | null;
  default_address: string | null;
  live_mode: boolean;
}

export interface CustomerRecord {
  /** The Mercado Pago user (seller) that owns this customer: only its token sees it. */
  owner_id: number;
  /** card id → full card number. Never returned; a token from a saved card takes its digits from here. */
  card_numbers: Map<string, string>;
  body: CustomerBody;
  /** In the order they were saved. */
  cards: CardRecord[];
}

export interface IdempotencyRecord {
  status: number;
  body: unknown;
}

// ---------------------------------------------------------------------------------------------
// Mercado Libre (the order payments page). Orders keep their own facts; what depends on their payments
// (paid_amount, the payments array, the status) is derived by rules/orders.ts and ml/orderViews.ts.

/** Order statuses of the orders API (https://developers.mercadolibre.com/en_us/order-management). */
export type OrderStatus =
  | 'confirmed'
  | 'payment_required'
  | 'payment_in_process'
  | 'partially_paid'
  | 'paid'
  | 'partially_refunded'
  | 'pending_cancel'
  | 'cancelled'
  | 'invalid';

export interface OrderItemRecord {
  id: string;
  title: string;
  category_id: string | null;
  variation_id: number | null;
  quantity: number;
  /** Decimal string; a JSON number only in views. */
  unit_price: string;
}

export interface OrderRecord {
  id: number;
  seller_id: number;
  buyer_id: number;
  site_id: SiteId;
  currency_id: string;
  /** Created in the mandatory Mercado Pago flow (payment_required) rather than confirmed. */
  mandatory_mercadopago: boolean;
  items: OrderItemRecord[];
  /** Mercado Pago payments made for this order, in the order they were made. */
  payment_ids: number[];
  status: OrderStatus;
  status_detail: string | null;
  date_created: string;
  date_closed: string | null;
  last_updated: string;
  /** Once paid in full, an order never goes back to the unpaid statuses. */
  was_paid: boolean;
  /** A cancellation was asked for (POST /__sandbox/orders/{id}/cancel): pending_cancel until refunded. */
  cancel_requested: boolean;
  /** Cancelled with the refund in Mercado Pago account money (order payments page): stays paid, tagged unfulfilled. */
  refund_account_money: boolean;
  /** Stock of its items is taken (and given back if it is cancelled). */
  stock_taken: boolean;
  pack_id: number | null;
  shipping: JsonObject;
}

/** A listing, only as far as orders need it: its stock. */
export interface ItemRecord {
  id: string;
  site_id: SiteId;
  seller_id: number;
  title: string;
  category_id: string | null;
  price: string;
  currency_id: string;
  initial_quantity: number;
  available_quantity: number;
  sold_quantity: number;
  condition: 'new' | 'used';
  date_created: string;
  last_updated: string;
}
