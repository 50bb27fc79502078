// The per-request context: the caller's bearer token (kept in a closure, never on the context
// object, so no resolver can echo or log it), its Mercado Pago and Mercado Libre clients, and an
// empty place for this request's loaders (docs/architecture.md, "Loaders").
// The clients count the operation's upstream calls (README.md, "Query cost and depth"): every method
// call is one, whichever service; once `maxUpstreamCalls` are made, the next fails before it reaches
// upstream, as a BAD_USER_INPUT error at its field's path, and the rest of the response stands.
import type { IncomingHttpHeaders } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { Context } from '../graph/context';
import { gqlError } from '../graph/errors';
import { authenticate, callerIdentity, isAuthRefusal, type AuthFileWatcher, type Caller } from '../auth';
import { SERVICE_NAMES, UpstreamError, type UpstreamService } from '../upstream/errors';
import type { IdempotencyStore } from '../idempotency';
import type { Logger } from '../lib/logger';
import { createMercadoLibreClient, type MercadoLibreClient } from '../upstream/mercadolibre';
import { createMercadoPagoClient, type MercadoPagoClient } from '../upstream/mercadopago';
import { LIMITS } from './limits';
import { withSellerToken, type SellerTokens } from './sellerTokens';

// RFC 6750 b64token. Anything else (another scheme, an empty token) counts as no token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The request's headers as Node parsed them, and as they came (`rawHeaders`: name, value, name, …). */
export type RequestHeaders = { headers: IncomingHttpHeaders; rawHeaders?: readonly string[] };

/**
 * The bearer token of the request, or null. Two Authorization headers are no token at all: Node
 * keeps only the first, so a request carrying two credentials would otherwise act as whichever came
 * first, and which one a proxy or a client library puts first is anybody's guess.
 */
export const bearerToken = ({ headers, rawHeaders }: RequestHeaders): string | null => {
  const given = (rawHeaders ?? []).filter((name, i) => i % 2 === 0 && name.toLowerCase() === 'authorization');
  if (given.length > 1) return null;
  const header = headers.authorization;
  if (typeof header !== 'string') return null;
  return BEARER.exec(header)?.[1] ?? null;
};

const SEND_TOKEN = 'send your access token as "Authorization: Bearer <token>".';
export const NO_TOKEN_MESSAGE = `This operation reads Mercado Pago data: ${SEND_TOKEN}`;
export const NO_TOKEN_MESSAGE_ML = `This operation reads Mercado Libre data: ${SEND_TOKEN}`;
/** What any field answers for a credential the gateway does not accept (the log has the reason). */
export const REFUSED_MESSAGE =
  'The credential was not accepted: an unknown or revoked gateway key, a session token that is expired, ' +
  'not yet valid or not meant for this gateway, or an access token where this gateway takes none.';
/** What any field answers when a session JWT's issuer keys (JWKS) could not be fetched to check it. */
export const JWKS_UNAVAILABLE_MESSAGE =
  "The session token could not be checked: its issuer's signing keys could not be fetched; retry later.";
/** What a mutation answers without a token: what it does, then how to authenticate. */
export const noTokenFor = (does: string): string => `${does}: ${SEND_TOKEN}`;

/** Where the upstream APIs are (Mercado Pago's base URL is process-wide, set by the server). */
export interface Upstreams {
  mlApiUrl: string;
  idempotency: IdempotencyStore;
  /** The HMAC key of caller identities: the same on every gateway that shares a Redis. */
  identitySecret: string;
  /** Each upstream read attempt's timeout, in ms (the clients' READ_TIMEOUT_MS when absent). */
  readTimeoutMs?: number;
  /** Each upstream write's timeout, in ms (WRITE_TIMEOUT_MS when absent). */
  writeTimeoutMs?: number;
  /** The auth file in force (GATEWAY_KEYS_FILE); absent: every bearer is passed through upstream. */
  auth?: AuthFileWatcher | null;
  /** Most upstream calls one operation may make (LIMITS.maxUpstreamCalls when absent). */
  maxUpstreamCalls?: number;
  /** The sellers' tokens in force, renewed as they expire (sellerTokens.ts); absent: the auth file's as they are. */
  sellerTokens?: SellerTokens | null;
}

// BAD_USER_INPUT, like the other limits: the operation as written asks for more upstream reads than one
// operation may make, so the client has to ask for less (fewer things by id, smaller pages) or split it.
// Not RATE_LIMITED: that says an upstream refused this token for now, and retrying the same operation
// later would be refused the same way here.
export const overUpstreamBudget = (max: number): GraphQLError =>
  gqlError(
    'BAD_USER_INPUT',
    `This operation reached its limit of ${max} upstream calls, so this field was not read. ` +
      'Ask for fewer things by id or smaller pages, or split the operation.',
    { maxUpstreamCalls: max },
  );

