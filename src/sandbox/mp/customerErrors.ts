// The customers API's own error table: string cause codes, shared by /v1/customers and its cards.
// Reference: https://www.mercadopago.com.br/developers/en/reference/customers/_customers/post
// (section "Errors"; the same table appears on every customers and cards page).
// The real API answers `{message, error: "bad_request", status: 400, cause: [{code: "101", description}]}`;
// the cause keeps the table's wording, the message says what exactly was wrong.
import { ApiError, cause } from '../errors';

export const CUSTOMER_ERRORS = {
  '100': 'the credentials are required',
  '101': 'the customer already exist',
  '102': 'missing customer id',
  '103': 'parameter must be an object',
  '104': 'parameter length is too large',
  '105': 'the customer id is invalid',
  '106': 'the email format is invalid',
  '107': 'the first_name is invalid',
  '108': 'the last_name is invalid',
  '109': 'the phone.area_code is invalid',
  '110': 'the phone.number is invalid',
  '111': 'the identification.type is invalid',
  '112': 'the identification.number is invalid',
  '113': 'the address.zip_code is invalid',
  '114': 'the address.street_name is invalid',
  '115': 'the date_registered format is invalid',
  '116': 'the description is invalid',
  '117': 'the metadata is invalid',
  '118': 'the body must be a Json Object',
  '119': 'the card is required',
  '120': 'card not found',
  '121': 'the card is invalid',
  '122': 'the card data is invalid',
  '125': 'invalid parameters',
  '126': 'invalid parameter. You cannot update the email',
  '129': 'the customer has reached the maximum allowed number of cards',
  '140': 'invalid card owner',
} as const;

export type CustomerErrorCode = keyof typeof CUSTOMER_ERRORS;

/**
 * A 400 of the customers API: the table's code and wording in `cause`, `message` as given (default:
 * the same wording).
 */
export const customerError = (code: CustomerErrorCode, message: string = CUSTOMER_ERRORS[code]): ApiError =>
  new ApiError(400, message, [cause(code, CUSTOMER_ERRORS[code])]);

// Seen on the real API: {"message": "customer not found", "error": "not_found", "status": 404, ...}
// (mercadopago/sdk-dotnet#140). Unknown ids and other sellers' customers answer alike: never 403.
export const customerNotFound = (): ApiError => new ApiError(404, 'customer not found');

export const cardNotFound = (): ApiError => new ApiError(404, 'card not found', [cause('120', CUSTOMER_ERRORS['120'])]);
