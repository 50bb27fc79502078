// The REST→GraphQL mappers, on the bodies the pages of docs/sources.md print (no network).
import { PaymentMethodStatus } from '../../src/graph/catalog/catalog.enums';
import { toIdentificationType, toPaymentMethod } from '../../src/graph/catalog/catalog.loader';
import type { OnUnknown } from '../../src/graph/common/enums';
import { toCard, toCustomer } from '../../src/graph/customers/customer.loader';
import { FeePayer, FeeType, PayerType, PaymentStatus, RefundStatus } from '../../src/graph/payments/payment.enums';
import { toPayment } from '../../src/graph/payments/payment.loader';
import { UpstreamError } from '../../src/upstream/errors';
import type { MpCustomer, MpPayment } from '../../src/upstream/mercadopago';

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

/** What a mapper throws for a 2xx it cannot serve: an UpstreamError of kind unexpected_body. */
const UnexpectedUpstreamBody = expect.objectContaining({ name: 'UpstreamError', failure: 'unexpected_body' });
const unexpectedBodyOf = (map: () => unknown) => {
  try {
    map();
  } catch (err) {
    expect(err).toBeInstanceOf(UpstreamError);
    return err;
  }
  throw new Error('expected the mapper to refuse the body');
};

// Payment 3506756222 of the order payments page (docs/sources.md): the fields both views share.
const SHARED: MpPayment = {
  id: 3506756222,
  status: 'approved',
  status_detail: 'accredited',
  currency_id: 'MXN',
  transaction_amount: 3500,
  transaction_amount_refunded: 0,
  installments: 9,
  issuer_id: '157',
  payment_method_id: 'amex',
  payment_type_id: 'credit_card',
  statement_descriptor: 'MERCADOPAGO',
  fee_details: [{ amount: 487.2, fee_payer: 'payer', type: 'financing_fee' }],
  transaction_details: { total_paid_amount: 3987.2, net_received_amount: 3500, installment_amount: 443.02 },
  card: {
    id: null,
    first_six_digits: '371772',
    expiration_month: 10,
    cardholder: { identification: { number: null, type: null }, name: 'JOAN C GONZALEZ GUZMAN' },
    expiration_year: 2019,
    last_four_digits: '1001',
  },
  refunds: [],
};

const SELLER_VIEW: MpPayment = {
  ...SHARED,
  collector_id: 277582551,
  payer: {
    id: '53745235',
    first_name: 'Joan Carlos',
    email: null,
    identification: { number: '83092109600', type: 'IFE' },
    last_name: 'Gonzalez Guzman',
    type: 'registered',
  },
};

const BUYER_VIEW: MpPayment = {
  ...SHARED,
  payer_id: 53745235,
  collector: { id: 277582551, first_name: 'Belem', email: null, last_name: 'Jimenez' },
};

const recorder = () => {
  const seen: [string, string][] = [];
  const onUnknown: OnUnknown = (field, value) => seen.push([field, value]);
  return { seen, onUnknown };
};

