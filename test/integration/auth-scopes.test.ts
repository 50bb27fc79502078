// Every root field and mutation against every scope, over real HTTP with the real sandbox: a gateway key
// holding one scope each, a checkout session JWT, and a JWT holding no scope. A field the scope allows
// answers (data, or userErrors for input that makes no write); one it does not is refused with exactly
// one FORBIDDEN error naming the scope it needs, before anything is asked upstream.
import { randomUUID } from 'node:crypto';
import { KEY_SCOPES, type Scope } from '../../src/auth';
import {
  authFileJson,
  callsDuring,
  checkoutJwt,
  codes,
  gql,
  sessionJwt,
  startAuthStack,
  testKey,
  type AuthStack,
  type TestKey,
} from './auth-helpers';

type Holder = Scope | 'none';

const KEYS: TestKey[] = KEY_SCOPES.map((scope) => testKey(`only-${scope.replace(':', '-')}`, [scope]));
const HOLDERS: Holder[] = [...KEY_SCOPES, 'checkout', 'none'];

const UNKNOWN_CUSTOMER = '999999999-unknownCust000';
const key = () => ({ idempotencyKey: randomUUID() });

interface Field {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  /** The scopes that allow it, the one named in a refusal first; [] for any authenticated caller. */
  scopes: Scope[];
  /** A mutation's userError when allowed, by the scope that allows it: its input makes no write. */
  refusedInput?: Partial<Record<Scope, string>>;
}

const mutation = (
  name: string,
  input: () => Record<string, unknown>,
  select: string,
  refusedInput: Partial<Record<Scope, string>>,
): Field => ({
  name,
  query:
    `mutation M($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) ` +
    `{ ${name}(input: $input) { ${select} userErrors { code } } }`,
  variables: () => ({ input: input() }),
  scopes: Object.keys(refusedInput) as Scope[],
  refusedInput,
});

// Inputs that make no write: unknown payments and customers (Mercado Pago answers 404), a card token
// that was never made, an e-mail that is not one, an amount that is not the checkout's.
const FIELDS: Field[] = [
  { name: 'customer', query: '{ customer(id: "123456789-jxOV430go9fx2e") { id } }', scopes: ['customers:read'] },
  { name: 'customers', query: '{ customers(first: 1) { totalCount } }', scopes: ['customers:read'] },
  { name: 'identificationTypes', query: '{ identificationTypes { id } }', scopes: [] },
  { name: 'me', query: '{ me { id } }', scopes: ['orders:read'] },
  { name: 'order', query: '{ order(id: "893431118") { id } }', scopes: ['orders:read'] },
  { name: 'orders', query: '{ orders(first: 1) { totalCount } }', scopes: ['orders:read'] },
  { name: 'payment', query: '{ payment(id: "885920310") { id } }', scopes: ['payments:read', 'checkout'] },
  { name: 'paymentMethods', query: '{ paymentMethods { id } }', scopes: [] },
  { name: 'payments', query: '{ payments(first: 1) { totalCount } }', scopes: ['payments:read'] },
  mutation(
    'createPayment',
    () => ({
      ...key(),
      token: 'ff8080814c11e237014c1ff593b57b4d',
      amount: '1.00',
      installments: 1,
      payer: { email: 'test_payer_12345@testuser.com' },
    }),
    'payment { id }',
    { 'payments:write': 'CARD_TOKEN_INVALID', checkout: 'INVALID_AMOUNT' },
  ),
  mutation('capturePayment', () => ({ ...key(), paymentId: '1' }), 'payment { id }', {
    'payments:write': 'NOT_FOUND',
  }),
  mutation('cancelPayment', () => ({ ...key(), paymentId: '1' }), 'payment { id }', {
    'payments:write': 'NOT_FOUND',
  }),
  mutation('refundPayment', () => ({ ...key(), paymentId: '1' }), 'refund { id }', {
    'payments:write': 'NOT_FOUND',
  }),
  mutation('createCustomer', () => ({ email: 'not-an-email' }), 'customer { id }', {
    'customers:write': 'INVALID_VALUE',
  }),
  mutation('updateCustomer', () => ({ customerId: UNKNOWN_CUSTOMER, firstName: 'Ana' }), 'customer { id }', {
    'customers:write': 'NOT_FOUND',
  }),
  mutation('deleteCustomer', () => ({ customerId: UNKNOWN_CUSTOMER }), 'customer { id }', {
    'customers:write': 'NOT_FOUND',
  }),
  mutation(
    'addCard',
    () => ({ customerId: UNKNOWN_CUSTOMER, token: 'ff8080814c11e237014c1ff593b57b4d' }),
    'card { lastFourDigits }',
    { 'customers:write': 'NOT_FOUND' },
  ),
  mutation('removeCard', () => ({ customerId: UNKNOWN_CUSTOMER, cardId: '1490022319978' }), 'card { lastFourDigits }', {
    'customers:write': 'NOT_FOUND',
  }),
];

