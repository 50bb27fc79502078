// Session JWTs: short-lived tokens a merchant's own backend signs for a browser or an app, checked with
// jose against the auth file's `jwt` section. HS256 with `jwt.secret`, or RS256/ES256 against the
// issuer's key set at `jwt.jwksUrl` (fetched once, kept 10 minutes, fetched again for an unknown `kid`
// at most every 30 seconds); every other `alg`, `none` included, is refused before any key is used.
//
// Required: `iss` (the file's issuer), `aud` (its audience), `sub`, `iat` and `exp`, with `exp` at
// most 24 hours after `iat`; `nbf` is honoured; clocks may differ by 30 seconds. Then the claims:
// `scope` (space-separated; only scopes of `jwt.allowedScopes` count), the seller claim (may be left
// out when the file has exactly one seller), and `checkout` when the `checkout` scope counts.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { isObject } from '../lib/json';
import { caller, refuse, type AuthRefusal, type Caller, type CheckoutClaim, type RefusalReason } from './caller';
import type { AuthConfig, JwtConfig } from './file';
import { isScope, type Scope } from './scopes';

/** Clocks of the issuer and the gateway may differ by this much (seconds). */
export const CLOCK_SKEW_SECONDS = 30;
/** `exp` is at most this long after `iat` (seconds). */
export const MAX_LIFETIME_SECONDS = 24 * 60 * 60;

const DEFAULT_MAX_ATTEMPTS = 5;
const AMOUNT = /^(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,2})?$/;
/** Mercado Pago's limit for `statement_descriptor`: 22 characters; printable ones only. */
const DESCRIPTOR = /^[\x20-\x7e]{1,22}$/;

const CLAIM_MEMBERS = ['amount', 'externalReference', 'maxAttempts', 'statementDescriptor'];

/**
 * The `checkout` claim `{ "amount": "250.00", "externalReference": "cart-123", "maxAttempts": 5,
 * "statementDescriptor": "SHOP" }`, or null when it breaks a rule: amount a positive decimal string with at
 * most 2 decimals, externalReference 1 to 256 characters, maxAttempts an integer from 1 to 100 (5 when absent),
 * statementDescriptor 1 to 22 printable characters (optional), and no other member (an issuer must never
 * believe a limit holds that the gateway does not read).
 */
export const parseCheckoutClaim = (value: unknown): CheckoutClaim | null => {
  if (!isObject(value)) return null;
  if (Object.keys(value).some((key) => !CLAIM_MEMBERS.includes(key))) return null;
  const { amount, externalReference, maxAttempts = DEFAULT_MAX_ATTEMPTS, statementDescriptor = null } = value;
  if (typeof amount !== 'string' || !AMOUNT.test(amount) || !/[1-9]/.test(amount)) return null;
  if (typeof externalReference !== 'string') return null;
  const length = [...externalReference].length;
  if (length < 1 || length > 256) return null;
  if (typeof maxAttempts !== 'number' || !Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100)
    return null;
  if (
    statementDescriptor !== null &&
    (typeof statementDescriptor !== 'string' || !DESCRIPTOR.test(statementDescriptor))
  )
    return null;
  return Object.freeze({ amount, externalReference, maxAttempts, statementDescriptor });
};

const remoteKeySets = new WeakMap<JwtConfig, JWTVerifyGetKey>();
const secretKeys = new WeakMap<JwtConfig, Uint8Array>();

/** One key set per loaded `jwt` section: a reloaded file starts a new one. */
const remoteKeySet = (jwt: JwtConfig, url: string): JWTVerifyGetKey => {
  let set = remoteKeySets.get(jwt);
  if (set === undefined) {
    set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    remoteKeySets.set(jwt, set);
  }
  return set;
};

const secretKey = (jwt: JwtConfig, secret: string): Uint8Array => {
  let key = secretKeys.get(jwt);
  if (key === undefined) {
    key = new TextEncoder().encode(secret);
    secretKeys.set(jwt, key);
  }
  return key;
};

