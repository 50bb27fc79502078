// The gateway in production (NODE_ENV=production, README.md, "Configuration"): no introspection,
// however it is asked for; no "Did you mean …?" in any error, for an unknown field, argument, type,
// enum value or input field, written in the document or sent in the variables (a suggestion names
// what the schema has); and a landing page that loads nothing from a third party. Every answer is
// also checked for stacks, upstream URLs and tokens, and every case for the upstream calls it caused.
import { TOKENS } from '../support/sandbox';
import { useStack } from '../support/stack';
import {
  capturedLog,
  gql,
  request,
  runCases,
  sandboxTarget,
  type HostileCase,
  type RawResponse,
} from '../support/hostile';

const INVALID = ['GRAPHQL_VALIDATION_FAILED'];
const BAD_VARIABLE = ['BAD_USER_INPUT'];
const FILTER = 'query($f: PaymentFilter) { payments(filter: $f, first: 5) { nodes { id } } }';
const CHECKOUT =
  'mutation($input: CreatePaymentInput!) { createPayment(input: $input) { payment { id } userErrors { code } } }';

/** The answer names none of `names` (what a suggestion would have offered). */
const suggestsNone =
  (...names: string[]) =>
  (res: RawResponse) => {
    for (const name of names) expect(res.text).not.toContain(`"${name}"`);
  };

const INTROSPECTION: HostileCase[] = [
  {
    name: '__schema is refused',
    request: gql('{ __schema { types { name } } }', { token: null }),
    expect: { status: 400, codes: INVALID },
    check: (res) => expect(res.json.data).toBeUndefined(),
  },
  {
    name: '__type is refused',
    request: gql('{ __type(name: "Payment") { fields { name } } }', { token: null }),
    expect: { status: 400, codes: INVALID },
  },
  {
    name: 'the introspection query a tool sends is refused',
    request: gql('query IntrospectionQuery { __schema { queryType { name } mutationType { name } } }'),
    expect: { status: 400, codes: INVALID },
  },
  {
    name: 'introspection under an alias is refused',
    request: gql('{ schema: __schema { types { name } } }'),
    expect: { status: 400, codes: INVALID },
  },
  {
    name: 'introspection inside a fragment is refused',
    request: gql('{ ...F } fragment F on Query { __schema { types { name } } }'),
    expect: { status: 400, codes: INVALID },
  },
  {
    name: 'introspection next to a real field is refused, and the field is not read',
    request: gql('{ payment(id: "885920310") { id } __type(name: "Payment") { name } }'),
    expect: { status: 400, codes: INVALID },
  },
  {
    name: '__typename is still answered',
    request: gql('{ __typename }', { token: null }),
    expect: { status: 200, codes: [] },
    check: (res) => expect(res.json.data).toEqual({ __typename: 'Query' }),
  },
];

const SUGGESTIONS: HostileCase[] = [
  {
    name: 'an unknown root field is refused without a suggestion',
    request: gql('{ paymnt(id: "885920310") { id } }'),
    expect: { status: 400, codes: INVALID },
    check: suggestsNone('payment', 'payments'),
  },
  {
    name: 'an unknown field of a type is refused without a suggestion',
    request: gql('{ payment(id: "885920310") { statuss } }'),
    expect: { status: 400, codes: INVALID },
    check: suggestsNone('status', 'statusDetail'),
  },
  {
    name: 'an unknown mutation is refused without a suggestion',
    request: gql('mutation { createPaymnt(input: {}) { userErrors { code } } }'),
    expect: { status: 400, codes: INVALID },
    check: suggestsNone('createPayment'),
  },
  {
    name: 'an unknown argument is refused without a suggestion',
    request: gql('{ payment(idd: "885920310") { id } }'),
    expect: { status: 400, codes: Array(2).fill('GRAPHQL_VALIDATION_FAILED') },
    check: suggestsNone('id'),
  },
  {
    name: 'an unknown type in a variable definition is refused without a suggestion',
    request: gql('query($f: PaymentFiltr) { payments(filter: $f) { nodes { id } } }'),
    expect: { status: 400, codes: INVALID },
    check: suggestsNone('PaymentFilter'),
  },
  {
    name: 'an unknown type in a fragment condition is refused without a suggestion',
    request: gql('{ payment(id: "885920310") { ... on Paymnt { id } } }'),
    expect: { status: 400, codes: INVALID },
    check: suggestsNone('Payment'),
  },
  {
    name: 'an unknown enum value written in the document is refused without a suggestion',
    request: gql('{ payments(filter: {status: APROVED}) { nodes { id } } }'),
    expect: { status: 400, codes: INVALID },
    check: suggestsNone('APPROVED'),
  },
  {
    name: 'an unknown enum value sent in the variables is refused without a suggestion',
    request: gql(FILTER, { variables: { f: { status: 'APROVED' } } }),
    expect: { status: 400, codes: BAD_VARIABLE },
    check: suggestsNone('APPROVED'),
  },
  {
    name: 'an unknown locale (an enum argument) is refused without a suggestion',
    request: gql('{ payment(id: "885920310") { statusMessage(locale: ENG) } }'),
    expect: { status: 400, codes: INVALID },
    check: suggestsNone('EN'),
  },
  {
    name: 'an unknown input field written in the document is refused without a suggestion',
    request: gql('{ payments(filter: {statuss: APPROVED}) { nodes { id } } }'),
    expect: { status: 400, codes: INVALID },
    check: suggestsNone('status'),
  },
  {
    name: 'an unknown input field sent in the variables is refused without a suggestion',
    request: gql(FILTER, { variables: { f: { statuss: 'APPROVED' } } }),
    expect: { status: 400, codes: BAD_VARIABLE },
    check: suggestsNone('status'),
  },
  {
    name: "an unknown field of a mutation's input, in the variables, is refused without a suggestion",
    request: gql(CHECKOUT, {
      variables: {
        input: { idempotencyKey: 'k', token: 'ffffffffffffffffffffffffffffffff', amountt: '10', installments: 1 },
      },
    }),
    expect: { status: 400, codes: Array(2).fill('BAD_USER_INPUT') },
    check: suggestsNone('amount'),
  },
  {
    name: 'an unknown directive is refused without a suggestion',
    request: gql('{ __typename @skp(if: true) }'),
    expect: { status: 400, codes: INVALID },
    check: suggestsNone('skip'),
  },
];

