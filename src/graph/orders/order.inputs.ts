// The arguments of the order fields, and the checks that turn them into Mercado Libre's search
// before any upstream call.
import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs, pageWindow } from '../common/connection';
import { DatedFilter, dateRange, SortDirection } from '../common/filters';
import { badArgument } from '../errors';
import { OrderRole, OrderStatus } from './order.enums';
import type { OrderSearch } from './order.loader';

@InputType({ description: "Which of the caller's orders to list, and in which order." })
export class OrderFilter extends DatedFilter {
  @Field(() => OrderRole, { nullable: true, description: 'Sales (SELLER, the default) or purchases (BUYER).' })
  role?: OrderRole | null;

  @Field(() => [OrderStatus], { nullable: true, description: 'Only orders in one of these statuses.' })
  statuses?: OrderStatus[] | null;
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
export const toOrderSearch = (args: OrdersArgs): OrderSearch => {
  const { offset, limit } = pageWindow(args);
  const f: OrderFilter = args.filter ?? {};
  const { from, to } = dateRange(f);
  const search: OrderSearch = {
    role: f.role === OrderRole.BUYER ? 'buyer' : 'seller',
    sort: f.sortDirection === SortDirection.ASC ? 'date_asc' : 'date_desc',
    offset,
    limit,
  };
  if (f.statuses) {
    if (f.statuses.length === 0) {
      throw badArgument('filter.statuses', 'filter.statuses must name at least one status (omit it for all).');
    }
    search.statuses = [...new Set(f.statuses)].map((s) => s.toLowerCase());
  }
  if (from) search.dateCreatedFrom = from;
  if (to) search.dateCreatedTo = to;
  return search;
};
