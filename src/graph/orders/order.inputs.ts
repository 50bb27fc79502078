import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { gqlError } from '../../upstream/errors';
import { PageArgs, pageWindow } from '../common/connection';
import { DateTimeScalar } from '../common/scalars';
import { SortDirection } from '../common/sort';
import type { OrderSearch } from './order.loader';
import { OrderStatus } from './order.type';

export enum OrderRole {
  SELLER = 'SELLER',
  BUYER = 'BUYER',
}

registerEnumType(OrderRole, {
  name: 'OrderRole',
  description: "The caller's side of the orders to list.",
  valuesConfig: {
    SELLER: { description: "The caller's sales." },
    BUYER: { description: "The caller's purchases." },
  },
});

@InputType({ description: "Which of the caller's orders to list, and in which order." })
export class OrderFilter {
  @Field(() => OrderRole, { nullable: true, description: 'Sales (SELLER, the default) or purchases (BUYER).' })
  role?: OrderRole | null;

  @Field(() => [OrderStatus], { nullable: true, description: 'Only orders in one of these statuses.' })
  statuses?: OrderStatus[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only orders created at or after this instant.' })
  dateCreatedFrom?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only orders created at or before this instant.' })
  dateCreatedTo?: string | null;

  @Field(() => SortDirection, {
    nullable: true,
    description: 'Order by creation date: DESC (newest first) when omitted, or ASC.',
  })
  sortDirection?: SortDirection | null;
}

@ArgsType()
export class OrdersArgs extends PageArgs {
  @Field(() => OrderFilter, {
    nullable: true,
    description: "Which orders, and in which order; the caller's sales, newest first, when omitted.",
  })
  filter?: OrderFilter | null;
}

/** The upstream search for these arguments; BAD_USER_INPUT before any call when they cannot be right. */
export const orderSearch = (args: OrdersArgs): OrderSearch => {
  const { offset, limit } = pageWindow(args);
  const f = args.filter ?? {};
  const search: OrderSearch = {
    role: f.role === OrderRole.BUYER ? 'buyer' : 'seller',
    sort: f.sortDirection === SortDirection.ASC ? 'date_asc' : 'date_desc',
    offset,
    limit,
  };
  if (f.statuses) {
    if (f.statuses.length === 0)
      throw gqlError('BAD_USER_INPUT', 'filter.statuses must name at least one status (omit it for all).', {
        argument: 'filter.statuses',
      });
    search.statuses = [...new Set(f.statuses)].map((s) => s.toLowerCase());
  }
  if (f.dateCreatedFrom) search.dateCreatedFrom = f.dateCreatedFrom;
  if (f.dateCreatedTo) search.dateCreatedTo = f.dateCreatedTo;
  if (
    search.dateCreatedFrom &&
    search.dateCreatedTo &&
    Date.parse(search.dateCreatedFrom) > Date.parse(search.dateCreatedTo)
  ) {
    throw gqlError('BAD_USER_INPUT', 'filter.dateCreatedFrom is after filter.dateCreatedTo.', {
      argument: 'filter.dateCreatedFrom',
    });
  }
  return search;
};
