// One notification on its way: attempts with a per-attempt timeout, exponential backoff between
// them, then delivered (a 2xx) or failed (attempts exhausted). Timers exist only while the delivery
// is pending; cancel() clears the pending retry and aborts the request in flight.
import { backoffDelay, type RetryPolicy } from './retryPolicy';
import type { OutgoingRequest } from './messages';

export type DeliveryKind = 'mercadopago' | 'mercadolibre';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface DeliverySpec {
  kind: DeliveryKind;
  /** Where it goes (for Mercado Pago, with `?data.id=…&type=payment`). */
  url: string;
  /** `payment` (Mercado Pago's `type`), or the Mercado Libre topic. */
  topic: string;
  /** The resource the notification is about, e.g. `/v1/payments/1320000001`, `/orders/2000000001`. */
  resource: string;
  /** Mercado Pago's `action` (`payment.created` | `payment.updated`); null for Mercado Libre. */
  action: string | null;
  /** The body's `id` (Mercado Pago) or `_id` (Mercado Libre): the same on every attempt. */
  notificationId: number | string;
  /** The request of attempt `attempt` (1-based) made at `nowMs`. */
  request(attempt: number, nowMs: number): OutgoingRequest;
}

/** What GET /__sandbox/notifications lists for one delivery. */
export interface DeliveryView {
  kind: DeliveryKind;
  url: string;
  topic: string;
  resource: string;
  attempts: number;
  status: DeliveryStatus;
  action: string | null;
  notificationId: number | string;
  /** HTTP status of the last answer; null before the first answer or when the last attempt got none. */
  lastResponseStatus: number | null;
  /** Why the last attempt failed (`HTTP 500`, `timeout after 5000 ms`, `ECONNREFUSED`); null otherwise. */
  lastError: string | null;
  /** x-request-id of the last attempt (Mercado Pago); null for Mercado Libre. */
  requestId: string | null;
  /** The body of the last attempt (before the first one: the body it will carry). */
  body: unknown;
}

const reasonOf = (err: unknown): string => {
  const e = err as { cause?: { code?: string; message?: string }; message?: string };
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
};

export class Delivery {
  private attempts = 0;
  private status: DeliveryStatus = 'pending';
  private lastResponseStatus: number | null = null;
  private lastError: string | null = null;
  private requestId: string | null = null;
  private body: unknown;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: AbortController | null = null;

  constructor(
    private readonly spec: DeliverySpec,
    private readonly policy: RetryPolicy,
    private readonly now: () => number,
    /** Called once, when the delivery stops being pending for good (delivered or failed). */
    private readonly onSettled: (d: Delivery) => void,
  ) {
    this.body = spec.request(1, now()).body;
  }

  get pending(): boolean {
    return this.status === 'pending';
  }

  /** First attempt on the next turn of the event loop: never inside the request that caused it. */
  start(): void {
    this.schedule(0);
  }

  /** Stops for good: no further attempt, the one in flight aborted. */
  cancel(): void {
    if (this.status !== 'pending') return;
    this.status = 'cancelled';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.inFlight?.abort();
    this.inFlight = null;
  }

  toJSON(): DeliveryView {
    return {
      kind: this.spec.kind,
      url: this.spec.url,
      topic: this.spec.topic,
      resource: this.spec.resource,
      attempts: this.attempts,
      status: this.status,
      action: this.spec.action,
      notificationId: this.spec.notificationId,
      lastResponseStatus: this.lastResponseStatus,
      lastError: this.lastError,
      requestId: this.requestId,
      body: this.body,
    };
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.attempt();
    }, ms);
  }

  private async attempt(): Promise<void> {
    if (this.status !== 'pending') return;
    this.attempts += 1;
    const attempt = this.attempts;
    const req = this.spec.request(attempt, this.now());
    this.requestId = req.requestId;
    this.body = req.body;

    const controller = new AbortController();
    this.inFlight = controller;
    let timedOut = false;
    const timeout = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.policy.timeoutMs);
    let ok = false;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(this.spec.url, {
        method: 'POST',
        headers: req.headers,
        body: JSON.stringify(req.body),
        signal: controller.signal,
        redirect: 'manual',
      });
      status = res.status;
      ok = res.status >= 200 && res.status < 300;
      if (!ok) error = `HTTP ${res.status}`;
      // The answer's body is of no interest; drop it so the connection is freed.
      await res.body?.cancel().catch(() => undefined);
    } catch (err) {
      error = timedOut ? `timeout after ${this.policy.timeoutMs} ms` : reasonOf(err);
    } finally {
      clearTimeout(timeout);
      if (this.inFlight === controller) this.inFlight = null;
    }
    if (this.status !== 'pending') return; // cancelled meanwhile (reset or close)
    this.lastResponseStatus = status;
    this.lastError = error;
    if (ok) return this.settle('delivered');
    const wait = backoffDelay(attempt, this.policy);
    if (wait === null) return this.settle('failed');
    this.schedule(wait);
  }

  private settle(status: 'delivered' | 'failed'): void {
    this.status = status;
    this.onSettled(this);
  }
}
