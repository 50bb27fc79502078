import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { gqlError } from '../../upstream/errors';
import type { Context } from '../context';
import { toConnection } from '../common/connection';
import { connectionCost } from '../common/cost';
import { paymentId } from '../common/ids';
import { Locale } from '../common/locale';
import { paymentSearch, PaymentsArgs } from './payment.inputs';
import { Order } from '../orders/order.type';
import { Payment, PaymentConnection } from './payment.type';
import { statusMessage } from './statusMessage';

@Resolver(() => Payment)
export class PaymentResolver {
  @Query(() => Payment, {
    nullable: true,
    description:
      'One payment by id. Null, with a NOT_FOUND error, when it does not exist or the access token may not see it.',
  })
  async payment(
    @Arg('id', () => ID, { description: 'Mercado Pago payment id: 1 to 19 digits.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Payment> {
    const found = await ctx.loaders.payment.load(paymentId(id));
    if (!found) throw gqlError('NOT_FOUND', `Payment ${id} was not found, or is not visible to this access token.`);
    return found;
  }

  @Query(() => PaymentConnection, {
    complexity: connectionCost,
    description:
      "The caller's payments as seller (collector), newest first unless the filter says otherwise (Mercado Pago's payment search). Each payment listed is also cached for `payment(id)` in the same operation.",
  })
  async payments(@Args(() => PaymentsArgs) args: PaymentsArgs, @Ctx() ctx: Context): Promise<PaymentConnection> {
    const page = await ctx.loaders.paymentSearch.load(paymentSearch(args));
    return toConnection(page.payments, page.offset, page.total);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The buyer-facing text Mercado Pago\'s response guide gives for this status and statusDetail, placeholders filled from the payment (amounts as "MXN 3500.00"). Null when the guide has no text for this detail, or the text needs a value this view of the payment lacks.',
  })
  statusMessage(
    @Root() payment: Payment,
    @Arg('locale', () => Locale, {
      defaultValue: Locale.ES,
      description: 'Language of the text: ES (the default), EN or PT.',
    })
    locale: Locale,
  ): string | null {
    return statusMessage(payment, locale);
  }

  @FieldResolver(() => Order, {
    nullable: true,
    description:
      'The Mercado Libre order this payment belongs to. Null for a payment made outside Mercado Libre; null with a NOT_FOUND error when the access token may not see the order.',
  })
  async order(@Root() payment: Payment, @Ctx() ctx: Context): Promise<Order | null> {
    if (!payment.orderId) return null;
    const found = await ctx.loaders.order.load(payment.orderId);
    if (!found)
      throw gqlError('NOT_FOUND', `Order ${payment.orderId} was not found, or is not visible to this access token.`);
    return found;
  }
}
