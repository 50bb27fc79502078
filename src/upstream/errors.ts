// Every failure of an upstream call, of either service, read or write, is one UpstreamError: which
// service, what kind of failure, and what the service said (status, error name, cause codes,
// Retry-After). The clients in this folder throw nothing else; the graph maps these to GraphQL codes
// in one place, src/graph/errors.ts (docs/architecture.md, "One error model").
// Nothing here holds a body, a token or a URL: what an operator may see is `detail()`.
import { MercadoPagoError, MPConnectionError, MPRateLimitError } from 'mercadopago';

export type UpstreamService = 'mercadoPago' | 'mercadoLibre';

export const SERVICE_NAMES: Readonly<Record<UpstreamService, string>> = {
  mercadoPago: 'Mercado Pago',
  mercadoLibre: 'Mercado Libre',
};

/**
 * - `status`: the service answered with an error status (its error name and cause codes kept);
 * - `timeout`: no answer within our budget; `connection`: no answer at all (refused, reset, DNS);
 * - `unexpected_body`: a 2xx whose body is not what was asked for (another payment, a row without
 *   an id, an amount without a currency), found by a client or a mapper.
 */
export type UpstreamFailure = 'status' | 'timeout' | 'connection' | 'unexpected_body';

export interface UpstreamAnswer {
  status: number;
  /** The service's error name (`bad_request`, `order_not_found`), at most 64 characters. */
  error?: string | null;
  /** Cause codes as strings ("2006", "101"), at most 32 characters each; never their free text. */
  causes?: readonly string[];
  /** Seconds, from a Retry-After header. */
  retryAfter?: number | null;
}

/** 4xx answers that are not the service's decision about the request (see `refused`). */
const NOT_A_DECISION: ReadonlySet<number> = new Set([401, 408, 423, 424, 429]);

export class UpstreamError extends Error {
  override name = 'UpstreamError';
  readonly status: number | null;
  readonly error: string | null;
  readonly causes: readonly string[];
  readonly retryAfter: number | null;

  constructor(
    readonly service: UpstreamService,
    readonly failure: UpstreamFailure,
    answer: UpstreamAnswer | null = null,
    /** Ours, for the log (a mapper's "payment 1: a refund without an id"); never upstream text. */
    what?: string,
  ) {
    super(what ?? describe(service, failure, answer));
    this.status = answer?.status ?? null;
    this.error = answer?.error ? answer.error.slice(0, 64) : null;
    this.causes = (answer?.causes ?? []).map((c) => c.slice(0, 32));
    this.retryAfter = answer?.retryAfter ?? null;
  }

  /**
   * The service decided about this request: a 4xx that is its answer to the request itself (bad
   * input, or a state that forbids the write). A mutation turns these into userErrors, and they are
   * the key's final outcome. Not 401 (our credential), nor the temporary ones — 408, 423 (a key
   * locked for now), 424, 429 — which are thrown on like 5xx, so a retry goes upstream again.
   */
  get refused(): boolean {
    return this.failure === 'status' && this.status! >= 400 && this.status! < 500 && !NOT_A_DECISION.has(this.status!);
  }

  /** What operators need in the log: no body, no token, no URL. */
  detail(): Record<string, unknown> {
    return {
      service: this.service,
      failure: this.failure,
      ...(this.status !== null ? { status: this.status } : {}),
      ...(this.error !== null ? { error: this.error } : {}),
      ...(this.causes.length ? { causes: this.causes } : {}),
      ...(this.failure === 'unexpected_body' ? { what: this.message } : {}),
    };
  }
}

const describe = (service: UpstreamService, failure: UpstreamFailure, answer: UpstreamAnswer | null): string => {
  const name = SERVICE_NAMES[service];
  if (failure === 'timeout') return `${name} did not answer in time`;
  if (failure === 'connection') return `${name} could not be reached`;
  if (failure === 'unexpected_body') return `${name} answered with an unexpected body`;
  return `${name} answered ${answer?.status ?? '?'}${answer?.error ? ` ${answer.error}` : ''}`;
};

/** A 2xx we cannot serve: thrown by the clients and the graph's mappers. */
export const unexpectedBody = (service: UpstreamService, what: string): UpstreamError =>
  new UpstreamError(service, 'unexpected_body', null, what);

/** Cause codes of an error body's `cause` list (objects with a `code`), as strings. */
export const causeCodes = (cause: unknown): string[] =>
  (Array.isArray(cause) ? cause : [])
    .map((c) => (c && typeof c === 'object' && 'code' in c ? String((c as { code: unknown }).code) : null))
    .filter((c): c is string => c !== null);

// The SDK wraps every transport failure (refused connection, reset, our own abort on timeout) in
// MPConnectionError and keeps the original in a private `__cause__`.
const isTimeout = (err: MPConnectionError): boolean => {
  const cause = (err as unknown as { __cause__?: { name?: string } }).__cause__;
  return cause?.name === 'AbortError' || cause?.name === 'TimeoutError';
};

/** An SDK error as an UpstreamError; anything else (a bug of ours) is returned as it is. */
export const fromMercadoPagoSdk = (err: unknown): unknown => {
  if (err instanceof UpstreamError || !(err instanceof MercadoPagoError)) return err;
  if (err instanceof MPConnectionError)
    return new UpstreamError('mercadoPago', isTimeout(err) ? 'timeout' : 'connection');
  return new UpstreamError('mercadoPago', 'status', {
    status: err.status,
    error: typeof err.error === 'string' && err.error !== '' ? err.error : null,
    causes: causeCodes(err.causes),
    retryAfter: err instanceof MPRateLimitError ? err.retryAfter : null,
  });
};
