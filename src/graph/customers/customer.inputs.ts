import { ArgsType, Field } from 'type-graphql';
import { gqlError } from '../../upstream/errors';
import type { MpCustomerSearch } from '../../upstream/mercadopago';
import { PageArgs, pageWindow } from '../common/connection';

export const MAX_EMAIL_LENGTH = 254;

@ArgsType()
export class CustomersArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "Only the customer with this e-mail (exact match, any case). All of the caller's customers when omitted.",
  })
  email?: string | null;
}

/** The upstream search for these arguments; BAD_USER_INPUT before any call when they cannot be right. */
export const customerSearch = (args: CustomersArgs): MpCustomerSearch => {
  const { offset, limit } = pageWindow(args);
  if (args.email === null || args.email === undefined) return { offset, limit };
  const email = args.email.trim();
  if (email === '' || email.length > MAX_EMAIL_LENGTH || !email.includes('@')) {
    throw gqlError(
      'BAD_USER_INPUT',
      `Argument "email" must be an e-mail address of at most ${MAX_EMAIL_LENGTH} characters.`,
      { argument: 'email' },
    );
  }
  return { offset, limit, email };
};
