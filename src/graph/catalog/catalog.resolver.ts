import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { ALL } from './catalog.loader';
import { IdentificationType } from './identificationType.type';
import { PaymentMethod } from './paymentMethod.type';

@Resolver()
export class CatalogResolver {
  @Query(() => [PaymentMethod], { description: "The payment methods of the caller's site (the access token's country), as a checkout page offers them." })
  paymentMethods(@Ctx() ctx: Context): Promise<PaymentMethod[]> {
    return ctx.loaders.paymentMethods.load(ALL);
  }

  @Query(() => [IdentificationType], {
    description: "The identity document types of the caller's site, for a checkout form's document field. Empty where documents do not apply (Mexico).",
  })
  identificationTypes(@Ctx() ctx: Context): Promise<IdentificationType[]> {
    return ctx.loaders.identificationTypes.load(ALL);
  }
}
