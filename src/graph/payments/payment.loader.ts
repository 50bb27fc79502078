// Batch functions for payments. Mercado Pago has no multi-get for payments, so a batch is one
// `GET /v1/payments/{id}` per distinct id; DataLoader's per-request cache makes the same id asked
// twice one call. A payment a search of the same request returned is never fetched again: the
// batch function takes it from the search, waiting for searches still in flight (common/sightings.ts).
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { loaderError, UnexpectedUpstreamBody } from '../../upstream/errors';
import type { MpPayment, MpPaymentSearch } from '../../upstream/mercadopago';
import type { Context } from '../context';
import type { OnUnknown } from '../common/enums';
import { searchRows } from '../common/searchPage';
import { Sightings, watchedSearch, type SearchLoader } from '../common/sightings';
import { toPayment } from './payment.mapper';
import type { Payment } from './payment.type';

type Base = Omit<Context, 'loaders'>;

/** One page of a payment search, mapped: where it starts and how many there are in all. */
export interface PaymentPage {
  payments: Payment[];
  offset: number;
  total: number;
}

/** Logs an enum value this gateway does not know yet (it is served as null). */
export const warnUnknown =
  (ctx: Base, paymentId: string): OnUnknown =>
  (field, value) =>
    ctx.log.warn('payment: unknown upstream value, served as null', { paymentId, field, value });

/** One payment: null when Mercado Pago says it does not exist for this token. */
const fetchPayment = async (ctx: Base, id: string): Promise<Payment | null> => {
  let row: MpPayment;
  try {
    row = await ctx.mercadoPago().getPayment(id);
  } catch (err) {
    if (err instanceof GraphQLError && err.extensions.code === 'NOT_FOUND') return null;
    throw err;
  }
  // A 200 that is not this payment (an empty or foreign body) must not be served as if it were.
  if (row === null || typeof row !== 'object' || String(row.id) !== id)
    throw new UnexpectedUpstreamBody(`payment ${id}: the answer is not this payment`);
  return toPayment(row, warnUnknown(ctx, id));
};

export const batchPayments = async (
  ctx: Base,
  ids: readonly string[],
  searched: Sightings<Payment>,
): Promise<(Payment | null | Error)[]> => {
  // Search results are the collector's view, the same body `GET /v1/payments/{id}` gives it.
  const found = await searched.find(ids);
  // Each id settles on its own: a failing payment is an Error in its slot, the others stand.
  return Promise.all(ids.map((id, i) => found[i] ?? fetchPayment(ctx, id).catch(loaderError)));
};

export const createPaymentLoader = (ctx: Base, searched: Sightings<Payment>): DataLoader<string, Payment | null> =>
  new DataLoader((ids) => batchPayments(ctx, ids, searched));

/** The search's cache key: the same search asked twice in one operation is one call. */
const searchKey = (s: MpPaymentSearch): string =>
  JSON.stringify([
    s.offset,
    s.limit,
    s.criteria,
    s.status ?? null,
    s.externalReference ?? null,
    s.beginDate ?? null,
    s.endDate ?? null,
  ]);

const fetchPaymentPage = async (ctx: Base, search: MpPaymentSearch): Promise<PaymentPage> => {
  const { rows: results, total } = searchRows('payments', await ctx.mercadoPago().searchPayments(search));
  // One answer, one unit: a row we cannot serve fails the page (UPSTREAM_ERROR), it is not dropped.
  const rows = results.map((row) => toPayment(row, warnUnknown(ctx, String(row?.id))));
  return { payments: rows, offset: search.offset, total };
};

export const createPaymentSearchLoader = (
  ctx: Base,
  searched: Sightings<Payment>,
): SearchLoader<MpPaymentSearch, PaymentPage> =>
  watchedSearch(
    new DataLoader(
      (searches: readonly MpPaymentSearch[]) =>
        Promise.all(searches.map((s) => fetchPaymentPage(ctx, s).catch(loaderError))),
      {
        cacheKeyFn: searchKey,
      },
    ),
    searched,
    (page) => page.payments,
    (p) => p.id,
  );
