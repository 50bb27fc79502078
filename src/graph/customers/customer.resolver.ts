import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { gqlError } from '../../upstream/errors';
import type { Context } from '../context';
import { toConnection } from '../common/connection';
import { connectionCost } from '../common/cost';
import { customerId } from '../common/ids';
import { customerSearch, CustomersArgs } from './customer.inputs';
import { Customer, CustomerConnection } from './customer.type';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, {
    nullable: true,
    description:
      "One of the caller's customers, with its saved cards. Null, with a NOT_FOUND error, when it does not exist or belongs to another seller.",
  })
  async customer(
    @Arg('id', () => ID, { description: 'Customer id, like "123456789-jxOV430go9fx2e".' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Customer> {
    const found = await ctx.loaders.customer.load(customerId(id));
    if (!found) throw gqlError('NOT_FOUND', `Customer ${id} was not found, or is not visible to this access token.`);
    return found;
  }

  @Query(() => CustomerConnection, {
    complexity: connectionCost,
    description:
      "The caller's customers, oldest first, optionally only the one with an e-mail (Mercado Pago's customer search). Each customer listed is also cached for `customer(id)` in the same operation.",
  })
  async customers(@Args(() => CustomersArgs) args: CustomersArgs, @Ctx() ctx: Context): Promise<CustomerConnection> {
    const page = await ctx.loaders.customerSearch.load(customerSearch(args));
    return toConnection(page.customers, page.offset, page.total);
  }
}
