// Moves orders along rules/orders.ts and does what each move entails (order payments page):
// date_closed and the stock when the seller gets to see the order, stock back on cancellation, and the
// notifications: `created_orders` once at creation, `orders_v2` on every change the seller can see.
// Orders follow their payments: every event of a payment linked to an order refreshes it.
import { isObject } from '../../lib/json';
import { mpDate } from '../clock';
import { digitsId } from '../ids';
import { deriveOrder, orderTotal, visibleToSeller } from '../rules/orders';
import type { PaymentEvent, Store } from '../store';
import type { JsonObject, OrderRecord } from '../types';
import { orderPayments, paymentFacts } from './orderViews';

const takeStock = (store: Store, order: OrderRecord, sign: 1 | -1, now: string): void => {
  for (const line of order.items) {
    const item = store.items.get(line.id);
    if (!item) continue;
    item.available_quantity -= sign * line.quantity;
    item.sold_quantity += sign * line.quantity;
    item.last_updated = now;
  }
  order.stock_taken = sign === 1;
};

/**
 * Re-derives the order from its payments and flags, applies the side effects of the move, and
 * tells the seller (`orders_v2`) when the order is visible to it.
 */
export const refreshOrder = (store: Store, order: OrderRecord, nowMs: number): void => {
  const now = mpDate(nowMs);
  const derived = deriveOrder(
    {
      total: orderTotal(order.items),
      mandatory_mercadopago: order.mandatory_mercadopago,
      was_paid: order.was_paid,
      cancel_requested: order.cancel_requested,
      refund_account_money: order.refund_account_money,
    },
    orderPayments(store, order).map(paymentFacts),
  );
  const wasVisible = visibleToSeller(order);
  order.status = derived.status;
  if (derived.covered) order.was_paid = true;
  const visible = visibleToSeller(order);
  // Closed the moment the seller gets to see it (order payments page). Only then: fixture 893431118
  // stays paid with date_closed null as printed (fixtures/orders.ts).
  if (visible && !wasVisible) order.date_closed = now;
  if (visible && !order.stock_taken && order.status !== 'cancelled') takeStock(store, order, 1, now);
  if (order.status === 'cancelled' && order.stock_taken) takeStock(store, order, -1, now);
  order.last_updated = now;
  if (visible) store.emitOrder({ topic: 'orders_v2', orderId: order.id, userId: order.seller_id });
};

/** Stores a new order, takes its stock when the seller sees it at once, and announces it. */
export const openOrder = (store: Store, order: OrderRecord, nowMs: number): void => {
  const now = mpDate(nowMs);
  store.orders.set(order.id, order);
  store.emitOrder({ topic: 'created_orders', orderId: order.id, userId: order.seller_id });
  if (visibleToSeller(order)) {
    order.date_closed = now;
    takeStock(store, order, 1, now);
    store.emitOrder({ topic: 'orders_v2', orderId: order.id, userId: order.seller_id });
  }
};

/** The order a payment belongs to, from its `order: {type: "mercadolibre", id}`. */
export const orderOfPayment = (store: Store, body: JsonObject): OrderRecord | undefined => {
  const link = body.order;
  if (!isObject(link) || link.type !== 'mercadolibre' || link.id === null || link.id === undefined) return undefined;
  const id = digitsId(String(link.id));
  return id === null ? undefined : store.orders.get(id);
};

/** Keeps every order in step with its payments; returns the listener to remove on close. */
export const followPayments = (store: Store, now: () => number): ((e: PaymentEvent) => void) => {
  const listener = ({ payment }: PaymentEvent): void => {
    const order = orderOfPayment(store, payment.body);
    if (!order) return;
    if (!order.payment_ids.includes(payment.id)) order.payment_ids.push(payment.id);
    refreshOrder(store, order, now());
  };
  store.events.on('payment', listener);
  return listener;
};
