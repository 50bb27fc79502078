// Takes in notifications: verify (Mercado Pago) or check (Mercado Libre), de-duplicate, and say
// what to answer and what to publish. No HTTP here: src/gateway/webhooks.ts adapts it to Express,
// answers first, and publishes after.
import type { Logger } from '../lib/logger';
import type { NotificationBus } from './bus';
import type { DedupeStore } from './dedupe';
import type { NotificationEvent } from './events';
import { parseMercadoLibreNotification } from './mercadolibre';
import {
  DEFAULT_TOLERANCE_SECONDS,
  parseMercadoPagoWebhook,
  queryDataId,
  verifyMercadoPagoSignature,
} from './mercadopago';
import { refused, type ReceiveOutcome } from './outcomes';

export interface NotificationReceiverOptions {
  bus: NotificationBus;
  dedupe: DedupeStore;
  /** MP_WEBHOOK_SECRET (or the embedded sandbox's per-process secret); null: every Mercado Pago webhook is refused. */
  mpWebhookSecret: string | null;
  /** ML_APPLICATION_ID; when set, Mercado Libre notifications must name it. */
  mlApplicationId: string | null;
  toleranceSeconds?: number;
  /** Epoch ms, for the signature's timestamp tolerance; tests inject one. */
  now?: () => number;
  log: Logger;
}

export interface MercadoPagoWebhookInput {
  /** Every `data.id` value of the query string (one is expected). */
  dataIds: readonly string[];
  /** Every `type` value of the query string. */
  types: readonly string[];
  xSignature: string | string[] | undefined;
  xRequestId: string | string[] | undefined;
  /** The parsed JSON body. */
  body: unknown;
}

export class NotificationReceiver {
  constructor(private readonly options: NotificationReceiverOptions) {}

  get acceptsMercadoPago(): boolean {
    return this.options.mpWebhookSecret !== null;
  }

  async receiveMercadoPago(input: MercadoPagoWebhookInput): Promise<ReceiveOutcome> {
    const { mpWebhookSecret: secret, dedupe, log } = this.options;
    // Never accept unsigned: without a secret nothing can be verified, so nothing is taken.
    if (secret === null) return refused('not_configured', 'no webhook secret');
    const dataId = queryDataId(input.dataIds);
    if (dataId === null)
      return refused('invalid_notification', 'data.id query parameter missing, repeated or malformed');

    const check = verifyMercadoPagoSignature({
      xSignature: input.xSignature,
      xRequestId: input.xRequestId,
      dataId,
      secret,
      toleranceSeconds: this.options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
      ...(this.options.now ? { now: this.options.now } : {}),
    });
    if (!check.ok) return refused('invalid_signature', check.reason);

    const parsed = parseMercadoPagoWebhook(input.body, dataId, input.types);
    if (!parsed.ok) return refused(parsed.forged ? 'invalid_signature' : 'invalid_notification', parsed.reason);
    if (parsed.payment === null) {
      log.debug('webhook ignored', { source: 'mercadopago', type: parsed.type });
      return { result: 'ignored' };
    }
    // A request id names one request: seen again, it is a replay of a signed request (whose body,
    // unsigned, may have been changed). The notification key catches the sender's retries, which
    // come with a new request id each.
    if (!(await dedupe.claim(`mp:request:${check.requestId}`))) return { result: 'duplicate' };
    if (!(await dedupe.claim(parsed.payment.key))) return { result: 'duplicate' };
    return { result: 'accepted', event: parsed.payment.event };
  }

  async receiveMercadoLibre(body: unknown): Promise<ReceiveOutcome> {
    const parsed = parseMercadoLibreNotification(body);
    if (!parsed.ok) return refused('invalid_notification', parsed.reason);
    const expected = this.options.mlApplicationId;
    if (expected !== null && parsed.applicationId !== expected)
      return refused('unknown_application', 'application_id differs from ML_APPLICATION_ID');
    if (parsed.event === null) {
      this.options.log.debug('webhook ignored', { source: 'mercadolibre', topic: parsed.topic });
      return { result: 'ignored' };
    }
    if (parsed.key !== null && !(await this.options.dedupe.claim(parsed.key))) return { result: 'duplicate' };
    return { result: 'accepted', event: parsed.event };
  }

  /** Publishes an accepted event; a failure is logged, never thrown (the sender already has its 200). */
  async publish(event: NotificationEvent): Promise<void> {
    try {
      await this.options.bus.publish(event);
    } catch (err) {
      this.options.log.error('notification not published', {
        event: { kind: event.kind, id: event.id },
        error: err instanceof Error ? { name: err.name, message: err.message } : String(err),
      });
    }
  }
}
