// Mercado Pago's refusals of a customer or saved-card write → one userError with a stable code, the
// field at fault and the cause code kept. Cause codes are the Customers API's table
// (https://www.mercadopago.com/developers/en/reference/customers/_customers/post, "Errors"), which
// cards share (https://www.mercadopago.com/developers/en/reference/cards/_customers_customer_id_cards/post);
// an unknown card is a 404 with cause "120", an unknown customer (or another seller's) a 404 with no
// cause. Codes: src/graph/common/userError.ts.
import type { UpstreamError } from '../../upstream/errors';
import { refusal, type RefusalRule, type UserError } from '../common/userError';

export type CustomerOperation = 'createCustomer' | 'updateCustomer' | 'deleteCustomer';

const NOT_FOUND = 'The customer does not exist, or belongs to another seller.';

// Causes our own checks should have caught first: Mercado Pago's rules may still be stricter
// (a first name with digits), so the field is named and the code is REFUSED.
const CUSTOMER_CAUSES: Record<string, RefusalRule> = {
  '101': ['CUSTOMER_EXISTS', ['input', 'email'], 'A customer with this e-mail already exists for this seller.'],
  '120': ['NOT_FOUND', ['input', 'defaultCardId'], "The card is not one of this customer's saved cards."],
  '126': [
    'REFUSED',
    ['input', 'email'],
    'Mercado Pago keeps the e-mail a customer was created with: it cannot be changed.',
  ],
  '105': ['REFUSED', ['input', 'customerId'], 'Mercado Pago refused the customer id.'],
  '106': ['REFUSED', ['input', 'email'], 'Mercado Pago refused the e-mail address.'],
  '107': ['REFUSED', ['input', 'firstName'], "Mercado Pago refused the first name (letters, spaces and ' . - only)."],
  '108': ['REFUSED', ['input', 'lastName'], "Mercado Pago refused the last name (letters, spaces and ' . - only)."],
  '109': ['REFUSED', ['input', 'phone', 'areaCode'], 'Mercado Pago refused the phone area code.'],
  '110': ['REFUSED', ['input', 'phone', 'number'], 'Mercado Pago refused the phone number.'],
  '111': ['REFUSED', ['input', 'identification', 'type'], 'Mercado Pago refused the document type.'],
  '112': ['REFUSED', ['input', 'identification', 'number'], 'Mercado Pago refused the document number.'],
  '116': ['REFUSED', ['input', 'description'], 'Mercado Pago refused the description.'],
};

/** One userError for a refusal of a customer write: the first cause we know, else by status. */
export const customerRefusal = (operation: CustomerOperation, err: UpstreamError): UserError =>
  refusal(err, CUSTOMER_CAUSES, {
    field: operation === 'createCustomer' ? null : ['input', 'customerId'],
    message: NOT_FOUND,
  });

const CARD_CAUSES: Record<string, RefusalRule> = {
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
export const cardRefusal = (err: UpstreamError): UserError =>
  refusal(err, CARD_CAUSES, { field: ['input', 'customerId'], message: NOT_FOUND });
