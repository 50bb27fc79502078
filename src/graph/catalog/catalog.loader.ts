// The catalog lists, read at most once per request: one key, one call, whatever asks for them.
// Each list is one answer: a row we cannot serve fails the list (UPSTREAM_ERROR), it is not dropped.
import DataLoader from 'dataloader';
import { loaderError, UnexpectedUpstreamBody } from '../../upstream/errors';
import type { Context } from '../context';
import { toIdentificationType, toPaymentMethod } from './catalog.mapper';
import type { IdentificationType } from './identificationType.type';
import type { PaymentMethod } from './paymentMethod.type';

type Base = Omit<Context, 'loaders'>;

/** The only key of the catalog loaders: the caller's site is the token's, not an argument. */
export const ALL = 'all';
export type All = typeof ALL;

const listOf = <T>(what: string, rows: T[]): T[] => {
  if (!Array.isArray(rows)) throw new UnexpectedUpstreamBody(`${what}: the answer is not a list`);
  return rows;
};

const single = <T>(fetch: () => Promise<T>) =>
  new DataLoader<All, T>((keys) =>
    fetch().then(
      (value) => keys.map(() => value),
      (err: unknown) => keys.map(() => loaderError(err)),
    ),
  );

export const createPaymentMethodsLoader = (ctx: Base): DataLoader<All, PaymentMethod[]> =>
  single(async () =>
    listOf('payment methods', await ctx.mercadoPago().listPaymentMethods()).map((row) =>
      toPaymentMethod(row, (field, value) =>
        ctx.log.warn('payment method: unknown upstream value, served as null', {
          paymentMethodId: row.id,
          field,
          value,
        }),
      ),
    ),
  );

export const createIdentificationTypesLoader = (ctx: Base): DataLoader<All, IdentificationType[]> =>
  single(async () =>
    listOf('identification types', await ctx.mercadoPago().listIdentificationTypes()).map(toIdentificationType),
  );
