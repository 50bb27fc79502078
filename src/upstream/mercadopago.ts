// Mercado Pago through the official SDK (DESIGN §1). The only code that knows its base URL,
// the caller's token and the REST shapes; the graph layer gets plain REST objects back.
import { MercadoPagoConfig, Payment as PaymentClient } from 'mercadopago';
import type { Options } from 'mercadopago/dist/types';
import { AppConfig } from 'mercadopago/dist/utils/config';
import { toGraphQLError } from './errors';

/**
 * A payment as `GET /v1/payments/{id}` returns it, in Mercado Pago's spelling: the fields the graph
 * reads. Every field may be absent or null: the view depends on the token (seller or buyer), and the
 * SDK's own typings leave out the nulls the API really sends.
 */
export interface MpPayment {
  id?: number | string | null;
  status?: string | null;
  status_detail?: string | null;
  currency_id?: string | null;
  transaction_amount?: number | null;
  installments?: number | null;
  payment_method_id?: string | null;
  payment_type_id?: string | null;
  description?: string | null;
  external_reference?: string | null;
  statement_descriptor?: string | null;
  captured?: boolean | null;
  live_mode?: boolean | null;
  date_created?: string | null;
  date_approved?: string | null;
  date_last_updated?: string | null;
  transaction_details?: {
    net_received_amount?: number | null;
    total_paid_amount?: number | null;
    installment_amount?: number | null;
  } | null;
  card?: {
    id?: number | string | null;
    first_six_digits?: string | null;
    last_four_digits?: string | null;
    expiration_month?: number | null;
    expiration_year?: number | null;
    cardholder?: { name?: string | null } | null;
  } | null;
}

/**
 * Points the SDK at `baseUrl` (MP_API_URL, or the embedded sandbox's URL).
 * The SDK reads the static AppConfig.BASE_URL on every request, so this is process-wide: one
 * Mercado Pago per process. It is readonly in the SDK's typings, hence the cast.
 */
export const setMercadoPagoBaseUrl = (baseUrl: string): void => {
  const url = new URL(baseUrl); // throws on a relative or malformed URL
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`expected an http(s) URL, got ${url.protocol}`);
  // The SDK concatenates `${BASE_URL}${endpoint}`: a trailing slash would give `//v1/…`.
  (AppConfig as { BASE_URL: string }).BASE_URL = url.href.replace(/\/+$/, '');
};

export const mercadoPagoBaseUrl = (): string => AppConfig.BASE_URL;

// Our budget instead of the SDK's (60 s per attempt, 3 retries after 1, 2, 4 s): a GraphQL
// caller waits for the slowest field, so a read gets one quick retry on transient failures and
// then an error. Worst case ≈ 2 × READ_TIMEOUT_MS + 250 ms. Writes are never retried here: a
// retry of a lost write is the client's, with its idempotency key.
export const READ_TIMEOUT_MS = 5_000;
export const WRITE_TIMEOUT_MS = 10_000;

export const READ_OPTIONS: Options = {
  timeout: READ_TIMEOUT_MS,
  maxRetries: 1,
  // 429 is not retried: the caller is told RATE_LIMITED with Retry-After instead.
  retryOn: [500, 502, 503, 504],
  initialDelay: 100,
  maxDelay: 250,
  jitter: true,
};

export const WRITE_OPTIONS: Options = { timeout: WRITE_TIMEOUT_MS, maxRetries: 0 };

/**
 * A fresh SDK config for one call. The SDK merges each call's requestOptions into the config it
 * was given and keeps them (an idempotency key included), so a config is never reused, let
 * alone shared between callers.
 */
export const mercadoPagoConfig = (accessToken: string, options: Options): MercadoPagoConfig =>
  new MercadoPagoConfig({ accessToken, options: { ...options } });

/** What the graph layer may ask of Mercado Pago, for one caller during one request. */
export interface MercadoPagoClient {
  /** `GET /v1/payments/{id}`; `id` must already be checked against the payment id pattern. */
  getPayment(id: string): Promise<MpPayment>;
}

const call = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (err) {
    throw toGraphQLError(err);
  }
};

export const createMercadoPagoClient = (accessToken: string): MercadoPagoClient => ({
  // https://www.mercadopago.com/developers/en/reference/payments/_payments_id/get
  getPayment: (id) => call(async () => (await new PaymentClient(mercadoPagoConfig(accessToken, READ_OPTIONS)).get({ id })) as MpPayment),
});
