// Every error the payments and refunds routes answer with, codes and texts together.
// Codes and descriptions are Mercado Pago's published ones (payments and refunds API
// references); where the reference lists no code for a case, the choice is explained in
// src/sandbox/README.md ("Payments: decisions").
import { ApiError, cause } from '../errors';

const bad = (code: number | string, description: string, message: string = description) =>
  new ApiError(400, message, [cause(code, description)]);

export const STATE_CONFLICT =
  'Not valid action, the resource is in a state that does not allow this operation. ' +
  'For more information see the state that has the resource.';
const DATE_FORMAT = "Date format must be yyyy-MM-dd'T'HH:mm:ss.SSSZ";
export const REFUND_STATE = 'The action requested is not valid for the current payment state';

export const paymentErrors = {
  paramsError: (message: string) => bad(1, 'Params Error', message),
  unknownParameters: (names: string[]) =>
    bad(8, `The name of the following parameters is wrong : [${names.join(', ')}]`),
  badDate: (name: string) =>
    bad(1001, DATE_FORMAT, `${name}: date format must be yyyy-MM-dd'T'HH:mm:ss.SSSZ or NOW[-N(DAYS|MONTHS|…)]`),
  badDateOfExpiration: () =>
    bad(1001, DATE_FORMAT, 'date_of_expiration must be a date-time with an offset, e.g. 2022-11-17T09:37:52.000-04:00'),
  tooManyRows: (max: number) => bad(1000, 'Number of rows exceeded the limits', `limit must be between 1 and ${max}`),
  customerNotFound: () => bad(2002, 'Customer not found'),
  invalidUsers: (message: string) => bad(2034, 'Invalid users involved', message),
  transactionAmountNull: () => bad(4023, "transaction_amount attribute can't be null"),
  transactionAmountNotNumeric: () => bad(4024, 'transaction_amount attribute must be numeric'),
  invalidTransactionAmount: (message: string) => bad(2072, 'Invalid value for transaction_amount', message),
  deferredCaptureNotSupported: () =>
    bad(2077, 'Deferred capture not supported', 'Deferred capture not supported: debit cards are captured at once'),
  invalidCardTokenId: () =>
    bad(3003, 'Invalid card_token_id', 'Invalid card_token_id: token is required for a card payment'),
  invalidPaymentMethod: (message: string) => bad(3028, 'Invalid payment_method_id', message),
  invalidInstallments: () =>
    bad(4033, 'Invalid installments', 'Invalid installments: installments must be a whole number from 1'),
  payerIdNull: () =>
    bad(
      4012,
      "payer.id attribute can't be null",
      'payer.id attribute can\'t be null: a token made from a saved card pays as payer {type: "customer", id}',
    ),
  invalidPayerType: () => bad(4029, 'Invalid payer type'),
  invalidEmail: (message = 'payer.email must be a valid email') =>
    bad(4050, 'payer.email must be a valid email', message),
  invalidNotificationUrl: () => bad(4020, 'notificaction_url attribute must be url valid'),
  invalidMetadata: () => bad(4022, 'metadata attribute must be a valid JSON'),
  cardTokenNotOfCustomer: () =>
    bad(2062, 'Invalid card token', "Invalid card token: the token's card is not a saved card of payer.id"),
  stateConflict: (message: string) => bad(3005, STATE_CONFLICT, message),
  // Refunds (https://www.mercadopago.com/developers/en/reference/chargebacks/_payments_id_refunds/post)
  refundState: (message: string) => bad(2063, REFUND_STATE, message),
  refundAmountNotPositive: (message = 'amount attribute must be positive') =>
    bad(4040, 'amount attribute must be positive', message),
  refundAmountNotNumeric: () => bad(4041, 'amount attribute must be numeric'),
  refundNotFound: () => new ApiError(404, 'Refund not found', [cause(2032, 'Refund not found')]),
};
