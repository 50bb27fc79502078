// What a client may see of an error. Our own codes pass with their message; Apollo's request
// errors (parse, validation, variable coercion) pass as Apollo wrote them; anything else is a bug
// or an unmapped failure: the client gets INTERNAL_SERVER_ERROR, the log keeps the original.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../graph/context';
import { isErrorCode, MESSAGES, upstreamDetail } from '../upstream/errors';

const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

// Extensions a client may read besides `code`; everything else is dropped.
const PUBLIC_EXTENSIONS = ['retryAfter', 'argument'];

const UPSTREAM_CODES = new Set(['RATE_LIMITED', 'UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_ERROR']);

export const createFormatError =
  (log: Logger) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const where = {
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
    };

    if (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
      if (UPSTREAM_CODES.has(code)) {
        const original = unwrapResolverError(error);
        const cause =
          original instanceof Error && 'originalError' in original
            ? (original as { originalError?: unknown }).originalError
            : original;
        log.warn('upstream failure', { code, path: formatted.path, upstream: upstreamDetail(cause) });
      }
      const extensions: Record<string, unknown> = { code };
      for (const key of PUBLIC_EXTENSIONS)
        if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
      return { message: formatted.message, ...where, extensions };
    }
    if (typeof code === 'string' && APOLLO_REQUEST_CODES.has(code))
      return { message: formatted.message, ...where, extensions: { code } };
    // Apollo marks variable coercion failures BAD_USER_INPUT too; those are handled above.

    const original = unwrapResolverError(error);
    log.error('internal error', {
      path: formatted.path,
      error:
        original instanceof Error
          ? { name: original.name, message: original.message, stack: original.stack }
          : String(original),
    });
    return { message: MESSAGES.INTERNAL_SERVER_ERROR, ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
