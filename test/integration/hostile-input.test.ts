// Hostile values in well-formed operations: ids that could address another resource (`..`, `1/2`,
// encoded dots, other scripts' digits, too many digits), money at its edges (zero, negative,
// exponents, too many decimals, huge, floats, installments out of range, bad or reused idempotency
// keys, refunds and captures past what there is), and foreign callers (no token, a bad token,
// another seller's payment, customer or order, a buyer's view). Ids are checked before any upstream
// call, bad input makes none, and a stranger's thing is NOT_FOUND, never FORBIDDEN and never its
// data (README.md, "The graph" and "Mutations"; docs/architecture.md, "Security rules every layer keeps").
import { randomUUID } from 'node:crypto';
import { TOKENS } from '../support/sandbox';
import { useStack } from '../support/stack';
import { capturedLog, gql, runCases, sandboxTarget, type HostileCase, type RawResponse } from '../support/hostile';

const MLB_PAYMENT = '885920310';
const MLM_PAYMENT = '3506756222';
const MLB_ORDER = '893431118';
const MLM_ORDER = '1653027692';
const MLB_CUSTOMER = '123456789-jxOV430go9fx2e';
const MLB_CARD = '1490022319978';
const UNUSED_TOKEN = 'ffffffffffffffffffffffffffffffff';
const PAYER = { email: 'test_payer_12345@testuser.com' };

const GET_PAYMENT = 'GET /v1/payments/{id}';
const PUT_PAYMENT = 'PUT /v1/payments/{id}';
const POST_PAYMENT = 'POST /v1/payments';

// ---- Operations ----

const CHECKOUT =
  'mutation($input: CreatePaymentInput!) { createPayment(input: $input) { payment { id status statusDetail } ' +
  'userErrors { code field upstreamCode } } }';
const CAPTURE =
  'mutation($input: CapturePaymentInput!) { capturePayment(input: $input) { payment { id status } ' +
  'userErrors { code field upstreamCode } } }';
const CANCEL =
  'mutation($input: CancelPaymentInput!) { cancelPayment(input: $input) { payment { id status } ' +
  'userErrors { code field upstreamCode } } }';
const REFUND =
  'mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { refund { id } payment { id status } ' +
  'userErrors { code field upstreamCode } } }';
const REMOVE_CARD =
  'mutation($input: RemoveCardInput!) { removeCard(input: $input) { card { id } userErrors { code field } } }';
const ADD_CARD = 'mutation($input: AddCardInput!) { addCard(input: $input) { card { id } userErrors { code field } } }';
const UPDATE_CUSTOMER =
  'mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id email } ' +
  'userErrors { code field } } }';
const DELETE_CUSTOMER =
  'mutation($input: DeleteCustomerInput!) { deleteCustomer(input: $input) { customer { id email } ' +
  'userErrors { code field } } }';

const key = () => `hostile-${randomUUID()}`;

/** createPayment with a valid input but for `over`; the card token is unused, so only bad input stops it early. */
const checkout = (over: Record<string, unknown>, token: string | null = TOKENS.sellerMLB) =>
  gql(CHECKOUT, {
    token,
    variables: {
      input: { idempotencyKey: key(), token: UNUSED_TOKEN, amount: '10', installments: 1, payer: PAYER, ...over },
    },
  });

const mutation = (document: string, input: Record<string, unknown>, token: string | null = TOKENS.sellerMLB) =>
  gql(document, { token, variables: { input } });

/** The one userError's field is `field`. */
const at =
  (...field: string[]) =>
  (res: RawResponse) =>
    expect(Object.values(res.json.data)[0]).toMatchObject({ userErrors: [{ field }] });

/** The root field is null: nothing of the thing reached the caller. */
const nothing = (res: RawResponse) => {
  for (const value of Object.values(res.json.data ?? {})) expect(value).toBeNull();
};

// ---- 3. Bad ids ----

