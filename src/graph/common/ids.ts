// Every id is checked against its pattern before it reaches the SDK or a URL (DESIGN §1): the
// SDK's encodeURIComponent leaves `..` alone, so a loose id could address another resource.
import { gqlError } from '../../upstream/errors';

/** Mercado Pago payment ids: digits only, 1 to 19 of them (they exceed 32 bits). */
export const PAYMENT_ID = /^[0-9]{1,19}$/;

/** The id itself when it is a well-formed payment id; BAD_USER_INPUT naming the argument otherwise. */
export const paymentId = (value: string, argument = 'id'): string => {
  if (!PAYMENT_ID.test(value)) {
    throw gqlError('BAD_USER_INPUT', `Argument "${argument}" is not a payment id: expected 1 to 19 digits.`, {
      argument,
    });
  }
  return value;
};

/**
 * Mercado Pago customer ids: the owner's user id, a hyphen, letters and digits
 * (`123456789-jxOV430go9fx2e`). Real user ids have 9 or 10 digits; the pattern allows more.
 */
export const CUSTOMER_ID = /^[0-9]{1,19}-[A-Za-z0-9]{1,40}$/;

/** Saved card ids: 13 digits (`1490022319978`); up to 19 allowed. */
export const CARD_ID = /^[0-9]{1,19}$/;

export const customerId = (value: string, argument = 'id'): string => {
  if (!CUSTOMER_ID.test(value)) {
    throw gqlError(
      'BAD_USER_INPUT',
      `Argument "${argument}" is not a customer id: expected digits, a hyphen, then letters and digits (like "123456789-jxOV430go9fx2e").`,
      {
        argument,
      },
    );
  }
  return value;
};

export const cardId = (value: string, argument = 'cardId'): string => {
  if (!CARD_ID.test(value)) {
    throw gqlError('BAD_USER_INPUT', `Argument "${argument}" is not a card id: expected 1 to 19 digits.`, { argument });
  }
  return value;
};

/** Mercado Libre order ids: digits only, 1 to 19 of them (today's have 16). */
export const ORDER_ID = /^[0-9]{1,19}$/;

export const orderId = (value: string, argument = 'id'): string => {
  if (!ORDER_ID.test(value)) {
    throw gqlError('BAD_USER_INPUT', `Argument "${argument}" is not an order id: expected 1 to 19 digits.`, {
      argument,
    });
  }
  return value;
};
