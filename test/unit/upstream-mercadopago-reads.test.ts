// The read calls of the Mercado Pago client, through the real SDK with only fetch replaced: which
// path and query string each sends, and that ids reach the path already checked.
import { AppConfig } from 'mercadopago/dist/utils/config';
import { createMercadoPagoClient, setMercadoPagoBaseUrl } from '../../src/upstream/mercadopago';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('Mercado Pago client reads', () => {
  let fetchMock: jest.SpyInstance;
  const original = AppConfig.BASE_URL;
  beforeEach(() => {
    fetchMock = jest.spyOn(globalThis, 'fetch');
    setMercadoPagoBaseUrl('http://127.0.0.1:4010');
  });
  afterEach(() => {
    fetchMock.mockRestore();
    (AppConfig as { BASE_URL: string }).BASE_URL = original;
  });

  const sent = () => {
    const [url, init] = fetchMock.mock.calls[0];
    const u = new URL(url as string);
    return {
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      method: init.method,
      auth: init.headers.Authorization,
    };
  };
  const client = () => createMercadoPagoClient('TEST-SELLER-169648308');

  it('searches payments by creation date, with only the filters given', async () => {
    fetchMock.mockResolvedValue(json({ paging: { total: 0 }, results: [] }));
    await client().searchPayments({
      offset: 20,
      limit: 10,
      criteria: 'asc',
      status: 'approved',
      externalReference: 'a b&c',
      beginDate: '2024-01-01T00:00:00-03:00',
    });
    expect(sent()).toEqual({
      path: '/v1/payments/search',
      method: 'GET',
      auth: 'Bearer TEST-SELLER-169648308',
      query: {
        sort: 'date_created',
        criteria: 'asc',
        offset: '20',
        limit: '10',
        status: 'approved',
        external_reference: 'a b&c',
        range: 'date_created',
        begin_date: '2024-01-01T00:00:00-03:00',
      },
    });
  });

  it('searches customers by e-mail and page', async () => {
    fetchMock.mockResolvedValue(json({ paging: { total: 0 }, results: [] }));
    await client().searchCustomers({ offset: 0, limit: 5, email: 'test@test.com' });
    expect(sent()).toMatchObject({
      path: '/v1/customers/search',
      query: { offset: '0', limit: '5', email: 'test@test.com' },
    });
  });

  it('reads a customer, the payment methods and the identification types at their paths', async () => {
    fetchMock
      .mockResolvedValueOnce(json({ id: '123456789-jxOV430go9fx2e' }))
      .mockResolvedValueOnce(json([]))
      .mockResolvedValueOnce(json([]));
    const c = client();
    await c.getCustomer('123456789-jxOV430go9fx2e');
    await c.listPaymentMethods();
    await c.listIdentificationTypes();
    expect(fetchMock.mock.calls.map(([url]) => new URL(url as string).pathname)).toEqual([
      '/v1/customers/123456789-jxOV430go9fx2e',
      '/v1/payment_methods',
      '/v1/identification_types',
    ]);
  });
});
