// Every field of the order graph: Query.order, Query.orders and Query.me, and the Order fields that
// read Mercado Pago (payments, balanceDue, fullyPaid), and Subscription.orderUpdated. Each field says
// where its data comes from: a loader of order.loader.ts or payment.loader.ts, which names the
// upstream route (docs/architecture.md, "From a field to its data").
import Decimal from 'decimal.js';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import type { Scope } from '../../auth';
import { toConnection } from '../common/connection';
import { connectionCost, listCost, ORDER_PAYMENTS_ESTIMATE } from '../common/cost';
import { idArgument } from '../common/ids';
import { Money } from '../common/money';
import type { Context } from '../context';
import { notFound } from '../errors';
import { PaymentStatus } from '../payments/payment.enums';
import { paymentById } from '../payments/payment.loader';
import { Payment } from '../payments/payment.type';
import { changesOf, type Delivery, type SubscriptionContext } from '../subscriptions/changes';
import { OrdersArgs, toOrderSearch } from './order.inputs';
import { callerAccount, orderById, orderSearch } from './order.loader';
import { Order, OrderConnection } from './order.type';
import { MarketplaceUser } from './user.type';

/** The order's payments from Mercado Pago, all asked in one tick (one batch of `paymentById`). */
const loadPayments = async (order: Order, ctx: Context): Promise<(Payment | Error)[]> =>
  (await paymentById(ctx).loadMany(order.paymentIds)).map((p, i) =>
    p === null ? notFound('Payment', order.paymentIds[i]) : p,
  );

/**
 * What is still to pay: the total less what the approved payments hold net of their refunds
 * (a partially refunded payment stays approved; a fully refunded one is REFUNDED), never below
 * zero. Null when the order has no total, or a payment is in another currency.
 */
export const balanceDue = (order: Order, payments: Payment[]): Money | null => {
  const total = order.totalAmount;
  if (!total) return null;
  let paid = new Decimal(0);
  for (const p of payments) {
    if (p.status !== PaymentStatus.APPROVED || !p.amount) continue;
    if (p.amount.currency !== total.currency) return null;
    paid = paid.plus(p.amount.amount).minus(p.amountRefunded?.amount ?? 0);
  }
  return { amount: Decimal.max(0, total.amount.minus(paid)), currency: total.currency };
};

/**
 * Order fields without a resolver here (status, items, buyer, seller, totalAmount, …) are data of the
 * order itself: `toOrder` in order.loader.ts fills them from `GET /orders/{id}` or the search's rows;
 * MarketplaceUser's come from `toMarketplaceUser` there.
 */
@Resolver(() => Order)
export class OrderResolver {
  @Authorized<Scope>('orders:read')
  @Query(() => Order, {
    nullable: true,
    description:
      'One Mercado Libre order by id. Null, with a NOT_FOUND error, when it does not exist or the access token ' +
      'may not see it.',
  })
  async order(
    @Arg('id', () => ID, { description: 'Mercado Libre order id: 1 to 19 digits.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Order> {
    const found = await orderById(ctx).load(idArgument('order', id));
    if (!found) throw notFound('Order', id);
    return found;
  }

  // The orders:read scope is checked when the client subscribes (SUBSCRIPTION_SCOPES), not per event.
  @Subscription(() => Order, {
    description:
      'The order each time it changes: read again from Mercado Libre after each notification, as this credential ' +
      'sees it, and sent when it differs from the last state sent. Without an id, every order the credential may ' +
      'read. Needs orders:read.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { id?: string | null }, SubscriptionContext>) =>
      changesOf<Order>(context, {
        kind: 'order',
        id: args.id == null ? null : idArgument('order', args.id),
        // GET /orders/{id}
        read: (ctx, id) => orderById(ctx).load(id),
        visible: () => true,
        updatedAt: (order) => order.lastUpdated,
      }),
  })
  orderUpdated(
    @Root() delivery: Delivery<Order>,
    @Arg('id', () => ID, { nullable: true, description: 'Mercado Libre order id: 1 to 19 digits. Omitted: all.' })
    _id?: string | null,
  ): Order {
    return delivery.value;
  }

  @Authorized<Scope>('orders:read')
  @Query(() => OrderConnection, {
    complexity: connectionCost,
    description:
      "The caller's Mercado Libre sales (or, with filter.role BUYER, purchases), newest first unless the filter " +
      "says otherwise. Costs the caller's account (once per operation) and one search; each order listed is also " +
      'cached for `order(id)`.',
  })
  async orders(@Args(() => OrdersArgs) args: OrdersArgs, @Ctx() ctx: Context): Promise<OrderConnection> {
    return toConnection(await orderSearch(ctx).load(toOrderSearch(args)));
  }

  @Authorized<Scope>('orders:read')
  @Query(() => MarketplaceUser, {
    nullable: true,
    description: "The caller's own Mercado Libre account (GET /users/me).",
  })
  me(@Ctx() ctx: Context): Promise<MarketplaceUser> {
    return callerAccount(ctx).load();
  }

  @Authorized<Scope>('payments:read')
  @FieldResolver(() => [Payment], {
    nullable: 'items',
    complexity: listCost(ORDER_PAYMENTS_ESTIMATE),
    description:
      'The Mercado Pago payments made for this order (refused ones included), each read from Mercado Pago as the ' +
      "caller's token sees it. A payment that cannot be read is null with an error; the others stand.",
  })
  payments(@Root() order: Order, @Ctx() ctx: Context): Promise<(Payment | Error)[]> {
    return loadPayments(order, ctx);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    // The Money object, and the order's payments it reads.
    complexity: 1 + ORDER_PAYMENTS_ESTIMATE,
    description:
      'What is still to pay: totalAmount less what the approved payments hold, net of their refunds; never below ' +
      'zero. Reads the payments (the same calls as `payments`).',
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
