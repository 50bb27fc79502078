// Mercado Libre through a small typed client on the platform fetch: with mercadopago.ts, the only
// code that knows base URLs, the caller's token and the REST shapes; every failure is thrown as an
// UpstreamError (errors.ts). Node's fetch (undici) keeps connections alive between calls to the
// same origin. Reads get the same budget as Mercado Pago's through the SDK: each attempt has the
// timeout for its whole answer, body included, and one quick retry follows a 5xx, a dropped
// connection, a timeout or a 2xx that is not JSON; then an error. At worst about 2 × the timeout.
import { unexpectedBody, UpstreamError } from './errors';
import { assertId } from './ids';
import { READ_TIMEOUT_MS } from './mercadopago';

/** An order as GET /orders/{id} returns it: the fields the graph reads, each possibly null. */
export interface MlOrder {
  id?: number | string | null;
  status?: string | null;
  status_detail?: string | null;
  date_created?: string | null;
  date_closed?: string | null;
  last_updated?: string | null;
  currency_id?: string | null;
  total_amount?: number | null;
  paid_amount?: number | null;
  pack_id?: number | string | null;
  tags?: string[] | null;
  order_items?:
    | {
        item?: { id?: string | null; title?: string | null; variation_id?: number | string | null } | null;
        quantity?: number | null;
        unit_price?: number | null;
        currency_id?: string | null;
      }[]
    | null;
  payments?: { id?: number | string | null }[] | null;
  buyer?: MlOrderParty | null;
  seller?: MlOrderParty | null;
}

export interface MlOrderParty {
  id?: number | string | null;
  nickname?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
}

/** A user as GET /users/me or /users/{id} returns it (the public profile lacks names and e-mail). */
export interface MlUser extends MlOrderParty {
  site_id?: string | null;
  country_id?: string | null;
}

export interface MlOrderSearch {
  results: MlOrder[];
  paging: { total: number; offset: number; limit: number };
}

export interface OrderSearchParams {
  /** Whose orders: the caller's sales (`seller`) or purchases (`buyer`). */
  role: 'seller' | 'buyer';
  userId: string;
  statuses?: readonly string[];
  dateCreatedFrom?: string;
  dateCreatedTo?: string;
  sort: 'date_asc' | 'date_desc';
  offset: number;
  limit: number;
}

/** What the graph layer may ask of Mercado Libre, for one caller during one request. */
export interface MercadoLibreClient {
  /** `GET /orders/{id}`; `id` must already be checked against the order id pattern. */
  getOrder(id: string): Promise<MlOrder>;
  /** `GET /orders/search`. */
  searchOrders(params: OrderSearchParams): Promise<MlOrderSearch>;
  /** `GET /users/me`. */
  getMe(): Promise<MlUser>;
}

const RETRY_STATUSES = new Set([500, 502, 503, 504]);
const RETRY_DELAY_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const retryAfterOf = (res: Response): number | null => {
  const raw = res.headers.get('retry-after');
  return raw && /^\d{1,6}$/.test(raw) ? Number(raw) : null;
};

const isJson = (res: Response): boolean =>
  /^application\/([\w.+-]*\+)?json\b/i.test(res.headers.get('content-type') ?? '');

/**
 * The error name of a JSON error body; none for any other body (an HTML page from a proxy), which
 * is not read at all. The name goes to UpstreamError, which checks it.
 */
const errorName = async (res: Response): Promise<string | null> => {
  if (!isJson(res)) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  try {
    const body = (await res.json()) as { error?: unknown };
    return typeof body?.error === 'string' ? body.error : null;
  } catch {
    return null;
  }
};

/**
 * A failure of the transport (no answer, or no whole answer), told by the error's name, not by
 * instanceof: fetch's DOMException may come from another realm (Jest's, for one).
 */
const transportFailure = (err: unknown): UpstreamError => {
  const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
  return new UpstreamError('mercadoLibre', name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'connection');
};

/** What a read may retry once: no whole answer, a non-JSON 2xx, or a 5xx that may pass. */
const retryable = (err: UpstreamError): boolean =>
  err.failure !== 'status' || (err.status !== null && RETRY_STATUSES.has(err.status));

export const createMercadoLibreClient = (
  baseUrl: string,
  accessToken: string,
  timeoutMs = READ_TIMEOUT_MS,
): MercadoLibreClient => {
  const base = baseUrl.replace(/\/+$/, '');

  // One attempt: `timeoutMs` for the whole answer, body included (the signal stays on the body).
  const attempt = async <T>(path: string, url: string): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw transportFailure(err);
    }
    if (!res.ok) {
      throw new UpstreamError('mercadoLibre', 'status', {
        status: res.status,
        error: await errorName(res),
        retryAfter: retryAfterOf(res),
      });
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw transportFailure(err);
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      // Never the text itself, nor the parser's message (which quotes it): it could echo anything.
      throw unexpectedBody('mercadoLibre', `${path}: the answer is not JSON`);
    }
  };

  const get = async <T>(path: string, query?: URLSearchParams): Promise<T> => {
    const url = `${base}${path}${query && [...query.keys()].length ? `?${query.toString()}` : ''}`;
    try {
      return await attempt<T>(path, url);
    } catch (err) {
      if (!(err instanceof UpstreamError) || !retryable(err)) throw err;
    }
    await sleep(RETRY_DELAY_MS);
    return attempt<T>(path, url);
  };

  return {
    // https://developers.mercadolibre.com/en_us/order-management
    getOrder: (id) => get<MlOrder>(`/orders/${encodeURIComponent(assertId('order', id))}`),
    searchOrders: (p) => {
      const q = new URLSearchParams({
        [p.role]: p.userId,
        sort: p.sort,
        offset: String(p.offset),
        limit: String(p.limit),
      });
      if (p.statuses?.length) q.set('order.status', p.statuses.join(','));
      if (p.dateCreatedFrom) q.set('order.date_created.from', p.dateCreatedFrom);
      if (p.dateCreatedTo) q.set('order.date_created.to', p.dateCreatedTo);
      return get<MlOrderSearch>('/orders/search', q);
    },
    // https://developers.mercadolibre.com/en_us/users-and-applications
    getMe: () => get<MlUser>('/users/me'),
  };
};
