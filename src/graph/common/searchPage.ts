import { UnexpectedUpstreamBody } from '../../upstream/errors';
import type { MpSearchPage } from '../../upstream/mercadopago';

/**
 * The rows and total of a Mercado Pago search answer (`{paging: {total, …}, results: […]}`). An
 * answer without a whole `paging.total` or with `results` that is not a list is one we cannot page
 * through: UnexpectedUpstreamBody (UPSTREAM_ERROR to the client).
 */
export const searchRows = <T>(what: string, page: MpSearchPage<T> | null | undefined): { rows: T[]; total: number } => {
  const total = page?.paging?.total;
  const results = page?.results ?? [];
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0)
    throw new UnexpectedUpstreamBody(`${what} search: no paging.total`);
  if (!Array.isArray(results)) throw new UnexpectedUpstreamBody(`${what} search: results is not a list`);
  return { rows: results, total };
};
