// /v1/customers through the official SDK: create, search, get, update, delete, their errors (the
// customers API's string cause codes), ownership (404 for other users) and idempotent retries.
import { Customer, MercadoPagoConfig } from 'mercadopago';
import { TOKENS, mp, raw, requests, useSandbox } from '../support/sandbox';

const FIXTURE_A = '123456789-jxOV430go9fx2e';
const FIXTURE_B = '247711297-jxOV430go9fx2e';

/** The SDK's error for a call that must fail (a resolved call fails the test). */
const failure = async (p: Promise<unknown>): Promise<any> =>
  p.then(
    (v) => {
      throw new Error(`expected the call to fail, got ${JSON.stringify(v)}`);
    },
    (e: unknown) => e,
  );

const expectCustomersError = (err: any, code: string, status = 400) => {
  expect(err.status).toBe(status);
  expect(err.error).toBe(status === 400 ? 'bad_request' : 'not_found');
  expect(err.causes).toEqual([expect.objectContaining({ code })]);
};

describe('sandbox /v1/customers', () => {
  const env = useSandbox();
  const seller = () => new Customer(mp(TOKENS.sellerMLB));
  const count = async (token: string = TOKENS.sellerMLB) =>
    (await new Customer(mp(token)).search({ options: { limit: 100 } })).paging?.total;

  describe('POST /v1/customers', () => {
    it("creates a customer from an email alone, with every field of the customers and cards page's shape", async () => {
      const c = await seller().create({ body: { email: 'john@yourdomain.com' } });
      expect(c.api_response.status).toBe(201);
      expect(c.id).toMatch(/^\d+-[A-Za-z0-9]{14}$/);
      expect(c).toMatchObject({
        email: 'john@yourdomain.com',
        first_name: null,
        last_name: null,
        phone: { area_code: null, number: null },
        identification: { number: null, type: null },
        address: { id: null, street_name: null, street_number: null, zip_code: null },
        addresses: [],
        cards: [],
        date_registered: null,
        date_last_updated: null,
        default_address: null,
        default_card: null,
        description: null,
        metadata: {},
        live_mode: false,
      });
      expect(c.date_created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-04:00$/);
      expect((await seller().get({ customerId: c.id as string })).email).toBe('john@yourdomain.com');
    });

    it('stores every documented field', async () => {
      const c = await seller().create({
        body: {
          email: 'jhon@doe.com',
          first_name: 'Jhon',
          last_name: 'Doe',
          phone: { area_code: '55', number: '991234567' },
          identification: { type: 'CPF', number: '12345678900' },
          address: { id: '123123', zip_code: '01234567', street_name: 'Rua Exemplo', street_number: 123, city: {} },
          date_registered: '2021-10-20T11:37:30.000-04:00',
          description: 'Description del user',
        },
      });
      expect(c).toMatchObject({
        first_name: 'Jhon',
        last_name: 'Doe',
        phone: { area_code: '55', number: '991234567' },
        identification: { type: 'CPF', number: '12345678900' },
        address: { zip_code: '01234567', street_name: 'Rua Exemplo', street_number: '123' },
        date_registered: '2021-10-20T11:37:30.000-04:00',
        description: 'Description del user',
      });
      expect(c.address?.id).toMatch(/^\d+$/);
      expect(c.default_address).toBe(c.address?.id);
      expect(c.addresses).toEqual([c.address]);
    });

    it('keeps metadata as sent', async () => {
      const c = await raw(env.url, 'POST', '/v1/customers', {
        token: TOKENS.sellerMLB,
        body: { email: 'meta@x.com', metadata: { source: 'web', n: 1 } },
      });
      expect(c.status).toBe(201);
      expect(c.body.metadata).toEqual({ source: 'web', n: 1 });
    });

    it('refuses a second customer with the same email for the same seller: 400 "101"', async () => {
      const err = await failure(seller().create({ body: { email: 'TEST@test.com' } }));
      expectCustomersError(err, '101');
      expect(err.message).toBe('the customer already exist');
      expect(await count()).toBe(2);
    });

    it('lets another seller have a customer with that email', async () => {
      const c = await new Customer(mp(TOKENS.sellerMLM)).create({ body: { email: 'test@test.com' } });
      expect(c.email).toBe('test@test.com');
      expect(await count(TOKENS.sellerMLM)).toBe(1);
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['no email', { first_name: 'Ana' }, '106'],
      ['a malformed email', { email: 'not-an-email' }, '106'],
      ['an email that is not a string', { email: 42 }, '106'],
      ['digits in first_name', { email: 'a@b.co', first_name: 'R2D2' }, '107'],
      ['a last_name that is not a string', { email: 'a@b.co', last_name: ['Doe'] }, '108'],
      ['a phone that is not an object', { email: 'a@b.co', phone: '555' }, '103'],
      ['letters in phone.area_code', { email: 'a@b.co', phone: { area_code: 'AB', number: '1234' } }, '109'],
      ['letters in phone.number', { email: 'a@b.co', phone: { area_code: '11', number: 'call me' } }, '110'],
      [
        'an identification.type with digits',
        { email: 'a@b.co', identification: { type: 'C9F', number: '123' } },
        '111',
      ],
      [
        'an identification.number with spaces',
        { email: 'a@b.co', identification: { type: 'CPF', number: '123 456' } },
        '112',
      ],
      [
        'an address.zip_code with symbols',
        { email: 'a@b.co', address: { zip_code: '#$%', street_name: 'Rua' } },
        '113',
      ],
      ['an empty address.street_name', { email: 'a@b.co', address: { street_name: ' ' } }, '114'],
      [
        'a date_registered that is not ISO-8601',
        { email: 'a@b.co', date_registered: '22021-10-20T11:37:30.000-04:00' },
        '115',
      ],
      ['a description that is not a string', { email: 'a@b.co', description: { text: 'x' } }, '116'],
      ['metadata that is an array', { email: 'a@b.co', metadata: ['x'] }, '117'],
      ['a first_name over 100 characters', { email: 'a@b.co', first_name: 'A'.repeat(101) }, '104'],
    ];
    it.each(invalid)('refuses %s and creates nothing', async (_label, body, code) => {
      const err = await failure(seller().create({ body: body as any }));
      expectCustomersError(err, code);
      expect(await count()).toBe(2);
    });

    it('refuses a body that is not a JSON object: 400 "118"', async () => {
      const res = await raw(env.url, 'POST', '/v1/customers', { token: TOKENS.sellerMLB, body: [{ email: 'a@b.co' }] });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        message: 'the body must be a Json Object',
        error: 'bad_request',
        status: 400,
        cause: [{ code: '118', description: 'the body must be a Json Object', data: null }],
      });
    });

    it('answers 401 without a token', async () => {
      const res = await raw(env.url, 'POST', '/v1/customers', { body: { email: 'a@b.co' } });
      expect(res.status).toBe(401);
    });
  });

  describe('idempotency', () => {
    it('answers a replay with the same X-Idempotency-Key with the first customer', async () => {
      const first = await seller().create({ body: { email: 'once@x.com' }, requestOptions: { idempotencyKey: 'k-1' } });
      const again = await seller().create({ body: { email: 'once@x.com' }, requestOptions: { idempotencyKey: 'k-1' } });
      expect(again.id).toBe(first.id);
      expect(again.api_response.status).toBe(201);
      expect(await count()).toBe(3);
    });

    it('makes one customer when the SDK retries after a lost answer', async () => {
      await raw(env.url, 'POST', '/__sandbox/faults', {
        body: { route: 'POST /v1/customers', status: 500, after: true, times: 1 },
      });
      const retrying = new MercadoPagoConfig({
        accessToken: TOKENS.sellerMLB,
        options: { timeout: 5000, maxRetries: 1, initialDelay: 10 },
      });
      const c = await new Customer(retrying).create({ body: { email: 'retry@x.com' } });
      expect(c.email).toBe('retry@x.com');
      const log = await requests(env.url);
      const creates = log.requests.filter((r) => r.route === 'POST /v1/customers');
      expect(creates.map((r) => r.status)).toEqual([500, 201]);
      expect(creates[0].idempotencyKey).toBe(creates[1].idempotencyKey);
      const found = await seller().search({ options: { email: 'retry@x.com' } });
      expect(found.paging?.total).toBe(1);
    });
  });

  describe('GET /v1/customers/{id}', () => {
    it('returns a fixture customer with its card', async () => {
      const c = await seller().get({ customerId: FIXTURE_B });
      expect(c).toMatchObject({
        id: FIXTURE_B,
        default_card: '1493990563105',
        cards: [expect.objectContaining({ id: '1493990563105', customer_id: FIXTURE_B })],
      });
    });

    it.each([
      ['the buyer of the same site', TOKENS.buyerMLB],
      ['another seller', TOKENS.sellerMLM],
    ])('answers 404, never 403, to %s', async (_who, token) => {
      const err = await failure(new Customer(mp(token)).get({ customerId: FIXTURE_A }));
      expect(err).toMatchObject({
        name: 'MPNotFoundError',
        status: 404,
        error: 'not_found',
        message: 'customer not found',
      });
    });

    it('answers 404 for an unknown id and 400 "105" for a malformed one', async () => {
      expect((await failure(seller().get({ customerId: '999999999-AAAAAAAAAAAAAA' }))).status).toBe(404);
      expectCustomersError(await failure(seller().get({ customerId: 'not a customer id' })), '105');
    });
  });

  describe('GET /v1/customers/search', () => {
    it('pages with limit 10 by default', async () => {
      for (let i = 0; i < 11; i++) await seller().create({ body: { email: `p${i}@x.com` } });
      const page = await seller().search();
      expect(page.paging).toEqual({ limit: 10, offset: 0, total: 13 });
      expect(page.results).toHaveLength(10);
      const rest = await seller().search({ options: { limit: 5, offset: 10 } });
      expect(rest.paging).toEqual({ limit: 5, offset: 10, total: 13 });
      expect(rest.results?.map((c) => c.email)).toEqual(['p8@x.com', 'p9@x.com', 'p10@x.com']);
    });

    it("lists only the caller's customers", async () => {
      expect((await new Customer(mp(TOKENS.buyerMLB)).search()).paging?.total).toBe(0);
      const other = await new Customer(mp(TOKENS.sellerMLM)).search({ options: { email: 'test@test.com' } });
      expect(other).toMatchObject({ paging: { total: 0 }, results: [] });
    });

    it('filters by email (any case), id, first_name and identification', async () => {
      await seller().create({
        body: { email: 'ana@x.com', first_name: 'Ana', identification: { type: 'CPF', number: '19119119100' } },
      });
      expect((await seller().search({ options: { email: 'ANA@x.com' } })).results?.map((c) => c.email)).toEqual([
        'ana@x.com',
      ]);
      expect((await seller().search({ options: { id: FIXTURE_B } })).results?.map((c) => c.id)).toEqual([FIXTURE_B]);
      expect((await seller().search({ options: { first_name: 'ana' } })).paging?.total).toBe(1);
      expect((await seller().search({ options: { 'identification.number': '19119119100' } })).paging?.total).toBe(1);
    });

    it.each(['0', '101', 'ten'])('refuses limit=%s: 400 "125"', async (limit) => {
      const res = await raw(env.url, 'GET', `/v1/customers/search?limit=${limit}`, { token: TOKENS.sellerMLB });
      expect(res.status).toBe(400);
      expect(res.body.cause).toEqual([{ code: '125', description: 'invalid parameters', data: null }]);
    });
  });

  describe('PUT /v1/customers/{id}', () => {
    it('updates the given fields, keeps the others, and stamps date_last_updated', async () => {
      const c = await seller().create({ body: { email: 'up@x.com', first_name: 'Ana', description: 'first' } });
      const u = await seller().update({
        customerId: c.id as string,
        body: { last_name: 'Silva', phone: { area_code: '11', number: '98765-4321' } },
      });
      expect(u).toMatchObject({
        id: c.id,
        email: 'up@x.com',
        first_name: 'Ana',
        last_name: 'Silva',
        description: 'first',
        phone: { area_code: '11', number: '98765-4321' },
      });
      expect(u.date_last_updated).toMatch(/-04:00$/);
      expect(u.date_created).toBe(c.date_created);
    });

    it('accepts the customer\'s own email but refuses another: 400 "126"', async () => {
      const same = await seller().update({
        customerId: FIXTURE_A,
        body: { email: 'test@test.com', first_name: 'Test' },
      });
      expect(same.first_name).toBe('Test');
      const err = await failure(
        seller().update({ customerId: FIXTURE_A, body: { email: 'new@x.com', first_name: 'Changed' } }),
      );
      expectCustomersError(err, '126');
      expect(err.message).toBe('invalid parameter. You cannot update the email');
      expect(await seller().get({ customerId: FIXTURE_A })).toMatchObject({
        email: 'test@test.com',
        first_name: 'Test',
      });
    });

    it('sets default_card only to one of the customer\'s cards: 400 "120" otherwise', async () => {
      const err = await failure(
        seller().update({ customerId: FIXTURE_A, body: { default_card: '1493990563105', description: 'x' } }),
      );
      expectCustomersError(err, '120');
      const after = await seller().get({ customerId: FIXTURE_A });
      expect(after).toMatchObject({
        default_card: '1490022319978',
        description: null,
        date_last_updated: '2017-05-05T09:23:25.021-04:00',
      });
    });

    it('refuses bad input and changes nothing', async () => {
      const err = await failure(
        seller().update({ customerId: FIXTURE_A, body: { first_name: 'Ok', last_name: '123' } }),
      );
      expectCustomersError(err, '108');
      expect((await seller().get({ customerId: FIXTURE_A })).first_name).toBeNull();
    });

    it('answers 404 to another user', async () => {
      const err = await failure(
        new Customer(mp(TOKENS.sellerMLM)).update({ customerId: FIXTURE_A, body: { first_name: 'Mal' } }),
      );
      expect(err.status).toBe(404);
      expect((await seller().get({ customerId: FIXTURE_A })).first_name).toBeNull();
    });
  });

  describe('DELETE /v1/customers/{id}', () => {
    it('returns the deleted customer with its cards; it and its cards are gone', async () => {
      const gone = await seller().remove({ customerId: FIXTURE_B });
      expect(gone).toMatchObject({ id: FIXTURE_B, cards: [expect.objectContaining({ id: '1493990563105' })] });
      expect((await failure(seller().get({ customerId: FIXTURE_B }))).status).toBe(404);
      expect((await raw(env.url, 'GET', `/v1/customers/${FIXTURE_B}/cards`, { token: TOKENS.sellerMLB })).status).toBe(
        404,
      );
      expect(env.sandbox.store.customers.has(FIXTURE_B)).toBe(false);
      expect(await count()).toBe(1);
    });

    it('answers 404 to another user and deletes nothing', async () => {
      expect((await failure(new Customer(mp(TOKENS.buyerMLB)).remove({ customerId: FIXTURE_B }))).status).toBe(404);
      expect(await count()).toBe(2);
    });

    it('answers a retried delete (same key) with the first answer', async () => {
      const a = await seller().remove({ customerId: FIXTURE_B, requestOptions: { idempotencyKey: 'del-1' } });
      const b = await seller().remove({ customerId: FIXTURE_B, requestOptions: { idempotencyKey: 'del-1' } });
      expect(b.id).toBe(a.id);
      expect(
        (await failure(seller().remove({ customerId: FIXTURE_B, requestOptions: { idempotencyKey: 'del-2' } }))).status,
      ).toBe(404);
    });
  });
});
