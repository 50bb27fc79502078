// Query cost and depth (src/gateway/limits.ts and the `complexity` options in src/graph): what
// representative operations cost and how deep they are, what a document's text measures before it
// is parsed, and the order of the checks, on the real schema, with no network.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getIntrospectionQuery,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { checkDocument, checkOperation, checkSource, costExtension, LIMITS } from '../../src/gateway/limits';
import { operationCost, operationShape, sourceShape } from '../../src/gateway/measure';
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
    // Refused before it is priced: the cost walk recurses once per level, so a deep operation never reaches it.
    expect(checked?.cost).toBe(0);
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

// What graphql-js's lexer counts for `maxTokens` (every token but <EOF>; comments skipped), and the
// deepest bracket it reads: what sourceShape must agree with.
const lexed = (source: string): { tokens: number; nesting: number } => {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  let open = 0;
  let nesting = 0;
  for (let t = lexer.advance(); t.kind !== TokenKind.EOF; t = lexer.advance()) {
    tokens += 1;
    if (t.kind === TokenKind.BRACE_L || t.kind === TokenKind.PAREN_L || t.kind === TokenKind.BRACKET_L) {
      open += 1;
      nesting = Math.max(nesting, open);
    }
    if (t.kind === TokenKind.BRACE_R || t.kind === TokenKind.PAREN_R || t.kind === TokenKind.BRACKET_R) open -= 1;
  }
  return { tokens, nesting };
};

/** `{ order(id: "1") { payments { order { payments … { id } } } } }`, `levels` fields below `order`. */
const nested = (levels: number): string => {
  let inner = 'id';
  for (let i = levels; i > 0; i -= 1) inner = `${i % 2 ? 'payments' : 'order'} { ${inner} }`;
  return `{ order(id: "1") { ${inner} } }`;
};

describe('the text of a document, before parsing', () => {
  const operations = join(__dirname, '../../schema/operations');
  const examples = readdirSync(operations)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => readFileSync(join(operations, f), 'utf8'));

  it('counts tokens and nesting as graphql-js lexes them', () => {
    const sources = [
      ...examples,
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true }),
      'query Q($a: [Int!]! = [1, -2, 3.5e-3, 0.25E+2], $b: String = "x") @skip(if: false) { __typename }',
      '{ a(s: "brace { in \\" a string", b: """block { " "" \\""" string""") } # comment { ( [',
      '{\ufeff a, b ,c ...F ... on T { d } } fragment F on T { e(x: $v, y: [[{ z: null }]]) }',
      '{ a(x: -0) }',
    ];
    for (const source of sources) expect(sourceShape(source)).toEqual(lexed(source));
  });

  it('reads no bracket inside strings, block strings or comments', () => {
    const padding = '{'.repeat(5_000);
    expect(sourceShape(`{ a(s: "${padding}") }`).nesting).toBe(2);
    expect(sourceShape(`{ a(s: """${padding} \\""" ${padding}""") }`).nesting).toBe(2);
    expect(sourceShape(`# ${padding}\n{ a }`).nesting).toBe(1);
    expect(sourceShape(`{ a(s: [[[{ b: [1] }]]]) }`).nesting).toBe(7);
  });

  it('measures a document nested a million deep in one pass, without recursion', () => {
    expect(sourceShape('{'.repeat(1_000_000))).toEqual({ tokens: 1_000_000, nesting: 1_000_000 });
  });

  it('accepts every example operation and the introspection query, well within both limits', () => {
    for (const source of [...examples, getIntrospectionQuery({ descriptions: true, specifiedByUrl: true })]) {
      expect(checkSource(source)).toBeNull();
      expect(sourceShape(source).nesting).toBeLessThanOrEqual(LIMITS.maxNesting / 2);
      expect(sourceShape(source).tokens).toBeLessThanOrEqual(LIMITS.maxTokens / 5);
    }
    expect(sourceShape(examples.join('\n')).tokens).toBeLessThanOrEqual(LIMITS.maxTokens / 2);
  });

  it('refuses a document nested deeper than the limit with its nesting and the limit', () => {
    const refusal = checkSource(nested(2_000));
    expect(refusal?.message).toBe(
      'The document nests brackets 2002 deep, over the limit of 32. Split it into shallower operations.',
    );
    expect(refusal?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', http: { status: 400 } });
    expect(refusal?.numbers).toEqual({ nesting: 2002, maxNesting: 32 });
    expect(checkSource(nested(30))?.numbers).toBeUndefined();
  });

  it('refuses a document with more tokens than the limit with its tokens and the limit', () => {
    const refusal = checkSource(`{ ${'__typename '.repeat(5_000)}}`);
    expect(refusal?.message).toBe('The document has 5002 tokens, over the limit of 5000. Send a shorter document.');
    expect(refusal?.numbers).toEqual({ tokens: 5002, maxTokens: 5000 });
    expect(checkSource(`{ ${'__typename '.repeat(4_998)}}`)).toBeNull();
  });
});

