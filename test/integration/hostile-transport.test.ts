// Hostile HTTP, before any GraphQL runs: wrong methods, content types and encodings, bodies that are
// not a GraphQL request, oversized bodies and query strings, GET carrying a mutation, and odd
// Authorization headers. Each is refused with its status and code, leaks nothing, and reaches no
// upstream (the sandbox's request log).
import { gzipSync } from 'node:zlib';
import { TOKENS } from '../support/sandbox';
import { useStack } from '../support/stack';
import { capturedLog, gql, gqlGet, request, runCases, sandboxTarget, type HostileCase } from '../support/hostile';

const PAYMENT = '{ payment(id: "3506756222") { id } }';
const TYPENAME = JSON.stringify({ query: '{ __typename }' });

/** POST /graphql with this body as it is, as application/json unless told otherwise. */
const post = (
  body: string | Buffer,
  contentType: string | null = 'application/json',
  headers: [string, string][] = [],
) => request('POST', '/graphql', { body, contentType, headers });

/** The payment query with these Authorization headers and no other. */
const withAuthorization = (...values: string[]) =>
  gql(PAYMENT, { token: null, headers: values.map((v): [string, string] => ['Authorization', v]) });

const BAD_REQUEST = ['BAD_REQUEST'];
const NO_TOKEN = ['UNAUTHENTICATED'];

