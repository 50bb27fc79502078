// What a webhook route answers. Every refusal is a code and a fixed message from the table below:
// nothing from the request is echoed and nothing about the secret or the upstream is said. A
// sender retries on anything but a 2xx, so 200 means "taken (or knowingly ignored), stop sending".
import type { NotificationEvent } from './events';

export const WEBHOOK_ERRORS = {
  /** 503: Mercado Pago webhooks cannot be verified without MP_WEBHOOK_SECRET, so none is accepted. */
  not_configured: {
    status: 503,
    message: 'Mercado Pago webhooks are not accepted: the gateway has no webhook secret configured.',
  },
  /**
   * 401: missing, malformed, stale or wrong x-signature; missing x-request-id; a body whose data.id is not the signed
   * one.
   */
  invalid_signature: { status: 401, message: 'The notification signature could not be verified.' },
  /** 400: not a notification of the documented shape, or an id that does not match its pattern. */
  invalid_notification: { status: 400, message: 'The notification is malformed.' },
  /** 403: ML_APPLICATION_ID is set and the notification names another application (or none). */
  unknown_application: { status: 403, message: 'The notification is for another application.' },
  /** 415: webhooks are JSON. */
  unsupported_media_type: { status: 415, message: 'Send notifications as JSON: Content-Type: application/json.' },
  /** 413: larger than WEBHOOK_BODY_LIMIT; real notifications are a few hundred bytes. */
  payload_too_large: { status: 413, message: 'The notification body is too large.' },
  /** 405: only POST. */
  method_not_allowed: { status: 405, message: 'Notifications are sent with POST.' },
} as const;

export type WebhookErrorCode = keyof typeof WEBHOOK_ERRORS;

export type ReceiveOutcome =
  /** Verified, new, and about something the gateway publishes: answer 200, then publish `event`. */
  | { result: 'accepted'; event: NotificationEvent }
  /** Verified and already taken (a retry or a replay): 200, nothing published. */
  | { result: 'duplicate' }
  /** Verified (as far as the source allows) but of a type or topic the gateway does not publish: 200. */
  | { result: 'ignored' }
  | { result: 'refused'; error: WebhookErrorCode; /** For the log only, never for the response. */ reason: string };

export const refused = (error: WebhookErrorCode, reason: string): ReceiveOutcome => ({
  result: 'refused',
  error,
  reason,
});

/** The HTTP status and JSON body of an outcome. */
export const responseOf = (outcome: ReceiveOutcome): { status: number; body: Record<string, string> } =>
  outcome.result === 'refused'
    ? {
        status: WEBHOOK_ERRORS[outcome.error].status,
        body: { error: outcome.error, message: WEBHOOK_ERRORS[outcome.error].message },
      }
    : { status: 200, body: { status: outcome.result } };
