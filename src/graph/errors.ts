// The GraphQL side of the one error model (docs/architecture.md, "One error model"): the codes a
// client can get, the sentence that goes with each, the helpers resolvers throw them with, and the
// one place where an upstream failure (an UpstreamError, of either service) becomes a code.
// What reaches the client is our code and our message, never an upstream URL, token or body.
import { GraphQLError } from 'graphql';
import { SERVICE_NAMES, UpstreamError, type UpstreamService } from '../upstream/errors';

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

/** The codes that say an upstream failed (their message names the service). */
export const UPSTREAM_CODES: ReadonlySet<ErrorCode> = new Set([
  'RATE_LIMITED',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_ERROR',
]);

const upstreamMessages = (service: string) => ({
  RATE_LIMITED: `Too many requests to ${service} for this access token; retry later.`,
  UPSTREAM_TIMEOUT: `${service} did not answer in time.`,
  UPSTREAM_UNAVAILABLE: `${service} is unavailable; retry later.`,
  UPSTREAM_ERROR: `${service} answered with an unexpected error.`,
});

// Messages and codes side by side, so a reader sees every sentence a client can get. The upstream
// codes' default sentences name Mercado Pago; `upstreamError()` names the service that failed.
export const MESSAGES: Readonly<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'Send an access token as "Authorization: Bearer <token>"; it was missing or rejected.',
  FORBIDDEN: 'The access token may not do this.',
  NOT_FOUND: 'Not found, or not visible to this access token.',
  BAD_USER_INPUT: 'The request was refused as invalid.',
  ...upstreamMessages(SERVICE_NAMES.mercadoPago),
  INTERNAL_SERVER_ERROR: 'Internal server error.',
};

const UPSTREAM_MESSAGES: Readonly<Record<UpstreamService, ReturnType<typeof upstreamMessages>>> = {
  mercadoPago: upstreamMessages(SERVICE_NAMES.mercadoPago),
  mercadoLibre: upstreamMessages(SERVICE_NAMES.mercadoLibre),
};

export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);

/** A GraphQL error with one of our codes; `message` defaults to the code's message. */
export const gqlError = (
  code: ErrorCode,
  message: string = MESSAGES[code],
  extensions: Record<string, unknown> = {},
): GraphQLError => new GraphQLError(message, { extensions: { ...extensions, code } });

/** BAD_USER_INPUT naming the argument at fault (`extensions.argument`), thrown before any upstream call. */
export const badArgument = (argument: string, message: string): GraphQLError =>
  gqlError('BAD_USER_INPUT', message, { argument });

/** NOT_FOUND for one thing the caller asked for by id: absent, or not visible to its token. */
export const notFound = (what: string, id: string): GraphQLError =>
  gqlError('NOT_FOUND', `${what} ${id} was not found, or is not visible to this access token.`);

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

/** The code of an upstream failure: the one mapping of either service's failures to GraphQL codes. */
export const upstreamCode = (err: UpstreamError): ErrorCode => {
  if (err.failure === 'timeout') return 'UPSTREAM_TIMEOUT';
  if (err.failure === 'connection') return 'UPSTREAM_UNAVAILABLE';
  if (err.failure === 'unexpected_body') return 'UPSTREAM_ERROR';
  // Mercado Libre tells a stranger an order exists (403 not_owned_order); we do not.
  if (err.service === 'mercadoLibre' && err.status === 403 && err.error === 'not_owned_order') return 'NOT_FOUND';
  return codeForStatus(err.status ?? 0);
};

/** What the client gets for an upstream failure: our code, a sentence naming the service, and Retry-After. */
export const upstreamError = (err: UpstreamError): GraphQLError => {
  const code = upstreamCode(err);
  const message = UPSTREAM_CODES.has(code)
    ? UPSTREAM_MESSAGES[err.service][code as keyof ReturnType<typeof upstreamMessages>]
    : MESSAGES[code];
  const extensions: Record<string, unknown> = { code };
  if (code === 'RATE_LIMITED' && err.retryAfter !== null) extensions.retryAfter = err.retryAfter;
  return new GraphQLError(message, { extensions, originalError: err });
};

/** Whether a lookup failed because the thing is absent or not visible: loaders serve those as null. */
export const isNotFound = (err: unknown): boolean =>
  err instanceof UpstreamError
    ? upstreamCode(err) === 'NOT_FOUND'
    : err instanceof GraphQLError && err.extensions.code === 'NOT_FOUND';

/** The code a client gets for an error a resolver threw (what the gateway's formatError answers). */
export const codeOf = (err: unknown): ErrorCode => {
  const original = err instanceof GraphQLError && err.originalError ? err.originalError : err;
  if (original instanceof UpstreamError) return upstreamCode(original);
  const code = err instanceof GraphQLError ? err.extensions.code : undefined;
  return isErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR';
};
