// Mercado Pago writes through the official SDK: every one with our timeout, no SDK retry (a lost
// write is retried by the client with its idempotency key, DESIGN §3), and the X-Idempotency-Key
// the gateway derived for it. A business refusal (4xx with Mercado Pago's causes) comes back as a
// value, for the mutation to turn into userErrors; everything else (401, 429, 5xx, a lost
// connection: the outcome is unknown) is thrown as a GraphQL error with our code.
import {
  Customer as CustomerClient,
  CustomerCard as CustomerCardClient,
  type MercadoPagoConfig,
  MercadoPagoError,
  MPAuthenticationError,
  MPRateLimitError,
  Payment as PaymentClient,
  PaymentRefund as PaymentRefundClient,
} from 'mercadopago';
import type { Options } from 'mercadopago/dist/types';
import { toGraphQLError } from './errors';
import type { MpCard, MpCustomer, MpPayment, MpRefund } from './mercadopago.types';

/** Mercado Pago said no: its status, error name and cause codes (never its free text). */
export interface UpstreamRefusal {
  status: number;
  error: string | null;
  /** Cause codes as strings ("2006", "101"). */
  causes: string[];
}

export type WriteResult<T> = { ok: true; value: T } | { ok: false; refusal: UpstreamRefusal };

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
  createPayment(body: MpPaymentCreate, idempotencyKey: string): Promise<WriteResult<MpPayment>>;
  /** `PUT /v1/payments/{id}` with `capture: true` (and a lower amount). */
  capturePayment(id: string, amount: number | undefined, idempotencyKey: string): Promise<WriteResult<MpPayment>>;
  /** `PUT /v1/payments/{id}` with `status: "cancelled"`. */
  cancelPayment(id: string, idempotencyKey: string): Promise<WriteResult<MpPayment>>;
  /** `POST /v1/payments/{id}/refunds`; no amount refunds all that is left. */
  refundPayment(id: string, amount: number | undefined, idempotencyKey: string): Promise<WriteResult<MpRefund>>;
  createCustomer(body: MpCustomerWrite): Promise<WriteResult<MpCustomer>>;
  updateCustomer(id: string, body: MpCustomerWrite): Promise<WriteResult<MpCustomer>>;
  deleteCustomer(id: string): Promise<WriteResult<MpCustomer>>;
  /** `POST /v1/customers/{id}/cards` with a card token. */
  addCard(customerId: string, token: string): Promise<WriteResult<MpCard>>;
  removeCard(customerId: string, cardId: string): Promise<WriteResult<MpCard>>;
}

/** 4xx answers that are Mercado Pago's decision about this request, not a failure to decide. */
const isRefusal = (err: unknown): err is MercadoPagoError =>
  err instanceof MercadoPagoError &&
  err.status >= 400 &&
  err.status < 500 &&
  !(err instanceof MPAuthenticationError) &&
  !(err instanceof MPRateLimitError);

export const refusalOf = (err: MercadoPagoError): UpstreamRefusal => ({
  status: err.status,
  error: typeof err.error === 'string' ? err.error.slice(0, 64) : null,
  causes: (Array.isArray(err.causes) ? err.causes : [])
    .map((c) => (c && typeof c === 'object' && 'code' in c ? String((c as { code: unknown }).code).slice(0, 32) : null))
    .filter((c): c is string => c !== null),
});

const write = async <T>(fn: () => Promise<unknown>): Promise<WriteResult<T>> => {
  try {
    return { ok: true, value: (await fn()) as T };
  } catch (err) {
    if (isRefusal(err)) return { ok: false, refusal: refusalOf(err) };
    throw toGraphQLError(err);
  }
};

export const createMercadoPagoWrites = (
  config: (options: Options) => MercadoPagoConfig,
  writeOptions: Options,
): MercadoPagoWrites => {
  // A fresh config per call, carrying the call's own idempotency key (DESIGN §1).
  const cfg = (idempotencyKey?: string) => config({ ...writeOptions, ...(idempotencyKey ? { idempotencyKey } : {}) });
  return {
    // https://www.mercadopago.com/developers/en/reference/payments/_payments/post
    createPayment: (body, key) => write(() => new PaymentClient(cfg(key)).create({ body })),
    // https://www.mercadopago.com/developers/en/reference/payments/_payments_id/put
    capturePayment: (id, amount, key) =>
      write(() =>
        new PaymentClient(cfg(key)).capture({ id, ...(amount !== undefined ? { transaction_amount: amount } : {}) }),
      ),
    cancelPayment: (id, key) => write(() => new PaymentClient(cfg(key)).cancel({ id })),
    // https://www.mercadopago.com/developers/en/reference/chargebacks/_payments_id_refunds/post
    refundPayment: (id, amount, key) =>
      write(() =>
        amount === undefined
          ? new PaymentRefundClient(cfg(key)).total({ payment_id: id })
          : new PaymentRefundClient(cfg(key)).create({ payment_id: id, body: { amount } }),
      ),
    // https://www.mercadopago.com/developers/en/reference/customers/_customers/post
    createCustomer: (body) => write(() => new CustomerClient(cfg()).create({ body })),
    updateCustomer: (id, body) => write(() => new CustomerClient(cfg()).update({ customerId: id, body })),
    deleteCustomer: (id) => write(() => new CustomerClient(cfg()).remove({ customerId: id })),
    // https://www.mercadopago.com/developers/en/reference/cards/_customers_customer_id_cards/post
    addCard: (customerId, token) => write(() => new CustomerCardClient(cfg()).create({ customerId, body: { token } })),
    removeCard: (customerId, cardId) => write(() => new CustomerCardClient(cfg()).remove({ customerId, cardId })),
  };
};
