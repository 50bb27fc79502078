// /v1/customers/{id}/cards through the official SDK: saving cards from card tokens, listing, reading,
// updating and deleting them, the default card, and the customers API's errors for each.
import { CardToken, Customer, CustomerCard } from 'mercadopago';
import { TOKENS, mp, raw, requests, useSandbox } from '../support/sandbox';

const FIXTURE_A = '123456789-jxOV430go9fx2e';
const FIXTURE_B = '247711297-jxOV430go9fx2e';

// MLB test cards (src/sandbox/README.md, "Test cards"): the fixture seller is an MLB user.
const MLB_MASTER = '5031433215406351';
const MLB_VISA = '4235647728025682';

const failure = async (p: Promise<unknown>): Promise<any> =>
  p.then(
    (v) => {
      throw new Error(`expected the call to fail, got ${JSON.stringify(v)}`);
    },
    (e: unknown) => e,
  );

const expectCustomersError = (err: any, code: string) => {
  expect(err).toMatchObject({ status: 400, error: 'bad_request' });
  expect(err.causes).toEqual([expect.objectContaining({ code })]);
};

describe('sandbox /v1/customers/{id}/cards', () => {
  const env = useSandbox();
  const cards = (token: string = TOKENS.sellerMLB) => new CustomerCard(mp(token));
  const customers = (token: string = TOKENS.sellerMLB) => new Customer(mp(token));

  const tokenFor = async (cardNumber: string, opts: { token?: string; name?: string; year?: string } = {}) =>
    (
      await new CardToken(mp(opts.token ?? TOKENS.sellerMLB)).create({
        body: {
          card_number: cardNumber,
          expiration_month: '11',
          expiration_year: opts.year ?? '2030',
          security_code: '123',
          cardholder: { name: opts.name ?? 'APRO', identification: { type: 'CPF', number: '19119119100' } },
        } as any,
      })
    ).id as string;

  const newCustomer = async (email = 'cards@x.com') => (await customers().create({ body: { email } })).id as string;

  /** A copy of a real token record under a new id, with some facts changed (states the API cannot reach fast). */
  const forgeToken = (from: string, id: string, changes: Record<string, unknown>) => {
    const base = env.sandbox.store.cardTokens.get(from);
    if (!base) throw new Error(`no token ${from}`);
    env.sandbox.store.cardTokens.set(id, { ...structuredClone(base), id, ...changes } as typeof base);
    return id;
  };

  describe('the fixtures', () => {
    it("lists customer 247711297's card as the customers and cards page prints it (ids its own)", async () => {
      const list = await cards().list({ customerId: FIXTURE_B });
      expect(JSON.parse(JSON.stringify(list))).toEqual([
        {
          id: '1493990563105',
          expiration_month: 12,
          expiration_year: 2020,
          first_six_digits: '503175',
          last_four_digits: '0604',
          payment_method: {
            id: 'master',
            name: 'master',
            payment_type_id: 'credit_card',
            thumbnail: 'http://img.mlstatic.com/org-img/MP3/API/logos/master.gif',
            secure_thumbnail: 'https://www.mercadopago.com/org-img/MP3/API/logos/master.gif',
          },
          security_code: { length: 3, card_location: 'back' },
          issuer: { id: 3, name: 'Mastercard' },
          cardholder: { name: 'Card holdername', identification: { number: '12345678', type: 'DNI' } },
          date_created: '2017-05-05T09:22:30.893-04:00',
          date_last_updated: '2017-05-05T09:22:30.893-04:00',
          customer_id: FIXTURE_B,
          user_id: '247711297',
          live_mode: false,
        },
      ]);
    });

    it('serves …/cards/ (trailing slash, as the customers and cards page writes it) as the same route', async () => {
      const res = await raw(env.url, 'GET', `/v1/customers/${FIXTURE_A}/cards/`, { token: TOKENS.sellerMLB });
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        expect.objectContaining({
          id: '1490022319978',
          first_six_digits: '415231',
          last_four_digits: '0001',
          expiration_month: 12,
          expiration_year: 2020,
        }),
      ]);
      expect((await requests(env.url)).routes).toEqual({ 'GET /v1/customers/{id}/cards': 1 });
    });

    it('keeps full numbers only inside the sandbox', async () => {
      const c = env.sandbox.store.customers.get(FIXTURE_A);
      expect(c?.card_numbers.get('1490022319978')).toMatch(/^415231\d{6}0001$/);
      const body = JSON.stringify(await customers().get({ customerId: FIXTURE_A }));
      expect(body).not.toContain(c?.card_numbers.get('1490022319978'));
    });
  });

  describe('POST', () => {
    it('saves a card from a token; the first card becomes the default', async () => {
      const customerId = await newCustomer();
      const card = await cards().create({ customerId, body: { token: await tokenFor(MLB_MASTER) } });
      expect(card.api_response.status).toBe(201);
      expect(card).toMatchObject({
        expiration_month: 11,
        expiration_year: 2030,
        first_six_digits: '503143',
        last_four_digits: '6351',
        payment_method: { id: 'master', name: 'master', payment_type_id: 'credit_card' },
        security_code: { length: 3, card_location: 'back' },
        issuer: { id: 24, name: 'Mastercard' },
        cardholder: { name: 'APRO', identification: { number: '19119119100', type: 'CPF' } },
        customer_id: customerId,
        user_id: customerId.split('-')[0],
        live_mode: false,
      });
      expect(card.id).toMatch(/^\d{13}$/);
      expect(card.date_last_updated).toBe(card.date_created);
      const customer = await customers().get({ customerId });
      expect(customer.default_card).toBe(card.id);
      expect(customer.cards?.map((c: any) => c.id)).toEqual([card.id]);
      expect(customer.date_last_updated).toMatch(/-04:00$/);
    });

    it('adds a second card without moving the default', async () => {
      const a = await cards().create({ customerId: FIXTURE_A, body: { token: await tokenFor(MLB_MASTER) } });
      const customer = await customers().get({ customerId: FIXTURE_A });
      expect(customer.default_card).toBe('1490022319978');
      expect(customer.cards?.map((c: any) => c.id)).toEqual(['1490022319978', a.id]);
    });

    it('returns the existing card when the same number is saved again', async () => {
      const customerId = await newCustomer();
      const first = await cards().create({ customerId, body: { token: await tokenFor(MLB_VISA) } });
      const again = await cards().create({
        customerId,
        body: { token: await tokenFor(MLB_VISA, { name: 'OTHE', year: '2031' }) },
      });
      expect(again.id).toBe(first.id);
      expect(again).toMatchObject({
        expiration_year: 2031,
        cardholder: { name: 'OTHE' },
        date_created: first.date_created,
      });
      expect(await cards().list({ customerId })).toHaveLength(1);
    });

    it('does not consume the token: it can still make a payment', async () => {
      const token = await tokenFor(MLB_MASTER);
      await cards().create({ customerId: FIXTURE_A, body: { token } });
      const res = await raw(env.url, 'GET', `/v1/card_tokens/${token}`, { token: TOKENS.sellerMLB });
      expect(res.body.status).toBe('active');
    });

    describe('refuses, changing nothing', () => {
      const refused = async (body: unknown, code: string, token: string = TOKENS.sellerMLB) => {
        const before = JSON.stringify(env.sandbox.store.customers.get(FIXTURE_A)?.cards);
        const err = await failure(cards(token).create({ customerId: FIXTURE_A, body: body as any }));
        expectCustomersError(err, code);
        expect(JSON.stringify(env.sandbox.store.customers.get(FIXTURE_A)?.cards)).toBe(before);
        return err;
      };

      it('a body without token: "119"', async () => {
        await refused({}, '119');
      });

      it('an unknown token: "121"', async () => {
        await refused({ token: 'ffffffffffffffffffffffffffffffff' }, '121');
      });

      it('another user\'s token, as if unknown: "121"', async () => {
        const err = await refused({ token: await tokenFor(MLB_VISA, { token: TOKENS.buyerMLB }) }, '121');
        expect(err.message).toMatch(/not found/);
      });

      it('accepts the token a payment just used (customers and cards page: save the card after paying)', async () => {
        const token = await tokenFor(MLB_VISA);
        const paid = await raw(env.url, 'POST', '/v1/payments', {
          token: TOKENS.sellerMLB,
          headers: { 'X-Idempotency-Key': 'pay-then-save' },
          body: {
            token,
            transaction_amount: 10,
            installments: 1,
            payment_method_id: 'visa',
            payer: { email: 'buyer@example.com' },
          },
        });
        expect(paid.body).toMatchObject({ status: 'approved' });
        expect(env.sandbox.store.cardTokens.get(token)?.status).toBe('used');
        const card = await cards().create({ customerId: FIXTURE_B, body: { token } });
        expect(card).toMatchObject({ last_four_digits: MLB_VISA.slice(-4), customer_id: FIXTURE_B });
      });

      it('an expired token: "121"', async () => {
        const token = forgeToken(await tokenFor(MLB_VISA), 'old-token', { expires_at: Date.now() - 1 });
        expect((await refused({ token }, '121')).message).toBe('card token expired');
      });

      it('a token for an expired card: "122"', async () => {
        const token = forgeToken(await tokenFor(MLB_VISA), 'expired-card', { expiration_year: 2020 });
        await refused({ token }, '122');
      });

      it('a token made from another customer\'s saved card: "140"', async () => {
        const token = forgeToken(await tokenFor(MLB_VISA), 'from-b', {
          card_id: '1493990563105',
          customer_id: FIXTURE_B,
        });
        await refused({ token }, '140');
      });

      it('a body that is not an object: "118"', async () => {
        const res = await raw(env.url, 'POST', `/v1/customers/${FIXTURE_A}/cards`, {
          token: TOKENS.sellerMLB,
          body: '"tok"',
        });
        expect(res.status).toBe(400);
      });
    });

    it('refuses an eleventh card: "129"', async () => {
      const customerId = await newCustomer();
      const base = await tokenFor(MLB_VISA);
      for (let i = 0; i < 10; i++) {
        const token = forgeToken(base, `t${i}`, { card_number: `42356477280${String(i).padStart(5, '0')}` });
        await cards().create({ customerId, body: { token } });
      }
      const eleventh = forgeToken(base, 't10', { card_number: '4235647728099999' });
      expectCustomersError(await failure(cards().create({ customerId, body: { token: eleventh } })), '129');
      expect(await cards().list({ customerId })).toHaveLength(10);
    });

    it("answers 404 for another user's customer", async () => {
      const token = await tokenFor('5474925432670366', { token: TOKENS.sellerMLM });
      const err = await failure(cards(TOKENS.sellerMLM).create({ customerId: FIXTURE_A, body: { token } }));
      expect(err).toMatchObject({ status: 404, error: 'not_found' });
    });

    it('makes one card when a create is replayed with the same key', async () => {
      const customerId = await newCustomer();
      const token = await tokenFor(MLB_VISA);
      const a = await cards().create({ customerId, body: { token }, requestOptions: { idempotencyKey: 'card-1' } });
      const b = await cards().create({ customerId, body: { token }, requestOptions: { idempotencyKey: 'card-1' } });
      expect(b.id).toBe(a.id);
      expect(await cards().list({ customerId })).toHaveLength(1);
    });
  });

  describe('GET one', () => {
    it('returns the card, and 404 with cause "120" for another customer\'s card', async () => {
      expect((await cards().get({ customerId: FIXTURE_A, cardId: '1490022319978' })).last_four_digits).toBe('0001');
      const err = await failure(cards().get({ customerId: FIXTURE_A, cardId: '1493990563105' }));
      expect(err).toMatchObject({ status: 404, error: 'not_found', message: 'card not found' });
      expect(err.causes).toEqual([{ code: '120', description: 'card not found', data: null }]);
    });

    it('answers 404 to another user', async () => {
      expect(
        (await failure(cards(TOKENS.buyerMLB).get({ customerId: FIXTURE_A, cardId: '1490022319978' }))).status,
      ).toBe(404);
    });
  });

  describe('PUT', () => {
    it('updates expiration and cardholder', async () => {
      const card = await cards().update({
        customerId: FIXTURE_B,
        cardId: '1493990563105',
        body: {
          expiration_month: 10,
          expiration_year: 2031,
          cardholder: { name: 'APRO', identification: { type: 'CPF', number: '19119119100' } },
        },
      });
      expect(card).toMatchObject({
        id: '1493990563105',
        expiration_month: 10,
        expiration_year: 2031,
        cardholder: { name: 'APRO', identification: { number: '19119119100', type: 'CPF' } },
      });
      expect(card.date_last_updated).not.toBe('2017-05-05T09:22:30.893-04:00');
      expect((await customers().get({ customerId: FIXTURE_B })).cards?.[0]).toMatchObject({ expiration_year: 2031 });
    });

    it('renews a card from a new token of the same number, and refuses a token of another card: "121"', async () => {
      const customerId = await newCustomer();
      const card = await cards().create({ customerId, body: { token: await tokenFor(MLB_VISA) } });
      const renewed = await cards().update({
        customerId,
        cardId: card.id as string,
        body: { token: await tokenFor(MLB_VISA, { year: '2032', name: 'CONT' }) },
      });
      expect(renewed).toMatchObject({ id: card.id, expiration_year: 2032, cardholder: { name: 'CONT' } });
      const err = await failure(
        cards().update({ customerId, cardId: card.id as string, body: { token: await tokenFor(MLB_MASTER) } }),
      );
      expectCustomersError(err, '121');
    });

    it.each([
      ['a month of 13', { expiration_month: 13 }, '122'],
      ['a past expiry', { expiration_month: 1, expiration_year: 2021 }, '122'],
      ['a cardholder that is not an object', { cardholder: 'APRO' }, '103'],
      ['an identification type with digits', { cardholder: { identification: { type: '1', number: '1' } } }, '111'],
    ])('refuses %s and changes nothing', async (_label, body, code) => {
      const err = await failure(cards().update({ customerId: FIXTURE_B, cardId: '1493990563105', body: body as any }));
      expectCustomersError(err, code);
      expect(await cards().get({ customerId: FIXTURE_B, cardId: '1493990563105' })).toMatchObject({
        expiration_month: 12,
        expiration_year: 2020,
        cardholder: { name: 'Card holdername' },
        date_last_updated: '2017-05-05T09:22:30.893-04:00',
      });
    });
  });

  describe('DELETE', () => {
    it('returns the card; the default moves to the remaining card, then to null', async () => {
      const second = await cards().create({ customerId: FIXTURE_A, body: { token: await tokenFor(MLB_MASTER) } });
      const gone = await cards().remove({ customerId: FIXTURE_A, cardId: '1490022319978' });
      expect(gone).toMatchObject({ id: '1490022319978', last_four_digits: '0001' });
      let customer = await customers().get({ customerId: FIXTURE_A });
      expect(customer.default_card).toBe(second.id);
      expect(customer.cards?.map((c: any) => c.id)).toEqual([second.id]);
      expect(env.sandbox.store.customers.get(FIXTURE_A)?.card_numbers.has('1490022319978')).toBe(false);

      await cards().remove({ customerId: FIXTURE_A, cardId: second.id as string });
      customer = await customers().get({ customerId: FIXTURE_A });
      expect(customer).toMatchObject({ default_card: null, cards: [] });
      expect((await failure(cards().get({ customerId: FIXTURE_A, cardId: '1490022319978' }))).status).toBe(404);
    });

    it('keeps the default when another card is deleted', async () => {
      const second = await cards().create({ customerId: FIXTURE_A, body: { token: await tokenFor(MLB_MASTER) } });
      await cards().remove({ customerId: FIXTURE_A, cardId: second.id as string });
      expect((await customers().get({ customerId: FIXTURE_A })).default_card).toBe('1490022319978');
    });

    it('answers 404 to another user and deletes nothing', async () => {
      expect(
        (await failure(cards(TOKENS.sellerMLM).remove({ customerId: FIXTURE_A, cardId: '1490022319978' }))).status,
      ).toBe(404);
      expect(await cards().list({ customerId: FIXTURE_A })).toHaveLength(1);
    });
  });
});
