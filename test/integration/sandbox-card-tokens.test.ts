// POST /v1/card_tokens and GET /v1/card_tokens/{id}, over HTTP through the official SDK.
import { randomUUID } from 'node:crypto';
import { CardToken, Payment } from 'mercadopago';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { TOKENS, mp, raw, useSandbox } from '../support/sandbox';
import { CARDS, PAYER_EMAIL, cardData, failure, tokenize } from './sandbox-payments-helpers';

const createToken = (accessToken: string, body: Record<string, unknown>) =>
  new CardToken(mp(accessToken)).create({ body: body as any });

describe('card tokens', () => {
  const env = useSandbox();

  describe('from card data', () => {
    it("tokenizes the caller's site's test card: 32 hex chars, active, 7 days, never the number or CVV", async () => {
      const t: any = await createToken(TOKENS.sellerMLB, cardData(CARDS.MLB.master, 'APRO'));
      expect(t.id).toMatch(/^[0-9a-f]{32}$/);
      expect(t).toMatchObject({
        card_id: null,
        first_six_digits: '503143',
        last_four_digits: '6351',
        expiration_month: 11,
        expiration_year: 2030,
        cardholder: { name: 'APRO', identification: { type: 'CPF', number: '12345678909' } },
        status: 'active',
        luhn_validation: true,
        live_mode: false,
        require_esc: false,
        card_number_length: 16,
        security_code_length: 3,
      });
      expect(Date.parse(t.date_due) - Date.parse(t.date_created)).toBe(7 * 86_400_000);
      const text = JSON.stringify(t);
      expect(text).not.toContain(CARDS.MLB.master);
      expect(text).not.toContain('"123"');
    });

    it("accepts ?public_key=TEST-PUBLIC-<user id> (the browser's way)", async () => {
      const res = await raw(env.url, 'POST', '/v1/card_tokens?public_key=TEST-PUBLIC-277582551', {
        body: cardData(CARDS.MLM.visa),
      });
      expect(res.status).toBe(201);
      expect(res.body.first_six_digits).toBe('407559');
    });

    it('refuses an unknown public key with 401', async () => {
      const res = await raw(env.url, 'POST', '/v1/card_tokens?public_key=TEST-PUBLIC-1', {
        body: cardData(CARDS.MLM.visa),
      });
      expect(res.status).toBe(401);
    });

    it('gives Amex a 4-digit security code', async () => {
      const t: any = await createToken(TOKENS.sellerMLB, cardData(CARDS.MLB.amex));
      expect(t).toMatchObject({ security_code_length: 4, card_number_length: 15 });
    });

    it.each([
      ["another site's test card", { card_number: CARDS.MLA.visa }, 'E301', /MLA test card/],
      ['an unknown (Luhn-valid) number', { card_number: '4111111111111111' }, 'E301', /test cards only/],
      ['a number failing Luhn', { card_number: '4235647728025683' }, 'E301', /Luhn/],
      ['no card number', { card_number: undefined }, 205, /cardNumber/],
      ['a month of 13', { expiration_month: '13' }, 325, /cardExpirationMonth/],
      ['a past year', { expiration_year: '2020' }, 326, /expired/],
      ['no year', { expiration_year: undefined }, 209, /cardExpirationYear/],
      ['a 4-digit CVV on a Visa', { security_code: '1234' }, 'E302', /3 digits/],
      ['no CVV', { security_code: undefined }, 224, /securityCode/],
      ['no cardholder name', { cardholder: { identification: { type: 'CPF', number: '1' } } }, 221, /cardholderName/],
      ['a cardholder name with digits', { cardholder: { name: 'APRO 123' } }, 316, /cardholder name/],
    ])('answers 400 for %s', async (_what, overrides, code, message) => {
      const err = await failure(createToken(TOKENS.sellerMLB, cardData(CARDS.MLB.visa, 'APRO', overrides)));
      expect(err).toMatchObject({ status: 400, error: 'bad_request' });
      expect(err.causes[0].code).toBe(code);
      expect(err.message).toMatch(message);
    });

    it('answers 400 (3-digit CVV) for an Amex with 3 digits', async () => {
      const err = await failure(
        createToken(TOKENS.sellerMLB, cardData(CARDS.MLB.amex, 'APRO', { security_code: '123' })),
      );
      expect(err.causes[0].code).toBe('E302');
    });
  });

  describe('GET /v1/card_tokens/{id}', () => {
    it('shows the owner its token', async () => {
      const id = await tokenize(TOKENS.sellerMLB, CARDS.MLB.visa);
      const t: any = await new CardToken(mp(TOKENS.sellerMLB)).get({ id });
      expect(t).toMatchObject({ id, status: 'active', last_four_digits: '5682' });
    });

    it('answers 404 to another user', async () => {
      const id = await tokenize(TOKENS.sellerMLB, CARDS.MLB.visa);
      const err = await failure(new CardToken(mp(TOKENS.buyerMLB)).get({ id }));
      expect(err).toMatchObject({ status: 404, error: 'not_found' });
      expect(err.causes[0].code).toBe(2006);
    });
  });

  describe('single use', () => {
    it('is used by its first payment; a second payment gets 400 cause 2062 and creates nothing', async () => {
      const token = await tokenize(TOKENS.sellerMLB, CARDS.MLB.visa);
      const payments = new Payment(mp(TOKENS.sellerMLB));
      const body = { transaction_amount: 10, token, installments: 1, payer: { email: PAYER_EMAIL } };
      await payments.create({ body, requestOptions: { idempotencyKey: randomUUID() } });
      const err = await failure(payments.create({ body, requestOptions: { idempotencyKey: randomUUID() } }));
      expect(err).toMatchObject({ status: 400, error: 'bad_request' });
      expect(err.causes).toEqual([{ code: 2062, description: 'Invalid card token', data: null }]);
      expect((await new CardToken(mp(TOKENS.sellerMLB)).get({ id: token })).status).toBe('used');
      const search = await payments.search({ options: { limit: 100 } });
      expect(search.results?.filter((p: any) => p.transaction_amount === 10)).toHaveLength(1);
    });

    it('is "not found" (2006) when it belongs to another user', async () => {
      const token = await tokenize(TOKENS.sellerMLM, CARDS.MLM.visa);
      const err = await failure(
        new Payment(mp(TOKENS.sellerMLB)).create({
          body: { transaction_amount: 10, token, installments: 1, payer: { email: PAYER_EMAIL } },
          requestOptions: { idempotencyKey: randomUUID() },
        }),
      );
      expect(err.causes[0].code).toBe(2006);
    });
  });
});

