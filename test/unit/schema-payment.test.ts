// Query.payment against the real schema with a stub Mercado Pago client (no network): mapping,
// nulls, validation, error codes and batching. Over real HTTP: test/integration/gateway-payment.
import { graphql } from 'graphql';
import type { Context } from '../../src/graph/context';
import { buildGatewaySchema } from '../../src/gateway/schema';
import { codeOf, gqlError } from '../../src/graph/errors';
import { fromMercadoPagoSdk } from '../../src/upstream/errors';
import type { MpPayment } from '../../src/upstream/mercadopago';
import { buildError } from 'mercadopago';
import { noMercadoLibre, stubClient, testIdentity } from '../support/stubMercadoPago';

// Payment 3506756222 of the order payments page, seller's view (the fields the graph reads).
const SELLER_VIEW: MpPayment = {
  id: 3506756222,
  status: 'approved',
  status_detail: 'accredited',
  currency_id: 'MXN',
  transaction_amount: 3500,
  installments: 9,
  payment_method_id: 'amex',
  payment_type_id: 'credit_card',
  description: 'Maquina Industrial Recta Marca ',
  external_reference: '1653027692',
  statement_descriptor: 'MERCADOPAGO',
  captured: true,
  live_mode: true,
  date_created: '2018-03-05T10:06:54.000-04:00',
  date_approved: '2018-03-05T10:06:55.000-04:00',
  date_last_updated: '2018-03-05T10:06:55.000-04:00',
  transaction_details: { net_received_amount: 3500, total_paid_amount: 3987.2, installment_amount: 443.02 },
  card: {
    id: null,
    first_six_digits: '371772',
    last_four_digits: '1001',
    expiration_month: 10,
    expiration_year: 2019,
    cardholder: { name: 'JOAN C GONZALEZ GUZMAN' },
  },
};

const QUERY = /* GraphQL */ `
  query ($id: ID!) {
    payment(id: $id) {
      id
      status
      statusDetail
      installments
      paymentMethodId
      paymentTypeId
      description
      externalReference
      statementDescriptor
      captured
      liveMode
      dateCreated
      dateApproved
      dateLastUpdated
      amount {
        amount
        currency
      }
      installmentAmount {
        amount
        currency
      }
      totalPaidAmount {
        amount
        currency
      }
      netReceivedAmount {
        amount
        currency
      }
      card {
        firstSixDigits
        lastFourDigits
        expirationMonth
        expirationYear
        cardholder {
          name
        }
      }
    }
  }
`;

const silent = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };

const run = async (
  getPayment: ((id: string) => Promise<MpPayment>) | null,
  source: string,
  variables?: Record<string, unknown>,
) => {
  const schema = await buildGatewaySchema();
  const calls: string[] = [];
  const contextValue: Context = {
    mercadoLibre: noMercadoLibre,
    ...testIdentity(),
    mercadoPago: () => {
      if (!getPayment) throw gqlError('UNAUTHENTICATED');
      return stubClient({
        getPayment: (id) => {
          calls.push(id);
          return getPayment(id);
        },
      });
    },
    loaders: new Map(),
    log: silent,
  };
  const result = await graphql({
    schema,
    source,
    variableValues: variables,
    contextValue,
  });
  return { result, calls };
};

describe('Query.payment (schema level)', () => {
  it('maps the REST payment to the graph, amounts as exact decimal strings', async () => {
    const { result } = await run(async () => SELLER_VIEW, QUERY, { id: '3506756222' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.payment).toEqual({
      id: '3506756222',
      status: 'APPROVED',
      statusDetail: 'accredited',
      installments: 9,
      paymentMethodId: 'amex',
      paymentTypeId: 'credit_card',
      description: 'Maquina Industrial Recta Marca ',
      externalReference: '1653027692',
      statementDescriptor: 'MERCADOPAGO',
      captured: true,
      liveMode: true,
      dateCreated: '2018-03-05T10:06:54.000-04:00',
      dateApproved: '2018-03-05T10:06:55.000-04:00',
      dateLastUpdated: '2018-03-05T10:06:55.000-04:00',
      amount: { amount: '3500', currency: 'MXN' },
      installmentAmount: { amount: '443.02', currency: 'MXN' },
      totalPaidAmount: { amount: '3987.2', currency: 'MXN' },
      netReceivedAmount: { amount: '3500', currency: 'MXN' },
      card: {
        firstSixDigits: '371772',
        lastFourDigits: '1001',
        expirationMonth: 10,
        expirationYear: 2019,
        cardholder: { name: 'JOAN C GONZALEZ GUZMAN' },
      },
    });
  });

  it('serves an unknown upstream status as null, and the rest of the payment', async () => {
    const { result } = await run(
      async () => ({ ...SELLER_VIEW, status: 'teleported' }),
      '{ payment(id: "3506756222") { status statusDetail amount { amount } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.payment).toEqual({ status: null, statusDetail: 'accredited', amount: { amount: '3500' } });
  });

  it('leaves a field missing from the view null, never borrowed', async () => {
    const { result } = await run(
      async () => ({ id: 3506756222, transaction_amount: 3500, transaction_details: { total_paid_amount: 3987.2 } }),
      '{ payment(id: "3506756222") { status amount { amount } totalPaidAmount { amount } card { lastFourDigits } dateApproved } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.payment).toEqual({
      status: null,
      amount: null,
      totalPaidAmount: null,
      card: null,
      dateApproved: null,
    });
  });

  it.each(['../1', '', 'abc', '12345678901234567890', '1 ', '-1', '1.5', '%2e%2e'])(
    'refuses id %j with BAD_USER_INPUT before any upstream call',
    async (id) => {
      const { result, calls } = await run(async () => SELLER_VIEW, QUERY, { id });
      expect(calls).toEqual([]);
      expect(result.data?.payment).toBeNull();
      expect(result.errors?.map(codeOf)).toEqual(['BAD_USER_INPUT']);
    },
  );

  it('is null with one NOT_FOUND at ["payment"] when upstream has no such payment', async () => {
    const { result } = await run(async () => Promise.reject(fromMercadoPagoSdk(buildError(404, {}))), QUERY, {
      id: '1',
    });
    expect(result.data).toEqual({ payment: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].path).toEqual(['payment']);
    expect(codeOf(result.errors![0])).toBe('NOT_FOUND');
  });

  it('is UNAUTHENTICATED without a token, and makes no call', async () => {
    const { result, calls } = await run(null, QUERY, { id: '3506756222' });
    expect(calls).toEqual([]);
    expect(result.errors?.map(codeOf)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a 200 whose body is another payment', async () => {
    const { result } = await run(async () => ({ ...SELLER_VIEW, id: 42 }), '{ payment(id: "3506756222") { id } }');
    expect(result.data?.payment).toBeNull();
    expect(result.errors?.map(codeOf)).toEqual(['UPSTREAM_ERROR']);
  });

  it('fetches the same payment once, and each failing one in its own slot', async () => {
    const { result, calls } = await run(
      async (id) =>
        id === '2' ? Promise.reject(fromMercadoPagoSdk(buildError(503, {}))) : { ...SELLER_VIEW, id: Number(id) },
      '{ a: payment(id: "3506756222") { id } b: payment(id: "3506756222") { id } c: payment(id: "2") { id } }',
    );
    expect(calls.sort()).toEqual(['2', '3506756222']);
    expect(result.data).toEqual({ a: { id: '3506756222' }, b: { id: '3506756222' }, c: null });
    expect(result.errors?.map((e) => [e.path, codeOf(e)])).toEqual([[['c'], 'UPSTREAM_UNAVAILABLE']]);
  });
});