describe('the shape of an operation, measured without recursion', () => {
  /** A document `levels` fields deep, built without the parser (which recurses once per level). */
  const deepDocument = (levels: number): { document: DocumentNode; operation: OperationDefinitionNode } => {
    let field: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'id' } };
    for (let i = levels - 1; i > 0; i -= 1) {
      field = {
        kind: Kind.FIELD,
        name: { kind: Kind.NAME, value: i % 2 ? 'payments' : 'order' },
        selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
      };
    }
    const operation: OperationDefinitionNode = {
      kind: Kind.OPERATION_DEFINITION,
      operation: 'query' as OperationDefinitionNode['operation'],
      selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
    };
    return { document: { kind: Kind.DOCUMENT, definitions: [operation] }, operation };
  };

  it('measures an operation 100,000 fields deep', () => {
    const { document, operation } = deepDocument(100_000);
    expect(operationShape(document, operation)).toEqual({
      depth: 100_000,
      selections: 100_000,
      aliases: 0,
      directives: 0,
    });
  });

  it('measures a chain of 2,000 fragments, each a level deeper than the last', () => {
    const fragments = Array.from(
      { length: 2_000 },
      (_, i) => `fragment F${i} on Order { payments { order { ${i + 1 < 2_000 ? `...F${i + 1}` : 'id'} } } }`,
    ).join('\n');
    const document = parse(`{ order(id: "1") { ...F0 } } ${fragments}`);
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(operationShape(document, operation).depth).toBe(1 + 2 * 2_000 + 1);
  });

  it('counts every field written with an alias, fragments expanded, introspection included', () => {
    expect(shape('{ a: payment(id: "1") { id } b: payment(id: "2") { cents: amount { amount } } }').aliases).toBe(3);
    expect(
      shape('{ a: payment(id: "1") { ...P } b: payment(id: "2") { ...P } } fragment P on Payment { x: id y: id }')
        .aliases,
    ).toBe(2 + 2 * 2);
    expect(shape('{ s1: __schema { t: types { name } } s2: __type(name: "Payment") { name } }').aliases).toBe(3);
    expect(shape('{ payment(id: "1") { id } }').aliases).toBe(0);
  });

  it('counts every directive used, fragments expanded, on the operation and its variables too', () => {
    expect(
      shape(
        'query Q($a: Boolean! @deprecated) @skip(if: false) { payment(id: "1") @include(if: $a) { id @skip(if: $a) } }',
      ).directives,
    ).toBe(4);
    expect(
      shape(
        '{ a: payment(id: "1") { ...P @include(if: true) } b: payment(id: "2") { ...P } } ' +
          'fragment P on Payment @skip(if: false) { id @include(if: true) ... @skip(if: false) { status } }',
      ).directives,
    ).toBe(1 + 2 * 3);
  });
});

describe('checkDocument and the order of the checks', () => {
  const document = (source: string) => {
    const d = parse(source);
    return checkDocument(
      d,
      d.definitions.find((x): x is OperationDefinitionNode => x.kind === Kind.OPERATION_DEFINITION)!,
    );
  };
  const aliased = (n: number, field = 'payment(id: "1") { id }') =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

  it('accepts 30 aliases and refuses 31 with the count and the limit', () => {
    expect(document(aliased(30))).toBeNull();
    const refusal = document(aliased(31));
    expect(refusal?.message).toBe(
      'The operation has 31 aliased fields once its fragments are expanded, over the limit of 30. ' +
        'Ask for a page (first) rather than many things by id, or split the operation.',
    );
    expect(refusal?.numbers).toEqual({ aliases: 31, maxAliases: 30 });
  });

  it('refuses aliased introspection over the limit, though introspection is free and not deep', () => {
    expect(document(aliased(31, '__schema { types { name } }'))?.numbers).toEqual({ aliases: 31, maxAliases: 30 });
    expect(document(aliased(100, '__typename'))?.numbers).toEqual({ aliases: 100, maxAliases: 30 });
  });

  it('accepts 50 directives and refuses 51 with the count and the limit', () => {
    const directives = (n: number) =>
      `{ payment(id: "1") { id ${Array.from({ length: n }, () => '... @include(if: true) { id }').join(' ')} } }`;
    expect(document(directives(50))).toBeNull();
    const refusal = document(directives(51));
    expect(refusal?.message).toBe(
      'The operation uses 51 directives once its fragments are expanded, over the limit of 50.',
    );
    expect(refusal?.numbers).toEqual({ directives: 51, maxDirectives: 50 });
  });

  it('checks depth and size before pricing: an operation too deep to price is refused, not priced', () => {
    const fragments = Array.from(
      { length: 2_000 },
      (_, i) => `fragment F${i} on Order { payments { order { ${i + 1 < 2_000 ? `...F${i + 1}` : 'id'} } } }`,
    ).join('\n');
    // Priced first, this walked 4,000 levels of graphql-query-complexity's recursion and overflowed the stack.
    expect(check(`{ order(id: "1") { ...F0 } } ${fragments}`)).toEqual({ cost: 0, refusal: expect.anything() });
    expect(check(`{ order(id: "1") { ...F0 } } ${fragments}`)?.refusal?.numbers).toEqual({
      depth: 4_002,
      maxDepth: 10,
    });
  });

  it('refuses an operation over a limit of its shape even when its variables are invalid (they are not needed)', () => {
    expect(check(`query($id: ID!) ${aliased(31, 'payment(id: $id) { id }')}`, {})?.refusal?.numbers).toEqual({
      aliases: 31,
      maxAliases: 30,
    });
  });
});
