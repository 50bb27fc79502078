// The records the sandbox keeps. Field names are Mercado Pago's own (DESIGN: "REST is theirs").
// A record holds what the owner (the collector) sees; views for other callers are derived from it
// at response time (see mp/paymentViews.ts).
import type { SiteId } from './fixtures/users';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface CardTokenRecord {
  id: string;
  /** Owner of the token: the user whose public key or access token created it. */
  user_id: number;
  site_id: SiteId;
  card_number: string;
  security_code: string | null;
  payment_method_id: string;
  payment_type_id: string;
  issuer_id: number;
  /** Set when the token was made from a saved card (`card_id` + `security_code`). */
  card_id: string | null;
  customer_id: string | null;
  expiration_month: number;
  expiration_year: number;
  cardholder: { name: string; identification: { type: string | null; number: string | null } };
  status: 'active' | 'used' | 'expired';
  date_created: string;
  date_last_updated: string;
  date_due: string;
  /** epoch ms after which the token is expired (7 days after creation). */
  expires_at: number;
  luhn_validation: boolean;
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
 * `body` is the JSON Mercado Pago returns to the collector, minus nothing.
 */
export interface PaymentRecord {
  id: number;
  collector_id: number;
  /** The buyer's Mercado Pago user id when the payer is a registered user; null for guests. */
  payer_user_id: number | null;
  /** Customer the payment was made from (saved card), if any. */
  customer_id: string | null;
  body: JsonObject;
  refunds: RefundRecord[];
}

export interface CardRecord extends JsonObject {
  id: string;
  customer_id: string;
  user_id: string;
  expiration_month: number;
  expiration_year: number;
  first_six_digits: string;
  last_four_digits: string;
  payment_method: JsonObject;
  security_code: JsonObject;
  issuer: JsonObject;
  cardholder: JsonObject;
  date_created: string;
  date_last_updated: string;
  live_mode: boolean;
}

export interface CustomerRecord {
  /** The Mercado Pago user (seller) that owns this customer. */
  owner_id: number;
  /** Card numbers are never returned; kept so a token from a saved card knows its digits. */
  card_numbers: Map<string, string>;
  body: JsonObject & { id: string; email: string; default_card: string | null };
  cards: CardRecord[];
}

export interface IdempotencyRecord {
  status: number;
  body: unknown;
}