const CASES = FIELDS.flatMap((field) =>
  HOLDERS.map(
    (holder) =>
      [field.name, holder, field, field.scopes.length === 0 || field.scopes.includes(holder as Scope)] as const,
  ),
);

describe('scopes: every root field and mutation × every scope', () => {
  let stack: AuthStack;
  const credentials = new Map<Holder, string>();

  beforeAll(async () => {
    stack = await startAuthStack(authFileJson(KEYS));
    for (const k of KEYS) credentials.set(k.scopes[0], k.key);
    credentials.set('checkout', await checkoutJwt('matrix-buyer'));
    credentials.set('none', await sessionJwt({ sub: 'no-scope' }));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('lists every root field and mutation of the schema', async () => {
    const { data } = await gql(
      stack.gatewayUrl,
      '{ q: __type(name: "Query") { fields { name } } m: __type(name: "Mutation") { fields { name } } }',
    );
    const names = [...data.q.fields, ...data.m.fields].map((f: { name: string }) => f.name).sort();
    expect(FIELDS.map((f) => f.name).sort()).toEqual(names);
  });

  it.each([
    [
      'Order.payments with orders:read',
      'orders:read',
      '{ order(id: "893431118") { id payments { id } } }',
      'payments:read',
    ],
    [
      'Payment.order with payments:read',
      'payments:read',
      '{ payment(id: "885920310") { id order { id } } }',
      'orders:read',
    ],
  ] as const)('%s: FORBIDDEN, never read upstream', async (_what, holder, query, scope) => {
    const { result: res, calls } = await callsDuring(stack.sandboxUrl, () =>
      gql(stack.gatewayUrl, query, { token: credentials.get(holder) }),
    );
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toEqual({ code: 'FORBIDDEN', requiredScope: scope });
    // Only the root field was read: its one upstream call.
    expect(calls).toEqual([holder === 'orders:read' ? 'GET /orders/{id}' : 'GET /v1/payments/{id}']);
  });

  it.each(CASES)('%s with %s', async (name, holder, field, allowed) => {
    const token = credentials.get(holder)!;
    const { result: res, calls } = await callsDuring(stack.sandboxUrl, () =>
      gql(stack.gatewayUrl, field.query, { token, variables: field.variables?.() }),
    );
    expect(res.status).toBe(200);
    if (!allowed) {
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]).toMatchObject({
        path: [name],
        extensions: { code: 'FORBIDDEN', requiredScope: field.scopes[0] },
      });
      expect(calls).toEqual([]);
      return;
    }
    expect(codes(res)).not.toContain('FORBIDDEN');
    expect(codes(res)).not.toContain('UNAUTHENTICATED');
    if (name === 'payment' && holder === 'checkout') {
      // Not a payment this session created: not found, never forbidden.
      expect(codes(res)).toEqual(['NOT_FOUND']);
      expect(res.data).toEqual({ payment: null });
    } else {
      expect(res.errors).toBeUndefined();
      expect(res.data[name]).not.toBeNull();
    }
    // Nothing the matrix sends makes a write: the gateway refuses the input, or Mercado Pago what it lacks.
    const refusedHere = ['INVALID_VALUE', 'INVALID_AMOUNT'];
    const code = field.refusedInput?.[holder as Scope];
    if (code !== undefined) {
      const payload = res.data[name];
      expect(payload.userErrors).toEqual([{ code }]);
      expect(Object.values(payload).filter((value) => value !== null && !Array.isArray(value))).toEqual([]);
    }
    // An allowed field reaches upstream unless its input is refused first.
    if (code !== undefined && refusedHere.includes(code)) expect(calls).toEqual([]);
    else expect(calls.length).toBeGreaterThan(0);
  });
});
