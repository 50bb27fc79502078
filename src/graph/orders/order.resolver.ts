import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { gqlError } from '../../upstream/errors';
import type { Context } from '../context';
import { toConnection } from '../common/connection';
import { connectionCost, listCost, ORDER_PAYMENTS_ESTIMATE } from '../common/cost';
import { orderId } from '../common/ids';
import { Money } from '../common/money';
import { Payment } from '../payments/payment.type';
import { orderSearch, OrdersArgs } from './order.inputs';
import { balanceDue } from './order.mapper';
import { Order, OrderConnection } from './order.type';

const notFound = (id: string) =>
  gqlError('NOT_FOUND', `Payment ${id} was not found, or is not visible to this access token.`);

/** The order's payments from Mercado Pago, all asked in one tick (one batch of the payment loader). */
const loadPayments = async (order: Order, ctx: Context): Promise<(Payment | Error)[]> =>
  (await ctx.loaders.payment.loadMany(order.paymentIds)).map((p, i) =>
    p === null ? notFound(order.paymentIds[i]) : p,
  );

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => Order, {
    nullable: true,
    description:
      'One Mercado Libre order by id. Null, with a NOT_FOUND error, when it does not exist or the access token may not see it.',
  })
  async order(
    @Arg('id', () => ID, { description: 'Mercado Libre order id: 1 to 19 digits.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Order> {
    const found = await ctx.loaders.order.load(orderId(id));
    if (!found) throw gqlError('NOT_FOUND', `Order ${id} was not found, or is not visible to this access token.`);
    return found;
  }

  @Query(() => OrderConnection, {
    complexity: connectionCost,
    description:
      "The caller's Mercado Libre sales (or, with filter.role BUYER, purchases), newest first unless the filter says otherwise. Costs the caller's account (once per operation) and one search; each order listed is also cached for `order(id)`.",
  })
  async orders(@Args(() => OrdersArgs) args: OrdersArgs, @Ctx() ctx: Context): Promise<OrderConnection> {
    const page = await ctx.loaders.orderSearch.load(orderSearch(args));
    return toConnection(page.orders, page.offset, page.total);
  }

  @FieldResolver(() => [Payment], {
    nullable: 'items',
    complexity: listCost(ORDER_PAYMENTS_ESTIMATE),
    description:
      "The Mercado Pago payments made for this order (refused ones included), each read from Mercado Pago as the caller's token sees it. A payment that cannot be read is null with an error; the others stand.",
  })
  payments(@Root() order: Order, @Ctx() ctx: Context): Promise<(Payment | Error)[]> {
    return loadPayments(order, ctx);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    // The Money object, and the order's payments it reads.
    complexity: 1 + ORDER_PAYMENTS_ESTIMATE,
    description:
      'What is still to pay: totalAmount less what the approved payments hold, net of their refunds; never below zero. Reads the payments (the same calls as `payments`).',
  })
  async balanceDue(@Root() order: Order, @Ctx() ctx: Context): Promise<Money | null> {
    const payments = await loadPayments(order, ctx);
    const failed = payments.find((p): p is Error => p instanceof Error);
    if (failed) throw failed;
    return balanceDue(order, payments as Payment[]);
  }

  // Reads the order's payments, like balanceDue.
  @FieldResolver(() => Boolean, {
    nullable: true,
    complexity: ORDER_PAYMENTS_ESTIMATE,
    description: 'Whether the approved payments cover the total (balanceDue is zero).',
  })
  async fullyPaid(@Root() order: Order, @Ctx() ctx: Context): Promise<boolean | null> {
    const due = await this.balanceDue(order, ctx);
    return due === null ? null : due.amount.isZero();
  }
}
