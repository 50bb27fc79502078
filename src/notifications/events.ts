// What the webhook receivers publish: a resource changed upstream. An event names the resource and
// who it belongs to; it carries no state. Consumers (GraphQL subscriptions, not built yet) read the
// resource again through the upstream layer, with the subscriber's own credentials, so an event
// can never show anyone something their token could not read.

export type NotificationSource = 'mercadopago' | 'mercadolibre';

/** Mercado Libre topics the gateway acts on; the legacy `orders` arrives as `orders_v2`. */
export type OrderTopic = 'orders_v2' | 'created_orders';

/** A Mercado Pago payment changed. */
export interface PaymentChanged {
  kind: 'payment';
  /** The payment id (digits). */
  id: string;
  /** Mercado Pago's `action` (`payment.created`, `payment.updated`); null from Mercado Libre. */
  action: string | null;
  /** The user the notification is about (Mercado Pago: the collector; Mercado Libre: the seller). */
  userId: string | null;
  /** A payment of a Mercado Libre order is announced by both services, once each. */
  source: NotificationSource;
}

/** A Mercado Libre order changed (or was created). */
export interface OrderChanged {
  kind: 'order';
  /** The order id (digits). */
  id: string;
  topic: OrderTopic;
  /** The seller. */
  userId: string | null;
  source: 'mercadolibre';
}

export type NotificationEvent = PaymentChanged | OrderChanged;

/** Which events a subscriber wants: every given field must match. */
export interface EventFilter {
  kind?: NotificationEvent['kind'];
  id?: string;
  userId?: string;
}

export const matches = (filter: EventFilter, event: NotificationEvent): boolean =>
  (filter.kind === undefined || filter.kind === event.kind) &&
  (filter.id === undefined || filter.id === event.id) &&
  (filter.userId === undefined || filter.userId === event.userId);
