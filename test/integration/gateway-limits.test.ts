// Query cost and depth limits over real HTTP (real gateway, real sandbox): `extensions.cost` on
// every response, refusals over either limit with 400 and no upstream call (the sandbox's request
// log), introspection still served, the upstream-call budget of an operation as it runs, and every
// example operation comfortably within the limits.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIntrospectionQuery, Kind, parse, print, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { sandboxExplorer } from '../../src/gateway/explorer';
import { checkOperation, LIMITS } from '../../src/gateway/limits';
import { operationCost, operationShape, sourceShape } from '../../src/gateway/measure';
import { buildGatewaySchema } from '../../src/gateway/schema';
import { MAX_PAGE_SIZE } from '../../src/graph/common/connection';
import { PaymentDetailsDocument } from '../generated/graphql';
import { raw, requests, TOKENS } from '../support/sandbox';
import { useStack } from '../support/stack';
import { upstreamCalls, upstreamCallsSince } from '../support/upstreamCalls';

const SEED_PAYMENT = '3506756222';

// Over the cost limit at first: 50 (2 + 50 × 22 = 1102), within it at first: 10 (222).
const NESTED_LISTS =
  'query Nested($n: Int) { orders(first: $n) { nodes { id payments { refunds { amount { amount } } } } } }';
// 11 fields deep once the fragment is expanded; refused before it is priced.
const DEEP =
  'query Deep { order(id: "1653027692") { ...Loop } } fragment Loop on Order { payments { order { payments { order { payments { order { payments { order { payments { id } } } } } } } } } }';

