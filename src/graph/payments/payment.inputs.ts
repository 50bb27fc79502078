import { ArgsType, Field, InputType } from 'type-graphql';
import { gqlError } from '../../upstream/errors';
import type { MpPaymentSearch } from '../../upstream/mercadopago';
import { PageArgs, pageWindow } from '../common/connection';
import { DateTimeScalar } from '../common/scalars';
import { SortDirection } from '../common/sort';
import { PaymentStatus, paymentStatusValue } from './payment.enums';

/** Mercado Pago's own limit on external_reference is 256 characters. */
export const MAX_EXTERNAL_REFERENCE = 256;

@InputType({ description: "Which of the caller's payments (as seller) to list, and in which order." })
export class PaymentFilter {
  @Field(() => PaymentStatus, { nullable: true, description: 'Only payments with this status.' })
  status?: PaymentStatus | null;

  @Field(() => String, {
    nullable: true,
    description: `Only payments with this external reference (exact match; at most ${MAX_EXTERNAL_REFERENCE} characters).`,
  })
  externalReference?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only payments created at or after this instant.' })
  dateCreatedFrom?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only payments created at or before this instant.' })
  dateCreatedTo?: string | null;

  @Field(() => SortDirection, {
    nullable: true,
    description: 'Order by creation date: DESC (newest first) when omitted, or ASC.',
  })
  sortDirection?: SortDirection | null;
}

@ArgsType()
export class PaymentsArgs extends PageArgs {
  @Field(() => PaymentFilter, {
    nullable: true,
    description: 'Which payments, and in which order; all of them, newest first, when omitted.',
  })
  filter?: PaymentFilter | null;
}

const badFilter = (field: string, message: string) =>
  gqlError('BAD_USER_INPUT', `filter.${field} ${message}`, { argument: `filter.${field}` });

/** The upstream search for these arguments; BAD_USER_INPUT before any call when they cannot be right. */
export const paymentSearch = (args: PaymentsArgs): MpPaymentSearch => {
  const { offset, limit } = pageWindow(args);
  const f = args.filter ?? {};
  const search: MpPaymentSearch = { offset, limit, criteria: f.sortDirection === SortDirection.ASC ? 'asc' : 'desc' };
  if (f.status) search.status = paymentStatusValue(f.status);
  if (f.externalReference !== null && f.externalReference !== undefined) {
    if (f.externalReference === '' || f.externalReference.length > MAX_EXTERNAL_REFERENCE) {
      throw badFilter('externalReference', `must be 1 to ${MAX_EXTERNAL_REFERENCE} characters.`);
    }
    search.externalReference = f.externalReference;
  }
  if (f.dateCreatedFrom) search.beginDate = f.dateCreatedFrom;
  if (f.dateCreatedTo) search.endDate = f.dateCreatedTo;
  if (search.beginDate && search.endDate && Date.parse(search.beginDate) > Date.parse(search.endDate)) {
    throw badFilter('dateCreatedFrom', 'is after filter.dateCreatedTo.');
  }
  return search;
};
