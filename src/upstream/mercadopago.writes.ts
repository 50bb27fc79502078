// Mercado Pago writes through the official SDK: every one with our timeout and no SDK retry (a lost
// write is retried by the client with its idempotency key), and the X-Idempotency-Key the gateway
// derived for it. Every failure is thrown as an UpstreamError; `err.refused` tells Mercado Pago's
// decision about the request (a mutation's userError) from a failure to decide (docs/architecture.md,
// "The life of a mutation").
import {
  Customer as CustomerClient,
  CustomerCard as CustomerCardClient,
  type MercadoPagoConfig,
  Payment as PaymentClient,
  PaymentRefund as PaymentRefundClient,
} from 'mercadopago';
import type { Options } from 'mercadopago/dist/types';
import { fromMercadoPagoSdk } from './errors';
import { assertId } from './ids';
import type { MpCard, MpCustomer, MpPayment, MpRefund } from './mercadopago.types';

/** The body of `POST /v1/payments`, in Mercado Pago's names. */
export interface MpPaymentCreate {
  token: string;
  transaction_amount: number;
  installments: number;
  payment_method_id?: string;
  issuer_id?: number;
  payer: { email?: string; type?: 'customer'; id?: string; identification?: { type: string; number: string } };
  description?: string;
  external_reference?: string;
  statement_descriptor?: string;
  capture?: boolean;
  binary_mode?: boolean;
  notification_url?: string;
  /** Kept with the payment and answered in the seller's view: the gateway stamps who created it. */
  metadata?: Record<string, string>;
}

/** The body of `POST`/`PUT /v1/customers`. */
export interface MpCustomerWrite {
  email?: string;
  first_name?: string;
  last_name?: string;
  phone?: { area_code?: string; number?: string };
  identification?: { type?: string; number?: string };
  description?: string;
  /** One of the customer's saved cards, to become its default (update only). */
  default_card?: string;
}

export interface MercadoPagoWrites {
  /** `POST /v1/payments`. */
  createPayment(body: MpPaymentCreate, idempotencyKey: string): Promise<MpPayment>;
  /** `PUT /v1/payments/{id}` with `capture: true` (and a lower amount). */
  capturePayment(id: string, amount: number | undefined, idempotencyKey: string): Promise<MpPayment>;
  /** `PUT /v1/payments/{id}` with `status: "cancelled"`. */
  cancelPayment(id: string, idempotencyKey: string): Promise<MpPayment>;
  /**
   * `POST /v1/payments/{id}/refunds`; no amount refunds all that is left. Null when Mercado Pago
   * answered without a refund: it answers a replayed key 200 with an empty body, and the refund
   * made the first time is then among the payment's refunds.
   */
  refundPayment(id: string, amount: number | undefined, idempotencyKey: string): Promise<MpRefund | null>;
  /** `POST /v1/customers`. */
  createCustomer(body: MpCustomerWrite): Promise<MpCustomer>;
  /** `PUT /v1/customers/{id}`. */
  updateCustomer(id: string, body: MpCustomerWrite): Promise<MpCustomer>;
  /** `DELETE /v1/customers/{id}`. */
  deleteCustomer(id: string): Promise<MpCustomer>;
  /** `POST /v1/customers/{id}/cards` with a card token. */
  addCard(customerId: string, token: string): Promise<MpCard>;
  /** `DELETE /v1/customers/{id}/cards/{card_id}`. */
  removeCard(customerId: string, cardId: string): Promise<MpCard>;
}

// The SDK's answer, read through our types (mercadopago.types.ts), or its failure as an UpstreamError.
const write = async <T>(fn: () => Promise<unknown>): Promise<T> => {
  try {
    return (await fn()) as T;
  } catch (err) {
    throw fromMercadoPagoSdk(err);
  }
};

export const createMercadoPagoWrites = (
  config: (options: Options) => MercadoPagoConfig,
  writeOptions: Options,
): MercadoPagoWrites => {
  // A fresh config per call, carrying the call's own idempotency key (the SDK keeps request options).
  const cfg = (idempotencyKey?: string) => config({ ...writeOptions, ...(idempotencyKey ? { idempotencyKey } : {}) });
  const payments = (key: string) => new PaymentClient(cfg(key));
  return {
    // https://www.mercadopago.com/developers/en/reference/payments/_payments/post
    createPayment: (body, key) => write(() => payments(key).create({ body })),
    // https://www.mercadopago.com/developers/en/reference/payments/_payments_id/put
    capturePayment: (id, amount, key) =>
      write(() =>
        payments(key).capture({
          id: assertId('payment', id),
          ...(amount !== undefined ? { transaction_amount: amount } : {}),
        }),
      ),
    cancelPayment: (id, key) => write(() => payments(key).cancel({ id: assertId('payment', id) })),
    // https://www.mercadopago.com/developers/en/reference/chargebacks/_payments_id_refunds/post
    refundPayment: async (id, amount, key) => {
      const refunds = new PaymentRefundClient(cfg(key));
      const paymentId = assertId('payment', id);
      const answer = await write<MpRefund>(() =>
        amount === undefined
          ? refunds.total({ payment_id: paymentId })
          : refunds.create({ payment_id: paymentId, body: { amount } }),
      );
      // The SDK reads an empty body as `{}` (plus its own api_response): no refund in it.
      return answer !== null && typeof answer === 'object' && answer.id !== undefined && answer.id !== null
        ? answer
        : null;
    },
    // https://www.mercadopago.com/developers/en/reference/customers/_customers/post
    createCustomer: (body) => write(() => new CustomerClient(cfg()).create({ body })),
    updateCustomer: (id, body) =>
      write(() => new CustomerClient(cfg()).update({ customerId: assertId('customer', id), body })),
    deleteCustomer: (id) => write(() => new CustomerClient(cfg()).remove({ customerId: assertId('customer', id) })),
    // https://www.mercadopago.com/developers/en/reference/cards/_customers_customer_id_cards/post
    addCard: (customerId, token) =>
      write(() =>
        new CustomerCardClient(cfg()).create({ customerId: assertId('customer', customerId), body: { token } }),
      ),
    removeCard: (customerId, cardId) =>
      write(() =>
        new CustomerCardClient(cfg()).remove({
          customerId: assertId('customer', customerId),
          cardId: assertId('card', cardId),
        }),
      ),
  };
};