const PAYMENT_IDS = [
  '..',
  '../1',
  '%2e%2e',
  '1/2',
  `${MLB_PAYMENT}/refunds`,
  '١٢٣',
  '１２３',
  '12345678901234567890',
  '-1',
  '+1',
  '1e3',
  '0x1f',
  '',
  ' ',
  ` ${MLB_PAYMENT}`,
  `${MLB_PAYMENT}\n`,
  `${MLB_PAYMENT}?access_token=${TOKENS.sellerMLM}`,
];
const ORDER_IDS = [
  '..',
  '../1',
  '%2e%2e',
  '1/2',
  `${MLB_ORDER}/..`,
  '٨٩٣٤٣١١١٨',
  '12345678901234567890',
  '-1',
  '',
  ' ',
];
const CUSTOMER_IDS = [
  '..',
  '../x',
  '123456789-..',
  `${MLB_CUSTOMER}/cards`,
  '123456789',
  '-jxOV430go9fx2e',
  '123456789-jxOV430go9fx2é',
  '１２３-abc',
  '12345678901234567890-abc',
  '',
  ' ',
];

const badArgument = (query: string, id: string, root: string): HostileCase => ({
  name: `${root}(id: ${JSON.stringify(id)}) is refused before any call`,
  request: gql(`query($id: ID!) { ${query} }`, { variables: { id } }),
  expect: { status: 200, codes: ['BAD_USER_INPUT'], extensions: [{ argument: 'id' }] },
  check: nothing,
  secrets: [TOKENS.sellerMLM],
});

