// Query cost and depth (src/gateway/limits.ts and the `complexity` options in src/graph): what
// representative operations cost and how deep they are, on the real schema, with no network.
import { buildSchema, getIntrospectionQuery, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { checkOperation, costExtension, LIMITS, operationCost, operationShape } from '../../src/gateway/limits';
import { buildGatewaySchema } from '../../src/gateway/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

const cost = (source: string, variables: Record<string, unknown> = {}) =>
  operationCost(schema, parse(source), undefined, variables);
const shape = (source: string) => {
  const document = parse(source);
  return operationShape(
    document,
    document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!,
  );
};
const check = (source: string, variables?: Record<string, unknown>) => {
  const document = parse(source);
  return checkOperation(
    schema,
    document,
    document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition'),
    variables,
  );
};

describe('operation cost', () => {
  it('charges nothing for scalars, enums and __typename, 1 for each object', () => {
    expect(cost('{ __typename }')).toBe(0);
    expect(cost('{ payment(id: "1") { id status statusDetail installments captured } }')).toBe(1);
    expect(
      cost('{ payment(id: "1") { id amount { amount currency } card { lastFourDigits cardholder { name } } } }'),
    ).toBe(4);
  });

  it('prices a payment receipt-like read: the payment, its objects, and its embedded lists by their estimates', () => {
    // payment 1 + amount 1 + payer 1 + refunds 3 × (1 + amount 1) + feeDetails 3 × (1 + amount 1)
    expect(
      cost(
        '{ payment(id: "1") { id amount { amount } payer { email } refunds { id amount { amount } } feeDetails { type amount { amount } } } }',
      ),
    ).toBe(15);
  });

  it('prices an order with its payments at 3 payments, and balanceDue and fullyPaid at the payments they read', () => {
    expect(cost('{ order(id: "1") { id payments { id status } } }')).toBe(1 + 3 * 1);
    expect(cost('{ order(id: "1") { id payments { id refunds { id } } } }')).toBe(1 + 3 * (1 + 3 * 1));
    expect(cost('{ order(id: "1") { fullyPaid balanceDue { amount currency } } }')).toBe(1 + 3 + (1 + 3));
  });

  it('prices a connection at 2 plus first × one item, whether read through edges or nodes; pageInfo and totalCount are free', () => {
    expect(cost('{ payments(first: 50) { nodes { id card { lastFourDigits } } } }')).toBe(2 + 50 * 2);
    expect(
      cost('{ payments(first: 10) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }'),
    ).toBe(2 + 10 * 1);
    expect(cost('{ payments(first: 10) { totalCount } }')).toBe(2);
    expect(cost('{ customers(first: 5) { nodes { id cards { id } } } }')).toBe(2 + 5 * (1 + 5 * 1));
  });

  it('uses the default page size (20) when first is omitted, and prices a first over the cap (refused later) as the cap', () => {
    expect(cost('{ orders { nodes { id } } }')).toBe(2 + 20 * 1);
    expect(cost('{ orders(first: 500) { nodes { id } } }')).toBe(2 + 50 * 1);
  });

  it('honours variables for first, and their defaults', () => {
    const source = 'query Page($n: Int) { payments(first: $n) { nodes { id } } }';
    expect(cost(source, { n: 5 })).toBe(2 + 5);
    expect(cost(source)).toBe(2 + 20);
    expect(cost('query Page($n: Int = 40) { payments(first: $n) { nodes { id } } }')).toBe(2 + 40);
  });

  it('multiplies lists inside a connection, and adds connections side by side', () => {
    // Each order: 1, its 3 payments: 3 × (1 + 3 refunds × (1 + amount 1)).
    expect(cost('{ orders(first: 50) { nodes { payments { refunds { amount { amount } } } } } }')).toBe(
      2 + 50 * (1 + 3 * (1 + 3 * 2)),
    );
    expect(
      cost('{ orders(first: 10) { nodes { id } } payments(first: 10) { nodes { id } } customers { totalCount } }'),
    ).toBe(12 + 12 + 2);
  });

  it('counts aliases and fragments (named and inline) as often as they are used', () => {
    const fragments = 'fragment P on Payment { amount { amount } card { id } }';
    expect(cost(`{ a: payment(id: "1") { ...P } b: payment(id: "2") { ...P } } ${fragments}`)).toBe(2 * (1 + 2));
    expect(cost('{ payment(id: "1") { ... on Payment { amount { amount } } ... { card { id } } } }')).toBe(3);
    expect(cost('{ cards: paymentMethods { id } all: paymentMethods { id settings { bin { pattern } } } }')).toBe(
      25 + 25 * (1 + 2 * 2),
    );
  });

  it('leaves out what @skip and @include leave out', () => {
    expect(
      cost(
        'query($no: Boolean!) { payment(id: "1") { amount @include(if: $no) { amount } card @skip(if: true) { id } } }',
        { no: false },
      ),
    ).toBe(1);
  });

  it('charges nothing for introspection (Apollo Sandbox fetching the schema)', () => {
    expect(
      cost(
        getIntrospectionQuery({
          descriptions: true,
          inputValueDeprecation: true,
          specifiedByUrl: true,
          directiveIsRepeatable: true,
        }),
      ),
    ).toBe(0);
    expect(cost('{ __type(name: "Payment") { fields { name type { name } } } payment(id: "1") { id } }')).toBe(1);
  });

  it('charges 10 for a mutation, plus its payload', () => {
    const withMutations = buildSchema(
      'type Query { a: Int } type Thing { id: ID } type Payload { thing: Thing errors: [String!]! } type Mutation { doIt: Payload! }',
    );
    expect(operationCost(withMutations, parse('mutation { doIt { thing { id } errors } }'))).toBe(10 + 1);
  });

  it('reports remaining as what is left of the limit, never below zero', () => {
    expect(costExtension(82, 1000)).toEqual({ requested: 82, limit: 1000, remaining: 918 });
    expect(costExtension(1102, 1000)).toEqual({ requested: 1102, limit: 1000, remaining: 0 });
  });
});

describe('operation depth', () => {
  it('counts the longest chain of fields, the leaf included', () => {
    expect(shape('{ payment(id: "1") { id } }').depth).toBe(2);
    expect(shape('{ payment(id: "1") { id card { cardholder { identification { number } } } } }').depth).toBe(5);
    expect(shape('{ orders { edges { node { payments { amount { amount } } } } } }').depth).toBe(6);
  });

  it('expands fragments: a spread or an inline fragment adds no level of its own', () => {
    const inline = '{ payment(id: "1") { card { cardholder { name } } } }';
    const spread =
      '{ payment(id: "1") { ...A } } fragment A on Payment { card { ...B } } fragment B on Card { ... on Card { cardholder { name } } }';
    expect(shape(spread).depth).toBe(shape(inline).depth);
    expect(shape(spread).depth).toBe(4);
  });

  it('leaves introspection out', () => {
    expect(shape(getIntrospectionQuery()).depth).toBe(0);
    expect(shape('{ __typename payment(id: "1") { __typename } }').depth).toBe(1);
  });

  it('counts selections with fragments expanded without walking each expansion (a fragment bomb is measured, not run)', () => {
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Payment { ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : 'id'} }`,
    ).join('\n');
    const { selections } = shape(`{ payment(id: "1") { ...F0 } } ${fragments}`);
    expect(selections).toBeGreaterThan(2 ** 40);
  });
});

describe('checkOperation', () => {
  it('accepts an operation within both limits and returns its cost', () => {
    expect(check('{ payments(first: 50) { nodes { id card { lastFourDigits } } } }')).toEqual({
      cost: 102,
      refusal: null,
    });
  });

  it('refuses an operation over the cost limit with its cost and the limit', () => {
    const checked = check(
      'query($n: Int) { orders(first: $n) { nodes { payments { refunds { amount { amount } } } } } }',
      { n: 50 },
    );
    expect(checked?.cost).toBe(1102);
    expect(checked?.refusal?.message).toBe(
      'The operation costs 1102, over the limit of 1000. Ask for fewer items (first) or fewer nested lists.',
    );
    expect(checked?.refusal?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', http: { status: 400 } });
    expect(checked?.refusal?.numbers).toEqual({ cost: 1102, maxCost: 1000 });
    // The same operation, a smaller page: accepted.
    expect(
      check('query($n: Int) { orders(first: $n) { nodes { payments { refunds { amount { amount } } } } } }', { n: 10 }),
    ).toEqual({ cost: 222, refusal: null });
  });

  it('refuses an operation over the depth limit, fragments expanded, with its depth and the limit', () => {
    const deep =
      '{ order(id: "1") { ...O } } fragment O on Order { payments { order { payments { order { payments { order { payments { order { payments { id } } } } } } } } } }';
    const checked = check(deep);
    expect(checked?.cost).toBeLessThan(LIMITS.maxCost);
    expect(checked?.refusal?.message).toBe(
      'The operation is 11 fields deep, over the limit of 10. Split it into shallower operations.',
    );
    expect(checked?.refusal?.numbers).toEqual({ depth: 11, maxDepth: 10 });
  });

  it('refuses an operation too large to price without pricing it', () => {
    const fragments = Array.from(
      { length: 20 },
      (_, i) => `fragment F${i} on Payment { ${i < 19 ? `...F${i + 1} ...F${i + 1}` : 'id'} }`,
    ).join('\n');
    const checked = check(`{ payment(id: "1") { ...F0 } } ${fragments}`);
    expect(checked?.cost).toBe(0);
    expect(checked?.refusal?.numbers).toEqual({ selections: expect.any(Number), maxSelections: 10_000 });
  });

  it('leaves an operation with invalid variables to execution (which refuses them before any resolver runs)', () => {
    expect(check('query($id: ID!) { payment(id: $id) { id } }', {})).toBeNull();
    expect(check('query($n: Int) { payments(first: $n) { totalCount } }', { n: 'ten' })).toBeNull();
  });
});
