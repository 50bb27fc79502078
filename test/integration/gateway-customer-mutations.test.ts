// createCustomer, updateCustomer, deleteCustomer, addCard and removeCard over real HTTP against
// the real sandbox: the customers and cards page's walk through GraphQL, every refusal with its cause code, bad input
// refused with no upstream call, and the upstream calls each mutation makes.
import {
  AddCardDocument,
  CreateCustomerDocument,
  CustomerWalletDocument,
  DeleteCustomerDocument,
  RemoveCardDocument,
  ReplaceCardDocument,
  SetDefaultCardDocument,
  UpdateCustomerDocument,
} from '../generated/graphql';
import { raw, requests, TOKENS } from '../support/sandbox';
import { execute, useStack } from '../support/stack';
import { upstreamCalls, upstreamCallsSince } from '../support/upstreamCalls';
import { CARDS, cardData } from './sandbox-payments-helpers';

// The customers and cards page's customers (seller 169648308): each with one saved card, both expired 12/2020.
const FIRST = '123456789-jxOV430go9fx2e';
const FIRST_CARD = '1490022319978';
const SECOND = '247711297-jxOV430go9fx2e';
const SECOND_CARD = '1493990563105';

const NO_ERRORS: unknown[] = [];

describe('customer and card mutations', () => {
  const stack = useStack();

  const upstream = () => upstreamCalls(stack.sandboxUrl);

  /** A card token from the sandbox, as MercadoPago.js would make it with the seller's credentials. */
  const tokenize = async (body: Record<string, unknown>, accessToken: string = TOKENS.sellerMLB): Promise<string> => {
    const res = await raw(stack.sandboxUrl, 'POST', '/v1/card_tokens', { token: accessToken, body });
    if (res.status !== 201) throw new Error(`tokenize: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };

  const errorsOf = (
    payload: { userErrors: { field?: string[] | null; code: string; upstreamCode?: string | null }[] } | undefined,
  ) => payload?.userErrors.map((e) => ({ field: e.field, code: e.code, upstreamCode: e.upstreamCode }));

  describe("the customers and cards page's walk", () => {
    it('creates a customer, saves two cards, chooses the default, removes one, deletes the customer', async () => {
      const created = await execute(
        stack.gatewayUrl,
        CreateCustomerDocument,
        {
          email: 'walk@test.com',
          firstName: 'Ana',
          lastName: 'Souza',
          phone: { areaCode: '11', number: '98765-4321' },
          identification: { type: 'DNI', number: '12.345.678' },
          description: 'Customers and cards walk',
        },
        TOKENS.sellerMLB,
      );
      expect(created.errors).toBeUndefined();
      expect(created.data?.createCustomer.userErrors).toEqual(NO_ERRORS);
      const customer = created.data!.createCustomer.customer!;
      expect(customer).toEqual({
        id: expect.stringMatching(/^\d{9}-[A-Za-z0-9]{14}$/),
        email: 'walk@test.com',
        firstName: 'Ana',
        lastName: 'Souza',
        phone: { areaCode: '11', number: '98765-4321' },
        // The DNI goes upstream as its digits.
        identification: { type: 'DNI', number: '12345678' },
        description: 'Customers and cards walk',
        dateCreated: expect.any(String),
        dateLastUpdated: null,
        defaultCard: null,
        cards: [],
      });
      expect(await upstream()).toEqual({ 'POST /v1/customers': 1 });

      // The first card saved becomes the default.
      const visaToken = await tokenize(cardData(CARDS.MLB.visa, 'APRO'));
      let before = await upstream();
      const visa = await execute(
        stack.gatewayUrl,
        AddCardDocument,
        { customerId: customer.id, token: visaToken },
        TOKENS.sellerMLB,
      );
      expect(visa.errors).toBeUndefined();
      expect(visa.data?.addCard.userErrors).toEqual(NO_ERRORS);
      const visaCard = visa.data!.addCard.card!;
      expect(visaCard).toMatchObject({
        id: expect.stringMatching(/^\d{13}$/),
        customerId: customer.id,
        firstSixDigits: '423564',
        lastFourDigits: '5682',
        expirationMonth: 11,
        expirationYear: 2030,
        paymentMethod: { id: 'visa', paymentTypeId: 'credit_card' },
        securityCode: { length: 3, cardLocation: 'back' },
        cardholder: { name: 'APRO', identification: { type: 'CPF', number: '12345678909' } },
      });
      expect(visa.data?.addCard.customer).toEqual({
        id: customer.id,
        defaultCard: { id: visaCard.id },
        cards: [{ id: visaCard.id, lastFourDigits: '5682' }],
      });
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({
        'POST /v1/customers/{id}/cards': 1,
        'GET /v1/customers/{id}': 1,
      });

      const master = await execute(
        stack.gatewayUrl,
        AddCardDocument,
        { customerId: customer.id, token: await tokenize(cardData(CARDS.MLB.master)) },
        TOKENS.sellerMLB,
      );
      const masterCard = master.data!.addCard.card!;
      expect(master.data?.addCard.customer).toEqual({
        id: customer.id,
        defaultCard: { id: visaCard.id },
        cards: [
          { id: visaCard.id, lastFourDigits: '5682' },
          { id: masterCard.id, lastFourDigits: '6351' },
        ],
      });

      before = await upstream();
      const chosen = await execute(
        stack.gatewayUrl,
        SetDefaultCardDocument,
        { customerId: customer.id, cardId: masterCard.id! },
        TOKENS.sellerMLB,
      );
      expect(chosen.errors).toBeUndefined();
      expect(chosen.data?.updateCustomer).toEqual({
        customer: {
          id: customer.id,
          defaultCard: { id: masterCard.id, lastFourDigits: '6351' },
          cards: [
            { id: visaCard.id, lastFourDigits: '5682' },
            { id: masterCard.id, lastFourDigits: '6351' },
          ],
        },
        userErrors: [],
      });
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({ 'PUT /v1/customers/{id}': 1 });

      // Removing the default card makes the oldest remaining one the default: the payload says so.
      before = await upstream();
      const removed = await execute(
        stack.gatewayUrl,
        RemoveCardDocument,
        { customerId: customer.id, cardId: masterCard.id! },
        TOKENS.sellerMLB,
      );
      expect(removed.errors).toBeUndefined();
      expect(removed.data?.removeCard).toEqual({
        card: { id: masterCard.id, lastFourDigits: '6351' },
        customer: {
          id: customer.id,
          defaultCard: { id: visaCard.id },
          cards: [{ id: visaCard.id, lastFourDigits: '5682' }],
        },
        userErrors: [],
      });
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({
        'DELETE /v1/customers/{id}/cards/{card_id}': 1,
        'GET /v1/customers/{id}': 1,
      });

      before = await upstream();
      const deleted = await execute(
        stack.gatewayUrl,
        DeleteCustomerDocument,
        { customerId: customer.id },
        TOKENS.sellerMLB,
      );
      expect(deleted.errors).toBeUndefined();
      expect(deleted.data?.deleteCustomer).toEqual({
        customer: { id: customer.id, email: 'walk@test.com', cards: [{ id: visaCard.id }] },
        userErrors: [],
      });
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({ 'DELETE /v1/customers/{id}': 1 });

      const gone = await execute(stack.gatewayUrl, CustomerWalletDocument, { id: customer.id }, TOKENS.sellerMLB);
      expect(gone.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    });

    it('changes only the fields given, and the payload is the customer as changed', async () => {
      const res = await execute(
        stack.gatewayUrl,
        UpdateCustomerDocument,
        {
          customerId: FIRST,
          firstName: 'Juan',
          phone: { number: '5555-1234' },
          identification: { type: 'CPF', number: '123.456.789-09' },
        },
        TOKENS.sellerMLB,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateCustomer).toEqual({
        customer: {
          id: FIRST,
          email: 'test@test.com',
          firstName: 'Juan',
          lastName: null,
          phone: { areaCode: null, number: '5555-1234' },
          identification: { type: 'CPF', number: '12345678909' },
          description: null,
          dateLastUpdated: expect.any(String),
          defaultCard: { id: FIRST_CARD },
        },
        userErrors: [],
      });
      expect(res.data?.updateCustomer.customer?.dateLastUpdated).not.toBe('2017-05-05T09:23:25.021-04:00');
      expect(await upstream()).toEqual({ 'PUT /v1/customers/{id}': 1 });

      const read = await execute(stack.gatewayUrl, CustomerWalletDocument, { id: FIRST }, TOKENS.sellerMLB);
      expect(read.data?.customer).toMatchObject({ firstName: 'Juan', lastName: null, phone: { number: '5555-1234' } });
    });

    it('accepts the e-mail a customer already has, in any case', async () => {
      const res = await execute(
        stack.gatewayUrl,
        UpdateCustomerDocument,
        { customerId: FIRST, email: 'TEST@test.com', description: 'vip' },
        TOKENS.sellerMLB,
      );
      expect(res.data?.updateCustomer.userErrors).toEqual(NO_ERRORS);
      expect(res.data?.updateCustomer.customer).toMatchObject({ email: 'test@test.com', description: 'vip' });
    });
  });

  describe('upstream calls', () => {
    it('is one per mutation; CardPayload.customer adds one read, only when selected', async () => {
      const token = await tokenize(cardData(CARDS.MLB.amex));
      let before = await upstream();
      const added = await execute(
        stack.gatewayUrl,
        AddCardDocument,
        { customerId: SECOND, token, withCustomer: false },
        TOKENS.sellerMLB,
      );
      expect(added.data?.addCard.userErrors).toEqual(NO_ERRORS);
      expect(added.data?.addCard).not.toHaveProperty('customer');
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({ 'POST /v1/customers/{id}/cards': 1 });

      before = await upstream();
      const removed = await execute(
        stack.gatewayUrl,
        RemoveCardDocument,
        { customerId: SECOND, cardId: added.data!.addCard.card!.id!, withCustomer: false },
        TOKENS.sellerMLB,
      );
      expect(removed.data?.removeCard.userErrors).toEqual(NO_ERRORS);
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({
        'DELETE /v1/customers/{id}/cards/{card_id}': 1,
      });
    });

    it('reads the customer again after each change of one operation, never serving it as it was', async () => {
      const token = await tokenize(cardData(CARDS.MLB.master));
      const before = await upstream();
      const res = await execute(
        stack.gatewayUrl,
        ReplaceCardDocument,
        { customerId: FIRST, token, oldCardId: FIRST_CARD },
        TOKENS.sellerMLB,
      );
      expect(res.errors).toBeUndefined();
      const newId = res.data!.addCard.card!.id!;
      expect(res.data?.addCard.customer).toEqual({
        id: FIRST,
        defaultCard: { id: FIRST_CARD },
        cards: [{ id: FIRST_CARD }, { id: newId }],
      });
      expect(res.data?.removeCard).toEqual({
        card: { id: FIRST_CARD },
        customer: { id: FIRST, defaultCard: { id: newId }, cards: [{ id: newId }] },
        userErrors: [],
      });
      expect(await upstreamCallsSince(stack.sandboxUrl, before)).toEqual({
        'POST /v1/customers/{id}/cards': 1,
        'DELETE /v1/customers/{id}/cards/{card_id}': 1,
        'GET /v1/customers/{id}': 2,
      });
    });

    it('asks for an access token before anything else', async () => {
      const res = await execute(stack.gatewayUrl, DeleteCustomerDocument, { customerId: '..' });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect((await requests(stack.sandboxUrl)).total).toBe(0);
    });
  });

  describe("Mercado Pago's refusals", () => {
    it('CUSTOMER_EXISTS (101) for an e-mail the seller already has, in any case; another seller may use it', async () => {
      const res = await execute(stack.gatewayUrl, CreateCustomerDocument, { email: 'TEST@test.com' }, TOKENS.sellerMLB);
      expect(res.data?.createCustomer.customer).toBeNull();
      expect(errorsOf(res.data?.createCustomer)).toEqual([
        { field: ['input', 'email'], code: 'CUSTOMER_EXISTS', upstreamCode: '101' },
      ]);
      const other = await execute(
        stack.gatewayUrl,
        CreateCustomerDocument,
        { email: 'test@test.com' },
        TOKENS.sellerMLM,
      );
      expect(other.data?.createCustomer.userErrors).toEqual(NO_ERRORS);
    });

    it("NOT_FOUND for another seller's customer, in every mutation, and nothing changes", async () => {
      const token = await tokenize(cardData(CARDS.MLM.visa), TOKENS.sellerMLM);
      const notFound = { field: ['input', 'customerId'], code: 'NOT_FOUND', upstreamCode: 'not_found' };
      const update = await execute(
        stack.gatewayUrl,
        UpdateCustomerDocument,
        { customerId: FIRST, firstName: 'Eve' },
        TOKENS.sellerMLM,
      );
      expect(update.data?.updateCustomer.customer).toBeNull();
      expect(errorsOf(update.data?.updateCustomer)).toEqual([notFound]);
      const add = await execute(stack.gatewayUrl, AddCardDocument, { customerId: FIRST, token }, TOKENS.sellerMLM);
      expect(add.data?.addCard).toEqual({
        card: null,
        customer: null,
        userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'customerId'] })],
      });
      const remove = await execute(
        stack.gatewayUrl,
        RemoveCardDocument,
        { customerId: FIRST, cardId: FIRST_CARD },
        TOKENS.sellerMLM,
      );
      expect(errorsOf(remove.data?.removeCard)).toEqual([notFound]);
      const del = await execute(stack.gatewayUrl, DeleteCustomerDocument, { customerId: FIRST }, TOKENS.sellerMLM);
      expect(errorsOf(del.data?.deleteCustomer)).toEqual([notFound]);
      const unknown = await execute(
        stack.gatewayUrl,
        DeleteCustomerDocument,
        { customerId: '999999999-doesNotExist00' },
        TOKENS.sellerMLB,
      );
      expect(errorsOf(unknown.data?.deleteCustomer)).toEqual([notFound]);

      const wallet = await execute(stack.gatewayUrl, CustomerWalletDocument, { id: FIRST }, TOKENS.sellerMLB);
      expect(wallet.data?.customer).toMatchObject({ firstName: null, cards: [{ id: FIRST_CARD }] });
    });

    it("NOT_FOUND (120) for a card that is not the customer's, to remove or to make the default", async () => {
      const remove = await execute(
        stack.gatewayUrl,
        RemoveCardDocument,
        { customerId: FIRST, cardId: SECOND_CARD },
        TOKENS.sellerMLB,
      );
      expect(remove.data?.removeCard).toEqual({
        card: null,
        customer: null,
        userErrors: [expect.objectContaining({ field: ['input', 'cardId'], code: 'NOT_FOUND', upstreamCode: '120' })],
      });
      const choose = await execute(
        stack.gatewayUrl,
        SetDefaultCardDocument,
        { customerId: FIRST, cardId: SECOND_CARD },
        TOKENS.sellerMLB,
      );
      expect(choose.data?.updateCustomer.customer).toBeNull();
      expect(errorsOf(choose.data?.updateCustomer)).toEqual([
        { field: ['input', 'defaultCardId'], code: 'NOT_FOUND', upstreamCode: '120' },
      ]);
    });

    it("CARD_TOKEN_INVALID (121) for an unknown token and for another account's", async () => {
      const mlmToken = await tokenize(cardData(CARDS.MLM.visa), TOKENS.sellerMLM);
      for (const token of ['0123456789abcdef0123456789abcdef', mlmToken]) {
        const res = await execute(stack.gatewayUrl, AddCardDocument, { customerId: FIRST, token }, TOKENS.sellerMLB);
        expect(res.data?.addCard.card).toBeNull();
        expect(errorsOf(res.data?.addCard)).toEqual([
          { field: ['input', 'token'], code: 'CARD_TOKEN_INVALID', upstreamCode: '121' },
        ]);
      }
    });

    it("CARD_TOKEN_INVALID (140) for a token made from another customer's saved card", async () => {
      const token = await tokenize({ card_id: FIRST_CARD, security_code: '123' });
      const res = await execute(stack.gatewayUrl, AddCardDocument, { customerId: SECOND, token }, TOKENS.sellerMLB);
      expect(errorsOf(res.data?.addCard)).toEqual([
        { field: ['input', 'token'], code: 'CARD_TOKEN_INVALID', upstreamCode: '140' },
      ]);
    });

    it('REFUSED (122) for an expired card', async () => {
      // The customers and cards page's card expired 12/2020; a token made from it carries that date.
      const token = await tokenize({ card_id: FIRST_CARD, security_code: '123' });
      const res = await execute(stack.gatewayUrl, AddCardDocument, { customerId: FIRST, token }, TOKENS.sellerMLB);
      expect(errorsOf(res.data?.addCard)).toEqual([
        { field: ['input', 'token'], code: 'REFUSED', upstreamCode: '122' },
      ]);
    });

    it("REFUSED (126) for a change of e-mail, and (107) for a name Mercado Pago's rules refuse", async () => {
      const email = await execute(
        stack.gatewayUrl,
        UpdateCustomerDocument,
        { customerId: FIRST, email: 'new@test.com' },
        TOKENS.sellerMLB,
      );
      expect(errorsOf(email.data?.updateCustomer)).toEqual([
        { field: ['input', 'email'], code: 'REFUSED', upstreamCode: '126' },
      ]);
      const name = await execute(
        stack.gatewayUrl,
        CreateCustomerDocument,
        { email: 'r2@test.com', firstName: 'R2D2' },
        TOKENS.sellerMLB,
      );
      expect(errorsOf(name.data?.createCustomer)).toEqual([
        { field: ['input', 'firstName'], code: 'REFUSED', upstreamCode: '107' },
      ]);
      expect(await upstream()).toEqual({ 'PUT /v1/customers/{id}': 1, 'POST /v1/customers': 1 });
    });
  });

  describe('bad input: userErrors and no upstream call', () => {
    const long = (n: number) => 'a'.repeat(n);

    it.each([
      ['a malformed e-mail', { email: 'nope' }, [['input', 'email']]],
      ['an empty e-mail', { email: '' }, [['input', 'email']]],
      ['a blank first name', { email: 'a@b.co', firstName: '  ' }, [['input', 'firstName']]],
      ['a last name over 100 characters', { email: 'a@b.co', lastName: long(101) }, [['input', 'lastName']]],
      ['a description over 256 characters', { email: 'a@b.co', description: long(257) }, [['input', 'description']]],
      [
        'an area code with a letter',
        { email: 'a@b.co', phone: { areaCode: '1a', number: '5555' } },
        [['input', 'phone', 'areaCode']],
      ],
      ['a phone number of letters', { email: 'a@b.co', phone: { number: 'call me' } }, [['input', 'phone', 'number']]],
      [
        'a CPF of 10 digits',
        { email: 'a@b.co', identification: { type: 'CPF', number: '1234567890' } },
        [['input', 'identification', 'number']],
      ],
      [
        'a document type of digits',
        { email: 'a@b.co', identification: { type: '12', number: '1' } },
        [['input', 'identification', 'type']],
      ],
      [
        'several at once',
        { email: 'x', firstName: '', phone: { areaCode: 'x', number: 'y' } },
        [
          ['input', 'email'],
          ['input', 'firstName'],
          ['input', 'phone', 'areaCode'],
          ['input', 'phone', 'number'],
        ],
      ],
    ])('createCustomer: %s', async (_what, variables, fields) => {
      const res = await execute(stack.gatewayUrl, CreateCustomerDocument, variables, TOKENS.sellerMLB);
      expect(res.errors).toBeUndefined();
      expect(res.data?.createCustomer.customer).toBeNull();
      expect(res.data?.createCustomer.userErrors.map((e) => e.field)).toEqual(fields);
      expect(
        res.data?.createCustomer.userErrors.every(
          (e) => ['INVALID_VALUE', 'INVALID_IDENTIFICATION'].includes(e.code) && e.upstreamCode === null,
        ),
      ).toBe(true);
      expect((await requests(stack.sandboxUrl)).total).toBe(0);
    });

    it.each([
      ['an id of ..', { customerId: '..', firstName: 'A' }, [['input', 'customerId']]],
      ['an id with a path', { customerId: `${FIRST}/cards`, firstName: 'A' }, [['input', 'customerId']]],
      ['an id going up', { customerId: '../1', firstName: 'A' }, [['input', 'customerId']]],
      ['nothing to change', { customerId: FIRST }, [['input']]],
      ['a default card id of ..', { customerId: FIRST, defaultCardId: '..' }, [['input', 'defaultCardId']]],
      ['a malformed e-mail', { customerId: FIRST, email: 'a@b' }, [['input', 'email']]],
    ])('updateCustomer: %s', async (_what, variables, fields) => {
      const res = await execute(stack.gatewayUrl, UpdateCustomerDocument, variables, TOKENS.sellerMLB);
      expect(res.data?.updateCustomer.customer).toBeNull();
      expect(res.data?.updateCustomer.userErrors.map((e) => [e.field, e.code])).toEqual(
        fields.map((f) => [f, 'INVALID_VALUE']),
      );
      expect((await requests(stack.sandboxUrl)).total).toBe(0);
    });

    it.each(['..', '../1', '123456789', `${FIRST}%2F..`, ''])('deleteCustomer: id %j', async (customerId) => {
      const res = await execute(stack.gatewayUrl, DeleteCustomerDocument, { customerId }, TOKENS.sellerMLB);
      expect(errorsOf(res.data?.deleteCustomer)).toEqual([
        { field: ['input', 'customerId'], code: 'INVALID_VALUE', upstreamCode: null },
      ]);
      expect((await requests(stack.sandboxUrl)).total).toBe(0);
    });

    it.each([
      [
        'a customer id of ..',
        { customerId: '..', token: '0123456789abcdef0123456789abcdef' },
        [['input', 'customerId']],
      ],
      ['an empty token', { customerId: FIRST, token: '' }, [['input', 'token']]],
      ['a token with a path', { customerId: FIRST, token: '../payments' }, [['input', 'token']]],
      [
        'both',
        { customerId: 'x', token: 'a b' },
        [
          ['input', 'customerId'],
          ['input', 'token'],
        ],
      ],
    ])('addCard: %s', async (_what, variables, fields) => {
      const res = await execute(stack.gatewayUrl, AddCardDocument, variables, TOKENS.sellerMLB);
      expect(res.data?.addCard).toMatchObject({ card: null, customer: null });
      expect(res.data?.addCard.userErrors.map((e) => [e.field, e.code])).toEqual(
        fields.map((f) => [f, 'INVALID_VALUE']),
      );
      expect((await requests(stack.sandboxUrl)).total).toBe(0);
    });

    it.each([
      ['a card id of ..', { customerId: FIRST, cardId: '..' }, [['input', 'cardId']]],
      ['a card id with a path', { customerId: FIRST, cardId: `${FIRST_CARD}/..` }, [['input', 'cardId']]],
      ['a customer id of ..', { customerId: '..', cardId: FIRST_CARD }, [['input', 'customerId']]],
    ])('removeCard: %s', async (_what, variables, fields) => {
      const res = await execute(stack.gatewayUrl, RemoveCardDocument, variables, TOKENS.sellerMLB);
      expect(res.data?.removeCard).toMatchObject({ card: null, customer: null });
      expect(res.data?.removeCard.userErrors.map((e) => [e.field, e.code])).toEqual(
        fields.map((f) => [f, 'INVALID_VALUE']),
      );
      expect((await requests(stack.sandboxUrl)).total).toBe(0);
    });
  });
});
