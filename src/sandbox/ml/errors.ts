// Mercado Libre's error bodies: the same {message, error, status, cause} shape as Mercado Pago's,
// with the error named by the resource (`order_not_found`, `not_owned_order`, …) and no causes.
import { ApiError } from '../errors';

const mlError = (status: number, error: string, message: string): ApiError => new ApiError(status, message, [], error);

export const mlErrors = {
  invalidOrderId: (raw: string) => mlError(400, 'invalid_order_id', `Invalid order id: ${raw.slice(0, 40)}`),
  orderNotFound: (id: number | string) => mlError(404, 'order_not_found', `Order ${id} not found`),
  /** The real API's answer for an order the caller is not a party of (it is 403, not 404). */
  notOwnedOrder: (id: number) => mlError(403, 'not_owned_order', `Order ${id} does not belong to the caller`),
  /** /orders/search for someone else's sales or purchases. */
  callerMismatch: (param: string) => mlError(403, 'forbidden', `Invalid caller.id: the ${param} must be the caller`),
  badSearch: (message: string) => mlError(400, 'bad_request', message),
  userNotFound: () => mlError(404, 'not_found', 'User not found'),
  invalidUserId: (raw: string) => mlError(400, 'bad_request', `Invalid user id: ${raw.slice(0, 40)}`),
  siteNotFound: (id: string) => mlError(404, 'not_found', `Site not found: ${id.slice(0, 40)}`),
  paymentMethodNotFound: (id: string) => mlError(404, 'not_found', `Payment method not found: ${id.slice(0, 40)}`),
  itemNotFound: (id: string) => mlError(404, 'not_found', `Item with id ${id.slice(0, 40)} not found`),
};
