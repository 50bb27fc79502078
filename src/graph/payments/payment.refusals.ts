// Mercado Pago's refusals of a payment write → userErrors with a stable code, the field at fault
// and the cause code kept. Codes: src/graph/common/userError.ts.
import type { UpstreamError } from '../../upstream/errors';
import { refusal, userError, type RefusalRule, type UserError } from '../common/userError';

export type PaymentOperation = 'createPayment' | 'capturePayment' | 'cancelPayment' | 'refundPayment';

const BY_CAUSE: Record<string, RefusalRule> = {
  '2006': ['CARD_TOKEN_INVALID', ['input', 'token'], 'The card token does not exist: tokenize the card again.'],
  '2062': [
    'CARD_TOKEN_INVALID',
    ['input', 'token'],
    'The card token was already used or has expired: tokenize the card again.',
  ],
  '3003': ['CARD_TOKEN_INVALID', ['input', 'token'], 'The card token is not valid.'],
  '2000': ['NOT_FOUND', ['input', 'paymentId'], 'The payment does not exist, or is not visible to this access token.'],
  '2002': ['NOT_FOUND', ['input', 'payer', 'customerId'], 'The customer does not exist for this seller.'],
  '2072': [
    'INVALID_AMOUNT',
    ['input', 'amount'],
    'Mercado Pago refused the amount (out of the allowed range, or more than authorized).',
  ],
  '4040': ['INVALID_AMOUNT', ['input', 'amount'], 'The amount must be positive, with at most 2 decimals.'],
  '4041': ['INVALID_AMOUNT', ['input', 'amount'], 'The amount must be a number.'],
  '4033': ['INVALID_INSTALLMENTS', ['input', 'installments'], 'The number of installments is not valid.'],
  '3028': [
    'INVALID_VALUE',
    ['input', 'paymentMethodId'],
    "The payment method does not match the card, or is not offered on the seller's site.",
  ],
  '4050': ['INVALID_VALUE', ['input', 'payer', 'email'], "The payer's e-mail is not valid."],
  '2034': ['INVALID_VALUE', ['input', 'payer'], 'The payer cannot be the collector.'],
  '4012': [
    'INVALID_VALUE',
    ['input', 'payer', 'customerId'],
    'A token made from a saved card must be paid as that customer (payer.customerId).',
  ],
  '4020': ['INVALID_VALUE', ['input', 'notificationUrl'], 'The notification URL is not valid.'],
  '2077': [
    'INVALID_VALUE',
    ['input', 'capture'],
    'This card cannot be authorized for a later capture (debit cards are charged at once).',
  ],
};

const STATE: Record<PaymentOperation, RefusalRule> = {
  createPayment: ['REFUSED', null, 'Mercado Pago refused the payment in its current state.'],
  capturePayment: ['NOT_CAPTURABLE', ['input', 'paymentId'], 'Only an authorized payment can be captured.'],
  cancelPayment: [
    'NOT_CANCELLABLE',
    ['input', 'paymentId'],
    'Only a pending, in-process or authorized payment can be cancelled.',
  ],
  refundPayment: [
    'NOT_REFUNDABLE',
    ['input', 'paymentId'],
    'The payment cannot be refunded: it is not approved, or nothing is left to refund.',
  ],
};

const NOT_FOUND = 'The payment does not exist, or is not visible to this access token.';

/**
 * One userError for a refusal: the first cause we know (3005, a state conflict, and 2063, nothing
 * to refund, read by the operation), else by status: 403 (only the collector may), 404, REFUSED.
 */
export const paymentRefusal = (operation: PaymentOperation, err: UpstreamError): UserError => {
  const known = err.causes.find((c) => c === '3005' || c === '2063' || c in BY_CAUSE);
  if (known === '3005' || known === '2063') {
    const [code, field, message] = STATE[operation];
    return userError(code, message, field, known);
  }
  if (known === undefined && err.status === 403) {
    const message = 'This access token may not do this to the payment (only its collector may).';
    return userError('REFUSED', message, null, err.causes[0] ?? err.error);
  }
  const field = operation === 'createPayment' ? null : ['input', 'paymentId'];
  return refusal(err, BY_CAUSE, { field, message: NOT_FOUND });
};
