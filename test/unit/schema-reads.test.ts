// The read queries against the real schema with a stub Mercado Pago client (no network): answers
// we cannot serve, warnings for unknown values, and the calls each operation makes.
import { graphql } from 'graphql';
import { buildGatewaySchema } from '../../src/gateway/schema';
import type { Context } from '../../src/graph/context';
import { codeOf } from '../../src/graph/errors';
import type { MercadoPagoClient } from '../../src/upstream/mercadopago';
import { noMercadoLibre, stubClient, testIdentity } from '../support/stubMercadoPago';

const run = async (methods: Partial<MercadoPagoClient>, source: string) => {
  const warnings: [string, Record<string, unknown> | undefined][] = [];
  const log = {
    error: () => undefined,
    warn: (m: string, f?: Record<string, unknown>) => warnings.push([m, f]),
    info: () => undefined,
    debug: () => undefined,
  };
  const contextValue: Context = {
    mercadoPago: () => stubClient(methods),
    mercadoLibre: noMercadoLibre,
    ...testIdentity(),
    loaders: new Map(),
    log,
  };
  const result = await graphql({ schema: await buildGatewaySchema(), source, contextValue });
  return { result, warnings };
};

const codes = (result: Awaited<ReturnType<typeof run>>['result']) => result.errors?.map((e) => [e.path, codeOf(e)]);

describe('read queries (schema level)', () => {
  it('refuses a search answer without paging.total as UPSTREAM_ERROR', async () => {
    const { result } = await run({ searchPayments: async () => ({ results: [] }) }, '{ payments { totalCount } }');
    expect(result.data).toBeNull();
    expect(codes(result)).toEqual([[['payments'], 'UPSTREAM_ERROR']]);
  });

  it('fails the page, not just the row, when a search row cannot be served', async () => {
    const { result } = await run(
      {
        searchCustomers: async () => ({
          paging: { total: 2 },
          results: [{ id: '1-a', email: 'a@x.com' }, { email: 'no-id@x.com' }],
        }),
      },
      '{ customers { nodes { id } } }',
    );
    expect(codes(result)).toEqual([[['customers'], 'UPSTREAM_ERROR']]);
  });

  it('refuses a customer answer that is another customer', async () => {
    const { result } = await run({ getCustomer: async () => ({ id: '2-b' }) }, '{ customer(id: "1-a") { id } }');
    expect(result.data).toEqual({ customer: null });
    expect(codes(result)).toEqual([[['customer'], 'UPSTREAM_ERROR']]);
  });

  it('serves unknown enum values as null and logs a warning naming the field', async () => {
    const { result, warnings } = await run(
      { listPaymentMethods: async () => [{ id: 'visa', status: 'asleep', settings: [] }] },
      '{ paymentMethods { id status } }',
    );
    expect(result).toEqual({ data: { paymentMethods: [{ id: 'visa', status: null }] } });
    expect(warnings).toEqual([
      [
        'payment method: unknown upstream value, served as null',
        { paymentMethodId: 'visa', field: 'status', value: 'asleep' },
      ],
    ]);
  });

  it('serves a list of payment methods that is not a list as UPSTREAM_ERROR', async () => {
    const { result } = await run({ listPaymentMethods: async () => ({}) as never }, '{ paymentMethods { id } }');
    expect(codes(result)).toEqual([[['paymentMethods'], 'UPSTREAM_ERROR']]);
  });

  it('reads the catalog once and a customer once, whatever asks again', async () => {
    const calls: string[] = [];
    const { result } = await run(
      {
        listIdentificationTypes: async () => (calls.push('types'), [{ id: 'CPF' }]),
        getCustomer: async (id) => (calls.push(id), { id, cards: [] }),
      },
      '{ a: identificationTypes { id } b: identificationTypes { id } c: customer(id: "1-a") { id } d: customer(id: "1-a") { cards { id } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual(['types', '1-a']);
  });
});