describe('query cost and depth limits', () => {
  const stack = useStack();

  const post = async (
    query: string,
    variables: Record<string, unknown> = {},
    token: string | null = TOKENS.sellerMLM,
  ) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(`${stack.gatewayUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const upstreamTotal = async () => (await requests(stack.sandboxUrl)).total;

  describe('extensions.cost', () => {
    it('is on a normal response: what the operation was priced at, the limit, and what is left', async () => {
      const { status, body } = await post(print(PaymentDetailsDocument), { id: SEED_PAYMENT });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data.payment.id).toBe(SEED_PAYMENT);
      // payment 1 + amount, installmentAmount, totalPaidAmount, netReceivedAmount 4 + card 1 + cardholder 1
      expect(body.extensions).toEqual({ cost: { requested: 7, limit: 1000, remaining: 993 } });
    });

    it('is on a response with errors: a payment that is not there, and a request without a token', async () => {
      const missing = await post('{ payment(id: "1") { id amount { amount } } }');
      expect(missing.body.errors.map((e: any) => e.extensions.code)).toEqual(['NOT_FOUND']);
      expect(missing.body.extensions).toEqual({ cost: { requested: 2, limit: 1000, remaining: 998 } });

      const anonymous = await post('{ payments(first: 5) { nodes { id } } }', {}, null);
      expect(anonymous.body.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
      expect(anonymous.body.extensions).toEqual({ cost: { requested: 7, limit: 1000, remaining: 993 } });
    });

    it('is on parse and validation failures too, at 0: nothing was priced or run', async () => {
      for (const query of ['{ payment(id: "1") { nope } }', '{ payment(']) {
        const { status, body } = await post(query);
        expect(status).toBe(400);
        expect(body.extensions).toEqual({ cost: { requested: 0, limit: 1000, remaining: 1000 } });
      }
    });

    it('is 0 when the variables are invalid: execution refuses them before anything is read', async () => {
      const { status, body } = await post('query($id: ID!) { payment(id: $id) { id } }', {});
      expect(status).toBe(400);
      expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
      expect(body.extensions).toEqual({ cost: { requested: 0, limit: 1000, remaining: 1000 } });
      expect(await upstreamTotal()).toBe(0);
    });

    it('follows the variables: first decides what a page costs', async () => {
      const { status, body } = await post(NESTED_LISTS, { n: 10 }, TOKENS.sellerMLB);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.extensions.cost).toEqual({ requested: 222, limit: 1000, remaining: 778 });
    });
  });

  describe('refusals', () => {
    it('refuses an operation over the cost limit with 400, its cost and the limit, and no upstream call', async () => {
      const { status, body } = await post(NESTED_LISTS, { n: 50 }, TOKENS.sellerMLB);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        {
          message:
            'The operation costs 1102, over the limit of 1000. Ask for fewer items (first) or fewer nested lists.',
          extensions: { code: 'BAD_USER_INPUT', cost: 1102, maxCost: 1000 },
        },
      ]);
      expect(body.extensions).toEqual({ cost: { requested: 1102, limit: 1000, remaining: 0 } });
      expect(await upstreamTotal()).toBe(0);
    });

    it('refuses an operation over the depth limit (fragments expanded) with 400, its depth and the limit, and no upstream call', async () => {
      const { status, body } = await post(DEEP);
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        {
          message: 'The operation is 11 fields deep, over the limit of 10. Split it into shallower operations.',
          extensions: { code: 'BAD_USER_INPUT', depth: 11, maxDepth: 10 },
        },
      ]);
      // Not priced: depth is checked before the cost walk, which recurses once per level.
      expect(body.extensions).toEqual({ cost: { requested: 0, limit: 1000, remaining: 1000 } });
      expect(await upstreamTotal()).toBe(0);
    });

    it('refuses before reading anything even when other root fields are cheap', async () => {
      const { status } = await post(
        `{ me { id } payment(id: "${SEED_PAYMENT}") { id } orders(first: 50) { nodes { payments { refunds { amount { amount } } } } } }`,
      );
      expect(status).toBe(400);
      expect(await upstreamTotal()).toBe(0);
    });

    it('refuses over GET as over POST', async () => {
      const url = `${stack.gatewayUrl}/graphql?query=${encodeURIComponent(DEEP)}`;
      const res = await fetch(url, {
        headers: { 'apollo-require-preflight': 'true', Authorization: `Bearer ${TOKENS.sellerMLM}` },
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).errors[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        depth: 11,
        maxDepth: 10,
      });
      expect(await upstreamTotal()).toBe(0);
    });
  });

  it('serves introspection (what Apollo Sandbox sends for the schema) at no cost, however deep', async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      inputValueDeprecation: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
    });
    const { status, body } = await post(query, {}, null);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.queryType.name).toBe('Query');
    expect(body.extensions).toEqual({ cost: { requested: 0, limit: 1000, remaining: 1000 } });
  });
});

describe('the upstream-call budget of an operation', () => {
  const BUDGET_MESSAGE = (max: number) =>
    `This operation reached its limit of ${max} upstream calls, so this field was not read. ` +
    'Ask for fewer things by id or smaller pages, or split the operation.';

  const post = async (gatewayUrl: string, query: string, token: string) => {
    const res = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  describe('a gateway allowing 3 calls', () => {
    const stack = useStack({}, { gateway: { limits: { maxUpstreamCalls: 3 } } });

    it('reads 3 of 5 payments asked by id; the other 2 fail at their paths without reaching upstream', async () => {
      const ids = [SEED_PAYMENT, '1', '2', '3', '4'];
      const query = `{ ${ids.map((id, i) => `p${i}: payment(id: "${id}") { id }`).join(' ')} }`;
      const { status, body } = await post(stack.gatewayUrl, query, TOKENS.sellerMLM);
      expect(status).toBe(200);
      // The rest of the response stands: p0 was read, p1 and p2 were read and are not there.
      expect(body.data).toEqual({ p0: { id: SEED_PAYMENT }, p1: null, p2: null, p3: null, p4: null });
      expect(body.errors).toEqual([
        expect.objectContaining({ path: ['p1'], extensions: { code: 'NOT_FOUND' } }),
        expect.objectContaining({ path: ['p2'], extensions: { code: 'NOT_FOUND' } }),
        expect.objectContaining({
          message: BUDGET_MESSAGE(3),
          path: ['p3'],
          extensions: { code: 'BAD_USER_INPUT', maxUpstreamCalls: 3 },
        }),
        expect.objectContaining({
          message: BUDGET_MESSAGE(3),
          path: ['p4'],
          extensions: { code: 'BAD_USER_INPUT', maxUpstreamCalls: 3 },
        }),
      ]);
      expect(await upstreamCalls(stack.sandboxUrl)).toEqual({ 'GET /v1/payments/{id}': 3 });
    });

    it('counts both services against one budget, and gives each operation its own', async () => {
      const query = `{ me { id } a: payment(id: "${SEED_PAYMENT}") { id order { id } } b: payment(id: "1") { id } }`;
      const first = await post(stack.gatewayUrl, query, TOKENS.sellerMLM);
      expect(first.body.data.me).not.toBeNull();
      expect(first.body.data.a).toEqual({ id: SEED_PAYMENT, order: null });
      expect(first.body.errors.map((e: any) => [e.path, e.extensions])).toEqual([
        [['b'], { code: 'NOT_FOUND' }],
        [['a', 'order'], { code: 'BAD_USER_INPUT', maxUpstreamCalls: 3 }],
      ]);
      expect((await requests(stack.sandboxUrl)).total).toBe(3);
      // The next request starts again from nothing.
      const second = await post(stack.gatewayUrl, `{ payment(id: "${SEED_PAYMENT}") { id } }`, TOKENS.sellerMLM);
      expect(second.body).toEqual({ data: { payment: { id: SEED_PAYMENT } }, extensions: expect.anything() });
    });
  });

  describe('the default budget', () => {
    const stack = useStack();

    it('is 100 calls: a page of 50 orders with 2 payments each reads 98 of its 100 payments', async () => {
      expect(LIMITS.maxUpstreamCalls).toBe(100);
      // 50 sales of the MLB seller, each paid in two payments: newer than its fixture order, so they are the page.
      for (let i = 0; i < 50; i += 1) {
        const order = await raw(stack.sandboxUrl, 'POST', '/__sandbox/orders', {
          body: {
            seller_id: 169648308,
            buyer_id: 160903317,
            items: [{ id: 'MLB700000001', title: 'Banco de madeira', quantity: 1, unit_price: 120 }],
          },
        });
        expect(order.status).toBe(201);
        for (const body of [{ amount: 60 }, {}]) {
          expect((await raw(stack.sandboxUrl, 'POST', `/__sandbox/orders/${order.body.id}/pay`, { body })).status).toBe(
            201,
          );
        }
      }
      const before = await upstreamCalls(stack.sandboxUrl);
      const { status, body } = await post(
        stack.gatewayUrl,
        '{ orders(first: 50) { nodes { id payments { id } } } }',
        TOKENS.sellerMLB,
      );
      expect(status).toBe(200);
      const calls = await upstreamCallsSince(stack.sandboxUrl, before);
      expect(calls).toEqual({ 'GET /users/me': 1, 'GET /orders/search': 1, 'GET /v1/payments/{id}': 98 });

      const payments = body.data.orders.nodes.flatMap((o: any, i: number) =>
        o.payments.map((p: any, j: number) => ({ path: ['orders', 'nodes', i, 'payments', j], read: p !== null })),
      );
      expect(payments).toHaveLength(100);
      expect(payments.filter((p: any) => p.read)).toHaveLength(98);
      expect(body.errors).toEqual(
        payments
          .filter((p: any) => !p.read)
          .map((p: any) =>
            expect.objectContaining({
              path: p.path,
              extensions: { code: 'BAD_USER_INPUT', maxUpstreamCalls: LIMITS.maxUpstreamCalls },
            }),
          ),
      );
    });
  });
});

describe('the example operations', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
  });

  // Operations use fragments from other files (MoneyParts), so the files are read as one document.
  const dir = join(__dirname, '../../schema/operations');
  const document = parse(
    readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n'),
  );
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );

  /** The smallest valid value of each mutation input (their cost does not depend on values). */
  const MINIMAL_INPUTS: Record<string, Record<string, unknown>> = {
    CreatePaymentInput: { idempotencyKey: 'k', token: 't', amount: '1', installments: 1 },
    CapturePaymentInput: { idempotencyKey: 'k', paymentId: '1' },
    CancelPaymentInput: { idempotencyKey: 'k', paymentId: '1' },
    RefundPaymentInput: { idempotencyKey: 'k', paymentId: '1' },
    CreateCustomerInput: { email: 'a@b.co' },
    UpdateCustomerInput: { customerId: '1-a' },
    DeleteCustomerInput: { customerId: '1-a' },
    AddCardInput: { customerId: '1-a', token: 't' },
    RemoveCardInput: { customerId: '1-a', cardId: '1' },
  };

  /** Values for the required variables, and pages at their largest: the most the operation can cost. */
  const worstCase = (op: OperationDefinitionNode): Record<string, unknown> =>
    Object.fromEntries(
      (op.variableDefinitions ?? []).flatMap((v): [string, unknown][] => {
        if (v.variable.name.value === 'first' && v.type.kind !== Kind.NON_NULL_TYPE) return [['first', MAX_PAGE_SIZE]];
        if (v.type.kind !== Kind.NON_NULL_TYPE) return [];
        const type = print(v.type.type);
        return [[v.variable.name.value, MINIMAL_INPUTS[type] ?? (type === 'Locale' ? 'EN' : type === 'Int' ? 1 : '1')]];
      }),
    );

  it('are all here', () => {
    expect(operations.length).toBeGreaterThanOrEqual(17);
  });

  it.each(operations.map((op) => [op.name?.value ?? '(anonymous)', op] as const))(
    '%s is within half of each limit, its pages at their largest',
    (_name, op) => {
      const checked = checkOperation(schema, document, op, worstCase(op));
      expect(checked).not.toBeNull();
      expect(checked?.refusal).toBeNull();
      expect(operationCost(schema, document, op.name?.value, worstCase(op))).toBeLessThanOrEqual(LIMITS.maxCost / 2);
      const shape = operationShape(document, op);
      expect(shape.depth).toBeLessThanOrEqual(LIMITS.maxDepth / 2);
      expect(shape.aliases).toBeLessThanOrEqual(LIMITS.maxAliases / 2);
      expect(shape.directives).toBeLessThanOrEqual(LIMITS.maxDirectives / 2);
    },
  );

  it('are within half of the limits of a document, all of them together', () => {
    const { tokens, nesting } = sourceShape(print(document));
    expect(tokens).toBeLessThanOrEqual(LIMITS.maxTokens / 2);
    expect(nesting).toBeLessThanOrEqual(LIMITS.maxNesting / 2);
  });

  it("and Apollo Sandbox's preset operation are within half of each limit", () => {
    const preset = sandboxExplorer([]);
    const presetDocument = parse(preset.document);
    const op = presetDocument.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    expect(checkOperation(schema, presetDocument, op, preset.variables)).toEqual({ cost: 28, refusal: null });
    expect(operationShape(presetDocument, op!).depth).toBeLessThanOrEqual(LIMITS.maxDepth / 2);
  });
});
