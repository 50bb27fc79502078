// Stripe's idempotency rules around one money-moving write (docs/architecture.md, "The life of a
// mutation"): per caller and key, the first outcome is kept and replayed, other input under the
// same key is refused, and a key whose first call is still running is answered "in progress"
// without running again.
import { fingerprint as fingerprintOf, idempotencyScope, upstreamIdempotencyKey } from './keys';
import { IdempotencyStoreError, type IdempotencyStore } from './store';

/** How long a finished call's outcome is kept: 24 h, as Stripe keeps its keys. */
export const RETAIN_MS = 24 * 60 * 60 * 1000;

/**
 * How long a running call holds its record: a retry with the same key is "in progress" until then.
 * Longer than any write's budget (a Mercado Pago write times out after 10 s, with no SDK retry), so
 * a live call never loses it. When a process dies holding it, the record becomes unknown once the
 * lock lapses: the same input may then try again, with the same upstream key.
 */
export const LOCK_MS = 60 * 1000;

export type Idempotent<T> =
  { kind: 'result'; value: T; replayed: boolean } | { kind: 'key_reused' } | { kind: 'in_progress' };

/** What the write is given. */
export interface Attempt {
  /** The X-Idempotency-Key to send upstream: the same for every attempt of this request. */
  upstreamKey: string;
  /**
   * An earlier attempt of this request ended without a known outcome, so the write may already
   * have happened upstream: send it again as it is (the upstream replays its first answer), and do
   * not refuse it from state that write may itself have produced.
   */
  retry: boolean;
}

export interface IdempotentArgs<T> {
  store: IdempotencyStore;
  /** The caller's identity (src/auth callerIdentity): an HMAC, never a credential. */
  callerId: string;
  /** The mutation's name (an identifier: `createPayment`). */
  operation: string;
  /** The client's idempotency key. */
  key: string;
  /** The mutation's input without the key: what the fingerprint is taken of. */
  input: unknown;
  /** The write. Its value must be JSON data: it is stored and replayed. */
  run: (attempt: Attempt) => Promise<T>;
  lockMs?: number;
  retainMs?: number;
}

/**
 * Same key + same input → the first outcome (replayed: true) with no second run; same key + other
 * input → key_reused, no run, whether the first finished, is running or ended unknown; same key
 * and input while the first is running → in_progress, no run. Otherwise claims the record and calls
 * run({ upstreamKey, retry }), then stores its value as JSON (replays get `JSON.parse` of it, so `T`
 * should be plain JSON data).
 *
 * - A store that cannot answer the claim throws IdempotencyStoreError, and nothing runs.
 * - If run throws, its outcome is unknown (a timeout, a lost answer, a 5xx, a temporary refusal):
 *   the record stays, with the input's fingerprint, and the error is rethrown. A retry with the same
 *   input runs again with `retry: true` and the same upstream key; other input is key_reused.
 * - If the outcome cannot be stored once run succeeded (the store failed, or another attempt took
 *   the record over), the value is still returned: the write happened.
 */
export const idempotent = async <T>(args: IdempotentArgs<T>): Promise<Idempotent<T>> => {
  const { store, callerId, operation, key, input, run } = args;
  const scope = idempotencyScope(callerId, operation, key);
  const print = fingerprintOf(operation, input);
  const upstreamKey = upstreamIdempotencyKey(callerId, operation, key, print);
  const retainMs = args.retainMs ?? RETAIN_MS;

  const claim = await store.claim(scope, print, args.lockMs ?? LOCK_MS, retainMs);
  if (claim.status !== 'claimed') {
    if (claim.fingerprint !== print || claim.status === 'unknown') return { kind: 'key_reused' };
    if (claim.status === 'in_progress') return { kind: 'in_progress' };
    return { kind: 'result', value: parseOutcome<T>(claim.outcome, operation), replayed: true };
  }

  let value: T;
  let outcome: string;
  try {
    value = await run({ upstreamKey, retry: claim.retry });
    outcome = jsonText(value, operation);
  } catch (err) {
    // Abandoning failing (the store is down) leaves the lock to lapse, with the same effect later:
    // the run's error is what the caller needs to see.
    await store.abandon(scope, claim.ticket).catch(() => undefined);
    throw err;
  }
  await store.complete(scope, claim.ticket, outcome, retainMs).catch(() => false);
  return { kind: 'result', value, replayed: false };
};
const jsonText = (value: unknown, operation: string): string => {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    throw new TypeError(`the outcome of ${operation} is not JSON data, so it could not be replayed`, { cause: err });
  }
  if (text === undefined)
    throw new TypeError(`the outcome of ${operation} is ${typeof value}, not JSON data, so it could not be replayed`);
  return text;
};

const parseOutcome = <T>(outcome: string, operation: string): T => {
  try {
    return JSON.parse(outcome) as T;
  } catch (err) {
    throw new IdempotencyStoreError(`the stored outcome of ${operation} is not JSON`, { cause: err });
  }
};
