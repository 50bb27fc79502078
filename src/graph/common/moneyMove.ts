// Stripe's idempotency rules around one money-moving write (its input, the key included, already
// checked with common/inputChecks.ts): the record per (caller, operation, key) claimed in the
// gateway's idempotency store, the key sent upstream derived from them, and the two refusals (other
// input, still running) as userErrors (docs/architecture.md, "The life of a mutation").
// What `run` returns is stored as the outcome, so it must be plain JSON.
import { idempotent, IdempotencyStoreError, type Attempt } from '../../idempotency';
import { gqlError } from '../errors';
import type { Context } from '../context';
import { userError, type UserError } from './userError';

// The two refusals of the idempotency rules, side by side.
const REFUSALS = {
  key_reused: [
    'IDEMPOTENCY_KEY_REUSED',
    'This idempotency key was already used with other input; nothing was done. Use a new key for a new request.',
  ],
  in_progress: [
    'IDEMPOTENCY_IN_PROGRESS',
    'A request with this idempotency key is still running; retry shortly with the same key.',
  ],
} as const;

export type MoveResult<T> = { ok: true; value: T; replayed: boolean } | { ok: false; userErrors: UserError[] };

/** The input as fingerprinted: everything but the key itself. */
const withoutKey = (input: { idempotencyKey: string }): Record<string, unknown> => {
  const { idempotencyKey: _key, ...rest } = input;
  return rest;
};

export const moneyMove = async <T>(
  ctx: Context,
  operation: string,
  input: { idempotencyKey: string },
  run: (attempt: Attempt) => Promise<T>,
): Promise<MoveResult<T>> => {
  const callerId = ctx.callerId();
  let outcome;
  try {
    outcome = await idempotent({
      store: ctx.idempotency,
      callerId,
      operation,
      key: input.idempotencyKey,
      input: withoutKey(input),
      run,
    });
  } catch (err) {
    if (!(err instanceof IdempotencyStoreError)) throw err;
    // The store itself failed (Redis down) before the write: nothing was done upstream.
    ctx.log.error('idempotency store unavailable', {
      operation,
      error: err instanceof Error ? err.message : String(err),
    });
    throw gqlError(
      'UPSTREAM_UNAVAILABLE',
      'The idempotency store is unavailable, so nothing was done; retry with the same key.',
    );
  }
  if (outcome.kind !== 'result') {
    const [code, message] = REFUSALS[outcome.kind];
    return { ok: false, userErrors: [userError(code, message, ['input', 'idempotencyKey'])] };
  }
  return { ok: true, value: outcome.value, replayed: outcome.replayed };
};
