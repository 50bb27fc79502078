// Batch functions for customers: one `GET /v1/customers/{id}` per distinct id (Mercado Pago has no
// multi-get). A customer a search of the same request returned is never fetched again: the batch
// function takes it from the search, waiting for searches still in flight (common/sightings.ts).
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { loaderError, UnexpectedUpstreamBody } from '../../upstream/errors';
import type { MpCustomer, MpCustomerSearch } from '../../upstream/mercadopago';
import type { Context } from '../context';
import { searchRows } from '../common/searchPage';
import { Sightings, watchedSearch, type SearchLoader } from '../common/sightings';
import { toCustomer } from './customer.mapper';
import type { Customer } from './customer.type';

type Base = Omit<Context, 'loaders'>;

export interface CustomerPage {
  customers: Customer[];
  offset: number;
  total: number;
}

/** One customer: null when Mercado Pago says it does not exist for this token (or is another seller's). */
const fetchCustomer = async (ctx: Base, id: string): Promise<Customer | null> => {
  let row: MpCustomer;
  try {
    row = await ctx.mercadoPago().getCustomer(id);
  } catch (err) {
    if (err instanceof GraphQLError && err.extensions.code === 'NOT_FOUND') return null;
    throw err;
  }
  if (row === null || typeof row !== 'object' || row.id !== id)
    throw new UnexpectedUpstreamBody(`customer ${id}: the answer is not this customer`);
  return toCustomer(row);
};

export const createCustomerLoader = (ctx: Base, searched: Sightings<Customer>): DataLoader<string, Customer | null> =>
  new DataLoader(async (ids) => {
    const found = await searched.find(ids);
    // Each id settles on its own: a failing customer is an Error in its slot, the others stand.
    return Promise.all(ids.map((id, i) => found[i] ?? fetchCustomer(ctx, id).catch(loaderError)));
  });

const searchKey = (s: MpCustomerSearch): string => JSON.stringify([s.offset, s.limit, s.email ?? null]);

const fetchCustomerPage = async (ctx: Base, search: MpCustomerSearch): Promise<CustomerPage> => {
  const { rows: results, total } = searchRows('customers', await ctx.mercadoPago().searchCustomers(search));
  // One answer, one unit: a row we cannot serve fails the page (UPSTREAM_ERROR), it is not dropped.
  const rows = results.map(toCustomer);
  return { customers: rows, offset: search.offset, total };
};

export const createCustomerSearchLoader = (
  ctx: Base,
  searched: Sightings<Customer>,
): SearchLoader<MpCustomerSearch, CustomerPage> =>
  watchedSearch(
    new DataLoader(
      (searches: readonly MpCustomerSearch[]) =>
        Promise.all(searches.map((s) => fetchCustomerPage(ctx, s).catch(loaderError))),
      {
        cacheKeyFn: searchKey,
      },
    ),
    searched,
    (page) => page.customers,
    (c) => c.id,
  );
