// POST /__sandbox/faults (src/sandbox/README.md, "Control API (`/__sandbox/`)"): latency, error statuses, time-outs,
// socket resets, and the "after" fault that carries the request out and then loses the answer (the
// double-charge trap).
import { ApiError, badRequest } from './errors';

export interface Fault {
  id: number;
  route: string;
  latencyMs: number;
  jitterMs: number;
  errorRate: number;
  status: number | null;
  retryAfter: number | null;
  timeout: boolean;
  reset: boolean;
  after: boolean;
  times: number | null;
  fired: number;
}

/** What a request meets: a delay, and at most one terminal effect, before or after the handler. */
export interface FaultPlan {
  delayMs: number;
  terminal: Fault | null;
}

const num = (v: unknown, name: string, min: number, max: number, integer = false): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw badRequest('invalid_fault', `${name} must be a number between ${min} and ${max}`);
  }
  return v;
};

export class Faults {
  private faults: Fault[] = [];
  private seq = 0;

  constructor(private readonly random: () => number = Math.random) {}

  add(input: unknown, knownRoutes: Set<string>): Fault {
    if (!input || typeof input !== 'object' || Array.isArray(input))
      throw badRequest('invalid_fault', 'body must be a JSON object');
    const b = input as Record<string, unknown>;
    if (typeof b.route !== 'string' || (b.route !== '*' && !knownRoutes.has(b.route))) {
      throw badRequest('invalid_fault', 'route must be "*" or a served route such as "GET /v1/payments/{id}"');
    }
    const fault: Fault = {
      id: ++this.seq,
      route: b.route,
      latencyMs: b.latencyMs === undefined ? 0 : num(b.latencyMs, 'latencyMs', 0, 120_000),
      jitterMs: b.jitterMs === undefined ? 0 : num(b.jitterMs, 'jitterMs', 0, 120_000),
      errorRate: b.errorRate === undefined ? 1 : num(b.errorRate, 'errorRate', 0, 1),
      status: b.status === undefined ? null : num(b.status, 'status', 400, 599, true),
      retryAfter: b.retryAfter === undefined ? null : num(b.retryAfter, 'retryAfter', 0, 86_400, true),
      timeout: b.timeout === true,
      reset: b.reset === true,
      after: b.after === true,
      times: b.times === undefined ? null : num(b.times, 'times', 1, 1_000_000, true),
      fired: 0,
    };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return [...this.faults];
  }

  /** Rolls every fault that matches the route; the ones that fire count towards their `times`. */
  plan(route: string): FaultPlan {
    let delayMs = 0;
    let terminal: Fault | null = null;
    for (const f of [...this.faults]) {
      if (f.route !== '*' && f.route !== route) continue;
      if (f.errorRate < 1 && this.random() >= f.errorRate) continue;
      f.fired += 1;
      if (f.times !== null && f.fired >= f.times) this.faults = this.faults.filter((x) => x !== f);
      delayMs += f.latencyMs + (f.jitterMs ? this.random() * f.jitterMs : 0);
      if (!terminal && (f.status !== null || f.timeout || f.reset)) terminal = f;
    }
    return { delayMs, terminal };
  }
}

/** The body a fault's status answers with: Mercado Pago's error shape. */
export const faultError = (status: number): ApiError =>
  new ApiError(status, status === 429 ? 'Too many requests' : `sandbox fault: ${status}`);
