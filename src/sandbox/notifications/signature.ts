// Mercado Pago's webhook signature (src/sandbox/README.md, "Notifications"):
// `x-signature: ts=<Unix seconds>,v1=<hex>`, the hex being HMAC-SHA256, keyed with the webhook
// secret, over `id:<data.id>;request-id:<x-request-id>;ts:<ts>;`.
// Exactly what the SDK's WebhookSignatureValidator.validate recomputes (mercadopago/dist/utils/webhook).
import { createHmac } from 'node:crypto';

export interface SignatureInput {
  secret: string;
  /** The notification's `data.id` (the payment id, as the `data.id` query parameter carries it). */
  dataId: string;
  /** The `x-request-id` header sent with the same request. */
  requestId: string;
  /** Unix time in seconds. */
  ts: number;
}

/** The string the HMAC is computed over. */
export const signatureManifest = (dataId: string, requestId: string, ts: number): string =>
  `id:${dataId};request-id:${requestId};ts:${ts};`;

/** The `x-signature` header value. */
export const signWebhook = ({ secret, dataId, requestId, ts }: SignatureInput): string => {
  if (!Number.isInteger(ts) || ts < 0) throw new RangeError('ts must be Unix seconds');
  const v1 = createHmac('sha256', secret)
    .update(signatureManifest(dataId, requestId, ts))
    .digest('hex');
  return `ts=${ts},v1=${v1}`;
};
