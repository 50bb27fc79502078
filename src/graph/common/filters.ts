// How lists are ordered and cut by date: the sort direction, and the fields every dated filter
// shares (payments and orders), with the check that turns them into an upstream range.
//
// DateTime filters on their way upstream. The DateTime scalar takes any RFC 3339 instant, up to
// nanoseconds; Mercado Pago and Mercado Libre keep milliseconds and refuse a finer date in a search.
// Their timestamps have no more than milliseconds, so rounding a bound to milliseconds outwards
// would change the answer and rounding it inwards does not: a lower bound goes up to the next
// millisecond, an upper bound down to its millisecond. The offset the client wrote is kept.
import { Field, InputType, registerEnumType } from 'type-graphql';
import { badArgument } from '../errors';
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

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

const offsetMinutes = (offset: string): number =>
  offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));

/** `value` (a valid DateTime) with at most three fraction digits, rounded inwards for a `from` or a `to` bound. */
export const dateFilter = (value: string, bound: 'from' | 'to'): string => {
  const m = RFC3339.exec(value);
  if (!m || (m[2] ?? '').length <= 3) return value;
  const [, seconds, fraction, offset] = m;
  const extra = /[1-9]/.test(fraction.slice(3)) && bound === 'from' ? 1 : 0;
  const epoch = Date.parse(`${seconds}.${fraction.slice(0, 3)}${offset}`) + extra;
  // The same instant written in the client's offset: shift, print as UTC, then name the offset.
  const local = new Date(epoch + offsetMinutes(offset) * 60_000).toISOString().slice(0, -1);
  return `${local}${offset}`;
};
