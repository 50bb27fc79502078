// The webhook routes (docs/architecture.md, "The life of a notification"), mounted at /webhooks:
//   POST /webhooks/mercadopago   signed Mercado Pago webhooks (src/notifications/mercadopago.ts)
//   POST /webhooks/mercadolibre  Mercado Libre notifications (src/notifications/mercadolibre.ts)
// Both answer as soon as the notification is checked and claimed, and publish after the answer has
// gone: a sender that waits too long counts a failure and sends again.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from '../lib/logger';
import {
  responseOf,
  WEBHOOK_ERRORS,
  type NotificationReceiver,
  type ReceiveOutcome,
  type WebhookErrorCode,
} from '../notifications';

/** Real notifications are a few hundred bytes. */
export const WEBHOOK_BODY_LIMIT = '16kb';

const sendError = (res: Response, code: WebhookErrorCode): void => {
  res.status(WEBHOOK_ERRORS[code].status).json({ error: code, message: WEBHOOK_ERRORS[code].message });
};

/**
 * Every value of one header, as sent: Node joins a repeated `x-signature` into one string, from
 * which the SDK would take the last `v1`, so a forged signature followed by a valid one would pass.
 * One request carries one signature: more than one value is refused as no signature.
 */
const headerValues = (req: Request, name: string): string[] =>
  req.rawHeaders.filter((_, i) => i % 2 === 1 && req.rawHeaders[i - 1].toLowerCase() === name);

/** Every value of one query parameter, read from the raw URL (`data.id` is a literal name with a dot). */
const queryValues = (req: Request, name: string): string[] => {
  const url = req.originalUrl;
  const i = url.indexOf('?');
  return i === -1 ? [] : new URLSearchParams(url.slice(i + 1)).getAll(name);
};

export const createWebhookRouter = (receiver: NotificationReceiver, log: Logger): Router => {
  const router = express.Router();

  const jsonOnly = (req: Request, res: Response, next: NextFunction): void => {
    if (!req.is('application/json')) return sendError(res, 'unsupported_media_type');
    next();
  };
  const json = express.json({ limit: WEBHOOK_BODY_LIMIT, strict: true, type: 'application/json' });

  const answer = (source: 'mercadopago' | 'mercadolibre', res: Response, outcome: ReceiveOutcome): void => {
    const { status, body } = responseOf(outcome);
    if (outcome.result === 'refused') {
      // The reason is ours (fixed strings, ids already checked against their patterns), never a header or body.
      const fields = { source, error: outcome.error, reason: outcome.reason };
      if (
        outcome.error === 'invalid_signature' ||
        outcome.error === 'not_configured' ||
        outcome.error === 'unknown_application'
      )
        log.warn('webhook refused', fields);
      else log.info('webhook refused', fields);
    } else {
      log.debug(`webhook ${outcome.result}`, {
        source,
        ...(outcome.result === 'accepted' ? { kind: outcome.event.kind, id: outcome.event.id } : {}),
      });
    }
    res.status(status).json(body);
    if (outcome.result === 'accepted') {
      const { event } = outcome;
      setImmediate(() => void receiver.publish(event));
    }
  };

  router.post('/mercadopago', jsonOnly, json, async (req: Request, res: Response) => {
    const outcome = await receiver.receiveMercadoPago({
      dataIds: queryValues(req, 'data.id'),
      types: queryValues(req, 'type'),
      xSignature: headerValues(req, 'x-signature'),
      xRequestId: headerValues(req, 'x-request-id'),
      body: (req as { body?: unknown }).body,
    });
    answer('mercadopago', res, outcome);
  });

  router.post('/mercadolibre', jsonOnly, json, async (req: Request, res: Response) => {
    answer('mercadolibre', res, await receiver.receiveMercadoLibre((req as { body?: unknown }).body));
  });

  router.all(['/mercadopago', '/mercadolibre'], (_req: Request, res: Response) => {
    res.setHeader('Allow', 'POST');
    sendError(res, 'method_not_allowed');
  });

  // Body-parser failures answer in the webhook error shape, not the GraphQL one.
  router.use((err: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (err.type === 'entity.too.large') return sendError(res, 'payload_too_large');
    if (err.type === 'entity.parse.failed' || err.type === 'charset.unsupported' || err.type === 'encoding.unsupported')
      return sendError(res, 'invalid_notification');
    next(err);
  });

  return router;
};

/**
 * The webhook URLs of a gateway listening at `gatewayUrl`, as seen from this machine (a gateway
 * bound to every interface is reached on loopback).
 */
export const webhookUrls = (gatewayUrl: string): { mercadopago: string; mercadolibre: string } => {
  const u = new URL(gatewayUrl);
  if (u.hostname === '0.0.0.0') u.hostname = '127.0.0.1';
  else if (u.hostname === '[::]') u.hostname = '[::1]';
  const base = u.origin;
  return { mercadopago: `${base}/webhooks/mercadopago`, mercadolibre: `${base}/webhooks/mercadolibre` };
};
