// How often and how long the sandbox tries to deliver one notification. Real Mercado Pago retries
// over hours (every ~15 minutes) and Mercado Libre for hours too; a dev sandbox must answer within
// seconds, so the defaults are short and tests shorten them further through startSandbox().

export interface RetryPolicy {
  /** Total delivery attempts, the first one included (≥ 1). */
  attempts: number;
  /** Wait before the second attempt, in ms. */
  baseDelayMs: number;
  /** Each further wait is the previous one times this (≥ 1). */
  factor: number;
  /** No wait is longer than this, in ms. */
  maxDelayMs: number;
  /** An attempt whose response headers have not arrived after this many ms has failed. */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  attempts: 5,
  baseDelayMs: 1000,
  factor: 2,
  maxDelayMs: 30_000,
  timeoutMs: 5000,
});

const check = (name: keyof RetryPolicy, v: number, min: number, integer: boolean): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || (integer && !Number.isInteger(v))) {
    throw new RangeError(
      `notifications.${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got ${String(v)}`,
    );
  }
  return v;
};

/** Defaults overlaid with `partial`, each value checked. */
export const retryPolicy = (partial: Partial<RetryPolicy> = {}): RetryPolicy => {
  const p = {
    ...DEFAULT_RETRY_POLICY,
    ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)),
  };
  return {
    attempts: check('attempts', p.attempts, 1, true),
    baseDelayMs: check('baseDelayMs', p.baseDelayMs, 0, false),
    factor: check('factor', p.factor, 1, false),
    maxDelayMs: check('maxDelayMs', p.maxDelayMs, 0, false),
    timeoutMs: check('timeoutMs', p.timeoutMs, 1, false),
  };
};

/**
 * The wait after failed attempt number `attempt` (1-based) before the next one, or null when
 * `attempt` was the last one allowed: base, base·factor, base·factor², … capped at maxDelayMs.
 */
export const backoffDelay = (attempt: number, policy: RetryPolicy): number | null => {
  if (attempt >= policy.attempts) return null;
  return Math.min(policy.baseDelayMs * policy.factor ** (attempt - 1), policy.maxDelayMs);
};
