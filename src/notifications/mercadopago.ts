// Mercado Pago webhooks (https://www.mercadopago.com.ar/developers/en/docs/your-integrations/notifications/webhooks):
//   POST <url>?data.id=<id>&type=payment
//   x-signature: ts=<Unix seconds>,v1=<hex>   x-request-id: <id>
//   {"id", "live_mode", "type", "date_created", "user_id", "api_version", "action", "data": {"id"}}
// v1 is HMAC-SHA256 keyed with the application's secret over `id:<data.id>;request-id:<x-request-id>;ts:<ts>;`.
// The official SDK's WebhookSignatureValidator recomputes and compares it (in constant time); this
// file decides what goes into it and what a verified notification means.
//
// What the signature covers, and so what can be trusted: the `data.id` of the query string, the
// request id and the timestamp. Nothing else of the body is signed: the body's `data.id` must
// equal the signed one, and `action`/`user_id` are published as hints. Consumers read the payment
// again before they tell anyone anything.
import { InvalidWebhookSignatureError, WebhookSignatureValidator } from 'mercadopago';
import { isObject } from '../lib/json';
import { isId, numericId } from '../upstream/ids';
import type { PaymentChanged } from './events';

/** Past this drift between `ts` and our clock a signature is refused (a replay, or a clock to fix). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Any data.id Mercado Pago may sign: payments are digits, other topics (orders, subscriptions) are
 * alphanumeric. Bounded and without `/` or `.`, so it is safe in a key or a log line.
 */
const DATA_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** x-request-id: Mercado Pago sends a UUID; anything printable and bounded is accepted. */
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;
const ACTION = /^[a-z_]{1,40}\.[a-z_]{1,40}$/;
const TYPE = /^[a-z0-9_]{1,64}$/;

type HeaderValue = string | string[] | undefined | null;

const single = (v: HeaderValue): string | undefined => {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.length === 1 ? v[0] : undefined;
  return v;
};

export interface SignatureInput {
  xSignature: HeaderValue;
  xRequestId: HeaderValue;
  /** The `data.id` query parameter, as received. */
  dataId: string;
  secret: string;
  toleranceSeconds?: number;
  /** Epoch ms; tests inject one. */
  now?: () => number;
}

export type SignatureCheck = { ok: true; requestId: string } | { ok: false; reason: string };

/**
 * Whether the request carries Mercado Pago's signature for `dataId`. The SDK leaves a missing
 * request id out of the manifest; a notification without one is refused here instead, since the
 * request id is also what a replay is recognised by.
 */
export const verifyMercadoPagoSignature = (input: SignatureInput): SignatureCheck => {
  const requestId = single(input.xRequestId)?.trim();
  if (!requestId) return { ok: false, reason: 'MissingRequestId' };
  if (!REQUEST_ID.test(requestId)) return { ok: false, reason: 'MalformedRequestId' };
  const xSignature = single(input.xSignature);
  try {
    WebhookSignatureValidator.validate({
      xSignature,
      xRequestId: requestId,
      // Mercado Pago's docs: an alphanumeric data.id from the URL goes into the manifest in lower case.
      dataId: input.dataId.toLowerCase(),
      secret: input.secret,
      toleranceSeconds: input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
      ...(input.now ? { now: input.now } : {}),
    });
  } catch (err) {
    if (err instanceof InvalidWebhookSignatureError) return { ok: false, reason: err.reason };
    throw err;
  }
  return { ok: true, requestId };
};

/** The `data.id` query parameter when there is exactly one and it has an id's shape. */
export const queryDataId = (values: readonly string[]): string | null =>
  values.length === 1 && DATA_ID.test(values[0]) ? values[0] : null;

export type ParsedWebhook =
  | { ok: false; reason: string; /** The body names another data.id than the signed one. */ forged?: true }
  | {
      ok: true;
      type: string;
      /** Only for `payment`: the event and the notification's dedupe key. */ payment: {
        event: PaymentChanged;
        key: string;
      } | null;
    };

/**
 * The body of a verified webhook for the signed `dataId`. `queryType` is the `type` query
 * parameter (Mercado Pago sends it beside the body's `type`; both must agree when both are there).
 */
export const parseMercadoPagoWebhook = (body: unknown, dataId: string, queryType: readonly string[]): ParsedWebhook => {
  if (!isObject(body)) return { ok: false, reason: 'body is not a JSON object' };
  const data = body.data;
  const bodyDataId =
    isObject(data) && (typeof data.id === 'string' || typeof data.id === 'number') ? String(data.id) : null;
  if (bodyDataId === null) return { ok: false, reason: 'data.id missing from the body' };
  if (bodyDataId.toLowerCase() !== dataId.toLowerCase())
    return { ok: false, reason: 'BodyDataIdMismatch', forged: true };

  const type = body.type;
  if (typeof type !== 'string' || !TYPE.test(type)) return { ok: false, reason: 'type missing or malformed' };
  if (queryType.length > 1 || (queryType.length === 1 && queryType[0] !== type))
    return { ok: false, reason: 'type query parameter differs from the body' };
  if (type !== 'payment') return { ok: true, type, payment: null };

  if (!isId('payment', dataId)) return { ok: false, reason: 'data.id is not a payment id' };
  const notificationId = numericId(body.id);
  if (!notificationId) return { ok: false, reason: 'id missing or not a positive integer' };
  const action = body.action;
  if (action !== undefined && action !== null && (typeof action !== 'string' || !ACTION.test(action)))
    return { ok: false, reason: 'action malformed' };
  const userId = numericId(body.user_id);
  if (userId === null) return { ok: false, reason: 'user_id malformed' };
  const dateCreated = body.date_created;
  if (
    dateCreated !== undefined &&
    dateCreated !== null &&
    (typeof dateCreated !== 'string' || dateCreated.length > 64)
  ) {
    return { ok: false, reason: 'date_created malformed' };
  }
  return {
    ok: true,
    type,
    payment: {
      event: {
        kind: 'payment',
        id: dataId,
        action: typeof action === 'string' ? action : null,
        userId: userId ?? null,
        source: 'mercadopago',
      },
      // Mercado Pago retries a notification with the same body (same id and date_created). The
      // sandbox restarts its notification ids on every reset, so the id alone could take a new
      // notification for an old one; with date_created it cannot.
      key: `mp:notification:${notificationId}:${typeof dateCreated === 'string' ? dateCreated : ''}`,
    },
  };
};
