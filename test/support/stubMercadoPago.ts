// A Mercado Pago client for schema-level tests (no network): the methods a test gives, and for the
// rest a rejection that names the method, so an unexpected upstream call fails the test loudly.
import { MemoryIdempotencyStore } from '../../src/idempotency';
import type { MercadoPagoClient } from '../../src/upstream/mercadopago';

export const stubClient = (methods: Partial<MercadoPagoClient>): MercadoPagoClient => {
  const unexpected = (name: string) => () => Promise.reject(new Error(`unexpected upstream call: ${name}`));
  return {
    getPayment: unexpected('getPayment'),
    searchPayments: unexpected('searchPayments'),
    getCustomer: unexpected('getCustomer'),
    searchCustomers: unexpected('searchCustomers'),
    listPaymentMethods: unexpected('listPaymentMethods'),
    listIdentificationTypes: unexpected('listIdentificationTypes'),
    createPayment: unexpected('createPayment'),
    capturePayment: unexpected('capturePayment'),
    cancelPayment: unexpected('cancelPayment'),
    refundPayment: unexpected('refundPayment'),
    createCustomer: unexpected('createCustomer'),
    updateCustomer: unexpected('updateCustomer'),
    deleteCustomer: unexpected('deleteCustomer'),
    addCard: unexpected('addCard'),
    removeCard: unexpected('removeCard'),
    ...methods,
  };
};

/** For tests of Mercado Pago fields: any Mercado Libre call fails the test loudly. */
export const noMercadoLibre = (): never => {
  throw new Error('unexpected upstream call: Mercado Libre');
};

/** The caller identity and idempotency store of a schema-level test context (reads need neither). */
export const testIdentity = () => ({
  authenticate: () => undefined,
  caller: null,
  callerId: () => 'test-caller',
  idempotency: new MemoryIdempotencyStore(),
});
