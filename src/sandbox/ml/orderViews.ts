// An order as GET /orders/{id} returns it, in the key order of the order payments page's sample of 893431118
// (plus `pack_id`, which the real API also sends). Derived fields (paid_amount, the payment
// summaries, tags) are computed here from the live payments, so they never drift from them.
import { toNumber } from '../rules/money';
import { orderTags, orderTotal, paidAmount } from '../rules/orders';
import type { Store } from '../store';
import type { Json, JsonObject, OrderRecord, PaymentRecord } from '../types';

const NO_PHONE = { area_code: null, extension: null, number: '' };

/** An order's payments, from the store, in the order they were made. */
export const orderPayments = (store: Store, order: OrderRecord): PaymentRecord[] =>
  order.payment_ids.map((id) => store.payments.get(id)).filter((p): p is PaymentRecord => p !== undefined);

/** The order's payment facts rules/orders.ts needs. */
export const paymentFacts = (p: PaymentRecord) => ({
  status: String(p.body.status),
  transaction_amount: String(p.body.transaction_amount),
  transaction_amount_refunded: String(p.body.transaction_amount_refunded ?? 0),
});

/** One entry of `payments[]`: Mercado Libre's summary of a Mercado Pago payment. */
const paymentSummary = (order: OrderRecord, p: PaymentRecord): JsonObject => {
  const b = p.body;
  const details = (b.transaction_details ?? {}) as JsonObject;
  const summary: JsonObject = {
    activation_uri: null,
    atm_transfer_reference: { company_id: null, transaction_id: null },
    available_actions: [],
    card_id: null,
    collector: { id: p.collector_id },
    coupon_amount: 0,
    coupon_id: null,
    currency_id: b.currency_id ?? null,
    date_created: b.date_created ?? null,
    date_last_modified: b.date_last_updated ?? null,
    id: p.id,
    installments: b.installments ?? null,
    issuer_id: b.issuer_id ?? null,
    operation_type: b.operation_type ?? null,
    order_id: order.id,
    overpaid_amount: 0,
    payer_id: p.payer_user_id,
    payment_method_id: b.payment_method_id ?? null,
    payment_type: b.payment_type_id ?? null,
    reason: b.description ?? null,
    shipping_cost: 0,
    site_id: p.site_id,
    status: b.status ?? null,
    status_code: null,
    status_detail: b.status_detail ?? null,
    total_paid_amount: details.total_paid_amount ?? null,
    transaction_amount: b.transaction_amount ?? null,
  };
  // The order payments page: in the refund-to-account flow "the order's payment carries the tag refund_account_money".
  if (order.refund_account_money && b.status === 'approved') summary.tags = ['refund_account_money'];
  return summary;
};

const buyerOf = (store: Store, order: OrderRecord): JsonObject => {
  const u = store.users.get(order.buyer_id);
  if (!u) return { id: order.buyer_id };
  return {
    alternative_phone: { ...NO_PHONE },
    billing_info: { doc_number: u.identification.number, doc_type: u.identification.type },
    email: u.email,
    first_name: u.first_name,
    id: u.id,
    last_name: u.last_name,
    nickname: u.nickname,
  };
};

const sellerOf = (store: Store, order: OrderRecord): JsonObject => {
  const u = store.users.get(order.seller_id);
  if (!u) return { id: order.seller_id };
  return {
    alternative_phone: { ...NO_PHONE },
    email: u.email,
    first_name: u.first_name,
    id: u.id,
    last_name: u.last_name,
    nickname: u.nickname,
    phone: { area_code: u.phone.area_code, extension: u.phone.extension, number: u.phone.number },
  };
};

/**
 * The order as a party sees it. `counterpart` is false while an order of the mandatory flow is
 * unpaid (order payments page: "no tienen datos de la contraparte"): the buyer then sees only the seller's id.
 */
export const orderView = (store: Store, order: OrderRecord, counterpart: boolean): JsonObject => {
  const payments = orderPayments(store, order);
  const items: Json[] = order.items.map((i) => ({
    currency_id: order.currency_id,
    item: { id: i.id, title: i.title, variation_attributes: [], variation_id: i.variation_id },
    quantity: i.quantity,
    unit_price: toNumber(i.unit_price),
  }));
  return {
    buyer: buyerOf(store, order),
    coupon: { amount: 0, id: null },
    currency_id: order.currency_id,
    date_closed: order.date_closed,
    date_created: order.date_created,
    feedback: { purchase: null, sale: null },
    id: order.id,
    last_updated: order.last_updated,
    mediations: [],
    order_items: items,
    pack_id: order.pack_id,
    paid_amount: toNumber(paidAmount(payments.map(paymentFacts))),
    payments: payments.map((p) => paymentSummary(order, p)),
    seller: counterpart ? sellerOf(store, order) : { id: order.seller_id },
    shipping: structuredClone(order.shipping),
    status: order.status,
    status_detail: order.status_detail,
    tags: orderTags(order.status, order.refund_account_money),
    total_amount: toNumber(orderTotal(order.items)),
  };
};
