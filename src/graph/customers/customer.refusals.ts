// Mercado Pago's refusals of a customer write → one userError with a stable code, the field at
// fault and the cause code kept (issue 6). Cause codes are the Customers API's table
// (https://www.mercadopago.com/developers/en/reference/customers/_customers/post, "Errors"); an
// unknown customer, or another seller's, is a 404 with no cause. Codes: src/graph/common/userError.ts.
import type { UpstreamRefusal } from '../../upstream/mercadopago';
import { userError, type UserError, type UserErrorCode } from '../common/userError';

export type CustomerOperation = 'createCustomer' | 'updateCustomer' | 'deleteCustomer';

type Rule = [UserErrorCode, string[] | null, string];

// Causes our own checks should have caught first: Mercado Pago's rules may still be stricter
// (a first name with digits), so the field is named and the code is REFUSED.
const BY_CAUSE: Record<string, Rule> = {
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

const NOT_FOUND = 'The customer does not exist, or belongs to another seller.';

/** One userError for a refusal: the first cause we know, else by status. */
export const customerRefusal = (operation: CustomerOperation, r: UpstreamRefusal): UserError => {
  for (const cause of r.causes) {
    const rule = BY_CAUSE[cause];
    if (rule) return userError(rule[0], rule[2], rule[1], cause);
  }
  const first = r.causes[0] ?? null;
  if (r.status === 404)
    return userError(
      'NOT_FOUND',
      NOT_FOUND,
      operation === 'createCustomer' ? null : ['input', 'customerId'],
      first ?? r.error,
    );
  return userError('REFUSED', 'Mercado Pago refused the request.', null, first ?? r.error);
};
