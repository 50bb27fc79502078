// The customer and card mutations' input checks (everything refused here is refused before any
// upstream call) and their refusal mappers (Mercado Pago's cause codes → our userError codes).
import {
  addCardArgs,
  createCustomerBody,
  deleteCustomerId,
  removeCardArgs,
  updateCustomerBody,
} from '../../src/graph/customers/customer.inputs';
import { cardRefusal, customerRefusal } from '../../src/graph/customers/customer.refusals';
import { UpstreamError } from '../../src/upstream/errors';
import type { Checked } from '../../src/graph/common/inputChecks';

const FIRST = '123456789-jxOV430go9fx2e';

/** [field, code] of each userError, or the value when the input passed. */
const outcome = <T>(result: Checked<T>) =>
  result.ok ? result.value : result.userErrors.map((e) => [e.field?.join('.'), e.code]);

describe('createCustomerBody', () => {
  it("is Mercado Pago's body with only the fields given, trimmed, documents as their digits", () => {
    expect(
      outcome(
        createCustomerBody({
          email: ' ana@test.com ',
          firstName: ' Ana ',
          lastName: 'Souza',
          phone: { areaCode: '11', number: '98765 4321' },
          identification: { type: 'CPF', number: '123.456.789-09' },
          description: 'vip',
        }),
      ),
    ).toEqual({
      email: 'ana@test.com',
      first_name: 'Ana',
      last_name: 'Souza',
      phone: { area_code: '11', number: '98765 4321' },
      identification: { type: 'CPF', number: '12345678909' },
      description: 'vip',
    });
    expect(outcome(createCustomerBody({ email: 'a@b.co', firstName: null, phone: { number: '5555' } }))).toEqual({
      email: 'a@b.co',
      phone: { number: '5555' },
    });
  });

  it.each([
    [{ email: '' }, [['input.email', 'INVALID_VALUE']]],
    [{ email: 'a@b' }, [['input.email', 'INVALID_VALUE']]],
    [{ email: `${'a'.repeat(250)}@b.co` }, [['input.email', 'INVALID_VALUE']]],
    [{ email: 'a@b.co', firstName: '' }, [['input.firstName', 'INVALID_VALUE']]],
    [{ email: 'a@b.co', lastName: 'a'.repeat(101) }, [['input.lastName', 'INVALID_VALUE']]],
    [{ email: 'a@b.co', description: 'a'.repeat(257) }, [['input.description', 'INVALID_VALUE']]],
    [{ email: 'a@b.co', phone: { areaCode: '', number: '5555' } }, [['input.phone.areaCode', 'INVALID_VALUE']]],
    [
      { email: 'a@b.co', phone: { areaCode: '12345678901', number: '5555' } },
      [['input.phone.areaCode', 'INVALID_VALUE']],
    ],
    [{ email: 'a@b.co', phone: { number: '-5555' } }, [['input.phone.number', 'INVALID_VALUE']]],
    [{ email: 'a@b.co', phone: { number: '1'.repeat(21) } }, [['input.phone.number', 'INVALID_VALUE']]],
    [
      { email: 'a@b.co', identification: { type: 'DNI', number: '123' } },
      [['input.identification.number', 'INVALID_IDENTIFICATION']],
    ],
    [
      { email: 'a@b.co', identification: { type: '', number: '12345678' } },
      [['input.identification.type', 'INVALID_IDENTIFICATION']],
    ],
  ])('refuses %j', (input, errors) => {
    expect(outcome(createCustomerBody(input))).toEqual(errors);
  });

  it('reports every violation at once', () => {
    expect(outcome(createCustomerBody({ email: 'x', lastName: '', phone: { areaCode: 'x', number: 'y' } }))).toEqual([
      ['input.email', 'INVALID_VALUE'],
      ['input.lastName', 'INVALID_VALUE'],
      ['input.phone.areaCode', 'INVALID_VALUE'],
      ['input.phone.number', 'INVALID_VALUE'],
    ]);
  });
});

describe('updateCustomerBody', () => {
  it('is the id and only the changes, the default card as default_card', () => {
    expect(
      outcome(updateCustomerBody({ customerId: FIRST, description: 'vip', defaultCardId: '1490022319978' })),
    ).toEqual({
      customerId: FIRST,
      body: { description: 'vip', default_card: '1490022319978' },
    });
  });

  it('needs something to change: nulls are not changes', () => {
    expect(outcome(updateCustomerBody({ customerId: FIRST }))).toEqual([['input', 'INVALID_VALUE']]);
    expect(
      outcome(updateCustomerBody({ customerId: FIRST, firstName: null, phone: null, defaultCardId: null })),
    ).toEqual([['input', 'INVALID_VALUE']]);
  });

  it.each(['..', '../1', `${FIRST}/..`, `${FIRST}/cards`, '123456789', '-abc', '', `${FIRST}%2F..`])(
    'refuses the customer id %j',
    (customerId) => {
      expect(outcome(updateCustomerBody({ customerId, firstName: 'Ana' }))).toEqual([
        ['input.customerId', 'INVALID_VALUE'],
      ]);
    },
  );

  it.each(['..', '1/..', 'abc', '', '1'.repeat(20)])('refuses the default card id %j', (defaultCardId) => {
    expect(outcome(updateCustomerBody({ customerId: FIRST, defaultCardId }))).toEqual([
      ['input.defaultCardId', 'INVALID_VALUE'],
    ]);
  });
});