describe('card token expiry (injected clock)', () => {
  let sandbox: RunningSandbox;
  let now = Date.parse('2026-01-10T12:00:00Z');
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, now: () => now });
  });
  afterAll(() => sandbox.close());

  const post = (path: string, body: unknown, key?: string) =>
    raw(sandbox.url, 'POST', path, { token: TOKENS.sellerMLB, body, headers: key ? { 'X-Idempotency-Key': key } : {} });

  it('expires 7 days after creation: GET says expired and a payment gets 2062', async () => {
    const created = await post('/v1/card_tokens', cardData(CARDS.MLB.visa));
    expect(created.status).toBe(201);
    expect(created.body.date_due).toBe('2026-01-17T08:00:00.000-04:00');
    now += 7 * 86_400_000 + 1;
    const got = await raw(sandbox.url, 'GET', `/v1/card_tokens/${created.body.id}`, { token: TOKENS.sellerMLB });
    expect(got.body.status).toBe('expired');
    const paid = await post(
      '/v1/payments',
      { transaction_amount: 10, token: created.body.id, installments: 1, payer: { email: PAYER_EMAIL } },
      'k-expired',
    );
    expect(paid.status).toBe(400);
    expect(paid.body.cause[0].code).toBe(2062);
  });

  it('refuses a card whose expiry month has passed on the sandbox clock', async () => {
    now = Date.parse('2030-12-15T12:00:00Z');
    const res = await post('/v1/card_tokens', cardData(CARDS.MLB.visa));
    expect(res.status).toBe(400);
    expect(res.body.cause[0].code).toBe(325);
  });
});
