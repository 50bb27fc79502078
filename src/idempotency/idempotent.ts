// Stripe's idempotency rules around one money-moving write (docs/architecture.md, "The life of a
// mutation"): per caller and key, the first outcome is kept and replayed, other input under the
// same key is refused, and a key whose first call is still running is answered "in progress"
// without running again.
import { fingerprint as fingerprintOf, idempotencyScope, upstreamIdempotencyKey } from './keys';
import { IdempotencyStoreError, type IdempotencyStore } from './store';

/** How long a finished call's outcome is kept: 24 h, as Stripe keeps its keys. */
export const RETAIN_MS = 24 * 60 * 60 * 1000;

/**
 * How long an in-progress claim lives when its process dies before completing or releasing it: a
 * retry with the same key is "in progress" until then. Longer than any write's budget (a Mercado
 * Pago write times out after 10 s, with no SDK retry), so a live call never loses its claim.
 */
export const LOCK_MS = 60 * 1000;

export type Idempotent<T> =
  { kind: 'result'; value: T; replayed: boolean } | { kind: 'key_reused' } | { kind: 'in_progress' };

export interface IdempotentArgs<T> {
  store: IdempotencyStore;
  /** callerIdentity() of the bearer token. */
  callerId: string;
  /** The mutation's name (an identifier: `createPayment`). */
  operation: string;
  /** The client's idempotency key. */
  key: string;
  /** The mutation's input without the key: what the fingerprint is taken of. */
  input: unknown;
  /** The write, given the X-Idempotency-Key to send upstream. Its value must be JSON data. */
  run: (upstreamKey: string) => Promise<T>;
  lockMs?: number;
  retainMs?: number;
}

/**
 * Same key + same input → the first outcome (replayed: true) with no second run; same key + other
 * input → key_reused, no run; same key while the first is running → in_progress, no run (other
 * input while it runs is key_reused: a retry would not help). Otherwise claims, calls
 * run(upstreamKey), stores its value as JSON and returns it (replays get `JSON.parse` of it, so
 * `T` should be plain JSON data).
 *
 * - A store that cannot answer the claim throws IdempotencyStoreError, and nothing runs.
 * - If run throws, the claim is released (the outcome is unknown: a retry with the same key runs
 *   again with the same upstream key, and Mercado Pago de-duplicates) and the error is rethrown.
 * - If the outcome cannot be stored once run succeeded (the store failed, or the claim expired),
 *   the value is still returned: the write happened. The claim then expires after lockMs, and a
 *   retry runs again with the same upstream key, which Mercado Pago de-duplicates.
 */
export const idempotent = async <T>(args: IdempotentArgs<T>): Promise<Idempotent<T>> => {
  const { store, callerId, operation, key, input, run } = args;
  const scope = idempotencyScope(callerId, operation, key);
  const print = fingerprintOf(operation, input);
  const upstreamKey = upstreamIdempotencyKey(callerId, operation, key);

  const claim = await store.claim(scope, print, args.lockMs ?? LOCK_MS);
  if (claim.status !== 'claimed') {
    if (claim.fingerprint !== print) return { kind: 'key_reused' };
    if (claim.status === 'in_progress') return { kind: 'in_progress' };
    return { kind: 'result', value: parseOutcome<T>(claim.outcome, operation), replayed: true };
  }

  let value: T;
  try {
    value = await run(upstreamKey);
  } catch (err) {
    // The release failing (the store is down) leaves the claim to expire after lockMs: the run's
    // error is what the caller needs to see.
    await store.release(scope, print).catch(() => undefined);
    throw err;
  }

  let outcome: string;
  try {
    outcome = jsonText(value, operation);
  } catch (err) {
    // A bug of the caller's, found after the write: a retry runs again with the same upstream key.
    await store.release(scope, print).catch(() => undefined);
    throw err;
  }
  await store.complete(scope, print, outcome, args.retainMs ?? RETAIN_MS).catch(() => false);
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