describe('deleteCustomerId', () => {
  it('is the id when well formed', () => {
    expect(outcome(deleteCustomerId({ customerId: FIRST }))).toBe(FIRST);
    expect(outcome(deleteCustomerId({ customerId: '..' }))).toEqual([['input.customerId', 'INVALID_VALUE']]);
  });
});

describe('addCardArgs and removeCardArgs', () => {
  it('pass well-formed ids and tokens', () => {
    expect(outcome(addCardArgs({ customerId: FIRST, token: ' 9b2d63e00d66a8c721607214cedaecda ' }))).toEqual({
      customerId: FIRST,
      token: '9b2d63e00d66a8c721607214cedaecda',
    });
    expect(outcome(removeCardArgs({ customerId: FIRST, cardId: '1490022319978' }))).toEqual({
      customerId: FIRST,
      cardId: '1490022319978',
    });
  });

  it.each(['', '../x', 'a b', 'a'.repeat(65), 'tok/en'])('refuses the token %j', (token) => {
    expect(outcome(addCardArgs({ customerId: FIRST, token }))).toEqual([['input.token', 'INVALID_VALUE']]);
  });

  it('names every field at fault', () => {
    expect(outcome(addCardArgs({ customerId: '..', token: '' }))).toEqual([
      ['input.customerId', 'INVALID_VALUE'],
      ['input.token', 'INVALID_VALUE'],
    ]);
    expect(outcome(removeCardArgs({ customerId: '..', cardId: '..' }))).toEqual([
      ['input.customerId', 'INVALID_VALUE'],
      ['input.cardId', 'INVALID_VALUE'],
    ]);
  });
});

/** Mercado Pago's refusal as the SDK client reports it: an UpstreamError with a 4xx status. */
const refusal = (status: number, causes: string[], error: string | null = 'bad_request') => ({ status, error, causes });
const refused = (r: { status: number; error: string | null; causes: readonly string[] }) =>
  new UpstreamError('mercadoPago', 'status', { ...r, causes: [...r.causes] });
const brief = (e: { field: string[] | null; code: string; upstreamCode: string | null }) => [
  e.field?.join('.') ?? null,
  e.code,
  e.upstreamCode,
];

describe('customerRefusal', () => {
  it.each([
    ['createCustomer', refusal(400, ['101']), ['input.email', 'CUSTOMER_EXISTS', '101']],
    ['updateCustomer', refusal(400, ['120']), ['input.defaultCardId', 'NOT_FOUND', '120']],
    ['updateCustomer', refusal(400, ['126']), ['input.email', 'REFUSED', '126']],
    ['createCustomer', refusal(400, ['106']), ['input.email', 'REFUSED', '106']],
    ['createCustomer', refusal(400, ['107']), ['input.firstName', 'REFUSED', '107']],
    ['createCustomer', refusal(400, ['110']), ['input.phone.number', 'REFUSED', '110']],
    ['createCustomer', refusal(400, ['112']), ['input.identification.number', 'REFUSED', '112']],
    ['updateCustomer', refusal(404, [], 'not_found'), ['input.customerId', 'NOT_FOUND', 'not_found']],
    ['deleteCustomer', refusal(404, [], 'not_found'), ['input.customerId', 'NOT_FOUND', 'not_found']],
    ['createCustomer', refusal(404, [], 'not_found'), [null, 'NOT_FOUND', 'not_found']],
    ['createCustomer', refusal(400, ['999', '101']), ['input.email', 'CUSTOMER_EXISTS', '101']],
    ['createCustomer', refusal(400, ['999']), [null, 'REFUSED', '999']],
    ['updateCustomer', refusal(409, [], 'conflict'), [null, 'REFUSED', 'conflict']],
    ['updateCustomer', refusal(400, [], null), [null, 'REFUSED', null]],
  ] as const)('%s: %j', (operation, r, expected) => {
    expect(brief(customerRefusal(operation, refused(r)))).toEqual(expected);
  });
});

describe('cardRefusal', () => {
  it.each([
    [refusal(400, ['121']), ['input.token', 'CARD_TOKEN_INVALID', '121']],
    [refusal(400, ['140']), ['input.token', 'CARD_TOKEN_INVALID', '140']],
    [refusal(400, ['119']), ['input.token', 'CARD_TOKEN_INVALID', '119']],
    [refusal(400, ['122']), ['input.token', 'REFUSED', '122']],
    [refusal(400, ['129']), ['input.customerId', 'REFUSED', '129']],
    [refusal(404, ['120'], null), ['input.cardId', 'NOT_FOUND', '120']],
    [refusal(404, [], 'not_found'), ['input.customerId', 'NOT_FOUND', 'not_found']],
    [refusal(400, ['999']), [null, 'REFUSED', '999']],
    [refusal(400, []), [null, 'REFUSED', 'bad_request']],
  ] as const)('%j', (r, expected) => {
    expect(brief(cardRefusal(refused(r)))).toEqual(expected);
  });
});
