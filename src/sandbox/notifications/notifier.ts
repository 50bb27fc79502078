// The sandbox's notifications (src/sandbox/README.md, "Notifications"): listens to the store's events
// and sends a signed Mercado Pago webhook for every payment change and a Mercado Libre notification
// for every order change (and for every change of a payment that belongs to a Mercado Libre order),
// each one asynchronously and retried (delivery.ts). Keeps the log GET /__sandbox/notifications shows.
import { randomUUID } from 'node:crypto';
import { isObject } from '../../lib/json';
import type { SandboxConfig } from '../http';
import type { OrderEvent, PaymentEvent, Store } from '../store';
import { Delivery, type DeliverySpec, type DeliveryView } from './delivery';
import {
  NOTIFICATION_ID_START,
  mlNotificationBody,
  mlNotificationRequest,
  mpWebhookBody,
  mpWebhookRequest,
  mpWebhookUrl,
  type MlTopic,
} from './messages';
import { retryPolicy, type RetryPolicy } from './retryPolicy';

/** `configureNotifications()`: an absent key keeps its value, null turns it off. */
export interface NotificationSettings {
  mpNotificationUrl?: string | null;
  mlNotificationUrl?: string | null;
  webhookSecret?: string | null;
}

/** Newest deliveries kept in the log (older ones still finish, unlisted). */
const KEEP = 1000;

const checkUrl = (name: string, v: unknown): string | null => {
  if (v === null) return null;
  if (typeof v === 'string') {
    try {
      const u = new URL(v);
      if (u.protocol === 'http:' || u.protocol === 'https:') return v;
    } catch {
      /* falls through */
    }
  }
  throw new TypeError(`${name} must be an http(s) URL or null`);
};

/** One line per kind, for start-up banners. Never prints the secret. */
export const describeNotifications = (config: SandboxConfig): string[] => [
  `Mercado Pago webhooks: ${
    !config.webhookSecret
      ? 'off (no MP_WEBHOOK_SECRET: the sandbox sends no unsigned webhooks)'
      : config.mpNotificationUrl
        ? `on, signed, to ${config.mpNotificationUrl} (a payment's own notification_url wins)`
        : "on, signed, only to payments' own notification_url (no SANDBOX_MP_NOTIFICATION_URL)"
  }`,
  `Mercado Libre notifications: ${
    config.mlNotificationUrl ? `on, to ${config.mlNotificationUrl}` : 'off (no SANDBOX_ML_NOTIFICATION_URL)'
  }`,
];

export class Notifier {
  readonly policy: RetryPolicy;
  private log: Delivery[] = [];
  private readonly pending = new Set<Delivery>();
  private nextNotificationId = NOTIFICATION_ID_START;
  private closed = false;
  private readonly listeners: { payment: (e: PaymentEvent) => void; order: (e: OrderEvent) => void };

  constructor(
    private readonly store: Store,
    private readonly config: SandboxConfig,
    private readonly now: () => number,
    policy: Partial<RetryPolicy> = {},
  ) {
    this.policy = retryPolicy(policy);
    // A notification problem must never fail the API request that emitted the event.
    const guard =
      <E>(fn: (e: E) => void) =>
      (e: E) => {
        try {
          fn(e);
        } catch (err) {
          console.error('[sandbox] notification not queued', err);
        }
      };
    this.listeners = { payment: guard((e) => this.onPayment(e)), order: guard((e) => this.onOrder(e)) };
    store.events.on('payment', this.listeners.payment);
    store.events.on('order', this.listeners.order);
  }

  /** Changes where notifications go and the webhook secret, from the next event on. */
  configure(settings: NotificationSettings): void {
    const next = { ...this.config };
    if (settings.mpNotificationUrl !== undefined)
      next.mpNotificationUrl = checkUrl('mpNotificationUrl', settings.mpNotificationUrl);
    if (settings.mlNotificationUrl !== undefined)
      next.mlNotificationUrl = checkUrl('mlNotificationUrl', settings.mlNotificationUrl);
    if (settings.webhookSecret !== undefined) {
      const s = settings.webhookSecret;
      if (s !== null && (typeof s !== 'string' || s.length === 0))
        throw new TypeError('webhookSecret must be a non-empty string or null');
      next.webhookSecret = s;
    }
    Object.assign(this.config, next);
  }

  /** The log, oldest first (newest last, like GET /__sandbox/requests). */
  deliveries(): DeliveryView[] {
    return this.log.map((d) => d.toJSON());
  }

  /** POST /__sandbox/reset: pending deliveries cancelled, log emptied, notification ids restart. */
  reset(): void {
    this.cancelAll();
    this.log = [];
    this.nextNotificationId = NOTIFICATION_ID_START;
  }

  /** The sandbox is closing: nothing more is sent, nothing pending is left behind. */
  close(): void {
    this.closed = true;
    this.cancelAll();
    this.store.events.off('payment', this.listeners.payment);
    this.store.events.off('order', this.listeners.order);
  }

  private cancelAll(): void {
    for (const d of this.pending) d.cancel();
    this.pending.clear();
  }

  private onPayment({ action, payment }: PaymentEvent): void {
    const receivedMs = this.now();
    const own = payment.body.notification_url;
    const target = typeof own === 'string' && own.length > 0 ? own : this.config.mpNotificationUrl;
    const secret = this.config.webhookSecret;
    // No secret, no webhook: the sandbox sends no unsigned notifications
    // (src/sandbox/README.md, "Mercado Pago webhooks").
    if (target && secret) {
      const body = mpWebhookBody({
        notificationId: this.nextNotificationId++,
        paymentId: payment.id,
        userId: payment.collector_id,
        action,
        now: receivedMs,
      });
      this.enqueue({
        kind: 'mercadopago',
        url: mpWebhookUrl(target, payment.id),
        topic: 'payment',
        resource: `/v1/payments/${payment.id}`,
        action,
        notificationId: body.id,
        request: (_attempt, nowMs) => mpWebhookRequest(body, secret, nowMs),
      });
    }
    const order = payment.body.order;
    if (isObject(order) && order.type === 'mercadolibre' && order.id !== undefined && order.id !== null) {
      this.enqueueMl('payments', `/v1/payments/${payment.id}`, payment.collector_id, receivedMs);
    }
  }

  private onOrder({ topic, orderId, userId }: OrderEvent): void {
    this.enqueueMl(topic, `/orders/${orderId}`, userId, this.now());
  }

  private enqueueMl(topic: MlTopic, resource: string, userId: number, receivedMs: number): void {
    const url = this.config.mlNotificationUrl;
    if (!url) return;
    const id = randomUUID();
    this.enqueue({
      kind: 'mercadolibre',
      url,
      topic,
      resource,
      action: null,
      notificationId: id,
      request: (attempt, nowMs) =>
        mlNotificationRequest(mlNotificationBody({ id, topic, resource, userId, attempt, receivedMs, sentMs: nowMs })),
    });
  }

  private enqueue(spec: DeliverySpec): void {
    if (this.closed) return;
    const d = new Delivery(spec, this.policy, this.now, (settled) => this.pending.delete(settled));
    this.log.push(d);
    if (this.log.length > KEEP) this.log.splice(0, this.log.length - KEEP);
    this.pending.add(d);
    d.start();
  }
}