describe('toPayment', () => {
  it("maps the seller's view: the payer named, the collector by id only", () => {
    const p = plain(toPayment(SELLER_VIEW, recorder().onUnknown));
    expect(p).toMatchObject({
      id: '3506756222',
      status: PaymentStatus.APPROVED,
      amount: { amount: '3500', currency: 'MXN' },
      amountRefunded: { amount: '0', currency: 'MXN' },
      installmentAmount: { amount: '443.02', currency: 'MXN' },
      totalPaidAmount: { amount: '3987.2', currency: 'MXN' },
      issuerId: '157',
      payer: {
        id: '53745235',
        email: null,
        firstName: 'Joan Carlos',
        lastName: 'Gonzalez Guzman',
        identification: { type: 'IFE', number: '83092109600' },
        type: PayerType.REGISTERED,
      },
      collector: { id: '277582551', firstName: null, lastName: null, email: null },
      feeDetails: [
        { type: FeeType.FINANCING_FEE, feePayer: FeePayer.PAYER, amount: { amount: '487.2', currency: 'MXN' } },
      ],
      refunds: [],
    });
    expect(p.card).toEqual({
      id: null,
      customerId: null,
      firstSixDigits: '371772',
      lastFourDigits: '1001',
      expirationMonth: 10,
      expirationYear: 2019,
      paymentMethod: null,
      issuer: null,
      securityCode: null,
      cardholder: { name: 'JOAN C GONZALEZ GUZMAN', identification: null },
      dateCreated: null,
      dateLastUpdated: null,
    });
  });

  it("maps the buyer's view: the payer by id only, never borrowed, and the collector named", () => {
    const p = toPayment(BUYER_VIEW, recorder().onUnknown);
    expect(p.payer).toEqual({
      id: '53745235',
      email: null,
      firstName: null,
      lastName: null,
      identification: null,
      type: null,
    });
    expect(p.collector).toEqual({ id: '277582551', firstName: 'Belem', lastName: 'Jimenez', email: null });
  });

  it('has no payer or collector when the view names neither', () => {
    const p = toPayment({ id: 1 }, recorder().onUnknown);
    expect([p.payer, p.collector, p.card, p.amount]).toEqual([null, null, null, null]);
    expect([p.refunds, p.feeDetails]).toEqual([[], []]);
  });

  it("maps refunds in the payment's currency", () => {
    const p = plain(
      toPayment(
        {
          ...SELLER_VIEW,
          refunds: [
            {
              id: 2040000001,
              payment_id: 3506756222,
              amount: 100.1,
              status: 'approved',
              date_created: '2018-03-06T10:00:00.000-04:00',
            },
          ],
        },
        recorder().onUnknown,
      ),
    );
    expect(p.refunds).toEqual([
      {
        id: '2040000001',
        paymentId: '3506756222',
        amount: { amount: '100.1', currency: 'MXN' },
        status: RefundStatus.APPROVED,
        dateCreated: '2018-03-06T10:00:00.000-04:00',
      },
    ]);
  });

  it('serves unknown enum values as null and reports each one', () => {
    const { seen, onUnknown } = recorder();
    const p = toPayment(
      {
        ...SELLER_VIEW,
        status: 'teleported',
        payer: { ...SELLER_VIEW.payer, type: 'alien' },
        fee_details: [{ amount: 1, fee_payer: 'nobody', type: 'space_fee' }],
        refunds: [{ id: 1, amount: 1, status: 'pondering' }],
      },
      onUnknown,
    );
    expect([p.status, p.payer?.type, p.feeDetails[0].type, p.feeDetails[0].feePayer, p.refunds[0].status]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(seen).toEqual([
      ['status', 'teleported'],
      ['payer.type', 'alien'],
      ['refund.status', 'pondering'],
      ['fee_details.type', 'space_fee'],
      ['fee_details.fee_payer', 'nobody'],
    ]);
  });

  it('refuses a body it cannot serve: no id, a refund or fee without an amount or currency', () => {
    expect(unexpectedBodyOf(() => toPayment({ status: 'approved' }, recorder().onUnknown))).toEqual(
      UnexpectedUpstreamBody,
    );
    expect(
      unexpectedBodyOf(() => toPayment({ ...SELLER_VIEW, refunds: [{ id: 1, amount: null }] }, recorder().onUnknown)),
    ).toEqual(UnexpectedUpstreamBody);
    expect(() => toPayment({ ...SELLER_VIEW, currency_id: null }, recorder().onUnknown)).toThrow(/fee/);
  });
});

// The customers and cards page's customer as `GET /v1/customers/{id}` returns it, card embedded.
const CUSTOMER: MpCustomer = {
  id: '123456789-jxOV430go9fx2e',
  email: 'test@test.com',
  first_name: null,
  last_name: null,
  phone: { area_code: null, number: null },
  identification: { number: null, type: null },
  description: null,
  date_created: '2017-05-05T00:00:00.000-04:00',
  date_last_updated: '2017-05-05T09:23:25.021-04:00',
  default_card: '1490022319978',
  cards: [
    {
      id: '1490022319978',
      expiration_month: 12,
      expiration_year: 2020,
      first_six_digits: '415231',
      last_four_digits: '0001',
      payment_method: {
        id: 'visa',
        name: 'visa',
        payment_type_id: 'credit_card',
        thumbnail: 'http://img.mlstatic.com/org-img/MP3/API/logos/visa.gif',
      },
      security_code: { length: 3, card_location: 'back' },
      issuer: { id: 25, name: 'Visa' },
      cardholder: { name: 'APRO', identification: { number: '12345678', type: 'DNI' } },
      date_created: '2017-05-05T09:23:25.021-04:00',
      date_last_updated: '2017-05-05T09:23:25.021-04:00',
      customer_id: '123456789-jxOV430go9fx2e',
    },
  ],
};

describe('toCustomer and toCard', () => {
  it('maps the customer, its saved cards and its default card from the same body', () => {
    const c = toCustomer(CUSTOMER);
    expect(c).toMatchObject({
      id: '123456789-jxOV430go9fx2e',
      email: 'test@test.com',
      firstName: null,
      phone: null,
      identification: null,
      dateCreated: '2017-05-05T00:00:00.000-04:00',
    });
    expect(c.cards).toEqual([
      {
        id: '1490022319978',
        customerId: '123456789-jxOV430go9fx2e',
        firstSixDigits: '415231',
        lastFourDigits: '0001',
        expirationMonth: 12,
        expirationYear: 2020,
        paymentMethod: {
          id: 'visa',
          name: 'visa',
          paymentTypeId: 'credit_card',
          thumbnail: 'http://img.mlstatic.com/org-img/MP3/API/logos/visa.gif',
        },
        issuer: { id: '25', name: 'Visa' },
        securityCode: { length: 3, cardLocation: 'back', mode: null },
        cardholder: { name: 'APRO', identification: { type: 'DNI', number: '12345678' } },
        dateCreated: '2017-05-05T09:23:25.021-04:00',
        dateLastUpdated: '2017-05-05T09:23:25.021-04:00',
      },
    ]);
    expect(c.defaultCard).toBe(c.cards[0]);
  });

  it('has no default card when it names none of the cards, or there are none', () => {
    expect(toCustomer({ ...CUSTOMER, default_card: '999' }).defaultCard).toBeNull();
    expect(toCustomer({ ...CUSTOMER, default_card: null, cards: [] })).toMatchObject({ defaultCard: null, cards: [] });
  });

  it('keeps a phone or document that has either part', () => {
    expect(
      toCustomer({
        ...CUSTOMER,
        phone: { area_code: '11', number: null },
        identification: { type: 'CPF', number: null },
      }),
    ).toMatchObject({
      phone: { areaCode: '11', number: null },
      identification: { type: 'CPF', number: null },
    });
  });

  it('refuses a customer without an id', () => {
    expect(unexpectedBodyOf(() => toCustomer({ ...CUSTOMER, id: null }))).toEqual(UnexpectedUpstreamBody);
  });

  it('is null for no card', () => {
    expect(toCard(null)).toBeNull();
  });
});

describe('catalog mappers', () => {
  it('maps a payment method with its card settings, amounts as exact decimals', () => {
    const m = plain(
      toPaymentMethod(
        {
          id: 'visa',
          name: 'Visa',
          payment_type_id: 'credit_card',
          status: 'active',
          secure_thumbnail: 'https://www.mercadopago.com/org-img/MP3/API/logos/visa.gif',
          deferred_capture: 'supported',
          settings: [
            {
              card_number: { validation: 'standard', length: 16 },
              bin: { pattern: '^4', installments_pattern: '^4', exclusion_pattern: null },
              security_code: { length: 3, card_location: 'back', mode: 'mandatory' },
            },
          ],
          additional_info_needed: ['cardholder_name'],
          min_allowed_amount: 0.5,
          max_allowed_amount: 60000,
          accreditation_time: 2880,
          processing_modes: ['aggregator'],
        },
        recorder().onUnknown,
      ),
    );
    expect(m).toEqual({
      id: 'visa',
      name: 'Visa',
      paymentTypeId: 'credit_card',
      status: PaymentMethodStatus.ACTIVE,
      thumbnail: null,
      secureThumbnail: 'https://www.mercadopago.com/org-img/MP3/API/logos/visa.gif',
      deferredCapture: 'supported',
      minAllowedAmount: '0.5',
      maxAllowedAmount: '60000',
      accreditationTime: 2880,
      additionalInfoNeeded: ['cardholder_name'],
      processingModes: ['aggregator'],
      settings: [
        {
          cardNumber: { length: 16, validation: 'standard' },
          bin: { pattern: '^4', installmentsPattern: '^4', exclusionPattern: null },
          securityCode: { length: 3, cardLocation: 'back', mode: 'mandatory' },
        },
      ],
    });
  });

  it('serves an unknown method status as null and reports it', () => {
    const { seen, onUnknown } = recorder();
    expect(toPaymentMethod({ id: 'pix', status: 'sleeping', settings: [] }, onUnknown).status).toBeNull();
    expect(seen).toEqual([['status', 'sleeping']]);
  });

  it('maps an identification type, and refuses one without an id', () => {
    expect(toIdentificationType({ id: 'CPF', name: 'CPF', type: 'number', min_length: 11, max_length: 11 })).toEqual({
      id: 'CPF',
      name: 'CPF',
      type: 'number',
      minLength: 11,
      maxLength: 11,
    });
    expect(unexpectedBodyOf(() => toIdentificationType({ name: 'x' }))).toEqual(UnexpectedUpstreamBody);
  });
});
