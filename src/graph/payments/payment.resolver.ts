import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { gqlError } from '../../upstream/errors';
import type { Context } from '../context';
import { paymentId } from '../common/ids';
import { Payment } from './payment.type';

@Resolver(() => Payment)
export class PaymentResolver {
  @Query(() => Payment, {
    nullable: true,
    description: 'One payment by id. Null, with a NOT_FOUND error, when it does not exist or the access token may not see it.',
  })
  async payment(@Arg('id', () => ID, { description: 'Mercado Pago payment id: 1 to 19 digits.' }) id: string, @Ctx() ctx: Context): Promise<Payment> {
    const found = await ctx.loaders.payment.load(paymentId(id));
    if (!found) throw gqlError('NOT_FOUND', `Payment ${id} was not found, or is not visible to this access token.`);
    return found;
  }
}