const STILL_SAFE: HostileCase[] = [
  {
    name: 'a malformed id is still refused before any call',
    request: gql('{ payment(id: "../1") { id } }'),
    expect: { status: 200, codes: ['BAD_USER_INPUT'] },
  },
  {
    name: 'an operation 50,000 deep is still refused from its text',
    request: gql(`{ ${'payment(id: "1") { order { '.repeat(25_000)}id${' } }'.repeat(25_000)} }`),
    expect: { status: 400, codes: ['BAD_USER_INPUT'] },
  },
  {
    name: "another seller's payment is still NOT_FOUND",
    request: gql('{ payment(id: "3506756222") { id } }', { token: TOKENS.sellerMLB }),
    expect: { status: 200, codes: ['NOT_FOUND'], calls: { 'GET /v1/payments/{id}': 1 } },
  },
  {
    name: 'an upstream 500 is UPSTREAM_ERROR with nothing of the upstream',
    setup: (h) => h.fault({ route: 'GET /v1/payments/{id}', status: 500 }),
    request: gql('{ payment(id: "885920310") { id } }'),
    expect: { status: 200, codes: ['UPSTREAM_ERROR'], calls: { 'GET /v1/payments/{id}': 2 } },
  },
];

/** No script, style, image or font from another origin; nothing fetched from a CDN. */
const selfContained = (res: RawResponse) => {
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  // Whatever the page holds, the browser may load nothing from anywhere for it.
  expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
  expect(res.text).toMatch(/<html/i);
  expect(res.text).not.toMatch(/\b(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?\/\//i);
  expect(res.text).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
  expect(res.text).not.toMatch(/@import/i);
  expect(res.text).not.toMatch(/apollographql\.com|cdn\.|unpkg|jsdelivr|googleapis/i);
  expect(res.text).not.toMatch(/embeddable-sandbox/i);
};

const LANDING: HostileCase[] = [
  {
    name: 'GET /graphql from a browser is a landing page with no third-party resource',
    request: request('GET', '/graphql', { headers: [['Accept', 'text/html']] }),
    expect: { status: 200 },
    check: selfContained,
  },
  {
    name: 'GET /graphql from a browser with a query string is the same landing page',
    request: request('GET', '/graphql?utm=1', { headers: [['Accept', 'text/html,application/xhtml+xml,*/*;q=0.8']] }),
    expect: { status: 200 },
    check: selfContained,
  },
  {
    name: 'GET / sends a browser to /graphql',
    request: request('GET', '/', { headers: [['Accept', 'text/html']] }),
    expect: { status: 302 },
    check: (res) => expect(res.headers.location).toBe('/graphql'),
  },
];

describe('hostile production', () => {
  const { lines, log } = capturedLog();
  const stack = useStack({ NODE_ENV: 'production' }, { gateway: { log } });
  const target = sandboxTarget(stack, { production: true });

  afterAll(() => {
    const text = lines.join('\n');
    expect(text).not.toContain('internal error');
    for (const token of Object.values(TOKENS)) expect(text).not.toContain(token);
  });

  describe('8. introspection', () => runCases(target, INTROSPECTION));
  describe('8. no suggestions', () => runCases(target, SUGGESTIONS));
  describe('8. the rest still holds', () => runCases(target, STILL_SAFE));
  describe('8. the landing page', () => runCases(target, LANDING));
});
