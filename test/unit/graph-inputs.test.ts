// Arguments → upstream searches and id checks: everything refused here is refused before any call.
import { encodeCursor } from '../../src/graph/common/connection';
import { idArgument } from '../../src/graph/common/ids';
import { SortDirection } from '../../src/graph/common/filters';
import { toCustomerSearch as customerSearch } from '../../src/graph/customers/customer.inputs';
import { PaymentStatus } from '../../src/graph/payments/payment.enums';
import { toPaymentSearch as paymentSearch } from '../../src/graph/payments/payment.inputs';
import { paymentSearchQuery } from '../../src/upstream/mercadopago';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e: any) {
    return [e.extensions?.code, e.extensions?.argument];
  }
  return 'no error';
};

describe('paymentSearch', () => {
  it('is the first page, newest first, with no filter', () => {
    expect(paymentSearch({})).toEqual({ offset: 0, limit: 20, criteria: 'desc' });
  });

  it('carries every filter in Mercado Pago terms', () => {
    const s = paymentSearch({
      first: 5,
      after: encodeCursor(4),
      filter: {
        status: PaymentStatus.IN_PROCESS,
        externalReference: 'order-1',
        dateCreatedFrom: '2014-10-01T00:00:00.000-04:00',
        dateCreatedTo: '2014-10-31T23:59:59.000-04:00',
        sortDirection: SortDirection.ASC,
      },
    });
    expect(s).toEqual({
      offset: 5,
      limit: 5,
      criteria: 'asc',
      status: 'in_process',
      externalReference: 'order-1',
      beginDate: '2014-10-01T00:00:00.000-04:00',
      endDate: '2014-10-31T23:59:59.000-04:00',
    });
    expect(paymentSearchQuery(s)).toEqual({
      sort: 'date_created',
      criteria: 'asc',
      offset: 5,
      limit: 5,
      status: 'in_process',
      external_reference: 'order-1',
      range: 'date_created',
      begin_date: '2014-10-01T00:00:00.000-04:00',
      end_date: '2014-10-31T23:59:59.000-04:00',
    });
  });

  it('sends no range without dates', () => {
    expect(paymentSearchQuery({ offset: 0, limit: 20, criteria: 'desc' })).toEqual({
      sort: 'date_created',
      criteria: 'desc',
      offset: 0,
      limit: 20,
    });
  });

  it.each([
    [{ filter: { externalReference: '' } }, 'filter.externalReference'],
    [{ filter: { externalReference: 'x'.repeat(257) } }, 'filter.externalReference'],
    [
      { filter: { dateCreatedFrom: '2020-01-02T00:00:00Z', dateCreatedTo: '2020-01-01T00:00:00Z' } },
      'filter.dateCreatedFrom',
    ],
    [{ first: 51 }, 'first'],
    [{ first: 0 }, 'first'],
    [{ after: 'nope' }, 'after'],
  ])('refuses %j', (args, argument) => {
    expect(code(() => paymentSearch(args))).toEqual(['BAD_USER_INPUT', argument]);
  });
});

describe('customerSearch', () => {
  it('pages, and filters by a trimmed e-mail', () => {
    expect(customerSearch({})).toEqual({ offset: 0, limit: 20 });
    expect(customerSearch({ email: ' test@test.com ', first: 1, after: encodeCursor(0) })).toEqual({
      offset: 1,
      limit: 1,
      email: 'test@test.com',
    });
  });

  it.each(['', 'not-an-email', `${'a'.repeat(250)}@x.com`])('refuses e-mail %j', (email) => {
    expect(code(() => customerSearch({ email }))).toEqual(['BAD_USER_INPUT', 'email']);
  });
});

describe('ids', () => {
  it.each(['123456789-jxOV430go9fx2e', '247711297-jxOV430go9fx2e', '1077342843-U4xkb8Y6Qk17Q4'])(
    'accepts customer id %s',
    (id) => {
      expect(idArgument('customer', id)).toBe(id);
    },
  );

  it.each([
    '',
    '..',
    '../1',
    '123456789',
    '123456789-',
    '-jxOV430go9fx2e',
    '123456789-jxOV/430',
    '123456789-jx..',
    '123456789-jxOV430go9fx2e ',
    '%2e%2e',
  ])('refuses customer id %j', (id) =>
    expect(code(() => idArgument('customer', id))).toEqual(['BAD_USER_INPUT', 'id']),
  );

  it('accepts 13-digit card ids and refuses anything else', () => {
    expect(idArgument('card', '1490022319978', 'cardId')).toBe('1490022319978');
    for (const id of ['', '..', '149002231997a', '1'.repeat(20), '1490022319978/1'])
      expect(code(() => idArgument('card', id, 'cardId'))).toEqual(['BAD_USER_INPUT', 'cardId']);
  });
});
