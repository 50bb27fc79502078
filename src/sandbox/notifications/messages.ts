// The two notification formats the sandbox sends, and the requests that carry them.
//
// Mercado Pago webhook (spec3.yaml components WebhookNotification; the SDK's validator):
//   POST <notification_url>?data.id=<payment id>&type=payment
//   x-signature: ts=<Unix seconds>,v1=<hex>   x-request-id: <uuid>   Content-Type: application/json
//   {"id": <notification id, a number>, "live_mode": false, "type": "payment",
//    "date_created": "<MP date>", "user_id": <collector id, a number>, "api_version": "v1",
//    "action": "payment.created" | "payment.updated", "data": {"id": "<payment id, a string>"}}
//
// Mercado Libre notification (the order payments page; the current ML documentation):
//   POST <callback URL>   Content-Type: application/json
//   {"_id": "<uuid>", "resource": "/orders/<id>", "user_id": <seller id>, "topic": "orders_v2",
//    "application_id": <app id>, "attempts": <n>, "sent": "<ISO UTC>", "received": "<ISO UTC>"}
import { randomUUID } from 'node:crypto';
import { mpDate } from '../clock';
import { signWebhook } from './signature';

/** The sandbox's Mercado Libre application (ML puts the receiving app's id in every notification). */
export const SANDBOX_APPLICATION_ID = 8_000_000_000_000_001;

/** Notification ids (the body's `id`, the receiver's dedupe key): a sequence restarting on reset. */
export const NOTIFICATION_ID_START = 120_000_000_001;

export type MlTopic = 'orders_v2' | 'created_orders' | 'payments';

export interface MpWebhookBody {
  id: number;
  live_mode: false;
  type: 'payment';
  date_created: string;
  user_id: number;
  api_version: 'v1';
  action: 'payment.created' | 'payment.updated';
  data: { id: string };
}

export interface MlNotificationBody {
  _id: string;
  resource: string;
  user_id: number;
  topic: MlTopic;
  application_id: number;
  attempts: number;
  sent: string;
  received: string;
}

export const mpWebhookBody = (input: {
  notificationId: number;
  paymentId: number;
  userId: number;
  action: MpWebhookBody['action'];
  now: number;
}): MpWebhookBody => ({
  id: input.notificationId,
  live_mode: false,
  type: 'payment',
  date_created: mpDate(input.now),
  user_id: input.userId,
  api_version: 'v1',
  action: input.action,
  data: { id: String(input.paymentId) },
});

/** `url` with Mercado Pago's `data.id` and `type` query parameters (any query it has is kept). */
export const mpWebhookUrl = (url: string, paymentId: number): string => {
  const u = new URL(url);
  u.searchParams.set('data.id', String(paymentId));
  u.searchParams.set('type', 'payment');
  return u.toString();
};

export interface OutgoingRequest {
  headers: Record<string, string>;
  body: unknown;
  /** The x-request-id sent, when there is one. */
  requestId: string | null;
}

/** One attempt's request: a fresh x-request-id and ts, signed again (src/sandbox/README.md, "Notifications"). */
export const mpWebhookRequest = (body: MpWebhookBody, secret: string, nowMs: number): OutgoingRequest => {
  const requestId = randomUUID();
  const ts = Math.floor(nowMs / 1000);
  return {
    headers: {
      'Content-Type': 'application/json',
      'x-request-id': requestId,
      'x-signature': signWebhook({ secret, dataId: body.data.id, requestId, ts }),
    },
    body,
    requestId,
  };
};

export const mlNotificationBody = (input: {
  id: string;
  topic: MlTopic;
  resource: string;
  userId: number;
  attempt: number;
  receivedMs: number;
  sentMs: number;
}): MlNotificationBody => ({
  _id: input.id,
  resource: input.resource,
  user_id: input.userId,
  topic: input.topic,
  application_id: SANDBOX_APPLICATION_ID,
  attempts: input.attempt,
  sent: new Date(input.sentMs).toISOString(),
  received: new Date(input.receivedMs).toISOString(),
});

export const mlNotificationRequest = (body: MlNotificationBody): OutgoingRequest => ({
  headers: { 'Content-Type': 'application/json' },
  body,
  requestId: null,
});