/**
 * The client with each method counted: `spend()` is called before the call is made, and a call it refuses
 * (by throwing) fails without reaching upstream; a failure goes through `failed` (what the caller is told).
 * The clients' methods are plain functions of an object literal.
 */
export const counted = <T extends object>(
  client: T,
  spend: () => void,
  failed: (err: unknown) => unknown = (err) => err,
): T =>
  Object.fromEntries(
    Object.entries(client).map(([name, method]) => [
      name,
      typeof method === 'function'
        ? async (...args: unknown[]): Promise<unknown> => {
            spend();
            try {
              return await (method as (...a: unknown[]) => Promise<unknown>).apply(client, args);
            } catch (err) {
              throw failed(err);
            }
          }
        : method,
    ]),
  ) as T;

/**
 * An upstream 401 for a caller that acts with its seller's tokens (a key, a JWT) is not the caller's
 * to fix: the token the auth file holds was refused. The operator is told in the log (the seller and
 * the service, never the token), the caller that its credential was fine and the upstream one not.
 */
const sellerTokenRefused = (caller: Caller, log: Logger) => (err: unknown) => {
  if (caller.kind === 'passthrough' || !(err instanceof UpstreamError) || err.status !== 401) return err;
  log.error("seller's upstream token refused", { seller: caller.seller, service: err.service });
  return gqlError(
    'UPSTREAM_ERROR',
    `${SERVICE_NAMES[err.service]} refused the credentials this gateway holds for the seller; the operator has been told.`,
  );
};

/**
 * The caller's client for `service`: a key or JWT caller's with its seller's token in force (renewed when it
 * expires, and on a 401 with the call retried once: sellerTokens.ts), a passthrough caller's with its bearer.
 */
const upstreamClient = <T extends object>(
  caller: Caller,
  service: UpstreamService,
  make: (token: string) => T,
  tokens: SellerTokens | null | undefined,
): T =>
  caller.kind === 'passthrough' || caller.seller === null || !tokens
    ? make(caller.upstream[service])
    : withSellerToken(make, tokens, caller.seller, service, caller.upstream[service]);

/**
 * The request's context: who calls (src/auth: a gateway key, a session JWT, or a token passed
 * through), and its clients, which call upstream with the caller's seller's tokens (or the
 * passthrough token). A credential the gateway refuses is logged with its reason only.
 */
export const createContext = async (request: RequestHeaders, log: Logger, upstreams: Upstreams): Promise<Context> => {
  const bearer = bearerToken(request);
  const result = await authenticate(bearer, upstreams.auth?.current() ?? null);
  const refused = isAuthRefusal(result) ? result : null;
  const caller = refused ? null : (result as Caller);
  if (refused && bearer !== null) log.info('credential refused', { reason: refused.reason });
  const unauthenticated = (message: string) =>
    // The issuer's key set could not be fetched: the credential may be good, the gateway cannot tell yet.
    refused?.reason === 'jwks unavailable'
      ? gqlError('UPSTREAM_UNAVAILABLE', JWKS_UNAVAILABLE_MESSAGE)
      : gqlError('UNAUTHENTICATED', bearer === null ? message : REFUSED_MESSAGE);
  let mp: MercadoPagoClient | null = null;
  let ml: MercadoLibreClient | null = null;
  const maxCalls = upstreams.maxUpstreamCalls ?? LIMITS.maxUpstreamCalls;
  let calls = 0;
  const spend = (): void => {
    if (calls >= maxCalls) throw overUpstreamBudget(maxCalls);
    calls += 1;
  };
  return {
    mercadoPago: (): MercadoPagoClient => {
      if (!caller) throw unauthenticated(NO_TOKEN_MESSAGE);
      mp ??= counted(
        upstreamClient(
          caller,
          'mercadoPago',
          (token) => createMercadoPagoClient(token, upstreams.readTimeoutMs, upstreams.writeTimeoutMs),
          upstreams.sellerTokens,
        ),
        spend,
        sellerTokenRefused(caller, log),
      );
      return mp;
    },
    mercadoLibre: (): MercadoLibreClient => {
      if (!caller) throw unauthenticated(NO_TOKEN_MESSAGE_ML);
      ml ??= counted(
        upstreamClient(
          caller,
          'mercadoLibre',
          (token) => createMercadoLibreClient(upstreams.mlApiUrl, token, upstreams.readTimeoutMs),
          upstreams.sellerTokens,
        ),
        spend,
        sellerTokenRefused(caller, log),
      );
      return ml;
    },
    authenticate: (does: string): void => {
      if (!caller) throw unauthenticated(noTokenFor(does));
    },
    callerId: (): string => {
      if (!caller) throw unauthenticated(NO_TOKEN_MESSAGE);
      return callerIdentity(caller, upstreams.identitySecret);
    },
    caller,
    idempotency: upstreams.idempotency,
    loaders: new Map(),
    log,
  };
};