const METHODS: HostileCase[] = [
  {
    name: 'PUT /graphql is 405',
    request: request('PUT', '/graphql', { body: TYPENAME }),
    expect: { status: 405, codes: BAD_REQUEST },
  },
  {
    name: 'PATCH /graphql is 405',
    request: request('PATCH', '/graphql', { body: TYPENAME }),
    expect: { status: 405, codes: BAD_REQUEST },
  },
  {
    name: 'DELETE /graphql with a JSON body is 405',
    request: request('DELETE', '/graphql', { body: TYPENAME }),
    expect: { status: 405, codes: BAD_REQUEST },
  },
  {
    name: 'DELETE /graphql without a content type is refused as a possible CSRF',
    request: request('DELETE', '/graphql'),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  {
    name: 'TRACE /graphql is refused as a possible CSRF',
    request: request('TRACE', '/graphql'),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  {
    name: 'a cross-origin OPTIONS preflight gets no CORS grant',
    request: request('OPTIONS', '/graphql', {
      headers: [
        ['Origin', 'https://evil.example'],
        ['Access-Control-Request-Method', 'POST'],
      ],
    }),
    expect: { status: 400, codes: BAD_REQUEST },
    check: (res) => expect(res.headers['access-control-allow-origin']).toBeUndefined(),
  },
  {
    name: 'HEAD /graphql is 405 with no body',
    request: request('HEAD', '/graphql?query=%7B__typename%7D', { headers: [['apollo-require-preflight', 'true']] }),
    expect: { status: 405 },
    check: (res) => expect(res.text).toBe(''),
  },
  {
    name: 'an unknown path is 404',
    request: request('POST', '/graphiql', { body: TYPENAME }),
    expect: { status: 404, codes: BAD_REQUEST },
  },
];

const CONTENT: HostileCase[] = [
  {
    name: 'text/plain is 415',
    request: post(TYPENAME, 'text/plain'),
    expect: { status: 415, codes: BAD_REQUEST },
  },
  {
    name: 'a form (application/x-www-form-urlencoded) is 415',
    request: post('query=%7B__typename%7D', 'application/x-www-form-urlencoded'),
    expect: { status: 415, codes: BAD_REQUEST },
  },
  {
    name: 'multipart/form-data (a file upload) is 415',
    request: post(
      '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--x--\r\n',
      'multipart/form-data; boundary=x',
    ),
    expect: { status: 415, codes: BAD_REQUEST },
  },
  {
    name: 'application/graphql is 415',
    request: post('{ __typename }', 'application/graphql'),
    expect: { status: 415, codes: BAD_REQUEST },
  },
  {
    name: 'a body without Content-Type is 415',
    request: post(TYPENAME, null),
    expect: { status: 415, codes: BAD_REQUEST },
  },
  {
    name: 'a charset nobody knows is 415',
    request: post(TYPENAME, 'application/json; charset=koi8-bogus'),
    expect: { status: 415, codes: BAD_REQUEST },
  },
  {
    name: 'an encoding nobody knows (compress) is 415',
    request: post(TYPENAME, 'application/json', [['Content-Encoding', 'compress']]),
    expect: { status: 415, codes: BAD_REQUEST },
  },
  {
    name: 'a body that says gzip and is not is 400',
    request: post(TYPENAME, 'application/json', [['Content-Encoding', 'gzip']]),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  {
    name: 'a gzip bomb (5 MB inflated from a few KB) is 413, the limit counted after inflating',
    request: post(
      gzipSync(Buffer.from(`{"query":"{ __typename }","variables":{"pad":"${'x'.repeat(5_000_000)}"}}`)),
      'application/json',
      [['Content-Encoding', 'gzip']],
    ),
    expect: { status: 413, codes: BAD_REQUEST },
  },
  {
    name: 'malformed JSON is 400',
    request: post('{"query": '),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  {
    name: 'JSON cut short is 400',
    request: post('{"query":"{ __typename }"'),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  {
    name: 'an empty body is 400',
    request: post(''),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  {
    name: 'an empty object is 400',
    request: post('{}'),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  { name: 'JSON null is 400', request: post('null'), expect: { status: 400, codes: BAD_REQUEST } },
  {
    name: 'a JSON string holding the query is 400',
    request: post('"{ __typename }"'),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  { name: 'a JSON number is 400', request: post('42'), expect: { status: 400, codes: BAD_REQUEST } },
  { name: 'JSON true is 400', request: post('true'), expect: { status: 400, codes: BAD_REQUEST } },
  {
    name: 'a batch (an array of operations) is 400: batching is off',
    request: post(`[${TYPENAME},${JSON.stringify({ query: PAYMENT })}]`),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  { name: 'an empty batch is 400', request: post('[]'), expect: { status: 400, codes: BAD_REQUEST } },
  {
    name: 'a body over 1 MB is 413',
    request: post(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } })),
    expect: { status: 413, codes: BAD_REQUEST },
  },
  {
    name: 'a query that is not a string is 400',
    request: post('{"query": 42}'),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  {
    name: 'variables as a JSON-encoded string are 400',
    request: post('{"query": "{ __typename }", "variables": "{}"}'),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  {
    name: 'variables as an array are 400',
    request: post('{"query": "{ __typename }", "variables": [1]}'),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  {
    name: 'an operationName that is not a string is 400',
    request: post('{"query": "{ __typename }", "operationName": 7}'),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  {
    name: 'a persisted query the gateway never saw is PERSISTED_QUERY_NOT_FOUND',
    request: post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })),
    expect: { status: 200, codes: ['PERSISTED_QUERY_NOT_FOUND'] },
  },
  {
    name: 'a persisted query whose hash is not its text is a bad request, not an internal error',
    request: post(
      JSON.stringify({
        query: PAYMENT,
        extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
      }),
    ),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  {
    name: 'Content-Length and Transfer-Encoding together (a smuggling attempt) are refused by the HTTP parser',
    request: {
      method: 'POST',
      target: '/graphql',
      headers: [
        ['Content-Type', 'application/json'],
        ['Content-Length', '26'],
        ['Transfer-Encoding', 'chunked'],
      ],
      body: `1a\r\n${TYPENAME}\r\n0\r\n\r\n`,
    },
    expect: { status: 400 },
  },
];

const GET: HostileCase[] = [
  {
    name: 'GET carrying a mutation is 405, and nothing is deleted',
    request: gqlGet(
      'mutation { deleteCustomer(input: {customerId: "123456789-jxOV430go9fx2e"}) { userErrors { code } } }',
    ),
    expect: { status: 405, codes: BAD_REQUEST },
  },
  {
    name: 'GET carrying a refund is 405, and nothing is refunded',
    request: gqlGet(
      'mutation { refundPayment(input: {idempotencyKey: "k", paymentId: "885920310"}) { userErrors { code } } }',
    ),
    expect: { status: 405, codes: BAD_REQUEST },
  },
  {
    name: 'GET carrying a mutation chosen by operationName next to a query is 405',
    request: gqlGet(
      'query Q { __typename } mutation M { deleteCustomer(input: {customerId: "123456789-jxOV430go9fx2e"}) ' +
        '{ userErrors { code } } }',
      { operationName: 'M' },
    ),
    expect: { status: 405, codes: BAD_REQUEST },
  },
  {
    name: 'GET without a preflight header is refused as a possible CSRF',
    request: request('GET', `/graphql?query=${encodeURIComponent(PAYMENT)}`, { token: TOKENS.sellerMLM }),
    expect: { status: 400, codes: BAD_REQUEST },
  },
  {
    name: 'a query string of 20 KB is 431',
    request: gqlGet(`{ __typename ${' '.repeat(20_000)}}`),
    expect: { status: 431 },
  },
  {
    name: 'a query string of 200 KB is 431',
    request: gqlGet(`{ __typename ${'#'.repeat(200_000)}}`),
    expect: { status: 431 },
  },
];

const AUTHORIZATION: HostileCase[] = [
  {
    name: 'two Authorization headers (two sellers) count as no token: neither is used',
    request: withAuthorization(`Bearer ${TOKENS.sellerMLM}`, `Bearer ${TOKENS.sellerMLB}`),
    expect: { status: 200, codes: NO_TOKEN },
  },
  {
    name: 'two Bearer tokens in one Authorization header are no token',
    request: withAuthorization(`Bearer ${TOKENS.sellerMLM}, Bearer ${TOKENS.sellerMLB}`),
    expect: { status: 200, codes: NO_TOKEN },
  },
  {
    name: 'the Basic scheme is no token',
    request: withAuthorization(`Basic ${Buffer.from(`user:${TOKENS.sellerMLM}`).toString('base64')}`),
    expect: { status: 200, codes: NO_TOKEN },
  },
  {
    name: 'a Token scheme is no token',
    request: withAuthorization(`Token ${TOKENS.sellerMLM}`),
    expect: { status: 200, codes: NO_TOKEN },
  },
  {
    name: 'the token alone, without a scheme, is no token',
    request: withAuthorization(TOKENS.sellerMLM),
    expect: { status: 200, codes: NO_TOKEN },
  },
  {
    name: 'an empty bearer is no token',
    request: withAuthorization('Bearer '),
    expect: { status: 200, codes: NO_TOKEN },
  },
  {
    name: 'Bearer without a token is no token',
    request: withAuthorization('Bearer'),
    expect: { status: 200, codes: NO_TOKEN },
  },
  {
    name: 'a token with a space inside is no token, and is not echoed',
    request: withAuthorization('Bearer TEST-SELLER 277582551'),
    expect: { status: 200, codes: NO_TOKEN },
    secrets: ['SELLER 277582551'],
  },
  {
    name: 'a token with a tab inside is no token',
    request: withAuthorization('Bearer TEST-SELLER\t277582551'),
    expect: { status: 200, codes: NO_TOKEN },
  },
  {
    name: 'a token of full-width digits is no token',
    request: withAuthorization('Bearer TEST-SELLER-２７７５８２５５１'),
    expect: { status: 200, codes: NO_TOKEN },
  },
  {
    name: 'a token with a control character is refused by the HTTP parser',
    request: withAuthorization('Bearer TEST-SELLER-\x01277582551'),
    expect: { status: 400 },
  },
  {
    name: 'a token with a NUL byte is refused by the HTTP parser',
    request: withAuthorization('Bearer TEST-SELLER-\x00277582551'),
    expect: { status: 400 },
  },
  {
    name: 'a token folded over two lines (obsolete line folding) is refused by the HTTP parser',
    request: withAuthorization('Bearer TEST-SELLER-\r\n 277582551'),
    expect: { status: 400 },
  },
  {
    name: 'an Authorization header over 16 KB is 431',
    request: withAuthorization(`Bearer ${'A'.repeat(20_000)}`),
    expect: { status: 431 },
  },
];

describe('hostile transport', () => {
  const { lines, log } = capturedLog();
  const stack = useStack({}, { gateway: { log } });
  const target = sandboxTarget(stack);

  afterAll(() => {
    // Whatever was refused, the log holds no token.
    for (const token of Object.values(TOKENS)) expect(lines.join('\n')).not.toContain(token);
  });

  describe('1. methods and paths', () => runCases(target, METHODS));
  describe('1. content types, encodings and bodies', () => runCases(target, CONTENT));
  describe('1. GET', () => runCases(target, GET));
  describe('1. Authorization headers', () => runCases(target, AUTHORIZATION));
});
