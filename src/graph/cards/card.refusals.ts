// Mercado Pago's refusals of a saved-card write → one userError with a stable code, the field at
// fault and the cause code kept (issue 6). Cards share the Customers API's cause table
// (https://www.mercadopago.com/developers/en/reference/cards/_customers_customer_id_cards/post,
// "Errors"); an unknown card is a 404 with cause "120", an unknown customer (or another seller's)
// a 404 with no cause. Codes: src/graph/common/userError.ts.
import type { UpstreamRefusal } from '../../upstream/mercadopago';
import { userError, type UserError, type UserErrorCode } from '../common/userError';

type Rule = [UserErrorCode, string[] | null, string];

const BY_CAUSE: Record<string, Rule> = {
  '119': ['CARD_TOKEN_INVALID', ['input', 'token'], 'A card token is required: tokenize the card.'],
  '121': [
    'CARD_TOKEN_INVALID',
    ['input', 'token'],
    "The card token does not exist, is another account's, or has expired: tokenize the card again.",
  ],
  '140': [
    'CARD_TOKEN_INVALID',
    ['input', 'token'],
    "The card token was made from another customer's saved card: tokenize the card's number for this customer.",
  ],
  '120': ['NOT_FOUND', ['input', 'cardId'], 'The card is not saved for this customer.'],
  '122': ['REFUSED', ['input', 'token'], 'The card cannot be saved: it has expired, or its data is not valid.'],
  '129': [
    'REFUSED',
    ['input', 'customerId'],
    'The customer already has as many saved cards as Mercado Pago keeps: remove one first.',
  ],
};

/** One userError for a refusal of addCard or removeCard: the first cause we know, else by status. */
export const cardRefusal = (r: UpstreamRefusal): UserError => {
  for (const cause of r.causes) {
    const rule = BY_CAUSE[cause];
    if (rule) return userError(rule[0], rule[2], rule[1], cause);
  }
  const first = r.causes[0] ?? null;
  if (r.status === 404)
    return userError(
      'NOT_FOUND',
      'The customer does not exist, or belongs to another seller.',
      ['input', 'customerId'],
      first ?? r.error,
    );
  return userError('REFUSED', 'Mercado Pago refused the request.', null, first ?? r.error);
};
