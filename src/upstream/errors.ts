// Every failure of an upstream call, of either service, read or write, is one UpstreamError: which
// service, what kind of failure, and what the service said (status, error name, cause codes,
// Retry-After). The clients in this folder throw nothing else; the graph maps these to GraphQL codes
// in one place, src/graph/errors.ts (docs/architecture.md, "One error model").
// Nothing here holds a body, a token or a URL: what an operator may see is `detail()`. What an
// upstream sends is kept only in a safe shape: an error name or cause code that could carry a
// credential (an echoed Authorization header, a token) or any other text is `<redacted>`, so
// `detail()` and the message are bounded and token-free whatever the service answered.
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
  /** The service's error name (`bad_request`, `order_not_found`), as the service sent it. */
  error?: string | null;
  /** Cause codes as strings ("2006", "101"), as the service sent them; never their free text. */
  causes?: readonly string[];
  /** Seconds, from a Retry-After header. */
  retryAfter?: number | null;
}

/** What replaces a name or code from an upstream that is not of a safe shape, or a credential in our text. */
export const REDACTED = '<redacted>';

/** An error name may be letters, digits and `_ . : -`, at most 64 of them (`bad_request`, `order_not_found`). */
const ERROR_NAME = /^[A-Za-z0-9_.:-]{1,64}$/;
/**
 * A cause code may be letters, digits and `_ . -`, at most 64 of them (`2006`, `E301`,
 * `PA_UNAUTHORIZED_RESULT_FROM_POLICIES`).
 */
const CAUSE_CODE = /^[A-Za-z0-9_.-]{1,64}$/;
/** At most this many cause codes are kept (Mercado Pago sends one to three). */
export const MAX_CAUSES = 10;
/** At most this many characters of our own description (`what`) are kept. */
const MAX_WHAT = 200;

// What a credential looks like, or the part of one an upstream may echo: "Authorization: Bearer …",
// a Mercado Pago or Mercado Libre token (`TEST-…`, `APP_USR-…`, `TG-…`, their user id included).
const CREDENTIALS: readonly RegExp[] = [
  /(?:authorization\s*:?\s*)?bearer\b\s*[\w.~+/-]*=*/gi,
  /(?<![A-Za-z0-9])(?:TEST|APP_USR|TG)-[\w-]*/g,
];
// A run of letters and digits (base64's `+` too) this long, mixing both, is a secret (base64 or hex)
// rather than a word, a path or an id: 24 characters, or 16 hex digits.
const LONG_RUN = /[A-Za-z0-9+]{16,}=*/g;
const isSecretRun = (run: string): boolean =>
  /[0-9]/.test(run) && /[A-Za-z]/.test(run) && (run.length >= 24 || /^[0-9A-Fa-f]+$/.test(run));

/**
 * `text` with every credential-like part replaced by `<redacted>`, cut to `max` characters: for
 * text of ours that may carry a value an upstream sent (an id, an enum value), before it is logged.
 */
export const redactText = (text: string, max = MAX_WHAT): string => {
  let out = text;
  for (const pattern of CREDENTIALS) out = out.replace(pattern, REDACTED);
  out = out.replace(LONG_RUN, (run) => (isSecretRun(run) ? REDACTED : run));
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
};

/**
 * A name or code an upstream sent, kept only if it has `shape` and nothing of a credential
 * (`redactText` finds nothing, no run of 8 digits: a token ends in its user id); else `<redacted>`.
 */
const safeToken = (value: unknown, shape: RegExp): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' || !shape.test(value)) return REDACTED;
  return redactText(value) !== value || /[0-9]{8}/.test(value) ? REDACTED : value;
};

/** An upstream error name as UpstreamError keeps it: null, the name, or `<redacted>`. */
export const safeErrorName = (value: unknown): string | null => safeToken(value, ERROR_NAME);

/** Upstream cause codes as UpstreamError keeps them: each the code or `<redacted>`, at most MAX_CAUSES. */
export const safeCauseCodes = (values: readonly unknown[]): string[] =>
  values
    .slice(0, MAX_CAUSES)
    .map((c) => safeToken(c, CAUSE_CODE))
    .filter((c): c is string => c !== null);

const safeRetryAfter = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 999_999 ? value : null;

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
    /**
     * Ours, for the log (a mapper's "payment 1: a refund without an id"), never upstream text; it may
     * name an upstream id, so it is kept redacted (`redactText`) and at most 200 characters long.
     */
    what?: string,
  ) {
    const error = safeErrorName(answer?.error);
    super(what !== undefined ? redactText(what) : describe(service, failure, answer?.status ?? null, error));
    this.status = answer?.status ?? null;
    this.error = error;
    this.causes = safeCauseCodes(answer?.causes ?? []);
    this.retryAfter = safeRetryAfter(answer?.retryAfter);
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

const describe = (
  service: UpstreamService,
  failure: UpstreamFailure,
  status: number | null,
  error: string | null,
): string => {
  const name = SERVICE_NAMES[service];
  if (failure === 'timeout') return `${name} did not answer in time`;
  if (failure === 'connection') return `${name} could not be reached`;
  if (failure === 'unexpected_body') return `${name} answered with an unexpected body`;
  return `${name} answered ${status ?? '?'}${error ? ` ${error}` : ''}`;
};

/** A 2xx we cannot serve: thrown by the clients and the graph's mappers. */
export const unexpectedBody = (service: UpstreamService, what: string): UpstreamError =>
  new UpstreamError(service, 'unexpected_body', null, what);

/**
 * Cause codes of an error body's `cause` list (objects with a `code`), as strings: a number as its
 * digits, anything but a string or a number as `<redacted>` (UpstreamError checks the strings).
 */
export const causeCodes = (cause: unknown): string[] =>
  (Array.isArray(cause) ? cause.slice(0, MAX_CAUSES) : [])
    .map((c) => (c && typeof c === 'object' && 'code' in c ? (c as { code: unknown }).code : null))
    .filter((code) => code !== null && code !== undefined)
    .map((code) => (typeof code === 'string' || typeof code === 'number' ? String(code) : REDACTED));

// The SDK wraps every transport failure (refused connection, reset, our own abort on timeout) in
// MPConnectionError and keeps the original in a private `__cause__`.
const isTimeout = (err: MPConnectionError): boolean => {
  const cause = (err as unknown as { __cause__?: { name?: string } }).__cause__;
  return cause?.name === 'AbortError' || cause?.name === 'TimeoutError';
};

/**
 * An SDK error as an UpstreamError; anything else (a bug of ours) is returned as it is. The SDK
 * error's message (the body's `message`, or the transport's) is never used: only the status, the
 * error name and the cause codes, through UpstreamError's checks.
 */
export const fromMercadoPagoSdk = (err: unknown): unknown => {
  if (err instanceof UpstreamError || !(err instanceof MercadoPagoError)) return err;
  if (err instanceof MPConnectionError) {
    // Our own fetch wrapper's finding (mercadopago.ts: a 2xx that is not JSON) travels as the cause.
    const cause = (err as unknown as { __cause__?: unknown }).__cause__;
    if (cause instanceof UpstreamError) return cause;
    return new UpstreamError('mercadoPago', isTimeout(err) ? 'timeout' : 'connection');
  }
  return new UpstreamError('mercadoPago', 'status', {
    status: err.status,
    error: err.error === '' ? null : (err.error as unknown as string | null),
    causes: causeCodes(err.causes),
    retryAfter: err instanceof MPRateLimitError ? err.retryAfter : null,
  });
};
