// Hostile GraphQL documents (README.md, "Query cost and depth"): nesting thousands deep in fields,
// lists and objects, hundreds of aliases (introspection too), many directives and tokens, fragment
// cycles and bombs, operations that cannot be chosen, subscriptions over HTTP, variables of the
// wrong type or of a huge size. Each is refused before any resolver runs (no upstream call in the
// sandbox's request log), with its numbers and without a stack, in bounded time.
import { TOKENS } from '../support/sandbox';
import { useStack } from '../support/stack';
import {
  aliased,
  capturedLog,
  deepPayment,
  gql,
  gqlGet,
  nestedList,
  request,
  runCases,
  sandboxTarget,
  type HostileCase,
  type RawResponse,
} from '../support/hostile';

const LIMIT = ['BAD_USER_INPUT'];
const INVALID = ['GRAPHQL_VALIDATION_FAILED'];
const NO_COST = { cost: { requested: 0, limit: 1000, remaining: 1000 } };

/** Refused before it was priced: one error, `extensions.cost` at 0. */
const unpriced = (res: RawResponse) => expect(res.json.extensions).toEqual(NO_COST);

/** Answered within `ms`: the work a hostile document causes is bounded. */
const within = (ms: number) => (res: RawResponse) => expect(res.ms).toBeLessThan(ms);

/** `n` inline fragments, each with one directive: n directives, no alias. */
const directives = (n: number) => `{ ${'... @include(if: true) { __typename } '.repeat(n)}}`;

/** Fragments F0…F{n-1}, each spreading the next twice: 2^n expansions of `__typename`. */
const fragmentBomb = (n: number) => {
  const doubling = Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  return `{ ...F0 } ${doubling.join(' ')} fragment F${n} on Query { __typename }`;
};

const NESTING: HostileCase[] = [
  {
    name: '11 fields deep is over the depth limit of 10',
    request: gql(deepPayment(11)),
    expect: { status: 400, codes: LIMIT, extensions: [{ depth: 11, maxDepth: 10 }] },
    check: unpriced,
  },
  {
    name: '11 fields deep through a fragment is over the depth limit too',
    request: gql(
      '{ payment(id: "885920310") { ...P } } fragment P on Payment { order { payments { order { payments ' +
        '{ order { payments { order { payments { order { id } } } } } } } } } }',
    ),
    expect: { status: 400, codes: LIMIT, extensions: [{ depth: 11, maxDepth: 10 }] },
  },
  ...[100, 1_500, 5_000, 50_000].map((n): HostileCase => ({
    name: `${n.toLocaleString('en')} fields deep is refused from its text, before it is parsed`,
    request: gql(deepPayment(n)),
    expect: { status: 400, codes: LIMIT, extensions: [{ nesting: n, maxNesting: 32 }] },
    check: (res) => {
      unpriced(res);
      within(2_000)(res);
    },
  })),
  {
    name: 'a list 20 deep as an ID argument is invalid',
    request: gql(`{ payment(id: ${nestedList(20)}) { id } }`),
    expect: { status: 400, codes: INVALID },
  },
  {
    name: 'a list 5,000 deep as an argument is refused from its text',
    request: gql(`{ payment(id: ${nestedList(5_000)}) { id } }`),
    expect: { status: 400, codes: LIMIT, extensions: [{ nesting: 5_002, maxNesting: 32 }] },
  },
  {
    name: 'an object 20 deep as an input argument is invalid',
    request: gql(`{ payments(filter: ${'{ a: '.repeat(20)}1${' }'.repeat(20)}) { nodes { id } } }`),
    expect: { status: 400, codes: INVALID },
  },
  {
    name: 'an object 50,000 deep as an input argument is refused from its text',
    request: gql(`{ payments(filter: ${'{ a: '.repeat(50_000)}1${' }'.repeat(50_000)}) { nodes { id } } }`),
    expect: { status: 400, codes: LIMIT, extensions: [{ nesting: 50_002, maxNesting: 32 }] },
  },
  {
    name: 'a list 50,000 deep in the variables is a bad variable, without a stack overflow',
    request: gql('query($id: ID!) { payment(id: $id) { id } }', { variablesJson: `{"id":${nestedList(50_000)}}` }),
    expect: { status: 400, codes: LIMIT },
    check: within(2_000),
  },
  {
    name: 'an object 50,000 deep in the variables is a bad variable, without a stack overflow',
    request: gql('query($f: PaymentFilter) { payments(filter: $f) { nodes { id } } }', {
      variablesJson: `{"f":${'{"status":'.repeat(50_000)}1${'}'.repeat(50_001)}`,
    }),
    expect: { status: 400, codes: LIMIT },
    check: within(2_000),
  },
  {
    name: 'introspection nested past graphql-js’s introspection depth is invalid',
    request: gql(
      '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }',
    ),
    expect: { status: 400, codes: INVALID },
  },
];

