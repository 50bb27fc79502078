// Mercado Pago through the official SDK: with mercadolibre.ts, the only code that knows base URLs,
// the caller's token and the REST shapes; the graph gets plain REST objects back, and every failure
// as an UpstreamError (errors.ts). Reads are here, writes in mercadopago.writes.ts
// (docs/architecture.md, "Layers").
import {
  Customer as CustomerClient,
  IdentificationType as IdentificationTypeClient,
  MercadoPagoConfig,
  Payment as PaymentClient,
  PaymentMethod as PaymentMethodClient,
} from 'mercadopago';
import type { Options } from 'mercadopago/dist/types';
import { AppConfig } from 'mercadopago/dist/utils/config';
import { fromMercadoPagoSdk, unexpectedBody } from './errors';
import { assertId } from './ids';
import type {
  MpCustomer,
  MpCustomerSearch,
  MpIdentificationType,
  MpPayment,
  MpPaymentMethod,
  MpPaymentSearch,
  MpSearchPage,
} from './mercadopago.types';

import { createMercadoPagoWrites, type MercadoPagoWrites } from './mercadopago.writes';

export type * from './mercadopago.types';
export type * from './mercadopago.writes';

/**
 * Points the SDK at `baseUrl` (MP_API_URL, or the embedded sandbox's URL).
 * The SDK reads the static AppConfig.BASE_URL on every request, so this is process-wide: one
 * Mercado Pago per process. It is readonly in the SDK's typings, hence the cast.
 */
export const setMercadoPagoBaseUrl = (baseUrl: string): void => {
  const url = new URL(baseUrl); // throws on a relative or malformed URL
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`expected an http(s) URL, got ${url.protocol}`);
  // The SDK concatenates `${BASE_URL}${endpoint}`: a trailing slash would give `//v1/…`.
  (AppConfig as { BASE_URL: string }).BASE_URL = url.href.replace(/\/+$/, '');
};

export const mercadoPagoBaseUrl = (): string => AppConfig.BASE_URL;

// Our budget instead of the SDK's (60 s per attempt, 3 retries after 1, 2, 4 s): a GraphQL
// caller waits for the slowest field, so a read gets one quick retry on transient failures (a 5xx,
// a dropped connection, an answer not whole within the timeout) and then an error. Each attempt's
// timeout covers the whole answer, body included (WHOLE_ANSWER below). Worst case ≈ 2 ×
// READ_TIMEOUT_MS + 250 ms. Writes are never retried here: a retry of a lost write is the client's,
// with its idempotency key.
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

// The SDK's `timeout` ends when the headers arrive: its restClient clears its timer as soon as
// `fetch` resolves, then reads the body unbounded (and a body it cannot read becomes `{}`). So our
// configs carry WHOLE_ANSWER, which the SDK copies with the other options into fetch's init
// (`fetch(url, { ...options, method, signal })`), and the platform fetch, wrapped once here, reads
// the whole body of such a request before it resolves. The SDK's timer and abort signal then cover
// the body as well: each attempt has READ_TIMEOUT_MS (a write WRITE_TIMEOUT_MS) for its whole answer,
// an answer that does not arrive whole is a transport failure the SDK retries by its policy and that
// ends as MPConnectionError (a timeout or a connection failure, errors.ts), and the SDK's abort ends
// the request, socket included. Any other fetch passes through untouched.
const WHOLE_ANSWER = Symbol.for('mpgraph.mercadoPago.wholeAnswer');
const WRAPPED = Symbol.for('mpgraph.mercadoPago.wholeAnswerFetch');

type Fetch = typeof globalThis.fetch;

/** Empty (Mercado Pago's answer to a replayed refund), or beginning like a JSON object or list. */
const looksLikeJson = (body: ArrayBuffer): boolean => {
  const text = new TextDecoder().decode(body.slice(0, 64)).trimStart();
  return text === '' || text.startsWith('{') || text.startsWith('[');
};

/** `inner`, except that a request whose init carries WHOLE_ANSWER resolves once its whole body has arrived. */
export const wholeAnswerFetch = (inner: Fetch): Fetch =>
  Object.assign(
    async (input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]): Promise<Response> => {
      const res = await inner(input, init);
      if (!init || !(WHOLE_ANSWER in init) || res.body === null) return res;
      // Under the request's signal: the SDK's abort (its timeout) ends this read and the request.
      const body = await res.arrayBuffer();
      // The SDK would read a 2xx that is not JSON as `{}` (a refund "replayed without a body", a
      // payment without an id): it is an unexpected body, retried as a read is, never served.
      if (res.ok && !looksLikeJson(body))
        throw unexpectedBody('mercadoPago', `a ${res.status} answer that is not JSON`);
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    },
    { [WRAPPED]: inner },
  );

/** Wraps the platform fetch (the one the SDK calls) once; again if something replaced it since (a test's spy). */
const useWholeAnswerFetch = (): void => {
  if (!(WRAPPED in globalThis.fetch)) globalThis.fetch = wholeAnswerFetch(globalThis.fetch);
};

