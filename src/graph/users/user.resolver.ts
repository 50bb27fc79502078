import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { ME } from '../orders/order.loader';
import { MarketplaceUser } from './user.type';

@Resolver(() => MarketplaceUser)
export class UserResolver {
  @Query(() => MarketplaceUser, {
    nullable: true,
    description: "The caller's own Mercado Libre account (GET /users/me).",
  })
  me(@Ctx() ctx: Context): Promise<MarketplaceUser> {
    return ctx.loaders.me.load(ME);
  }
}
