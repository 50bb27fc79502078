import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection';
import { listCost } from '../common/cost';
import { Money } from '../common/money';
import { DateTimeScalar } from '../common/scalars';
import { OrderStatus } from './order.enums';
import { MarketplaceUser } from './user.type';

@ObjectType({ description: 'One line of an order: an item, how many, at what unit price.' })
export class OrderItem {
  @Field(() => ID, { nullable: true, description: 'Mercado Libre item (listing) id, such as "MLB600034093".' })
  itemId!: string | null;

  @Field(() => String, { nullable: true, description: 'Title of the listing when it was bought.' })
  title!: string | null;

  @Field(() => Int, { nullable: true, description: 'Units bought.' })
  quantity!: number | null;

  @Field(() => Money, { nullable: true, description: 'Price of one unit.' })
  unitPrice!: Money | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The variation bought (size, colour…), when the listing has variations.',
  })
  variationId!: string | null;
}

@ObjectType({
  description:
    "A Mercado Libre order, as the caller's token sees it: a buyer sees its purchases, a seller its sales (an " +
    'order of the mandatory Mercado Pago flow only once it is paid).',
})
export class Order {
  @Field(() => ID, { description: 'Mercado Libre order id (digits; exceeds 32 bits).' })
  id!: string;

  @Field(() => OrderStatus, {
    nullable: true,
    description: 'Where the order stands. Null when Mercado Libre reports a status this gateway does not know yet.',
  })
  status!: OrderStatus | null;

  @Field(() => String, { nullable: true, description: "Mercado Libre's detail of the status, when it gives one." })
  statusDetail!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the buyer bought.' })
  dateCreated!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the sale was closed: at creation outside the mandatory flow, once paid inside it; null before.',
  })
  dateClosed!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the order last changed.' })
  lastUpdated!: string | null;

  @Field(() => Money, { nullable: true, description: 'What the items cost in all.' })
  totalAmount!: Money | null;

  @Field(() => Money, { nullable: true, description: "What Mercado Libre counts as paid (the order's `paid_amount`)." })
  paidAmount!: Money | null;

  // Embedded in the order: usually one line (a cart becomes a pack of orders), a few at most.
  @Field(() => [OrderItem], { complexity: listCost(3), description: 'What was bought.' })
  items!: OrderItem[];

  @Field(() => MarketplaceUser, { nullable: true, description: 'Who bought.' })
  buyer!: MarketplaceUser | null;

  @Field(() => MarketplaceUser, {
    nullable: true,
    description:
      "Who sold. Before an order of the mandatory flow is paid, Mercado Libre gives its buyer only the seller's id.",
  })
  seller!: MarketplaceUser | null;

  @Field(() => [String], { description: 'Mercado Libre tags, such as "paid", "not_delivered" or "unfulfilled".' })
  tags!: string[];

  @Field(() => ID, { nullable: true, description: 'The pack (cart) this order was bought in, if any.' })
  packId!: string | null;

  /** Ids of the Mercado Pago payments made for the order, in order; `payments` loads them. */
  paymentIds!: string[];
}

@ObjectType({ description: 'A page of orders.' })
export class OrderConnection extends Connection(Order, 'Order') {}
