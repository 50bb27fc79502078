// Every flow of the customers and cards page ("Recuerda tus clientes y sus tarjetas"; docs/sources.md),
// as the page writes it, through the
// official SDK against the sandbox: create a customer by email and save a card from a token, add a
// card to customer 247711297-jxOV430go9fx2e, list a customer's cards, find a customer by email, and
// pay with a saved card (a new token from card_id + security_code, payer {type: "customer", id}).
import { CardToken, Customer, CustomerCard, Payment } from 'mercadopago';
import { TOKENS, mp, raw, useSandbox } from '../support/sandbox';

const FIXTURE_A = '123456789-jxOV430go9fx2e';
const FIXTURE_B = '247711297-jxOV430go9fx2e';

// The card of customer 123456789 as the page's list sample prints it ("...": the rest is ours).
const FIXTURE_A_CARD = {
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
    secure_thumbnail: 'https://www.mercadopago.com/org-img/MP3/API/logos/visa.gif',
  },
  security_code: { length: 3, card_location: 'back' },
  issuer: { id: 25, name: 'Visa' },
  cardholder: { name: 'APRO', identification: { number: '12345678', type: 'DNI' } },
  date_created: '2017-05-05T09:23:25.021-04:00',
  date_last_updated: '2017-05-05T09:23:25.021-04:00',
  customer_id: FIXTURE_A,
  user_id: '123456789',
  live_mode: false,
};

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('customers and cards page flows', () => {
  const env = useSandbox();

  /** A card token for one of the seller's site test cards (the page's "9b2d63e00d66a8c721607214cedaecda"). */
  const cardToken = async (token: string, cardNumber: string, name = 'APRO') =>
    (
      await new CardToken(mp(token)).create({
        body: {
          card_number: cardNumber,
          expiration_month: '11',
          expiration_year: '2030',
          security_code: '123',
          cardholder: { name },
        } as any,
      })
    ).id as string;

  describe('Crear un cliente y una tarjeta', () => {
    it("creates the customer by email, then saves a card from a token (the page's response shape)", async () => {
      const config = mp(TOKENS.sellerMLM);
      const customer = await new Customer(config).create({ body: { email: 'test@test.com' } });
      const card = await new CustomerCard(config).create({
        customerId: customer.id as string,
        body: { token: await cardToken(TOKENS.sellerMLM, '4075595716483764') },
      });
      const after = await new Customer(config).get({ customerId: customer.id as string });
      expect(plain(after)).toMatchObject({
        id: customer.id,
        email: 'test@test.com',
        default_card: card.id,
        default_address: null,
        cards: [
          {
            id: card.id,
            expiration_month: 11,
            expiration_year: 2030,
            first_six_digits: '407559',
            last_four_digits: '3764',
          },
        ],
        addresses: [],
        live_mode: false,
      });
    });

    it('refuses test@test.com for the fixture seller, who already has that customer: 400 "101"', async () => {
      const err: any = await new Customer(mp(TOKENS.sellerMLB))
        .create({ body: { email: 'test@test.com' } })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 400, error: 'bad_request', message: 'the customer already exist' });
      expect(err.causes).toEqual([{ code: '101', description: 'the customer already exist', data: null }]);
    });

    it('accepts the curl form: POST /v1/customers, then POST /v1/customers/{id}/cards with {"token"}', async () => {
      const created = await raw(env.url, 'POST', '/v1/customers', {
        token: TOKENS.sellerMLB,
        body: { email: 'john@yourdomain.com' },
      });
      expect(created.status).toBe(201);
      const token = await cardToken(TOKENS.sellerMLB, '5031433215406351');
      const card = await raw(env.url, 'POST', `/v1/customers/${created.body.id}/cards`, {
        token: TOKENS.sellerMLB,
        body: { token },
      });
      expect(card.status).toBe(201);
      expect(card.body).toMatchObject({
        customer_id: created.body.id,
        first_six_digits: '503143',
        last_four_digits: '6351',
        payment_method: { id: 'master', name: 'master' },
      });
    });
  });

  describe('Agrega nuevas tarjetas a un cliente', () => {
    it('finds 247711297-jxOV430go9fx2e and adds a card to it; its default card stays', async () => {
      const config = mp(TOKENS.sellerMLB);
      const customer = await new Customer(config).get({ customerId: FIXTURE_B });
      const card = await new Customer(config).createCard({
        customerId: customer.id as string,
        body: { token: await cardToken(TOKENS.sellerMLB, '4235647728025682') },
      });
      expect(card).toMatchObject({
        customer_id: FIXTURE_B,
        user_id: '247711297',
        payment_method: { id: 'visa', name: 'visa', payment_type_id: 'credit_card' },
      });
      const cards = await new Customer(config).listCards({ customerId: FIXTURE_B });
      expect(cards.map((c) => c.id)).toEqual(['1493990563105', card.id]);
      expect((await new Customer(config).get({ customerId: FIXTURE_B })).default_card).toBe('1493990563105');
    });
  });

  describe('Muestra las tarjetas guardadas / Consulta el listado de tarjetas de un cliente', () => {
    it("lists customer 123456789's cards, through the SDK and as GET …/cards/", async () => {
      const viaSdk = await new CustomerCard(mp(TOKENS.sellerMLB)).list({ customerId: FIXTURE_A });
      expect(plain(viaSdk)).toEqual([FIXTURE_A_CARD]);
      const viaCurl = await raw(env.url, 'GET', `/v1/customers/${FIXTURE_A}/cards/`, { token: TOKENS.sellerMLB });
      expect(viaCurl.body).toEqual([FIXTURE_A_CARD]);
    });
  });

  describe('Busca un cliente creado', () => {
    it('finds test@test.com: paging and results as the sample prints them (the default card as settled)', async () => {
      const page = await new Customer(mp(TOKENS.sellerMLB)).search({ options: { email: 'test@test.com' } });
      const { api_response: _ignored, ...body } = page as typeof page & { api_response: unknown };
      expect(plain(body)).toEqual({
        paging: { limit: 10, offset: 0, total: 1 },
        results: [
          {
            address: { id: null, street_name: null, street_number: null, zip_code: null },
            addresses: [],
            cards: [FIXTURE_A_CARD],
            date_created: '2017-05-05T00:00:00.000-04:00',
            date_last_updated: '2017-05-05T09:23:25.021-04:00',
            date_registered: null,
            default_address: null,
            // The sample prints 1493990563105 here; the fixtures give that card to 247711297-jxOV430go9fx2e
            // (src/sandbox/README.md, "Customers, saved cards and the catalog": its fixtures row).
            default_card: '1490022319978',
            description: null,
            email: 'test@test.com',
            first_name: null,
            id: FIXTURE_A,
            identification: { number: null, type: null },
            last_name: null,
            live_mode: false,
            metadata: {},
            phone: { area_code: null, number: null },
          },
        ],
      });
    });
  });

  describe('Usa las tarjetas guardadas para un pago', () => {
    it('pays with a saved card: a token from card_id + security_code, then payer {type: "customer", id}', async () => {
      const config = mp(TOKENS.sellerMLB);
      const customer = await new Customer(config).create({ body: { email: 'john@yourdomain.com' } });
      const card = await new CustomerCard(config).create({
        customerId: customer.id as string,
        body: { token: await cardToken(TOKENS.sellerMLB, '4235647728025682') },
      });

      // 2. Captura el código de seguridad: the token carries the saved card's id and digits.
      const token = await new CardToken(config).create({ body: { card_id: card.id, security_code: '123' } });
      expect(token).toMatchObject({
        card_id: card.id,
        first_six_digits: '423564',
        last_four_digits: '5682',
        status: 'active',
      });

      // 3. Crea el pago: the page's body, with no payment_method_id (the token knows it).
      const payment = await new Payment(config).create({
        body: {
          transaction_amount: 100,
          token: token.id as string,
          installments: 1,
          payer: { type: 'customer', id: customer.id as string },
        } as any,
      });
      expect(payment.api_response.status).toBe(201);
      expect(payment).toMatchObject({
        status: 'approved',
        status_detail: 'accredited',
        transaction_amount: 100,
        installments: 1,
        payment_method_id: 'visa',
        card: { id: card.id, first_six_digits: '423564', last_four_digits: '5682' },
        payer: { type: 'customer', email: 'john@yourdomain.com' },
      });
    });

    it("pays with 123456789-jxOV430go9fx2e's card as the page does, once its 12/2020 expiry is renewed", async () => {
      const config = mp(TOKENS.sellerMLB);
      await new CustomerCard(config).update({
        customerId: FIXTURE_A,
        cardId: '1490022319978',
        body: { expiration_month: 11, expiration_year: 2030 },
      });
      const token = await new CardToken(config).create({ body: { card_id: '1490022319978', security_code: '123' } });
      const payment = await new Payment(config).create({
        body: {
          transaction_amount: 100,
          token: token.id as string,
          installments: 1,
          payer: { type: 'customer', id: FIXTURE_A },
        } as any,
      });
      expect(payment).toMatchObject({
        status: 'approved',
        payment_method_id: 'visa',
        card: {
          id: '1490022319978',
          first_six_digits: '415231',
          last_four_digits: '0001',
          expiration_month: 11,
          expiration_year: 2030,
        },
        payer: { type: 'customer', email: 'test@test.com' },
      });
    });

    it('refuses a token from another customer\'s saved card for payer {type: "customer"}', async () => {
      const config = mp(TOKENS.sellerMLB);
      const token = await new CardToken(config).create({ body: { card_id: '1493990563105', security_code: '123' } });
      const err: any = await new Payment(config)
        .create({
          body: {
            transaction_amount: 100,
            token: token.id as string,
            installments: 1,
            payer: { type: 'customer', id: FIXTURE_A },
          } as any,
        })
        .catch((e: unknown) => e);
      expect(err.status).toBe(400);
      expect((await raw(env.url, 'GET', `/v1/card_tokens/${token.id}`, { token: TOKENS.sellerMLB })).body.status).toBe(
        'active',
      );
    });
  });
});