const BAD_IDS: HostileCase[] = [
  ...PAYMENT_IDS.map((id) => badArgument('payment(id: $id) { id }', id, 'payment')),
  ...ORDER_IDS.map((id) => badArgument('order(id: $id) { id }', id, 'order')),
  ...CUSTOMER_IDS.map((id) => badArgument('customer(id: $id) { id }', id, 'customer')),
  {
    name: 'payment(id: "0"), well formed, is NOT_FOUND after one read',
    request: gql('{ payment(id: "0") { id } }'),
    expect: { status: 200, codes: ['NOT_FOUND'], calls: { [GET_PAYMENT]: 1 } },
    check: nothing,
  },
  {
    name: 'payment(id) of 19 digits, well formed, is NOT_FOUND after one read',
    request: gql('{ payment(id: "9999999999999999999") { id } }'),
    expect: { status: 200, codes: ['NOT_FOUND'], calls: { [GET_PAYMENT]: 1 } },
  },
  {
    name: 'order(id) of 19 digits, well formed, is NOT_FOUND after one read',
    request: gql('{ order(id: "9999999999999999999") { id } }'),
    expect: { status: 200, codes: ['NOT_FOUND'], calls: { 'GET /orders/{id}': 1 } },
  },
  {
    name: 'customer(id) well formed but absent is NOT_FOUND after one read',
    request: gql('{ customer(id: "999999999-nobodyHere0001") { id } }'),
    expect: { status: 200, codes: ['NOT_FOUND'], calls: { 'GET /v1/customers/{id}': 1 } },
  },
  ...[
    ['capturePayment', CAPTURE, '..'],
    ['cancelPayment', CANCEL, '../1'],
    ['refundPayment', REFUND, '1/2'],
    ['refundPayment', REFUND, '１２３'],
    ['capturePayment', CAPTURE, '12345678901234567890'],
  ].map(([name, document, id]): HostileCase => ({
    name: `${name} of payment ${JSON.stringify(id)} is INVALID_VALUE, with no call`,
    request: mutation(document, { idempotencyKey: key(), paymentId: id }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_VALUE'] },
    check: at('input', 'paymentId'),
  })),
  ...['..', '1/2', '١٢', '12345678901234567890', ''].map((id): HostileCase => ({
    name: `removeCard of card ${JSON.stringify(id)} is INVALID_VALUE, with no call`,
    request: mutation(REMOVE_CARD, { customerId: MLB_CUSTOMER, cardId: id }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_VALUE'] },
    check: at('input', 'cardId'),
  })),
  {
    name: 'removeCard of customer "../x" is INVALID_VALUE, with no call',
    request: mutation(REMOVE_CARD, { customerId: '../x', cardId: MLB_CARD }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_VALUE'] },
    check: at('input', 'customerId'),
  },
  {
    name: 'addCard to customer ".." is INVALID_VALUE, with no call',
    request: mutation(ADD_CARD, { customerId: '..', token: UNUSED_TOKEN }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_VALUE'] },
    check: at('input', 'customerId'),
  },
  {
    name: 'addCard with a card token "../v1/payments" is INVALID_VALUE, with no call',
    request: mutation(ADD_CARD, { customerId: MLB_CUSTOMER, token: '../v1/payments' }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_VALUE'] },
    check: at('input', 'token'),
  },
  {
    name: 'updateCustomer with default card ".." is INVALID_VALUE, with no call',
    request: mutation(UPDATE_CUSTOMER, { customerId: MLB_CUSTOMER, defaultCardId: '..' }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_VALUE'] },
    check: at('input', 'defaultCardId'),
  },
  {
    name: 'deleteCustomer of "%2e%2e" is INVALID_VALUE, with no call',
    request: mutation(DELETE_CUSTOMER, { customerId: '%2e%2e' }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_VALUE'] },
    check: at('input', 'customerId'),
  },
  {
    name: 'createPayment with issuer "../1" is INVALID_VALUE, with no call',
    request: checkout({ issuerId: '../1' }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_VALUE'] },
    check: at('input', 'issuerId'),
  },
  {
    name: 'createPayment for customer ".." is INVALID_VALUE, with no call',
    request: checkout({ payer: { customerId: '..' } }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_VALUE'] },
    check: at('input', 'payer', 'customerId'),
  },
  {
    name: 'createPayment with a card token "../../users/me" is INVALID_VALUE, with no call',
    request: checkout({ token: '../../users/me' }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_VALUE'] },
    check: at('input', 'token'),
  },
];

// ---- 4. Money ----

const amountCase = (amount: string, userError: string): HostileCase => ({
  name: `an amount of ${JSON.stringify(amount)} is ${userError}, with no call`,
  request: checkout({ amount }),
  expect: { status: 200, codes: [], userErrors: [userError] },
  check: at('input', 'amount'),
});

const notADecimal = (amount: unknown): HostileCase => ({
  name: `an amount of ${JSON.stringify(amount)} is not a Decimal: a bad variable`,
  request: checkout({ amount }),
  expect: { status: 400, codes: ['BAD_USER_INPUT'] },
});

const MONEY: HostileCase[] = [
  amountCase('0', 'INVALID_AMOUNT'),
  amountCase('0.00', 'INVALID_AMOUNT'),
  amountCase('-1', 'INVALID_AMOUNT'),
  amountCase('1.001', 'INVALID_AMOUNT'),
  amountCase('999999999999', 'INVALID_AMOUNT'),
  amountCase('0.001', 'INVALID_AMOUNT'),
  notADecimal('1e3'),
  notADecimal('NaN'),
  notADecimal('Infinity'),
  notADecimal('-Infinity'),
  notADecimal('10,50'),
  notADecimal(''),
  notADecimal(10.5),
  notADecimal(true),
  {
    name: 'an amount written "1e3" in the document is refused by validation',
    request: gql(
      `mutation { createPayment(input: {idempotencyKey: "k", token: "${UNUSED_TOKEN}", amount: "1e3", ` +
        'installments: 1, payer: {email: "a@b.co"}}) { userErrors { code } } }',
    ),
    expect: { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] },
  },
  {
    name: 'a float literal with 3 decimals in the document is INVALID_AMOUNT, with no call',
    request: gql(
      `mutation { createPayment(input: {idempotencyKey: "k", token: "${UNUSED_TOKEN}", amount: 10.555, ` +
        'installments: 1, payer: {email: "a@b.co"}}) { userErrors { code field } } }',
    ),
    expect: { status: 200, codes: [], userErrors: ['INVALID_AMOUNT'] },
  },
  ...[0, 37, -1].map((installments): HostileCase => ({
    name: `${installments} installments are INVALID_INSTALLMENTS, with no call`,
    request: checkout({ installments }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_INSTALLMENTS'] },
    check: at('input', 'installments'),
  })),
  ...[1.5, 2 ** 31, '3'].map((installments): HostileCase => ({
    name: `${JSON.stringify(installments)} installments are not an Int: a bad variable`,
    request: checkout({ installments }),
    expect: { status: 400, codes: ['BAD_USER_INPUT'] },
  })),
  ...[
    ['an empty', ''],
    ['a blank', '   '],
    ['a 256-character', 'k'.repeat(256)],
  ].map(([what, idempotencyKey]): HostileCase => ({
    name: `${what} idempotency key is IDEMPOTENCY_KEY_INVALID, with no call`,
    request: checkout({ idempotencyKey }),
    expect: { status: 200, codes: [], userErrors: ['IDEMPOTENCY_KEY_INVALID'] },
    check: at('input', 'idempotencyKey'),
  })),
  {
    name: 'a refund of 0 is INVALID_AMOUNT, with no call',
    request: mutation(REFUND, { idempotencyKey: key(), paymentId: MLB_PAYMENT, amount: '0' }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_AMOUNT'] },
  },
  {
    name: 'a capture of -5 is INVALID_AMOUNT, with no call',
    request: mutation(CAPTURE, { idempotencyKey: key(), paymentId: MLB_PAYMENT, amount: '-5' }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_AMOUNT'] },
  },
  {
    name: 'a key used again with another amount is IDEMPOTENCY_KEY_REUSED, and nothing is charged',
    setup: async (h) => {
      const input = { idempotencyKey: key(), token: await h.cardToken(), amount: '10', installments: 1, payer: PAYER };
      const first = await h.gateway(gql(CHECKOUT, { variables: { input } }));
      expect(first.json.data.createPayment.payment.status).toBe('APPROVED');
      return input;
    },
    request: (input) => gql(CHECKOUT, { variables: { input: { ...input, amount: '11' } } }),
    expect: { status: 200, codes: [], userErrors: ['IDEMPOTENCY_KEY_REUSED'] },
    check: at('input', 'idempotencyKey'),
  },
  {
    name: 'a key used again with another card token is IDEMPOTENCY_KEY_REUSED, and nothing is charged',
    setup: async (h) => {
      const input = { idempotencyKey: key(), token: await h.cardToken(), amount: '10', installments: 1, payer: PAYER };
      await h.gateway(gql(CHECKOUT, { variables: { input } }));
      return { ...input, token: await h.cardToken() };
    },
    request: (input) => gql(CHECKOUT, { variables: { input } }),
    expect: { status: 200, codes: [], userErrors: ['IDEMPOTENCY_KEY_REUSED'] },
  },
  {
    name: 'the same checkout sent again returns the first payment and charges nothing',
    setup: async (h) => {
      const input = { idempotencyKey: key(), token: await h.cardToken(), amount: '10', installments: 1, payer: PAYER };
      const first = await h.gateway(gql(CHECKOUT, { variables: { input } }));
      return { input, id: first.json.data.createPayment.payment.id as string };
    },
    request: ({ input }) => gql(CHECKOUT, { variables: { input } }),
    expect: { status: 200, codes: [], userErrors: [] },
    check: (res, { id }) => expect(res.json.data.createPayment.payment).toMatchObject({ id, status: 'APPROVED' }),
  },
  {
    name: 'a refund of more than is left is REFUND_EXCEEDS_REMAINING after reading the payment, with no write',
    setup: (h) => h.payment({ amount: 100 }),
    request: (id) => mutation(REFUND, { idempotencyKey: key(), paymentId: id, amount: '100.01' }),
    expect: { status: 200, codes: [], userErrors: ['REFUND_EXCEEDS_REMAINING'], calls: { [GET_PAYMENT]: 1 } },
    check: at('input', 'amount'),
  },
  {
    name: 'a refund after a partial one, of more than the rest, is REFUND_EXCEEDS_REMAINING, with no write',
    setup: async (h) => {
      const id = await h.payment({ amount: 100 });
      const partial = await h.sandbox('POST', `/v1/payments/${id}/refunds`, {
        token: TOKENS.sellerMLB,
        headers: { 'X-Idempotency-Key': key() },
        body: { amount: 60 },
      });
      expect(partial.status).toBe(201);
      return id;
    },
    request: (id) => mutation(REFUND, { idempotencyKey: key(), paymentId: id, amount: '40.01' }),
    expect: { status: 200, codes: [], userErrors: ['REFUND_EXCEEDS_REMAINING'], calls: { [GET_PAYMENT]: 1 } },
  },
  {
    name: 'a refund of a declined payment is NOT_REFUNDABLE, with no write',
    setup: (h) => h.payment({ name: 'OTHE' }),
    request: (id) => mutation(REFUND, { idempotencyKey: key(), paymentId: id }),
    expect: { status: 200, codes: [], userErrors: ['NOT_REFUNDABLE'], calls: { [GET_PAYMENT]: 1 } },
  },
  {
    name: 'a capture of more than was authorized is refused by Mercado Pago as INVALID_AMOUNT (cause 2072)',
    setup: (h) => h.payment({ amount: 100, capture: false }),
    request: (id) => mutation(CAPTURE, { idempotencyKey: key(), paymentId: id, amount: '150' }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_AMOUNT'], calls: { [PUT_PAYMENT]: 1 } },
    check: (res) =>
      expect(res.json.data.capturePayment.userErrors).toEqual([
        { code: 'INVALID_AMOUNT', field: ['input', 'amount'], upstreamCode: '2072' },
      ]),
  },
  {
    name: 'a capture of an approved payment is NOT_CAPTURABLE',
    setup: (h) => h.payment(),
    request: (id) => mutation(CAPTURE, { idempotencyKey: key(), paymentId: id }),
    expect: { status: 200, codes: [], userErrors: ['NOT_CAPTURABLE'], calls: { [PUT_PAYMENT]: 1 } },
  },
  {
    name: 'a cancel of an approved payment is NOT_CANCELLABLE (it is refunded instead)',
    setup: (h) => h.payment(),
    request: (id) => mutation(CANCEL, { idempotencyKey: key(), paymentId: id }),
    expect: { status: 200, codes: [], userErrors: ['NOT_CANCELLABLE'], calls: { [PUT_PAYMENT]: 1 } },
  },
  {
    name: 'a declined card (FUND) is a REJECTED payment, not an error: one write',
    setup: (h) => h.cardToken(TOKENS.sellerMLB, 'FUND'),
    request: (token) => checkout({ token }),
    expect: { status: 200, codes: [], userErrors: [], calls: { [POST_PAYMENT]: 1 } },
    check: (res) =>
      expect(res.json.data.createPayment.payment).toMatchObject({
        status: 'REJECTED',
        statusDetail: 'cc_rejected_insufficient_amount',
      }),
  },
  {
    name: 'installments the issuer does not offer (INST) are a REJECTED payment, not an error',
    setup: (h) => h.cardToken(TOKENS.sellerMLB, 'INST'),
    request: (token) => checkout({ token, installments: 36 }),
    expect: { status: 200, codes: [], userErrors: [], calls: { [POST_PAYMENT]: 1 } },
    check: (res) =>
      expect(res.json.data.createPayment.payment).toMatchObject({
        status: 'REJECTED',
        statusDetail: 'cc_rejected_invalid_installments',
      }),
  },
  {
    name: "an amount over the card brand's limit on the site is INVALID_AMOUNT after one catalog read, with no write",
    setup: (h) => h.cardToken(),
    request: (token) => checkout({ token, amount: '99999999', paymentMethodId: 'visa' }),
    expect: { status: 200, codes: [], userErrors: ['INVALID_AMOUNT'], calls: { 'GET /v1/payment_methods': 1 } },
  },
  {
    name: 'a card token already spent is CARD_TOKEN_INVALID (cause 2062)',
    setup: async (h) => {
      const token = await h.cardToken();
      await h.gateway(checkout({ token }));
      return token;
    },
    request: (token) => checkout({ token }),
    expect: { status: 200, codes: [], userErrors: ['CARD_TOKEN_INVALID'], calls: { [POST_PAYMENT]: 1 } },
  },
];

// ---- 5. Foreign callers ----

const NO_TOKEN = ['UNAUTHENTICATED'];
const UNKNOWN_TOKEN = 'TEST-SELLER-999999999';

const CALLERS: HostileCase[] = [
  ...[
    ['payment', `{ payment(id: "${MLB_PAYMENT}") { id } }`],
    ['payments', '{ payments(first: 5) { nodes { id } } }'],
    ['order', `{ order(id: "${MLB_ORDER}") { id } }`],
    ['orders', '{ orders(first: 5) { nodes { id } } }'],
    ['customer', `{ customer(id: "${MLB_CUSTOMER}") { id } }`],
    ['me', '{ me { id } }'],
    ['paymentMethods', '{ paymentMethods { id } }'],
  ].map(([what, query]): HostileCase => ({
    name: `${what} without a token is UNAUTHENTICATED, with no call`,
    request: gql(query, { token: null }),
    expect: { status: 200, codes: NO_TOKEN },
  })),
  {
    name: 'createPayment without a token is UNAUTHENTICATED before its (bad) input is read',
    request: checkout({ amount: '0', installments: 0, idempotencyKey: '' }, null),
    expect: { status: 200, codes: NO_TOKEN },
  },
  {
    name: 'refundPayment without a token is UNAUTHENTICATED, and nothing is refunded',
    request: mutation(REFUND, { idempotencyKey: key(), paymentId: MLB_PAYMENT }, null),
    expect: { status: 200, codes: NO_TOKEN },
  },
  {
    name: 'deleteCustomer without a token is UNAUTHENTICATED, and nothing is deleted',
    request: mutation(DELETE_CUSTOMER, { customerId: MLB_CUSTOMER }, null),
    expect: { status: 200, codes: NO_TOKEN },
  },
  {
    name: 'a malformed bearer token (with a "!") is no token, with no call',
    request: gql(`{ payment(id: "${MLB_PAYMENT}") { id } }`, { token: 'TEST-SELLER-169648308!' }),
    expect: { status: 200, codes: NO_TOKEN },
  },
  {
    name: 'an unknown token on Mercado Pago is UNAUTHENTICATED after its one refusal (401, not retried)',
    request: gql(`{ payment(id: "${MLB_PAYMENT}") { id } }`, { token: UNKNOWN_TOKEN }),
    expect: { status: 200, codes: NO_TOKEN, calls: { [GET_PAYMENT]: 1 } },
    secrets: [UNKNOWN_TOKEN],
  },
  {
    name: 'an unknown token on Mercado Libre is UNAUTHENTICATED after its one refusal',
    request: gql(`{ order(id: "${MLB_ORDER}") { id } }`, { token: UNKNOWN_TOKEN }),
    expect: { status: 200, codes: NO_TOKEN, calls: { 'GET /orders/{id}': 1 } },
    secrets: [UNKNOWN_TOKEN],
  },
  {
    name: 'an unknown token on a refund is UNAUTHENTICATED after the one read, and writes nothing',
    request: mutation(REFUND, { idempotencyKey: key(), paymentId: MLB_PAYMENT }, UNKNOWN_TOKEN),
    expect: { status: 200, codes: NO_TOKEN, calls: { [GET_PAYMENT]: 1 } },
    secrets: [UNKNOWN_TOKEN],
  },
  {
    name: "another seller's payment is NOT_FOUND, not FORBIDDEN, and none of it",
    request: gql(`{ payment(id: "${MLM_PAYMENT}") { id amount { amount } payer { email } } }`),
    expect: { status: 200, codes: ['NOT_FOUND'], calls: { [GET_PAYMENT]: 1 } },
    check: nothing,
  },
  {
    name: "another seller's customer is NOT_FOUND, and none of it",
    request: gql(`{ customer(id: "${MLB_CUSTOMER}") { id email cards { lastFourDigits } } }`, {
      token: TOKENS.sellerMLM,
    }),
    expect: { status: 200, codes: ['NOT_FOUND'], calls: { 'GET /v1/customers/{id}': 1 } },
    check: nothing,
  },
  {
    name: "another seller's order is NOT_FOUND (Mercado Libre's 403 not_owned_order), and none of it",
    request: gql(`{ order(id: "${MLM_ORDER}") { id totalAmount { amount } buyer { id } } }`),
    expect: { status: 200, codes: ['NOT_FOUND'], calls: { 'GET /orders/{id}': 1 } },
    check: nothing,
  },
  {
    name: "a buyer who is not the payment's payer gets NOT_FOUND",
    request: gql(`{ payment(id: "${MLM_PAYMENT}") { id } }`, { token: TOKENS.buyerMLB }),
    expect: { status: 200, codes: ['NOT_FOUND'], calls: { [GET_PAYMENT]: 1 } },
  },
  {
    name: "another seller's customers are not in a seller's customer list",
    request: gql('{ customers(first: 50) { nodes { id } } }', { token: TOKENS.sellerMLM }),
    expect: { status: 200, codes: [], calls: { 'GET /v1/customers/search': 1 } },
    check: (res) => expect(res.json.data.customers.nodes).toEqual([]),
  },
  {
    name: "another seller's payment is not in a seller's payment list",
    request: gql('{ payments(first: 50) { nodes { id } } }'),
    expect: { status: 200, codes: [], calls: { 'GET /v1/payments/search': 1 } },
    check: (res) => expect(res.json.data.payments.nodes.map((n: { id: string }) => n.id)).not.toContain(MLM_PAYMENT),
  },
  {
    name: "a refund of another seller's payment is NOT_FOUND after the one read, with no write",
    request: mutation(REFUND, { idempotencyKey: key(), paymentId: MLM_PAYMENT }),
    expect: { status: 200, codes: [], userErrors: ['NOT_FOUND'], calls: { [GET_PAYMENT]: 1 } },
  },
  {
    name: "a capture of another seller's payment is NOT_FOUND",
    request: mutation(CAPTURE, { idempotencyKey: key(), paymentId: MLM_PAYMENT }),
    expect: { status: 200, codes: [], userErrors: ['NOT_FOUND'], calls: { [PUT_PAYMENT]: 1 } },
  },
  {
    name: "a cancel of another seller's payment is NOT_FOUND",
    request: mutation(CANCEL, { idempotencyKey: key(), paymentId: MLM_PAYMENT }),
    expect: { status: 200, codes: [], userErrors: ['NOT_FOUND'], calls: { [PUT_PAYMENT]: 1 } },
  },
  {
    name: "removing a card of another seller's customer is NOT_FOUND",
    request: mutation(REMOVE_CARD, { customerId: MLB_CUSTOMER, cardId: MLB_CARD }, TOKENS.sellerMLM),
    expect: {
      status: 200,
      codes: [],
      userErrors: ['NOT_FOUND'],
      calls: { 'DELETE /v1/customers/{id}/cards/{card_id}': 1 },
    },
  },
  {
    name: "updating another seller's customer is NOT_FOUND, and nothing changes",
    request: mutation(UPDATE_CUSTOMER, { customerId: MLB_CUSTOMER, email: 'thief@example.com' }, TOKENS.sellerMLM),
    expect: { status: 200, codes: [], userErrors: ['NOT_FOUND'], calls: { 'PUT /v1/customers/{id}': 1 } },
    check: async (_res, _s, h) => {
      const customer = await h.sandbox('GET', `/v1/customers/${MLB_CUSTOMER}`, { token: TOKENS.sellerMLB });
      expect(customer.body.email).toBe('test@test.com');
    },
  },
  {
    name: "deleting another seller's customer is NOT_FOUND, and the customer stays",
    request: mutation(DELETE_CUSTOMER, { customerId: MLB_CUSTOMER }, TOKENS.sellerMLM),
    expect: { status: 200, codes: [], userErrors: ['NOT_FOUND'], calls: { 'DELETE /v1/customers/{id}': 1 } },
    check: async (_res, _s, h) => {
      const customer = await h.sandbox('GET', `/v1/customers/${MLB_CUSTOMER}`, { token: TOKENS.sellerMLB });
      expect(customer.status).toBe(200);
    },
  },
  {
    name: "adding a card to another seller's customer is refused, and no card is saved",
    setup: (h) => h.cardToken(TOKENS.sellerMLM),
    request: (token) => mutation(ADD_CARD, { customerId: MLB_CUSTOMER, token }, TOKENS.sellerMLM),
    expect: { status: 200, codes: [], userErrors: ['NOT_FOUND'], calls: { 'POST /v1/customers/{id}/cards': 1 } },
  },
  {
    name: "paying with another seller's card token is CARD_TOKEN_INVALID (cause 2006)",
    setup: (h) => h.cardToken(TOKENS.sellerMLM),
    request: (token) => checkout({ token }),
    expect: { status: 200, codes: [], userErrors: ['CARD_TOKEN_INVALID'], calls: { [POST_PAYMENT]: 1 } },
  },
  {
    name: "the buyer's view of a payment: the payer's details it lacks are null, the collector's are there",
    request: gql(
      `{ payment(id: "${MLM_PAYMENT}") { id payer { id email firstName lastName type identification { number } } ` +
        'collector { id firstName } } }',
      { token: TOKENS.buyerMLM },
    ),
    expect: { status: 200, codes: [], calls: { [GET_PAYMENT]: 1 } },
    check: (res) =>
      expect(res.json.data.payment).toEqual({
        id: MLM_PAYMENT,
        payer: { id: '53745235', email: null, firstName: null, lastName: null, type: null, identification: null },
        collector: { id: '277582551', firstName: 'Belem' },
      }),
  },
  {
    name: "the seller's view of the same payment: the collector's name it lacks is null",
    request: gql(`{ payment(id: "${MLM_PAYMENT}") { collector { id firstName email } } }`, {
      token: TOKENS.sellerMLM,
    }),
    expect: { status: 200, codes: [], calls: { [GET_PAYMENT]: 1 } },
    check: (res) => expect(res.json.data.payment.collector).toEqual({ id: '277582551', firstName: null, email: null }),
  },
  {
    name: 'a buyer refunding the payment it made is REFUSED by Mercado Pago (only the collector may)',
    request: mutation(REFUND, { idempotencyKey: key(), paymentId: MLM_PAYMENT }, TOKENS.buyerMLM),
    expect: {
      status: 200,
      codes: [],
      userErrors: ['REFUSED'],
      calls: { [GET_PAYMENT]: 1, 'POST /v1/payments/{id}/refunds': 1 },
    },
    check: async (res, _s, h) => {
      // Mercado Pago's reason is kept for the client, in full: it is a code, not a credential.
      const [refused] = res.json.data.refundPayment.userErrors;
      expect(refused.upstreamCode).toBe('PA_UNAUTHORIZED_RESULT_FROM_POLICIES');
      const payment = await h.sandbox('GET', `/v1/payments/${MLM_PAYMENT}`, { token: TOKENS.sellerMLM });
      expect(payment.body.status).toBe('approved');
    },
  },
];

describe('hostile input', () => {
  const { lines, log } = capturedLog();
  const stack = useStack({}, { gateway: { log } });
  const target = sandboxTarget(stack);

  afterAll(() => {
    const text = lines.join('\n');
    expect(text).not.toContain('internal error');
    for (const token of [...Object.values(TOKENS), UNKNOWN_TOKEN]) expect(text).not.toContain(token);
  });

  describe('3. bad ids', () => runCases(target, BAD_IDS));
  describe('4. money', () => runCases(target, MONEY));
  describe('5. foreign callers', () => runCases(target, CALLERS));
});
