// Mercado Libre through a small typed client on the platform fetch: with mercadopago.ts, the only
// code that knows base URLs, the caller's token and the REST shapes; every failure is thrown as an
// UpstreamError (errors.ts). Node's fetch (undici) keeps connections alive between calls to the
// same origin. Reads get the same budget as Mercado Pago's through the SDK (one quick retry on 5xx,
// a dropped connection or a timeout, then an error): at worst about 2 × the timeout.
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

const errorName = async (res: Response): Promise<string | null> => {
  try {
    const body = (await res.json()) as { error?: unknown };
    return typeof body?.error === 'string' ? body.error.slice(0, 64) : null;
  } catch {
    return null;
  }
};

export const createMercadoLibreClient = (
  baseUrl: string,
  accessToken: string,
  timeoutMs = READ_TIMEOUT_MS,
): MercadoLibreClient => {
  const base = baseUrl.replace(/\/+$/, '');

  const get = async <T>(path: string, query?: URLSearchParams): Promise<T> => {
    const url = `${base}${path}${query && [...query.keys()].length ? `?${query.toString()}` : ''}`;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(url, {
          headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        // By name, not instanceof: fetch's DOMException may come from another realm (Jest's, for one).
        const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
        const timeout = name === 'TimeoutError' || name === 'AbortError';
        if (attempt === 0) {
          await sleep(RETRY_DELAY_MS);
          continue;
        }
        throw new UpstreamError('mercadoLibre', timeout ? 'timeout' : 'connection');
      }
      if (res.ok) {
        try {
          return (await res.json()) as T;
        } catch {
          throw unexpectedBody('mercadoLibre', `${path}: the answer is not JSON`);
        }
      }
      if (attempt === 0 && RETRY_STATUSES.has(res.status)) {
        await res.body?.cancel();
        await sleep(RETRY_DELAY_MS);
        continue;
      }
      throw new UpstreamError('mercadoLibre', 'status', {
        status: res.status,
        error: await errorName(res),
        retryAfter: retryAfterOf(res),
      });
    }
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
