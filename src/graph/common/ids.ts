// Every id is checked against its pattern before it reaches the SDK or a URL (DESIGN §1): the
// SDK's encodeURIComponent leaves `..` alone, so a loose id could address another resource.
import { gqlError } from '../../upstream/errors';

/** Mercado Pago payment ids: digits only, 1 to 19 of them (they exceed 32 bits). */
export const PAYMENT_ID = /^[0-9]{1,19}$/;

/** The id itself when it is a well-formed payment id; BAD_USER_INPUT naming the argument otherwise. */
export const paymentId = (value: string, argument = 'id'): string => {
  if (!PAYMENT_ID.test(value)) {
    throw gqlError('BAD_USER_INPUT', `Argument "${argument}" is not a payment id: expected 1 to 19 digits.`, { argument });
  }
  return value;
};
