// Query.payments over real HTTP: Mercado Pago's payment search as a Relay connection, its pages and
// filters, and the payment loader it primes.
import { PaymentDetailsDocument, PaymentsPageAndDetailsDocument, PaymentsPageDocument } from '../generated/graphql';
import { requests, TOKENS } from '../support/sandbox';
import { execute, useStack } from '../support/stack';
import { upstreamCalls, upstreamCallsSince } from '../support/upstreamCalls';
import { pay } from './sandbox-payments-helpers';

// Order 893431118 of the order payments page (docs/sources.md) was paid with these two, 885920410 the later one.
const SEED_PAYMENTS = ['885920410', '885920310'];

describe('Query.payments', () => {
  const stack = useStack();

  const upstream = () => upstreamCalls(stack.sandboxUrl);
  const callsSince = (before: Record<string, number>) => upstreamCallsSince(stack.sandboxUrl, before);

  it("lists the seller's payments newest first, with totalCount, in one search call", async () => {
    const res = await execute(stack.gatewayUrl, PaymentsPageDocument, {}, TOKENS.sellerMLB);
    expect(res.errors).toBeUndefined();
    const page = res.data!.payments;
    expect(page.totalCount).toBe(2);
    expect(page.nodes.map((n) => n.id)).toEqual(SEED_PAYMENTS);
    expect(page.edges.map((e) => e.node.id)).toEqual(SEED_PAYMENTS);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: page.edges[1].cursor });
    expect(page.edges[0].node).toMatchObject({
      status: 'APPROVED',
      statusDetail: 'accredited',
      externalReference: '893431118',
      amount: { amount: '295', currency: 'BRL' },
      payer: { id: '160903317' },
    });
    expect(page.edges[1].node.amount).toEqual({ amount: '296', currency: 'BRL' });
    expect(await upstream()).toEqual({ 'GET /v1/payments/search': 1 });
  });

  it('pages with opaque cursors: first, after, and an empty page past the end', async () => {
    const one = await execute(stack.gatewayUrl, PaymentsPageDocument, { first: 1 }, TOKENS.sellerMLB);
    expect(one.data?.payments).toMatchObject({
      totalCount: 2,
      nodes: [{ id: SEED_PAYMENTS[0] }],
      pageInfo: { hasNextPage: true },
    });
    const cursor = one.data!.payments.pageInfo.endCursor!;
    expect(cursor).not.toContain('0');

    const two = await execute(stack.gatewayUrl, PaymentsPageDocument, { first: 1, after: cursor }, TOKENS.sellerMLB);
    expect(two.data?.payments).toMatchObject({
      totalCount: 2,
      nodes: [{ id: SEED_PAYMENTS[1] }],
      pageInfo: { hasNextPage: false },
    });

    const past = await execute(
      stack.gatewayUrl,
      PaymentsPageDocument,
      { first: 5, after: two.data!.payments.pageInfo.endCursor },
      TOKENS.sellerMLB,
    );
    expect(past.errors).toBeUndefined();
    expect(past.data?.payments).toEqual({
      totalCount: 2,
      nodes: [],
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('gives 20 when first is omitted, at most 50, and refuses more before any call', async () => {
    for (let i = 0; i < 21; i += 1) await pay({ amount: 10 + i });
    const before = await upstream();

    const byDefault = await execute(stack.gatewayUrl, PaymentsPageDocument, {}, TOKENS.sellerMLB);
    expect(byDefault.data?.payments.nodes).toHaveLength(20);
    expect(byDefault.data?.payments).toMatchObject({ totalCount: 23, pageInfo: { hasNextPage: true } });

    const max = await execute(stack.gatewayUrl, PaymentsPageDocument, { first: 50 }, TOKENS.sellerMLB);
    expect(max.data?.payments.nodes).toHaveLength(23);
    expect(max.data?.payments.nodes.slice(-2).map((n) => n.id)).toEqual(SEED_PAYMENTS);
    expect(await callsSince(before)).toEqual({ 'GET /v1/payments/search': 2 });

    const tooMany = await execute(stack.gatewayUrl, PaymentsPageDocument, { first: 51 }, TOKENS.sellerMLB);
    expect(tooMany.data).toBeNull();
    expect(tooMany.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.argument])).toEqual([
      [['payments'], 'BAD_USER_INPUT', 'first'],
    ]);
    expect(await callsSince(before)).toEqual({ 'GET /v1/payments/search': 2 });
  });

  it.each([
    { first: 0 },
    { after: 'bm90IGEgY3Vyc29y' },
    { filter: { externalReference: '' } },
    { filter: { dateCreatedFrom: '2015-01-01T00:00:00Z', dateCreatedTo: '2014-01-01T00:00:00Z' } },
  ])('refuses %j as BAD_USER_INPUT with no upstream call', async (variables) => {
    const res = await execute(stack.gatewayUrl, PaymentsPageDocument, variables, TOKENS.sellerMLB);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect((await requests(stack.sandboxUrl)).total).toBe(0);
  });

  it('filters by status, external reference and creation dates, and sorts oldest first on request', async () => {
    const rejected = await pay({ name: 'OTHE', amount: 50, body: { external_reference: 'cart-42' } });
    const asc = await execute(
      stack.gatewayUrl,
      PaymentsPageDocument,
      { filter: { sortDirection: 'ASC' } },
      TOKENS.sellerMLB,
    );
    expect(asc.data?.payments.nodes.map((n) => n.id)).toEqual([...SEED_PAYMENTS].reverse().concat(String(rejected.id)));

    const byStatus = await execute(
      stack.gatewayUrl,
      PaymentsPageDocument,
      { filter: { status: 'REJECTED' } },
      TOKENS.sellerMLB,
    );
    expect(byStatus.data?.payments).toMatchObject({ totalCount: 1, nodes: [{ id: String(rejected.id) }] });

    const byRef = await execute(
      stack.gatewayUrl,
      PaymentsPageDocument,
      { filter: { externalReference: '893431118' } },
      TOKENS.sellerMLB,
    );
    expect(byRef.data?.payments.nodes.map((n) => n.id)).toEqual(SEED_PAYMENTS);

    // 885920310 was created at 22:48:46, 885920410 at 22:50:10 (the order payments page).
    const byDate = await execute(
      stack.gatewayUrl,
      PaymentsPageDocument,
      { filter: { dateCreatedFrom: '2014-10-26T22:48:00.000-04:00', dateCreatedTo: '2014-10-26T22:49:00.000-04:00' } },
      TOKENS.sellerMLB,
    );
    expect(byDate.data?.payments).toMatchObject({ totalCount: 1, nodes: [{ id: '885920310' }] });
  });

  it('takes date filters finer than milliseconds, rounded inwards to what Mercado Pago keeps', async () => {
    // 885920310 was created at 22:48:46.000-04:00; bounds a fraction of a millisecond around it.
    const around = await execute(
      stack.gatewayUrl,
      PaymentsPageDocument,
      {
        filter: {
          dateCreatedFrom: '2014-10-26T22:48:45.9999995-04:00',
          dateCreatedTo: '2014-10-26T22:48:46.000999-04:00',
        },
      },
      TOKENS.sellerMLB,
    );
    expect(around.errors).toBeUndefined();
    expect(around.data?.payments).toMatchObject({ totalCount: 1, nodes: [{ id: '885920310' }] });
    const justAfter = await execute(
      stack.gatewayUrl,
      PaymentsPageDocument,
      {
        filter: {
          dateCreatedFrom: '2014-10-26T22:48:46.0001-04:00',
          dateCreatedTo: '2014-10-26T22:49:00.123456-04:00',
        },
      },
      TOKENS.sellerMLB,
    );
    expect(justAfter.errors).toBeUndefined();
    expect(justAfter.data?.payments).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it("lists only the caller's own sales", async () => {
    const res = await execute(stack.gatewayUrl, PaymentsPageDocument, {}, TOKENS.sellerMLM);
    expect(res.data?.payments.nodes.map((n) => n.id)).toEqual(['3506756222']);
    const buyer = await execute(stack.gatewayUrl, PaymentsPageDocument, {}, TOKENS.buyerMLB);
    expect(buyer.data?.payments).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('serves payments of the page asked again by id, under aliases, from the search: one upstream call in all', async () => {
    const res = await execute(
      stack.gatewayUrl,
      PaymentsPageAndDetailsDocument,
      { first: 2, a: SEED_PAYMENTS[0], b: SEED_PAYMENTS[1] },
      TOKENS.sellerMLB,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.a).toMatchObject({ id: SEED_PAYMENTS[0], amount: { amount: '295', currency: 'BRL' } });
    expect(res.data?.b).toMatchObject({ id: SEED_PAYMENTS[1], amount: { amount: '296', currency: 'BRL' } });
    expect(await upstream()).toEqual({ 'GET /v1/payments/search': 1 });
  });

  it('fetches a payment the page did not hold by id', async () => {
    const res = await execute(
      stack.gatewayUrl,
      PaymentsPageAndDetailsDocument,
      { first: 1, a: SEED_PAYMENTS[0], b: SEED_PAYMENTS[1] },
      TOKENS.sellerMLB,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.b?.id).toBe(SEED_PAYMENTS[1]);
    // `a` came with the page; `b` waited for the search, was not on it, and was read by id.
    expect(await upstream()).toEqual({ 'GET /v1/payments/search': 1, 'GET /v1/payments/{id}': 1 });
  });

  it('does not carry a search into the next request', async () => {
    await execute(stack.gatewayUrl, PaymentsPageDocument, {}, TOKENS.sellerMLB);
    const res = await execute(stack.gatewayUrl, PaymentDetailsDocument, { id: SEED_PAYMENTS[0] }, TOKENS.sellerMLB);
    expect(res.data?.payment?.id).toBe(SEED_PAYMENTS[0]);
    expect(await upstream()).toEqual({ 'GET /v1/payments/search': 1, 'GET /v1/payments/{id}': 1 });
  });

  it('answers UPSTREAM_ERROR without details when the search fails, after one retry', async () => {
    await fetch(`${stack.sandboxUrl}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ route: 'GET /v1/payments/search', status: 500 }),
    });
    const res = await execute(stack.gatewayUrl, PaymentsPageDocument, {}, TOKENS.sellerMLB);
    expect(res.data).toBeNull();
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['payments'], 'UPSTREAM_ERROR']]);
    expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|\/v1\/payments|TEST-/);
    expect(await upstream()).toEqual({ 'GET /v1/payments/search': 2 });
  });
});