const WIDTH: HostileCase[] = [
  {
    name: '31 aliases are over the alias limit of 30',
    request: gql(aliased(31, () => '__typename')),
    expect: { status: 400, codes: LIMIT, extensions: [{ aliases: 31, maxAliases: 30 }] },
    check: unpriced,
  },
  {
    name: '1,000 aliases are over the alias limit',
    request: gql(aliased(1_000, () => '__typename')),
    expect: { status: 400, codes: LIMIT, extensions: [{ aliases: 1_000, maxAliases: 30 }] },
  },
  {
    name: '31 payments by id under aliases read nothing',
    request: gql(aliased(31, (i) => `payment(id: "${885920310 + i}") { id }`)),
    expect: { status: 400, codes: LIMIT, extensions: [{ aliases: 31, maxAliases: 30 }] },
  },
  {
    name: '31 aliased introspections of __schema are over the alias limit (introspection is free, not unlimited)',
    request: gql(aliased(31, () => '__schema { types { name fields { name } } }')),
    expect: { status: 400, codes: LIMIT, extensions: [{ aliases: 31, maxAliases: 30 }] },
  },
  {
    name: '16 aliases in a fragment spread twice are 32 aliases',
    request: gql(`{ ...A ... on Query { ...A } } fragment A on Query ${aliased(16, () => '__typename')}`),
    expect: { status: 400, codes: LIMIT, extensions: [{ aliases: 32, maxAliases: 30 }] },
  },
  {
    name: '51 directives are over the directive limit of 50',
    request: gql(directives(51)),
    expect: { status: 400, codes: LIMIT, extensions: [{ directives: 51, maxDirectives: 50 }] },
    check: unpriced,
  },
  {
    name: '400 directives are over the directive limit',
    request: gql(directives(400)),
    expect: { status: 400, codes: LIMIT, extensions: [{ directives: 400, maxDirectives: 50 }] },
  },
  {
    name: 'one directive repeated 60 times on a field is invalid, once per repetition',
    request: gql(`{ __typename ${'@include(if: true) '.repeat(60)}}`),
    expect: { status: 400, codes: Array(59).fill('GRAPHQL_VALIDATION_FAILED') },
  },
  {
    name: 'an unknown directive 60 times is invalid, once per use',
    request: gql(`{ __typename ${'@foo '.repeat(60)}}`),
    expect: { status: 400, codes: Array(60).fill('GRAPHQL_VALIDATION_FAILED') },
  },
  {
    name: 'a document of 5,002 tokens is over the token limit of 5,000',
    request: gql(`{ ${'__typename '.repeat(5_000)}}`),
    expect: { status: 400, codes: LIMIT, extensions: [{ tokens: 5_002, maxTokens: 5_000 }] },
    check: unpriced,
  },
  {
    name: '2,000 payments by id without aliases are over the token limit, and read nothing',
    request: gql(`{ ${'payment(id: "885920310") { id } '.repeat(2_000)}}`),
    expect: { status: 400, codes: LIMIT, extensions: [{ tokens: 18_002, maxTokens: 5_000 }] },
  },
  {
    name: '4,990 copies of one field (under the token limit) are refused by validation in bounded time',
    request: gql(`{ ${'__typename '.repeat(4_990)}}`),
    expect: { status: 400, codes: INVALID },
    check: within(3_000),
  },
  {
    name: 'a 900 KB comment is not a token: the operation runs',
    request: gql(`#${'x'.repeat(900_000)}\n{ __typename }`),
    expect: { status: 200, codes: [] },
  },
  {
    name: 'a fragment bomb (2^40 expansions) is over the size limit, measured without expanding it',
    request: gql(fragmentBomb(40)),
    expect: { status: 400, codes: LIMIT, extensions: [{ maxSelections: 10_000 }] },
    check: (res) => {
      expect(res.json.errors[0].extensions.selections).toBeGreaterThan(2 ** 40);
      within(2_000)(res);
    },
  },
];

