// Batch functions for orders and the caller's Mercado Libre account. Mercado Libre has no
// multi-get for orders, so a batch is one `GET /orders/{id}` per distinct id; an order a search of
// the same request returned is never fetched again (common/sightings.ts). `me` is asked once per
// request at most, and only when a field needs it (`me`, or `orders`, whose search needs the
// caller's user id).
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { loaderError, UnexpectedUpstreamBody } from '../../upstream/errors';
import type { MlOrder, OrderSearchParams } from '../../upstream/mercadolibre';
import type { Context } from '../context';
import type { OnUnknown } from '../common/enums';
import { Sightings, watchedSearch, type SearchLoader } from '../common/sightings';
import { toMarketplaceUser } from '../users/user.mapper';
import type { MarketplaceUser } from '../users/user.type';
import { toOrder } from './order.mapper';
import type { Order } from './order.type';

type Base = Omit<Context, 'loaders'>;

/** The one key of the `me` loader. */
export const ME = 'me';
export type MeLoader = DataLoader<typeof ME, MarketplaceUser>;

export interface OrderPage {
  orders: Order[];
  offset: number;
  total: number;
}

/** A search as the graph asks it; the loader adds the caller's id from `me`. */
export type OrderSearch = Omit<OrderSearchParams, 'userId'>;

const warnUnknown =
  (ctx: Base, orderId: string): OnUnknown =>
  (field, value) =>
    ctx.log.warn('order: unknown upstream value, served as null', { orderId, field, value });

/** One order: null when it does not exist for this token, or the caller is not a party of it. */
const fetchOrder = async (ctx: Base, id: string): Promise<Order | null> => {
  let row: MlOrder;
  try {
    row = await ctx.mercadoLibre().getOrder(id);
  } catch (err) {
    const mapped = loaderError(err);
    if (mapped instanceof GraphQLError && mapped.extensions.code === 'NOT_FOUND') return null;
    throw mapped;
  }
  if (row === null || typeof row !== 'object' || String(row.id) !== id)
    throw new UnexpectedUpstreamBody(`order ${id}: the answer is not this order`);
  return toOrder(row, warnUnknown(ctx, id));
};

export const createOrderLoader = (ctx: Base, searched: Sightings<Order>): DataLoader<string, Order | null> =>
  new DataLoader(async (ids) => {
    const found = await searched.find(ids);
    return Promise.all(ids.map((id, i) => found[i] ?? fetchOrder(ctx, id).catch(loaderError)));
  });

export const createMeLoader = (ctx: Base): MeLoader =>
  new DataLoader(async (keys) => {
    try {
      const me = toMarketplaceUser(await ctx.mercadoLibre().getMe());
      return keys.map(() => me);
    } catch (err) {
      const mapped = loaderError(err);
      return keys.map(() => mapped);
    }
  });

const searchKey = (s: OrderSearch): string =>
  JSON.stringify([
    s.role,
    s.sort,
    s.offset,
    s.limit,
    s.statuses ?? null,
    s.dateCreatedFrom ?? null,
    s.dateCreatedTo ?? null,
  ]);

const fetchOrderPage = async (ctx: Base, me: MeLoader, search: OrderSearch): Promise<OrderPage> => {
  const { id: userId } = await me.load(ME);
  const page = await ctx.mercadoLibre().searchOrders({ ...search, userId });
  const total = page?.paging?.total;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0)
    throw new UnexpectedUpstreamBody('orders search: no paging.total');
  if (!Array.isArray(page.results)) throw new UnexpectedUpstreamBody('orders search: results is not a list');
  // One answer, one unit: a row we cannot serve fails the page (UPSTREAM_ERROR), it is not dropped.
  const rows = page.results.map((row: MlOrder) => toOrder(row, warnUnknown(ctx, String(row?.id))));
  return { orders: rows, offset: search.offset, total };
};

export const createOrderSearchLoader = (
  ctx: Base,
  me: MeLoader,
  searched: Sightings<Order>,
): SearchLoader<OrderSearch, OrderPage> =>
  watchedSearch(
    new DataLoader(
      (searches: readonly OrderSearch[]) =>
        Promise.all(searches.map((s) => fetchOrderPage(ctx, me, s).catch(loaderError))),
      {
        cacheKeyFn: searchKey,
      },
    ),
    searched,
    (page) => page.orders,
    (o) => o.id,
  );
