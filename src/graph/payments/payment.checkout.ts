// A checkout session (README.md, "Calling it from a browser"): a session JWT with the `checkout`
// scope, minted by the merchant's backend for one cart, lets the buyer's page pay exactly that cart
// from a card token, a bounded number of times, and read the payments it created, nothing else. The
// cart's amount and reference come from the token, so the page cannot choose them; what it may not
// set is refused as a userError before any upstream call. Which payments a session created needs no
// shared state: createPayment stamps every payment's Mercado Pago `metadata` with the caller's
// identity, and a session reads a payment only when the stamp is its own.
import { createHash } from 'node:crypto';
import type { CheckoutClaim, Scope } from '../../auth';
import type { MpPaymentCreate } from '../../upstream/mercadopago';
import { userError, type UserError } from '../common/userError';
import type { Context } from '../context';
import { IdempotencyStoreError, RETAIN_MS } from '../../idempotency';
import { gqlError } from '../errors';
import type { CreatePaymentInput } from './payment.inputs';

/** The stamp's key in a payment's metadata. */
export const CREATED_BY = 'mpgraph_subject';

/** The cart of a caller that acts only as a checkout session here (it lacks `broader`), or null. */
export const checkoutSession = (ctx: Context, broader: Scope): CheckoutClaim | null => {
  const caller = ctx.caller;
  if (caller === null || caller.scopes === 'all' || caller.checkout === null || caller.scopes.has(broader)) return null;
  return caller.checkout;
};

/** What the page asked that its cart does not allow, field by field. */
export const checkoutRefusals = (claim: CheckoutClaim, input: CreatePaymentInput): UserError[] => {
  const errors: UserError[] = [];
  if (!input.amount.eq(claim.amount)) {
    errors.push(userError('INVALID_AMOUNT', `This checkout pays ${claim.amount} exactly.`, ['input', 'amount']));
  }
  const notForSessions: [unknown, string[], string][] = [
    [input.notificationUrl, ['input', 'notificationUrl'], 'notificationUrl'],
    [input.capture, ['input', 'capture'], 'capture'],
    [input.statementDescriptor, ['input', 'statementDescriptor'], 'statementDescriptor'],
    [input.payer?.customerId, ['input', 'payer', 'customerId'], 'a saved card (payer.customerId)'],
  ];
  for (const [value, field, what] of notForSessions) {
    if (value !== null && value !== undefined) {
      errors.push(userError('NOT_ALLOWED', `A checkout session may not set ${what}.`, field));
    }
  }
  if (input.externalReference != null && input.externalReference !== claim.externalReference) {
    const message = `This checkout's reference is ${claim.externalReference}; a checkout session may not set another.`;
    errors.push(userError('NOT_ALLOWED', message, ['input', 'externalReference']));
  }
  return errors;
};

/**
 * The body with the cart's reference and the merchant's statement descriptor, for a session; and, for every
 * caller, who created the payment.
 */
export const stampedBody = (
  body: MpPaymentCreate,
  createdBy: string,
  claim: CheckoutClaim | null,
): MpPaymentCreate => ({
  ...body,
  ...(claim ? { external_reference: claim.externalReference } : {}),
  ...(claim?.statementDescriptor ? { statement_descriptor: claim.statementDescriptor } : {}),
  metadata: { ...body.metadata, [CREATED_BY]: createdBy },
});

/**
 * One more payment attempt for the session, when it has any left (the count lives in the
 * idempotency store, so every gateway sharing it agrees); a declined card counts, and may be retried
 * while attempts remain.
 */
export const takeAttempt = async (ctx: Context, claim: CheckoutClaim): Promise<UserError[]> => {
  let taken: boolean;
  try {
    // Per session and cart: a merchant that reuses a user's `sub` for every cart gives each cart its own count.
    const cart = createHash('sha256').update(claim.externalReference).digest('hex');
    ({ taken } = await ctx.idempotency.take(`checkout:${ctx.callerId()}:${cart}`, claim.maxAttempts, RETAIN_MS));
  } catch (err) {
    if (!(err instanceof IdempotencyStoreError)) throw err;
    ctx.log.error('idempotency store unavailable', { operation: 'createPayment', error: err.message });
    throw gqlError('UPSTREAM_UNAVAILABLE', 'The idempotency store is unavailable, so nothing was done; retry.');
  }
  if (taken) return [];
  const message = `This checkout has used its ${claim.maxAttempts} payment attempts.`;
  return [userError('ATTEMPTS_EXHAUSTED', message, null)];
};