const OPERATIONS: HostileCase[] = [
  {
    name: 'a fragment cycle through two fragments is invalid',
    request: gql('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
    expect: { status: 400, codes: INVALID },
  },
  {
    name: 'a fragment spreading itself is invalid',
    request: gql('{ ...A } fragment A on Query { __typename ...A }'),
    expect: { status: 400, codes: INVALID },
  },
  {
    name: 'a fragment cycle under a payment reads nothing',
    request: gql(
      '{ payment(id: "885920310") { ...P } } fragment P on Payment { order { ...O } } ' +
        'fragment O on Order { payments { ...P } }',
    ),
    expect: { status: 400, codes: INVALID },
  },
  {
    name: 'an operationName the document does not have is refused',
    request: gql('query A { payment(id: "885920310") { id } }', { operationName: 'B' }),
    expect: { status: 400, codes: ['OPERATION_RESOLUTION_FAILURE'] },
  },
  {
    name: 'several operations without an operationName are refused',
    request: gql('query A { payment(id: "885920310") { id } } query B { __typename }'),
    expect: { status: 400, codes: ['OPERATION_RESOLUTION_FAILURE'] },
  },
  {
    name: 'a document of fragments only is invalid',
    request: gql('fragment F on Query { __typename }'),
    expect: { status: 400, codes: INVALID },
  },
  {
    name: 'an empty query is a bad request',
    request: gql(''),
    expect: { status: 400, codes: ['BAD_REQUEST'] },
  },
  {
    name: 'a syntax error is a parse failure',
    request: gql('{ payment('),
    expect: { status: 400, codes: ['GRAPHQL_PARSE_FAILED'] },
  },
  {
    name: 'a lone surrogate escape in a string is a parse failure',
    request: request('POST', '/graphql', {
      body: '{"query":"{ payment(id: \\"\\\\uD800\\") { id } }"}',
      token: TOKENS.sellerMLB,
    }),
    expect: { status: 400, codes: ['GRAPHQL_PARSE_FAILED'] },
  },
  {
    name: 'an anonymous subscription is refused over HTTP',
    request: gql('subscription { paymentUpdated { id } }'),
    expect: { status: 400, codes: LIMIT },
  },
  {
    name: 'a named subscription is refused over HTTP',
    request: gql('subscription PaymentChanged { paymentUpdated(id: "885920310") { id status } }'),
    expect: { status: 400, codes: LIMIT },
  },
  {
    name: 'a subscription chosen by operationName next to a query is refused over HTTP',
    request: gql('subscription S { paymentUpdated { id } } query Q { __typename }', { operationName: 'S' }),
    expect: { status: 400, codes: LIMIT },
  },
  {
    name: 'a subscription over GET is 405',
    request: gqlGet('subscription { paymentUpdated { id } }'),
    expect: { status: 405, codes: ['BAD_REQUEST'] },
  },
];

const ID_VARIABLE = 'query($id: ID!) { payment(id: $id) { id } }';
const FILTER_VARIABLE = 'query($f: PaymentFilter) { payments(filter: $f, first: 5) { nodes { id } } }';

const VARIABLES: HostileCase[] = [
  {
    name: 'an object for an ID variable is a bad variable',
    request: gql(ID_VARIABLE, { variables: { id: { $gt: '' } } }),
    expect: { status: 400, codes: LIMIT },
    check: unpriced,
  },
  {
    name: 'a boolean for an ID variable is a bad variable',
    request: gql(ID_VARIABLE, { variables: { id: true } }),
    expect: { status: 400, codes: LIMIT },
  },
  {
    name: 'a missing required variable is a bad variable',
    request: gql(ID_VARIABLE, { variables: {} }),
    expect: { status: 400, codes: LIMIT },
  },
  {
    name: 'a string for an Int variable is a bad variable',
    request: gql('query($n: Int) { payments(first: $n) { nodes { id } } }', { variables: { n: 'ten' } }),
    expect: { status: 400, codes: LIMIT },
  },
  {
    name: 'an Int variable past 32 bits is a bad variable',
    request: gql('query($n: Int) { payments(first: $n) { nodes { id } } }', { variables: { n: 1e20 } }),
    expect: { status: 400, codes: LIMIT },
  },
  {
    name: 'an enum variable the schema does not have is a bad variable',
    request: gql(FILTER_VARIABLE, { variables: { f: { status: 'APROVED' } } }),
    expect: { status: 400, codes: LIMIT },
  },
  {
    name: 'an input field the schema does not have is a bad variable',
    request: gql(FILTER_VARIABLE, { variables: { f: { collector: { id: '1' } } } }),
    expect: { status: 400, codes: LIMIT },
  },
  {
    name: 'a 900 KB ID variable is refused as an id, and not echoed',
    request: gql(ID_VARIABLE, { variables: { id: 'x'.repeat(900_000) } }),
    expect: { status: 200, codes: LIMIT, extensions: [{ argument: 'id' }] },
    check: (res) => expect(res.text.length).toBeLessThan(2_000),
  },
  {
    name: 'a 900 KB ID literal is refused as an id, and not echoed',
    request: gql(`{ payment(id: "${'9'.repeat(900_000)}") { id } }`),
    expect: { status: 200, codes: LIMIT, extensions: [{ argument: 'id' }] },
    check: (res) => expect(res.text.length).toBeLessThan(2_000),
  },
  {
    name: 'a 900 KB external reference is refused, and not echoed',
    request: gql(FILTER_VARIABLE, { variables: { f: { externalReference: 'r'.repeat(900_000) } } }),
    expect: { status: 200, codes: LIMIT, extensions: [{ argument: 'filter.externalReference' }] },
    check: (res) => expect(res.text.length).toBeLessThan(2_000),
  },
  {
    name: 'a 900 KB payment description is a userError, not echoed, and charges nothing',
    request: gql(
      'mutation($input: CreatePaymentInput!) { createPayment(input: $input) { payment { id } ' +
        'userErrors { code field } } }',
      {
        variables: {
          input: {
            idempotencyKey: 'huge-description',
            token: 'ffffffffffffffffffffffffffffffff',
            amount: '10',
            installments: 1,
            payer: { email: 'test_payer_12345@testuser.com' },
            description: 'd'.repeat(900_000),
          },
        },
      },
    ),
    expect: { status: 200, codes: [], userErrors: ['INVALID_VALUE'] },
    check: (res) => expect(res.text.length).toBeLessThan(2_000),
  },
  {
    name: 'a 900 KB e-mail in a customer search is refused as an argument, and not echoed',
    request: gql('query($e: String) { customers(email: $e) { nodes { id } } }', {
      variables: { e: `${'e'.repeat(900_000)}@example.com` },
    }),
    expect: { status: 200, codes: LIMIT, extensions: [{ argument: 'email' }] },
    check: (res) => expect(res.text.length).toBeLessThan(2_000),
  },
];

describe('hostile documents', () => {
  const { lines, log } = capturedLog();
  const stack = useStack({}, { gateway: { log } });
  const target = sandboxTarget(stack);

  afterAll(() => {
    // Nothing here is a bug of the gateway's: no internal error was logged.
    expect(lines.filter((l) => l.includes('internal error'))).toEqual([]);
  });

  describe('2. nesting', () => runCases(target, NESTING));
  describe('2. width: aliases, directives, tokens, fragments', () => runCases(target, WIDTH));
  describe('2. operations', () => runCases(target, OPERATIONS));
  describe('2. variables', () => runCases(target, VARIABLES));
});

describe('hostile documents: 2. the upstream-call budget of one operation', () => {
  const stack = useStack({}, { gateway: { limits: { maxUpstreamCalls: 3 } } });
  const target = sandboxTarget(stack);

  runCases(target, [
    {
      name: 'a retry inside a call is not another call: three reads with one retried fit a budget of 3',
      setup: (h) => h.fault({ route: 'GET /v1/payments/{id}', status: 500, times: 1 }),
      request: gql(aliased(3, (i) => `payment(id: "${['885920310', '885920410', '1'][i - 1]}") { id }`)),
      expect: { status: 200, codes: ['NOT_FOUND'], calls: { 'GET /v1/payments/{id}': 4 } },
      check: (res) => expect(res.json.data).toEqual({ a1: { id: '885920310' }, a2: { id: '885920410' }, a3: null }),
    },
    {
      name: 'five payments by id with a budget of 3: three are read, two are refused where they stand',
      request: gql(aliased(5, (i) => `payment(id: "${['885920310', '885920410', '1', '2', '3'][i - 1]}") { id }`)),
      expect: {
        status: 200,
        codes: ['NOT_FOUND', 'BAD_USER_INPUT', 'BAD_USER_INPUT'],
        extensions: [{}, { maxUpstreamCalls: 3 }, { maxUpstreamCalls: 3 }],
        calls: { 'GET /v1/payments/{id}': 3 },
      },
      check: (res) => {
        expect(res.json.data.a1).toEqual({ id: '885920310' });
        expect(res.json.data.a2).toEqual({ id: '885920410' });
      },
    },
    {
      name: 'the account, an order and its two payments with a budget of 3: the fourth read is refused at its path',
      request: gql('{ me { id } order(id: "893431118") { id payments { id } } }'),
      expect: {
        status: 200,
        codes: ['BAD_USER_INPUT'],
        extensions: [{ maxUpstreamCalls: 3 }],
        calls: { 'GET /users/me': 1, 'GET /orders/{id}': 1, 'GET /v1/payments/{id}': 1 },
      },
      check: (res) => {
        expect(res.json.errors[0].path).toEqual(['order', 'payments', 1]);
        expect(res.json.data.me).toMatchObject({ id: '169648308' });
        expect(res.json.data.order.payments[0]).toEqual({ id: '885920310' });
      },
    },
  ]);
});
