// Mercado Libre orders: GET /orders/{id} and GET /orders/search.
// Reference: https://developers.mercadolibre.com/en_us/order-management (in Spanish: the order payments
// page of docs/sources.md).
// A buyer sees its purchases, a seller its sales, and an order of the mandatory Mercado Pago flow
// stays out of its seller's sight until it is paid (rules/orders.ts).
import type { SandboxUser } from '../fixtures/users';
import type { SandboxContext, SandboxRequest, SandboxRouter } from '../http';
import { digitsId } from '../ids';
import { parseSearchDate } from '../rules/searchDates';
import { ORDER_STATUSES, visibleToSeller } from '../rules/orders';
import type { Json, JsonObject, OrderRecord, OrderStatus } from '../types';
import { mlErrors as E } from './errors';
import { orderView } from './orderViews';

export const SEARCH_MAX_LIMIT = 50;
const SORTS = { date_asc: 'Date ascending', date_desc: 'Date descending' } as const;
type Sort = keyof typeof SORTS;

/** How `caller` may see `order`: as its buyer, as its seller, or not at all. */
const roleOf = (order: OrderRecord, caller: SandboxUser): 'buyer' | 'seller' | null =>
  order.buyer_id === caller.id ? 'buyer' : order.seller_id === caller.id && visibleToSeller(order) ? 'seller' : null;

export const viewForCaller = (ctx: SandboxContext, order: OrderRecord, role: 'buyer' | 'seller'): JsonObject =>
  // The seller sees only visible orders, which have their counterpart data.
  orderView(ctx.store, order, role === 'seller' || visibleToSeller(order));

/** The order a path names, whoever asks: 400 for an id that is not 1–19 digits, 404 for an unknown one. */
export const findOrder = (ctx: SandboxContext, raw: string): OrderRecord => {
  const id = digitsId(raw);
  if (id === null) throw E.invalidOrderId(raw);
  const order = ctx.store.orders.get(id);
  if (!order) throw E.orderNotFound(raw);
  return order;
};

const getOrder = (req: SandboxRequest, ctx: SandboxContext) => {
  const raw = req.params.id;
  const order = findOrder(ctx, raw);
  const role = roleOf(order, req.caller);
  if (role === null) {
    // Invisible to its seller until paid: for the seller it does not exist yet.
    if (order.seller_id === req.caller.id) throw E.orderNotFound(raw);
    throw E.notOwnedOrder(order.id);
  }
  return { status: 200, body: viewForCaller(ctx, order, role) };
};

const intParam = (raw: string | null, name: string, fallback: number, min: number, max: number): number => {
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw E.badSearch(`${name} must be a whole number from ${min} to ${max}`);
  return Number(raw);
};

const dateParam = (q: URLSearchParams, name: string, now: number): number | null => {
  const raw = q.get(name);
  if (raw === null || raw === '') return null;
  const ms = parseSearchDate(raw, now);
  if (ms === null)
    throw E.badSearch(`${name} must be an ISO-8601 date-time with an offset, e.g. 2015-07-01T00:00:00.000-00:00`);
  return ms;
};

const statusFilter = (raw: string | null): Set<OrderStatus> | null => {
  if (raw === null || raw === '') return null;
  const wanted = raw.split(',').map((s) => s.trim());
  const unknown = wanted.filter((s) => !(ORDER_STATUSES as readonly string[]).includes(s));
  if (unknown.length) throw E.badSearch(`order.status has unknown values: ${unknown.join(', ').slice(0, 200)}`);
  return new Set(wanted as OrderStatus[]);
};

const searchOrders = (req: SandboxRequest, ctx: SandboxContext) => {
  const q = req.query;
  const seller = q.get('seller');
  const buyer = q.get('buyer');
  if ((seller === null) === (buyer === null)) throw E.badSearch('send one of seller or buyer');
  const party: 'seller' | 'buyer' = seller !== null ? 'seller' : 'buyer';
  const partyId = (seller ?? buyer) as string;
  if (partyId !== String(req.caller.id)) throw E.callerMismatch(party);

  const sortRaw = q.get('sort') || 'date_asc';
  if (!(sortRaw in SORTS)) throw E.badSearch(`sort must be one of ${Object.keys(SORTS).join(', ')}`);
  const sort = sortRaw as Sort;
  const offset = intParam(q.get('offset'), 'offset', 0, 0, 10_000);
  const limit = intParam(q.get('limit'), 'limit', SEARCH_MAX_LIMIT, 1, SEARCH_MAX_LIMIT);
  const statuses = statusFilter(q.get('order.status'));
  const now = ctx.now();
  const from = dateParam(q, 'order.date_created.from', now);
  const to = dateParam(q, 'order.date_created.to', now);
  const text = q.get('q');

  const mine = [...ctx.store.orders.values()].filter((o) => roleOf(o, req.caller) === party);
  const inRange = mine.filter((o) => {
    const ms = Date.parse(o.date_created);
    if (from !== null && ms < from) return false;
    if (to !== null && ms > to) return false;
    if (text && String(o.id) !== text && !o.items.some((i) => i.title.toLowerCase().includes(text.toLowerCase())))
      return false;
    return true;
  });
  const matches = inRange.filter((o) => statuses === null || statuses.has(o.status));
  const sign = sort === 'date_asc' ? 1 : -1;
  matches.sort((a, b) => sign * (Date.parse(a.date_created) - Date.parse(b.date_created) || a.id - b.id));

  const caller = req.caller;
  const filters: Json[] = [
    {
      id: party,
      name: party === 'seller' ? 'Seller' : 'Buyer',
      type: 'text',
      values: [{ id: String(caller.id), name: caller.nickname }],
    },
  ];
  if (statuses)
    filters.push({
      id: 'order.status',
      name: 'Order Status',
      type: 'text',
      values: [...statuses].map((s) => ({ id: s, name: s })),
    });
  const counts = new Map<string, number>();
  for (const o of inRange) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  return {
    status: 200,
    body: {
      query: text,
      display: 'complete',
      paging: { total: matches.length, offset, limit },
      results: matches.slice(offset, offset + limit).map((o) => viewForCaller(ctx, o, party)),
      sort: { id: sort, name: SORTS[sort] },
      available_sorts: (Object.keys(SORTS) as Sort[]).filter((s) => s !== sort).map((s) => ({ id: s, name: SORTS[s] })),
      filters,
      available_filters: statuses
        ? []
        : [
            {
              id: 'order.status',
              name: 'Order Status',
              type: 'text',
              values: [...counts].map(([id, results]) => ({ id, name: id, results })),
            },
          ],
    },
  };
};

export const registerOrders = (router: SandboxRouter): void => {
  router.get('/orders/search', (req, ctx) => searchOrders(req, ctx));
  router.get('/orders/{id}', (req, ctx) => getOrder(req, ctx));
};
