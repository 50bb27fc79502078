// Where orders and Mercado Libre users come from (docs/architecture.md, "From a field to its data"):
// the per-request loaders, each naming the Mercado Libre route it reads, and the REST→GraphQL
// mappers. Mercado Libre has no multi-get for orders, so a batch is one `GET /orders/{id}` per
// distinct id; an order a search of the same request returned is not read again. The caller's
// account (`GET /users/me`) is read once per request at most, and only when a field needs it.
import type { MlOrder, MlOrderParty, MlUser, OrderSearchParams } from '../../upstream/mercadolibre';
import { redactText, unexpectedBody } from '../../upstream/errors';
import { isId } from '../../upstream/ids';
import type { OnUnknown } from '../common/enums';
import {
  answerFor,
  byIdLoader,
  onceLoader,
  perRequest,
  searchLoader,
  searchRows,
  Sightings,
  type Page,
} from '../common/loader';
import { money } from '../common/money';
import { int, str, strings, text } from '../common/values';
import type { Context } from '../context';
import { readOrderStatus } from './order.enums';
import type { Order } from './order.type';
import type { MarketplaceUser } from './user.type';

/** A search as the graph asks it; the loader adds the caller's id from `callerAccount`. */
export type OrderSearch = Omit<OrderSearchParams, 'userId'>;

/**
 * Mercado Libre pages no further than this offset (the sandbox refuses more, as the real search
 * does); past it, a page is empty, like a page past the end of the list.
 */
export const MAX_SEARCH_OFFSET = 10_000;

const warnUnknown =
  (ctx: Context, orderId: string): OnUnknown =>
  (field, value) =>
    ctx.log.warn('order: unknown upstream value, served as null', { orderId: redactText(orderId, 64), field, value });

/** The caller's own Mercado Libre account: `GET /users/me`. */
export const callerAccount = onceLoader(async (ctx) => toMarketplaceUser(await ctx.mercadoLibre().getMe()));

/** What this request's order searches returned: `orderById` serves those without a call. */
const searched = perRequest(() => new Sightings<Order>());

/** Order by id; null when absent, or when the caller is not a party of it (Mercado Libre's not_owned_order). */
export const orderById = byIdLoader(async (ctx, id) => {
  // GET /orders/{id}
  return toOrder(answerFor('mercadoLibre', 'order', id, await ctx.mercadoLibre().getOrder(id)), warnUnknown(ctx, id));
}, searched);

/** A page of the caller's sales or purchases: its account (`callerAccount`, once per request), then one search. */
export const orderSearch = searchLoader({
  read: async (ctx: Context, search: OrderSearch): Promise<Page<Order>> => {
    const { id: userId } = await callerAccount(ctx).load();
    // A page past the furthest offset Mercado Libre serves is empty; the search still says how many there are.
    const beyond = search.offset > MAX_SEARCH_OFFSET;
    // GET /orders/search?seller|buyer=<me>
    const answer = await ctx
      .mercadoLibre()
      .searchOrders({ ...search, ...(beyond ? { offset: 0, limit: 1 } : {}), userId });
    const { rows, total } = searchRows('mercadoLibre', 'orders', answer);
    // One answer, one unit: a row we cannot serve fails the page (UPSTREAM_ERROR), it is not dropped.
    const items = beyond ? [] : rows.map((row) => toOrder(row, warnUnknown(ctx, String(row?.id))));
    return { items, offset: search.offset, total };
  },
  key: (s) =>
    JSON.stringify(
      [s.role, s.sort, s.offset, s.limit, s.statuses, s.dateCreatedFrom, s.dateCreatedTo].map((v) => v ?? null),
    ),
  sightings: searched,
  idOf: (o) => o.id,
});

// ---- REST → GraphQL ----

/** A Mercado Libre user: the caller (`/users/me`), or a party of an order. */
export const toMarketplaceUser = (u: MlOrderParty | MlUser): MarketplaceUser => {
  const id = text(u.id);
  if (id === null || !isId('user', id))
    throw unexpectedBody('mercadoLibre', 'a Mercado Libre user without a numeric id');
  return {
    id,
    nickname: text(u.nickname),
    firstName: text(u.first_name),
    lastName: text(u.last_name),
    email: text(u.email),
    siteId: 'site_id' in u ? text(u.site_id) : null,
  };
};

/** The order's own payment summaries are read for their ids only: `Order.payments` loads each from Mercado Pago. */
export const toOrder = (r: MlOrder, onUnknown: OnUnknown): Order => {
  const id = text(r.id);
  if (id === null || !isId('order', id)) throw unexpectedBody('mercadoLibre', 'an order without a numeric id');
  const currency = r.currency_id ?? null;
  return {
    id,
    status: readOrderStatus(r.status, 'status', onUnknown),
    statusDetail: text(r.status_detail),
    dateCreated: str(r.date_created),
    dateClosed: str(r.date_closed),
    lastUpdated: str(r.last_updated),
    totalAmount: money(r.total_amount, currency),
    paidAmount: money(r.paid_amount, currency),
    items: (r.order_items ?? []).map((line) => ({
      itemId: text(line.item?.id),
      title: text(line.item?.title),
      quantity: int(line.quantity),
      unitPrice: money(line.unit_price, line.currency_id ?? currency),
      variationId: text(line.item?.variation_id),
    })),
    buyer: r.buyer ? toMarketplaceUser(r.buyer) : null,
    seller: r.seller ? toMarketplaceUser(r.seller) : null,
    tags: strings(r.tags),
    packId: text(r.pack_id),
    paymentIds: (r.payments ?? []).map((p) => text(p.id)).filter((p): p is string => p !== null && isId('payment', p)),
  };
};
