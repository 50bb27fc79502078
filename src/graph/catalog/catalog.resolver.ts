// Query.paymentMethods and Query.identificationTypes: the checkout catalog, from catalog.loader.ts.
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Scope } from '../../auth';
import type { Context } from '../context';
import { listCost } from '../common/cost';
import { identificationTypes, paymentMethods } from './catalog.loader';
import { IdentificationType, PaymentMethod } from './catalog.type';

/**
 * PaymentMethod and IdentificationType fields are data of the lists themselves: `toPaymentMethod` and
 * `toIdentificationType` in catalog.loader.ts fill them.
 */
@Resolver()
export class CatalogResolver {
  // One upstream answer: a site lists a dozen or two methods (card brands, vouchers, transfers, account money).
  @Authorized<Scope>()
  @Query(() => [PaymentMethod], {
    complexity: listCost(25),
    description:
      "The payment methods of the caller's site (the access token's country), as a checkout page offers them.",
  })
  paymentMethods(@Ctx() ctx: Context): Promise<PaymentMethod[]> {
    return paymentMethods(ctx).load();
  }

  // One upstream answer: 2 types in Brazil (CPF, CNPJ), up to 5 or so elsewhere, none in Mexico.
  @Authorized<Scope>()
  @Query(() => [IdentificationType], {
    complexity: listCost(5),
    description:
      "The identity document types of the caller's site, for a checkout form's document field. Empty where " +
      'documents do not apply (Mexico).',
  })
  identificationTypes(@Ctx() ctx: Context): Promise<IdentificationType[]> {
    return identificationTypes(ctx).load();
  }
}
