// The one place where upstream failures become GraphQL errors (DESIGN §3 codes).
// What reaches the client is our code and our message, never the upstream URL, token or body;
// what reaches the log is `upstreamDetail()` (status, error name, cause codes), for operators.
import { GraphQLError } from 'graphql';
import {
  MercadoPagoError,
  MPAuthenticationError,
  MPBadRequestError,
  MPConnectionError,
  MPDependencyError,
  MPForbiddenError,
  MPIdempotencyError,
  MPNotFoundError,
  MPPaymentError,
  MPRateLimitError,
  MPResourceLockedError,
  MPServerError,
  MPValidationError,
} from 'mercadopago';
import { MercadoLibreConnectionError, MercadoLibreError } from './mercadolibre';

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'RATE_LIMITED',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_ERROR',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

// Messages and codes side by side, so a reader sees every sentence a client can get.
export const MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: 'Send an access token as "Authorization: Bearer <token>"; it was missing or rejected.',
  FORBIDDEN: 'The access token may not do this.',
  NOT_FOUND: 'Not found, or not visible to this access token.',
  BAD_USER_INPUT: 'The request was refused as invalid.',
  RATE_LIMITED: 'Too many requests to Mercado Pago for this access token; retry later.',
  UPSTREAM_TIMEOUT: 'Mercado Pago did not answer in time.',
  UPSTREAM_UNAVAILABLE: 'Mercado Pago is unavailable; retry later.',
  UPSTREAM_ERROR: 'Mercado Pago answered with an unexpected error.',
  INTERNAL_SERVER_ERROR: 'Internal server error.',
};

// The same codes when Mercado Libre is the one failing: the client is told which service it was.
const MERCADOLIBRE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  RATE_LIMITED: 'Too many requests to Mercado Libre for this access token; retry later.',
  UPSTREAM_TIMEOUT: 'Mercado Libre did not answer in time.',
  UPSTREAM_UNAVAILABLE: 'Mercado Libre is unavailable; retry later.',
  UPSTREAM_ERROR: 'Mercado Libre answered with an unexpected error.',
};

export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);

/** A GraphQL error with one of our codes; `message` defaults to the code's message. */
export const gqlError = (
  code: ErrorCode,
  message: string = MESSAGES[code],
  extensions: Record<string, unknown> = {},
): GraphQLError => new GraphQLError(message, { extensions: { ...extensions, code } });

/**
 * A 2xx whose body is not what was asked for: another payment, a row without an id, an amount
 * without a currency. The graph's mappers throw it; the client sees UPSTREAM_ERROR, the log keeps
 * the message (ours, naming the field, never the body).
 */
export class UnexpectedUpstreamBody extends Error {
  override name = 'UnexpectedUpstreamBody';
}

// The SDK wraps every transport failure (refused connection, reset, our own abort on timeout) in
// MPConnectionError and keeps the original in a private `__cause__`.
const isTimeout = (err: MPConnectionError): boolean => {
  const cause = (err as unknown as { __cause__?: { name?: string } }).__cause__;
  return cause?.name === 'AbortError' || cause?.name === 'TimeoutError';
};

const codeForStatus = (status: number): ErrorCode => {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 400 || status === 422) return 'BAD_USER_INPUT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 504) return 'UPSTREAM_TIMEOUT';
  if (status === 502 || status === 503 || status === 423 || status === 424) return 'UPSTREAM_UNAVAILABLE';
  return 'UPSTREAM_ERROR';
};

/** Our code for an SDK error, or INTERNAL_SERVER_ERROR when it is not one (a bug on our side). */
export const upstreamErrorCode = (err: unknown): ErrorCode => {
  if (err instanceof UnexpectedUpstreamBody) return 'UPSTREAM_ERROR';
  if (err instanceof MercadoLibreConnectionError) return err.timeout ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE';
  // Mercado Libre tells a stranger an order exists (403 not_owned_order); we do not.
  if (err instanceof MercadoLibreError)
    return err.status === 403 && err.error === 'not_owned_order' ? 'NOT_FOUND' : codeForStatus(err.status);
  if (err instanceof MPConnectionError) return isTimeout(err) ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE';
  if (err instanceof MPAuthenticationError) return 'UNAUTHENTICATED';
  if (err instanceof MPForbiddenError) return 'FORBIDDEN';
  if (err instanceof MPNotFoundError) return 'NOT_FOUND';
  if (err instanceof MPBadRequestError || err instanceof MPValidationError) return 'BAD_USER_INPUT';
  if (err instanceof MPRateLimitError) return 'RATE_LIMITED';
  if (err instanceof MPResourceLockedError || err instanceof MPDependencyError) return 'UPSTREAM_UNAVAILABLE';
  if (err instanceof MPIdempotencyError || err instanceof MPPaymentError) return 'UPSTREAM_ERROR';
  if (err instanceof MPServerError) return codeForStatus(err.status);
  if (err instanceof MercadoPagoError) return codeForStatus(err.status);
  return 'INTERNAL_SERVER_ERROR';
};

/** What operators need to see in the log about an upstream failure: no body, no token, no URL. */
export const upstreamDetail = (err: unknown): Record<string, unknown> => {
  if (err instanceof UnexpectedUpstreamBody) return { kind: err.name, error: err.message };
  if (err instanceof MercadoLibreError) return { kind: err.name, status: err.status, error: err.error };
  if (err instanceof MercadoLibreConnectionError) return { kind: err.name, timeout: err.timeout };
  if (!(err instanceof MercadoPagoError)) return { error: err instanceof Error ? err.name : typeof err };
  const causes = err.causes
    .map((c) => (c && typeof c === 'object' && 'code' in c ? String((c as { code: unknown }).code) : null))
    .filter((c): c is string => c !== null);
  return { kind: err.name, status: err.status, error: err.error, causes };
};

/**
 * Turns anything an upstream call threw into a GraphQLError with one of our codes.
 * The original stays as `originalError` for the server log; the client sees our message only.
 */
export const toGraphQLError = (err: unknown): GraphQLError => {
  if (err instanceof GraphQLError && isErrorCode(err.extensions.code)) return err;
  const code = upstreamErrorCode(err);
  const extensions: Record<string, unknown> = { code };
  if (err instanceof MPRateLimitError && err.retryAfter !== null) extensions.retryAfter = err.retryAfter;
  if (err instanceof MercadoLibreError && err.status === 429 && err.retryAfter !== null)
    extensions.retryAfter = err.retryAfter;
  const fromMercadoLibre = err instanceof MercadoLibreError || err instanceof MercadoLibreConnectionError;
  return new GraphQLError((fromMercadoLibre ? MERCADOLIBRE_MESSAGES[code] : undefined) ?? MESSAGES[code], {
    extensions,
    originalError: err instanceof Error ? err : undefined,
  });
};

/**
 * What a DataLoader slot holds when a key failed: our GraphQL errors as they are, upstream failures
 * (SDK errors, unexpected bodies) as GraphQL errors with our code, and anything else (a bug) as
 * itself, so the server log keeps its message and stack.
 */
export const loaderError = (err: unknown): Error => {
  if (err instanceof GraphQLError) return err;
  if (upstreamErrorCode(err) !== 'INTERNAL_SERVER_ERROR') return toGraphQLError(err);
  return err instanceof Error ? err : new Error(String(err));
};
