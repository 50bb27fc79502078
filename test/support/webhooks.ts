// Webhook bodies and signatures as Mercado Pago and Mercado Libre send them, for the webhook tests:
// the signature is HMAC-SHA256 of `id:<data.id>;request-id:<x-request-id>;ts:<ts>;` under the secret,
// as the SDK's WebhookSignatureValidator checks it.
import { createHmac, randomUUID } from 'node:crypto';

/** Unix seconds now. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The `x-signature` header of a Mercado Pago webhook for `dataId`. */
export const signature = (secret: string, dataId: string, requestId: string, ts: number = nowSeconds()): string =>
  `ts=${ts},v1=${createHmac('sha256', secret).update(`id:${dataId};request-id:${requestId};ts:${ts};`).digest('hex')}`;

/** Ids no other test uses, from `start`: each test then watches only its own events. */
export const idsFrom = (start: number): (() => string) => {
  let next = start;
  return () => String(next++);
};

/** A Mercado Pago webhook's body for payment `paymentId`. */
export const mpBody = (paymentId: string, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: Number(paymentId) + 50_000_000_000,
  live_mode: false,
  type: 'payment',
  date_created: new Date().toISOString(),
  user_id: 169648308,
  api_version: 'v1',
  action: 'payment.updated',
  data: { id: paymentId },
  ...over,
});

/** A Mercado Libre notification's body about order `orderId`. */
export const mlBody = (orderId: string, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  _id: randomUUID(),
  resource: `/orders/${orderId}`,
  user_id: 169648308,
  topic: 'orders_v2',
  application_id: 8000000000000001,
  attempts: 1,
  sent: new Date().toISOString(),
  received: new Date().toISOString(),
  ...over,
});