/**
 * A fresh SDK config for one call. The SDK merges each call's requestOptions into the config it
 * was given and keeps them (an idempotency key included), so a config is never reused, let
 * alone shared between callers. Its requests get their whole answer within `options.timeout`
 * (WHOLE_ANSWER above); writes get theirs through this function too (mercadopago.writes.ts).
 */
export const mercadoPagoConfig = (accessToken: string, options: Options): MercadoPagoConfig => {
  useWholeAnswerFetch();
  return new MercadoPagoConfig({ accessToken, options: { ...options, [WHOLE_ANSWER]: true } as Options });
};

/**
 * What the graph layer may ask of Mercado Pago, for one caller during one request: reads here, writes in
 * mercadopago.writes.ts.
 */
export interface MercadoPagoClient extends MercadoPagoWrites {
  /** `GET /v1/payments/{id}`; `id` must already be checked against the payment id pattern. */
  getPayment(id: string): Promise<MpPayment>;
  /** `GET /v1/payments/search`: the caller's payments as collector, one page. */
  searchPayments(search: MpPaymentSearch): Promise<MpSearchPage<MpPayment>>;
  /** `GET /v1/customers/{id}`, saved cards embedded; `id` must already be checked against its pattern. */
  getCustomer(id: string): Promise<MpCustomer>;
  /** `GET /v1/customers/search`: the caller's customers, one page. */
  searchCustomers(search: MpCustomerSearch): Promise<MpSearchPage<MpCustomer>>;
  /** `GET /v1/payment_methods`: the methods of the caller's site. */
  listPaymentMethods(): Promise<MpPaymentMethod[]>;
  /** `GET /v1/identification_types`: the document types of the caller's site. */
  listIdentificationTypes(): Promise<MpIdentificationType[]>;
}

const call = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (err) {
    throw fromMercadoPagoSdk(err);
  }
};

// The SDK types its answers without the nulls the API sends; ours (mercadopago.types.ts) say what
// really arrives, so each answer is read through them once, here.
const as = <T>(value: unknown): T => value as T;

/** The query string of a payment search: only what was asked, in Mercado Pago's names. */
export const paymentSearchQuery = (s: MpPaymentSearch): Record<string, string | number> => ({
  sort: 'date_created',
  criteria: s.criteria,
  offset: s.offset,
  limit: s.limit,
  ...(s.status !== undefined ? { status: s.status } : {}),
  ...(s.externalReference !== undefined ? { external_reference: s.externalReference } : {}),
  ...(s.beginDate !== undefined || s.endDate !== undefined ? { range: 'date_created' } : {}),
  ...(s.beginDate !== undefined ? { begin_date: s.beginDate } : {}),
  ...(s.endDate !== undefined ? { end_date: s.endDate } : {}),
});

/**
 * Timeouts: each read attempt's (READ_TIMEOUT_MS) and each write's (WRITE_TIMEOUT_MS), unless a test or an operator
 * says otherwise.
 */
export const createMercadoPagoClient = (
  accessToken: string,
  readTimeoutMs: number = READ_TIMEOUT_MS,
  writeTimeoutMs: number = WRITE_TIMEOUT_MS,
): MercadoPagoClient => {
  const read = () => mercadoPagoConfig(accessToken, { ...READ_OPTIONS, timeout: readTimeoutMs });
  return {
    ...createMercadoPagoWrites((options) => mercadoPagoConfig(accessToken, options), {
      ...WRITE_OPTIONS,
      timeout: writeTimeoutMs,
    }),
    // https://www.mercadopago.com/developers/en/reference/payments/_payments_id/get
    getPayment: (id) =>
      call(async () => as<MpPayment>(await new PaymentClient(read()).get({ id: assertId('payment', id) }))),
    // https://www.mercadopago.com/developers/en/reference/payments/_payments_search/get
    searchPayments: (search) =>
      call(async () =>
        as<MpSearchPage<MpPayment>>(await new PaymentClient(read()).search({ options: paymentSearchQuery(search) })),
      ),
    // https://www.mercadopago.com/developers/en/reference/customers/_customers_id/get
    getCustomer: (id) =>
      call(async () => as<MpCustomer>(await new CustomerClient(read()).get({ customerId: assertId('customer', id) }))),
    // https://www.mercadopago.com/developers/en/reference/customers/_customers_search/get
    searchCustomers: (search) =>
      call(async () =>
        as<MpSearchPage<MpCustomer>>(
          await new CustomerClient(read()).search({
            options: {
              offset: search.offset,
              limit: search.limit,
              ...(search.email !== undefined ? { email: search.email } : {}),
            },
          }),
        ),
      ),
    // https://www.mercadopago.com/developers/en/reference/payment_methods/_payment_methods/get
    listPaymentMethods: () => call(async () => as<MpPaymentMethod[]>(await new PaymentMethodClient(read()).get())),
    // https://www.mercadopago.com/developers/en/reference/identification_types/_identification_types/get
    listIdentificationTypes: () =>
      call(async () => as<MpIdentificationType[]>(await new IdentificationTypeClient(read()).list())),
  };
};
