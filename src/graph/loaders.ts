// One DataLoader set per request. Resolver classes live for the whole process, so loaders are
// never fields of them: a cached payment must never reach another caller.
import type DataLoader from 'dataloader';
import type { Context } from './context';
import { createPaymentLoader } from './payments/payment.loader';
import type { Payment } from './payments/payment.type';

export interface Loaders {
  /** Payment by id; null when absent or not visible to the caller. */
  payment: DataLoader<string, Payment | null>;
}

export const createLoaders = (ctx: Omit<Context, 'loaders'>): Loaders => ({
  payment: createPaymentLoader(ctx),
});
