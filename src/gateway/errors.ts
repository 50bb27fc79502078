// What a client may see of an error (docs/architecture.md, "One error model"). Our own codes pass
// with their message; an upstream failure becomes its code here, through src/graph/errors.ts, and
// is logged for operators; Apollo's request errors (parse, validation, variable coercion) pass as
// Apollo wrote them; anything else is a bug: the client gets INTERNAL_SERVER_ERROR, the log keeps
// the original. In production no message names what the schema has that the client did not ask for:
// graphql-js's "Did you mean …?" suggestions are cut from every message (Apollo's own option,
// hideSchemaDetailsFromClientErrors, cuts them from validation errors only, not from variables').
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isErrorCode, MESSAGES, UPSTREAM_CODES, upstreamCode, upstreamError } from '../graph/errors';
import type { Logger } from '../lib/logger';
import { UpstreamError } from '../upstream/errors';

const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const isCodelessRequestError = (error: unknown): boolean => {
  if (!(error instanceof GraphQLError) || error.path || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
};

// Extensions a client may read besides `code`; everything else is dropped.
const PUBLIC_EXTENSIONS = ['retryAfter', 'argument', 'maxUpstreamCalls', 'requiredScope'];

// graphql-js ends a message with its suggestions (didYouMean): ` Did you mean "a", "b", or "c"?`, with
// a few words before the names for some ("the enum value", "to use an inline fragment on").
const NAME = '"[_A-Za-z][_0-9A-Za-z]*"';
const SUGGESTIONS = new RegExp(` Did you mean (?:[a-z][a-z ]*? )?${NAME}(?:, ${NAME})*(?:,? or ${NAME})?\\?$`);

/** The message without graphql-js's "Did you mean …?" suggestions, which name the schema's fields and types. */
export const withoutSuggestions = (message: string): string => message.replace(SUGGESTIONS, '');

export interface FormatErrorOptions {
  /** Cut "Did you mean …?" from every message (production). */
  hideSuggestions?: boolean;
}

export const createFormatError =
  (log: Logger, options: FormatErrorOptions = {}) =>
  (received: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Every message that reaches the client below is this one, or one of ours (which suggest nothing).
    const formatted = options.hideSuggestions
      ? { ...received, message: withoutSuggestions(received.message) }
      : received;
    const where = {
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
    };
    const original = unwrapResolverError(error);
    if (original instanceof UpstreamError) {
      const mapped = upstreamError(original);
      const code = upstreamCode(original);
      // Absent or not visible is an answer, not a failure: only failures reach the log.
      if (UPSTREAM_CODES.has(code)) {
        log.warn('upstream failure', { code, path: formatted.path, upstream: original.detail() });
      }
      return { message: mapped.message, ...where, extensions: { ...mapped.extensions } };
    }

    const code = formatted.extensions?.code;
    if (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
      const extensions: Record<string, unknown> = { code };
      for (const key of PUBLIC_EXTENSIONS) {
        if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
      }
      return { message: formatted.message, ...where, extensions };
    }
    if (typeof code === 'string' && APOLLO_REQUEST_CODES.has(code)) {
      return { message: formatted.message, ...where, extensions: { code } };
    }
    // A request Apollo refused with a 4xx of its own but no code (a persisted query whose hash is not
    // its text): a bad request, not a bug. Its message is Apollo's fixed sentence.
    if (isCodelessRequestError(error))
      return { message: formatted.message, ...where, extensions: { code: 'BAD_REQUEST' } };
    // Apollo marks variable coercion failures BAD_USER_INPUT too; those are handled above.

    log.error('internal error', {
      path: formatted.path,
      error:
        original instanceof Error
          ? { name: original.name, message: original.message, stack: original.stack }
          : String(original),
    });
    return { message: MESSAGES.INTERNAL_SERVER_ERROR, ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
