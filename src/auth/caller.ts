// Who is calling, once authenticate() has decided: the Caller the gateway puts in a request's
// context, or the AuthRefusal it logs (by reason, never the credential) before answering 401.
import { createHmac } from 'node:crypto';
import { redacted } from './redact';
import type { Scope } from './scopes';

/** What a session JWT with the `checkout` scope may pay for: one purchase, at most `maxAttempts` tries. */
export interface CheckoutClaim {
  /** A positive decimal with at most 2 decimals, as the claim wrote it ("250.00"). */
  readonly amount: string;
  /** 1 to 256 characters: the merchant's reference of the purchase (its cart, its order). */
  readonly externalReference: string;
  /** An integer from 1 to 100 (5 when the claim does not say). */
  readonly maxAttempts: number;
  /**
   * What the buyer's card statement shows (1 to 22 characters), or null: the merchant's to choose, never the
   * page's; it also fills the approved payment's buyer-facing text.
   */
  readonly statementDescriptor: string | null;
}

export interface Caller {
  /** How the caller proved who it is: a gateway key, a session JWT, or a token passed through. */
  readonly kind: 'key' | 'jwt' | 'passthrough';
  /** The seller of the auth file it acts for; null for passthrough. */
  readonly seller: string | null;
  /**
   * The key's name, the JWT's `iss` + " " + `sub`, or for passthrough the bearer token itself: a
   * passthrough subject is a secret, never to be logged (callerIdentity() is what may be kept).
   */
  readonly subject: string;
  /** 'all' for passthrough (the upstream decides what its token may do). */
  readonly scopes: ReadonlySet<Scope> | 'all';
  /** The tokens to call upstream with: the seller's, or the passthrough bearer for both. */
  readonly upstream: { readonly mercadoPago: string; readonly mercadoLibre: string };
  /** The JWT's `checkout` claim when it holds the `checkout` scope; otherwise null. */
  readonly checkout: CheckoutClaim | null;
}

/**
 * Why a credential was refused: a short fixed text for the log, never the credential. Everything but
 * `jwks unavailable` is the caller's doing (401); `jwks unavailable` means the issuer's key set could
 * not be fetched (the gateway may answer 503 instead).
 */
export type RefusalReason =
  | 'no credential'
  | 'malformed credential'
  | 'unknown key'
  | 'passthrough refused'
  | 'jwt not accepted'
  | 'jwt malformed'
  | 'jwt alg'
  | 'jwt signature'
  | 'jwt expired'
  | 'jwt not yet valid'
  | 'jwt lifetime'
  | 'jwt issuer'
  | 'jwt audience'
  | 'jwt missing sub'
  | 'jwt scope'
  | 'jwt seller'
  | 'jwt checkout claim'
  | 'jwks unavailable';

export interface AuthRefusal {
  readonly reason: RefusalReason;
}

export const isAuthRefusal = (result: Caller | AuthRefusal): result is AuthRefusal => 'reason' in result;

export const refuse = (reason: RefusalReason): AuthRefusal => Object.freeze({ reason });

/** A Caller, frozen; logged (JSON or util.inspect), it shows `<redacted>` for its tokens. */
export const caller = (fields: Caller): Caller => {
  const upstream = redacted({ ...fields.upstream }, ['mercadoPago', 'mercadoLibre']);
  return fields.kind === 'passthrough'
    ? redacted({ ...fields, upstream }, ['subject'])
    : redacted({ ...fields, upstream }, []);
};

/**
 * The caller's identity: HMAC-SHA256 (hex) of the JSON array `[kind, seller, subject]` under
 * `secret` (IDENTITY_SECRET, README.md "Configuration"). Stable for a caller across requests and
 * restarts; different for another kind, seller or subject; never the token, so it may be logged and
 * kept (idempotency records are kept per identity).
 */
export const callerIdentity = (who: Pick<Caller, 'kind' | 'seller' | 'subject'>, secret: string): string => {
  if (typeof secret !== 'string' || secret === '') throw new TypeError('callerIdentity needs a non-empty secret');
  return createHmac('sha256', secret)
    .update(JSON.stringify([who.kind, who.seller, who.subject]), 'utf8')
    .digest('hex');
};
