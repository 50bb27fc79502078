// Mercado Libre notifications (https://developers.mercadolibre.com.ar/en_us/products-receive-notifications;
// the order payments page, "Recibir una notificación", docs/sources.md):
//   POST <callback URL>
//   {"_id", "resource": "/orders/<id>", "user_id", "topic", "application_id", "attempts", "sent", "received"}
// answered with 200 (ACK) or sent again.
//
// Mercado Libre does not sign its notifications, so nothing in one proves where it came from. What
// the gateway can check: the shape; that `resource` is a well-formed path for its topic with an id
// of the right pattern (before the id is ever used); and, when ML_APPLICATION_ID is set, that the
// notification names our application (which anyone who knows the id can copy). What it cannot: that
// Mercado Libre sent it. That is why an event only says "read this resource again": the consumer
// reads it with its own credentials, and a forged notification costs a read, never a wrong answer.
import { isObject } from '../lib/json';
import { isId, numericId } from '../upstream/ids';
import type { NotificationEvent } from './events';

/** `/orders/<id>`; the id is checked against the order id rule before it is used. */
const ORDER_RESOURCE = /^\/orders\/([^/]+)$/;
/**
 * A payment: `/v1/payments/<id>` (what the sandbox sends), `/payments/<id>`, or the legacy
 * `/collections/<id>` and `/collections/notifications/<id>` (the Collections API Mercado Pago
 * retired in 2024). The id is the last segment in every form.
 */
const PAYMENT_RESOURCE = /^\/(?:v1\/payments|payments|collections|collections\/notifications)\/([^/]+)$/;
const NOTIFICATION_ID = /^[A-Za-z0-9_-]{1,100}$/;
const TOPIC = /^[a-z0-9_]{1,64}$/;

const isDate = (v: unknown): boolean => typeof v === 'string' && v.length <= 64 && !Number.isNaN(Date.parse(v));

export type ParsedMlNotification =
  | { ok: false; reason: string }
  | {
      ok: true;
      topic: string;
      applicationId: string | null;
      /** The dedupe key; null when the notification has neither `_id` nor `received`. */
      key: string | null;
      /** Null for a topic the gateway does not publish (ACKed and ignored). */
      event: NotificationEvent | null;
    };

/** Validates a Mercado Libre notification body and says what it announces. */
export const parseMercadoLibreNotification = (body: unknown): ParsedMlNotification => {
  if (!isObject(body)) return { ok: false, reason: 'body is not a JSON object' };
  const { _id: id, resource, user_id: rawUserId, topic, application_id: rawAppId, attempts, sent, received } = body;

  if (typeof topic !== 'string' || !TOPIC.test(topic)) return { ok: false, reason: 'topic missing or malformed' };
  if (typeof resource !== 'string' || resource.length === 0 || resource.length > 200)
    return { ok: false, reason: 'resource missing or malformed' };
  const userId = numericId(rawUserId);
  if (!userId) return { ok: false, reason: 'user_id missing or not a positive integer' };
  if (id !== undefined && (typeof id !== 'string' || !NOTIFICATION_ID.test(id)))
    return { ok: false, reason: '_id malformed' };
  const applicationId = numericId(rawAppId);
  if (applicationId === null) return { ok: false, reason: 'application_id malformed' };
  if (attempts !== undefined && (typeof attempts !== 'number' || !Number.isSafeInteger(attempts) || attempts < 0))
    return { ok: false, reason: 'attempts malformed' };
  if (sent !== undefined && !isDate(sent)) return { ok: false, reason: 'sent malformed' };
  if (received !== undefined && !isDate(received)) return { ok: false, reason: 'received malformed' };

  // Every attempt carries the same `_id`; the order payments page's legacy sample has none, but its `received`
  // (when Mercado Libre took the event) is the same on every attempt too.
  const key =
    typeof id === 'string' ? `ml:${id}` : typeof received === 'string' ? `ml:${topic}:${resource}:${received}` : null;
  const base = { ok: true as const, topic, applicationId: applicationId ?? null, key };

  switch (topic) {
    case 'orders_v2':
    case 'orders': // the legacy name for orders_v2, in the order payments page's example (docs/sources.md)
    case 'created_orders': {
      const m = ORDER_RESOURCE.exec(resource);
      if (!m || !isId('order', m[1])) return { ok: false, reason: `resource is not /orders/<id> for topic ${topic}` };
      return {
        ...base,
        event: {
          kind: 'order',
          id: m[1],
          topic: topic === 'created_orders' ? 'created_orders' : 'orders_v2',
          userId,
          source: 'mercadolibre',
        },
      };
    }
    case 'payments': {
      const m = PAYMENT_RESOURCE.exec(resource);
      if (!m || !isId('payment', m[1]))
        return { ok: false, reason: 'resource is not a payment path for topic payments' };
      return { ...base, event: { kind: 'payment', id: m[1], action: null, userId, source: 'mercadolibre' } };
    }
    default:
      // items, questions, messages, shipments…: Mercado Libre sends what the application subscribed
      // to; the gateway publishes none of them, and ACKs so they are not sent again.
      return { ...base, event: null };
  }
};
