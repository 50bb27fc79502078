// How lists are ordered and cut by date: the sort direction, and the fields every dated filter
// shares (payments and orders), with the check that turns them into an upstream range.
import { Field, InputType, registerEnumType } from 'type-graphql';
import { badArgument } from '../errors';
import { dateFilter } from './dates';
import { DateTimeScalar } from './scalars';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Which end of the list comes first.',
  valuesConfig: {
    ASC: { description: 'Oldest (smallest) first.' },
    DESC: { description: 'Newest (largest) first.' },
  },
});

// Not a schema type itself: only the filters that extend it appear in the schema.
@InputType()
export abstract class DatedFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only those created at or after this instant.' })
  dateCreatedFrom?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only those created at or before this instant.' })
  dateCreatedTo?: string | null;

  @Field(() => SortDirection, {
    nullable: true,
    description: 'Order by creation date: DESC (newest first) when omitted, or ASC.',
  })
  sortDirection?: SortDirection | null;
}

/**
 * The filter's date range as the upstream takes it (milliseconds at most); BAD_USER_INPUT when it is empty by
 * construction.
 */
export const dateRange = (f: DatedFilter): { from?: string; to?: string } => {
  if (f.dateCreatedFrom && f.dateCreatedTo && Date.parse(f.dateCreatedFrom) > Date.parse(f.dateCreatedTo)) {
    throw badArgument('filter.dateCreatedFrom', 'filter.dateCreatedFrom is after filter.dateCreatedTo.');
  }
  return {
    ...(f.dateCreatedFrom ? { from: dateFilter(f.dateCreatedFrom, 'from') } : {}),
    ...(f.dateCreatedTo ? { to: dateFilter(f.dateCreatedTo, 'to') } : {}),
  };
};
