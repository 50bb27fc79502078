// Query.customer and Query.customers over real HTTP: the customers and cards page's customers and
// saved cards, read in one call each (cards are embedded), searches that prime the customer loader,
// ids checked first.
import { CustomerSearchAndWalletDocument, CustomersPageDocument, CustomerWalletDocument } from '../generated/graphql';
import { requests, TOKENS } from '../support/sandbox';
import { execute, useStack } from '../support/stack';
import { upstreamCalls } from '../support/upstreamCalls';

const FIRST = '123456789-jxOV430go9fx2e';
const SECOND = '247711297-jxOV430go9fx2e';

describe('Query.customer and Query.customers', () => {
  const stack = useStack();

  const upstream = () => upstreamCalls(stack.sandboxUrl);

  it('serves a customer with its cards and default card in one upstream call', async () => {
    const res = await execute(stack.gatewayUrl, CustomerWalletDocument, { id: FIRST }, TOKENS.sellerMLB);
    expect(res.errors).toBeUndefined();
    const visa = {
      id: '1490022319978',
      customerId: FIRST,
      firstSixDigits: '415231',
      lastFourDigits: '0001',
      expirationMonth: 12,
      expirationYear: 2020,
      paymentMethod: {
        id: 'visa',
        name: 'visa',
        paymentTypeId: 'credit_card',
        thumbnail: 'http://img.mlstatic.com/org-img/MP3/API/logos/visa.gif',
      },
      issuer: { id: '25', name: 'Visa' },
      securityCode: { length: 3, cardLocation: 'back' },
      cardholder: { name: 'APRO', identification: { type: 'DNI', number: '12345678' } },
      dateCreated: '2017-05-05T09:23:25.021-04:00',
    };
    expect(res.data?.customer).toEqual({
      id: FIRST,
      email: 'test@test.com',
      firstName: null,
      lastName: null,
      phone: null,
      identification: null,
      description: null,
      dateCreated: '2017-05-05T00:00:00.000-04:00',
      dateLastUpdated: '2017-05-05T09:23:25.021-04:00',
      defaultCard: visa,
      cards: [visa],
    });
    expect(await upstream()).toEqual({ 'GET /v1/customers/{id}': 1 });
  });

  it("serves the other sample customer's Mastercard as the customers and cards page prints it", async () => {
    const res = await execute(stack.gatewayUrl, CustomerWalletDocument, { id: SECOND }, TOKENS.sellerMLB);
    expect(res.errors).toBeUndefined();
    expect(res.data?.customer?.cards).toHaveLength(1);
    expect(res.data?.customer?.defaultCard).toEqual(res.data?.customer?.cards[0]);
    expect(res.data?.customer?.defaultCard).toMatchObject({
      id: '1493990563105',
      customerId: SECOND,
      firstSixDigits: '503175',
      lastFourDigits: '0604',
      paymentMethod: { id: 'master', paymentTypeId: 'credit_card' },
      issuer: { id: '3', name: 'Mastercard' },
      cardholder: { name: 'Card holdername', identification: { type: 'DNI', number: '12345678' } },
    });
  });

  it.each(['..', '../1', `${FIRST}/cards`, '123456789', 'abc-def/..', `${FIRST}%2F..`, ''])(
    'refuses id %j as BAD_USER_INPUT with no upstream call',
    async (id) => {
      const res = await execute(stack.gatewayUrl, CustomerWalletDocument, { id }, TOKENS.sellerMLB);
      expect(res.data?.customer).toBeNull();
      expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['customer'], 'BAD_USER_INPUT']]);
      expect((await requests(stack.sandboxUrl)).total).toBe(0);
    },
  );

  it("is null with one NOT_FOUND for another seller's customer, and for an unknown one", async () => {
    for (const [id, token] of [
      [FIRST, TOKENS.sellerMLM],
      ['999999999-doesNotExist00', TOKENS.sellerMLB],
    ]) {
      const res = await execute(stack.gatewayUrl, CustomerWalletDocument, { id }, token);
      expect(res.data).toEqual({ customer: null });
      expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['customer'], 'NOT_FOUND']]);
    }
  });

  it('finds a customer by e-mail, and pages through all of them', async () => {
    const byEmail = await execute(
      stack.gatewayUrl,
      CustomersPageDocument,
      { email: 'TEST@test.com' },
      TOKENS.sellerMLB,
    );
    expect(byEmail.errors).toBeUndefined();
    expect(byEmail.data?.customers).toMatchObject({
      totalCount: 1,
      pageInfo: { hasNextPage: false },
      edges: [
        { node: { id: FIRST, email: 'test@test.com', defaultCard: { id: '1490022319978', lastFourDigits: '0001' } } },
      ],
    });

    const first = await execute(stack.gatewayUrl, CustomersPageDocument, { first: 1 }, TOKENS.sellerMLB);
    expect(first.data?.customers).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: true },
      edges: [{ node: { id: FIRST } }],
    });
    const second = await execute(
      stack.gatewayUrl,
      CustomersPageDocument,
      { first: 1, after: first.data!.customers.pageInfo.endCursor },
      TOKENS.sellerMLB,
    );
    expect(second.data?.customers).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: false },
      edges: [{ node: { id: SECOND } }],
    });
    const past = await execute(
      stack.gatewayUrl,
      CustomersPageDocument,
      { after: second.data!.customers.pageInfo.endCursor },
      TOKENS.sellerMLB,
    );
    expect(past.data?.customers).toEqual({
      totalCount: 2,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
    expect(await upstream()).toEqual({ 'GET /v1/customers/search': 4 });
  });

  it("lists none of another seller's customers", async () => {
    const res = await execute(stack.gatewayUrl, CustomersPageDocument, {}, TOKENS.sellerMLM);
    expect(res.data?.customers).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('serves a customer the search returned from the search: one upstream call in all', async () => {
    const res = await execute(
      stack.gatewayUrl,
      CustomerSearchAndWalletDocument,
      { email: 'test@test.com', id: FIRST },
      TOKENS.sellerMLB,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      customers: { nodes: [{ id: FIRST }] },
      customer: { id: FIRST, cards: [{ id: '1490022319978' }] },
    });
    expect(await upstream()).toEqual({ 'GET /v1/customers/search': 1 });
  });

  it('reads a customer the search did not return by id', async () => {
    const res = await execute(
      stack.gatewayUrl,
      CustomerSearchAndWalletDocument,
      { email: 'test@test.com', id: SECOND },
      TOKENS.sellerMLB,
    );
    expect(res.data?.customer).toEqual({ id: SECOND, cards: [{ id: '1493990563105' }] });
    expect(await upstream()).toEqual({ 'GET /v1/customers/search': 1, 'GET /v1/customers/{id}': 1 });
  });

  it.each([{ email: 'nope' }, { first: 51 }, { after: 'x' }])(
    'refuses %j as BAD_USER_INPUT with no upstream call',
    async (variables) => {
      const res = await execute(stack.gatewayUrl, CustomersPageDocument, variables, TOKENS.sellerMLB);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect((await requests(stack.sandboxUrl)).total).toBe(0);
    },
  );
});