/** What a jose error says about the token, as a fixed reason; a failure to fetch keys is not the caller's. */
const reasonOf = (error: unknown, remote: boolean): RefusalReason => {
  if (error instanceof errors.JWTExpired) return error.claim === 'exp' ? 'jwt expired' : 'jwt lifetime';
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return 'jwt issuer';
      case 'aud':
        return 'jwt audience';
      case 'sub':
        return 'jwt missing sub';
      case 'nbf':
        return error.reason === 'check_failed' ? 'jwt not yet valid' : 'jwt malformed';
      case 'iat':
        // An `iat` in the future; a missing one leaves the lifetime unbounded.
        return error.reason === 'check_failed' ? 'jwt not yet valid' : 'jwt lifetime';
      case 'exp':
        return 'jwt lifetime';
      default:
        return 'jwt malformed';
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'jwt alg';
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  )
    return 'jwt signature';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'jwt malformed';
  // JWKSTimeout, JWKSInvalid, a non-200 answer, a refused connection: the key set is out of reach.
  if (remote) return 'jwks unavailable';
  throw error;
};

/**
 * A session JWT → its Caller, or why it is refused. `config.jwt` must be set (authenticate() refuses
 * JWTs with `jwt not accepted` when it is not). `now` is milliseconds since the epoch.
 */
export const verifySessionJwt = async (
  token: string,
  config: AuthConfig & { jwt: JwtConfig },
  now: number,
): Promise<Caller | AuthRefusal> => {
  const { jwt } = config;
  const options = {
    issuer: jwt.issuer,
    audience: jwt.audience,
    algorithms: [...jwt.algorithms],
    clockTolerance: CLOCK_SKEW_SECONDS,
    // Also refuses an `iat` in the future (beyond the skew): with the lifetime rule below, no token
    // the gateway accepts is valid for more than 24 hours from now.
    maxTokenAge: MAX_LIFETIME_SECONDS,
    requiredClaims: ['iss', 'aud', 'iat', 'exp', 'sub'],
    currentDate: new Date(now),
  };
  let payload: JWTPayload;
  try {
    payload =
      jwt.secret !== null
        ? (await jwtVerify(token, secretKey(jwt, jwt.secret), options)).payload
        : (await jwtVerify(token, remoteKeySet(jwt, jwt.jwksUrl as string), options)).payload;
  } catch (error) {
    return refuse(reasonOf(error, jwt.secret === null));
  }

  const { iat, exp, sub, scope } = payload as { iat: number; exp: number; sub: unknown; scope: unknown };
  if (exp - iat > MAX_LIFETIME_SECONDS) return refuse('jwt lifetime');
  if (typeof sub !== 'string' || sub === '') return refuse('jwt missing sub');

  if (scope !== undefined && typeof scope !== 'string') return refuse('jwt scope');
  const scopes = new Set<Scope>();
  for (const word of (scope ?? '').split(' ')) if (isScope(word) && jwt.allowedScopes.has(word)) scopes.add(word);

  const claimed = payload[jwt.sellerClaim];
  let seller: string;
  if (claimed === undefined) {
    if (config.sellers.size !== 1) return refuse('jwt seller');
    seller = [...config.sellers.keys()][0];
  } else if (typeof claimed === 'string' && config.sellers.has(claimed)) seller = claimed;
  else return refuse('jwt seller');

  let checkout: CheckoutClaim | null = null;
  if (scopes.has('checkout')) {
    checkout = parseCheckoutClaim(payload.checkout);
    if (checkout === null) return refuse('jwt checkout claim');
  }

  const tokens = config.sellers.get(seller)!;
  return caller({
    kind: 'jwt',
    seller,
    subject: `${payload.iss} ${sub}`,
    scopes,
    upstream: { mercadoPago: tokens.mercadoPago.accessToken, mercadoLibre: tokens.mercadoLibre.accessToken },
    checkout,
  });
};
