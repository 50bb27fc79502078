// POST /__sandbox/card_tokens/{id}/expire (src/sandbox/README.md, "Control API (`/__sandbox/`)"): a
// token expires now, as its 7 days running out would, so a browser test can pay with an expired token.
import { randomUUID } from 'node:crypto';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { TOKENS, raw, requests, useSandbox } from '../support/sandbox';
import { CARDS, PAYER_EMAIL, cardData } from './sandbox-payments-helpers';

const PUBLIC_KEY = 'TEST-PUBLIC-169648308';

const tokenize = async (base: string): Promise<any> => {
  const res = await raw(base, 'POST', `/v1/card_tokens?public_key=${PUBLIC_KEY}`, { body: cardData(CARDS.MLB.visa) });
  expect(res.status).toBe(201);
  return res.body;
};

const payWith = (base: string, token: string) =>
  raw(base, 'POST', '/v1/payments', {
    token: TOKENS.sellerMLB,
    body: { transaction_amount: 10, token, installments: 1, payer: { email: PAYER_EMAIL } },
    headers: { 'X-Idempotency-Key': randomUUID() },
  });

const expire = (base: string, id: string) => raw(base, 'POST', `/__sandbox/card_tokens/${id}/expire`);

describe('POST /__sandbox/card_tokens/{id}/expire', () => {
  const env = useSandbox();

  it('answers 200 with the token as GET /v1/card_tokens/{id} then shows it: expired', async () => {
    const token = await tokenize(env.url);
    const res = await expire(env.url, token.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: token.id, status: 'expired', date_created: token.date_created });
    const got = await raw(env.url, 'GET', `/v1/card_tokens/${token.id}?public_key=${PUBLIC_KEY}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('makes a payment with the token fail as an expired token does: 400, cause 2062, nothing created', async () => {
    const token = await tokenize(env.url);
    await expire(env.url, token.id);
    const paid = await payWith(env.url, token.id);
    expect(paid.status).toBe(400);
    expect(paid.body).toEqual({
      message: 'Invalid card token: the token was expired',
      error: 'bad_request',
      status: 400,
      cause: [{ code: 2062, description: 'Invalid card token', data: null }],
    });
    const search = await raw(env.url, 'GET', '/v1/payments/search?limit=100', { token: TOKENS.sellerMLB });
    expect(search.body.results.filter((p: any) => p.transaction_amount === 10)).toEqual([]);
  });

  it('makes saving its card refuse it as expired (customers cause "121")', async () => {
    const token = await tokenize(env.url);
    await expire(env.url, token.id);
    const saved = await raw(env.url, 'POST', '/v1/customers/123456789-jxOV430go9fx2e/cards', {
      token: TOKENS.sellerMLB,
      body: { token: token.id },
    });
    expect(saved.status).toBe(400);
    expect(saved.body.cause[0].code).toBe('121');
    expect(saved.body.message).toMatch(/expired/);
  });

  it('is not in the request log', async () => {
    const token = await tokenize(env.url);
    expect((await expire(env.url, token.id)).status).toBe(200);
    expect((await requests(env.url)).routes).toEqual({ 'POST /v1/card_tokens': 1 });
  });

  it('answers an expired token again with 200 and the same body', async () => {
    const token = await tokenize(env.url);
    const first = await expire(env.url, token.id);
    const second = await expire(env.url, token.id);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
  });

  it('leaves a used token used: 200, status "used", and a payment still says "already used"', async () => {
    const token = await tokenize(env.url);
    expect((await payWith(env.url, token.id)).status).toBe(201);
    const res = await expire(env.url, token.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: token.id, status: 'used', date_due: token.date_due });
    const again = await payWith(env.url, token.id);
    expect(again.status).toBe(400);
    expect(again.body.message).toBe('Invalid card token: the token was already used');
  });

  it('answers an unknown token with 404 and the body of GET /v1/card_tokens/{id}', async () => {
    const res = await expire(env.url, '0123456789abcdef0123456789abcdef');
    expect(res.status).toBe(404);
    const got = await raw(env.url, 'GET', `/v1/card_tokens/0123456789abcdef0123456789abcdef?public_key=${PUBLIC_KEY}`);
    expect(res.body).toEqual({
      message: 'Card Token not found',
      error: 'not_found',
      status: 404,
      cause: [{ code: 2006, description: 'Card Token not found', data: null }],
    });
    expect(res.body).toEqual(got.body);
  });
});

describe('card token expire on the sandbox clock', () => {
  let sandbox: RunningSandbox;
  let now = Date.parse('2026-01-10T12:00:00Z');
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, now: () => now });
  });
  afterAll(() => sandbox.close());

  it('sets date_due to now, keeps date_created and date_last_updated, expires without waiting 7 days', async () => {
    const token = await tokenize(sandbox.url);
    expect(token.date_due).toBe('2026-01-17T08:00:00.000-04:00');
    now += 3_600_000;
    const res = await expire(sandbox.url, token.id);
    expect(res.body).toMatchObject({
      status: 'expired',
      date_created: '2026-01-10T08:00:00.000-04:00',
      date_last_updated: '2026-01-10T08:00:00.000-04:00',
      date_due: '2026-01-10T09:00:00.000-04:00',
    });
    expect((await payWith(sandbox.url, token.id)).body.cause[0].code).toBe(2062);
  });
});

describe('card token expire without the control API', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, control: false });
  });
  afterAll(() => sandbox.close());

  it('is absent: 404 resource not found, and the token stays active', async () => {
    const token = await tokenize(sandbox.url);
    const res = await expire(sandbox.url, token.id);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: 'resource not found', error: 'not_found', status: 404, cause: [] });
    const got = await raw(sandbox.url, 'GET', `/v1/card_tokens/${token.id}?public_key=${PUBLIC_KEY}`);
    expect(got.body.status).toBe('active');
  });
});
