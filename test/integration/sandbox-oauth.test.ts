// OAuth in the sandbox (src/sandbox/README.md, "OAuth"): POST /oauth/token through the official SDK's
// OAuth client and over raw HTTP (JSON and form bodies), the codes control call, issued tokens acting
// as their user until they expire on the sandbox's clock, single use, every error, reset.
import { MercadoPagoConfig, OAuth, Payment, User } from 'mercadopago';
import { AppConfig } from 'mercadopago/dist/utils/config';
import { OAUTH_APPLICATION, startSandbox, type RunningSandbox } from '../../src/sandbox';
import { TOKENS, raw, requests } from '../support/sandbox';

const APP = OAUTH_APPLICATION;
const START = Date.parse('2024-03-05T16:00:00.000Z');
const SELLER_MLM = 277582551;
const BUYER_MLM = 53745235;
const SELLER_MLB = 169648308;

const INVALID_GRANT = {
  message: 'Error validating grant. Your authorization code or refresh token may be expired or it was already used',
  error: 'invalid_grant',
  status: 400,
  cause: [],
};
const INVALID_CLIENT = {
  message: 'invalid client_id or client_secret.',
  error: 'invalid_client',
  status: 400,
  cause: [],
};
const INVALID_TOKEN = {
  message: 'invalid access token',
  error: 'unauthorized',
  status: 401,
  cause: [{ code: 2, description: 'invalid access token', data: null }],
};

const oauth = (accessToken = 'APP_USR-anything') =>
  new OAuth(new MercadoPagoConfig({ accessToken, options: { timeout: 5000, maxRetries: 0 } }));

const tokenShape = (userId: number) => ({
  access_token: expect.stringMatching(new RegExp(`^APP_USR-${APP.client_id}-\\d{6}-[0-9a-f]{32}-${userId}$`)),
  token_type: 'bearer',
  expires_in: 21600,
  scope: 'offline_access read write',
  user_id: userId,
  refresh_token: expect.stringMatching(new RegExp(`^TG-[0-9a-f]{24}-${userId}$`)),
  public_key: `TEST-PUBLIC-${userId}`,
  live_mode: false,
});

describe('sandbox OAuth', () => {
  let sandbox: RunningSandbox;
  let url: string;
  let now = START;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, now: () => now });
    url = sandbox.url;
    (AppConfig as { BASE_URL: string }).BASE_URL = url;
  });
  beforeEach(async () => {
    now = START;
    expect((await raw(url, 'POST', '/__sandbox/reset')).status).toBe(204);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const codeFor = async (userId: number, extra: Record<string, unknown> = {}): Promise<string> => {
    const res = await raw(url, 'POST', '/__sandbox/oauth/codes', {
      body: { user_id: userId, client_id: APP.client_id, ...extra },
    });
    expect(res.status).toBe(201);
    return res.body.code as string;
  };

  const token = (body: Record<string, unknown>) => raw(url, 'POST', '/oauth/token', { body });

  // Not through raw(): it sends every body as JSON.
  const form = async (fields: Record<string, string>) => {
    const res = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  const credentials = { client_id: APP.client_id, client_secret: APP.client_secret };

  const authorize = async (userId: number) => {
    const res = await token({ ...credentials, grant_type: 'authorization_code', code: await codeFor(userId) });
    expect(res.status).toBe(200);
    return res.body as { access_token: string; refresh_token: string };
  };

  describe('the fixture application', () => {
    it('is client 7000000001 with secret TEST-APP-SECRET', () => {
      expect(APP).toMatchObject({ client_id: '7000000001', client_secret: 'TEST-APP-SECRET' });
    });
  });

  describe('the SDK OAuth client', () => {
    it('create() exchanges a code for tokens, with the real answer shape', async () => {
      const code = await codeFor(SELLER_MLM);
      expect(code).toMatch(new RegExp(`^TG-[0-9a-f]{24}-${SELLER_MLM}$`));
      const out = await oauth().create({ body: { ...credentials, code, redirect_uri: 'https://app.test/cb' } });
      expect(out).toMatchObject(tokenShape(SELLER_MLM));
      expect(out.api_response.status).toBe(200);
    });

    it('refresh() gives a new access token and a new refresh token', async () => {
      const first = await oauth().create({ body: { ...credentials, code: await codeFor(SELLER_MLM) } });
      const second = await oauth().refresh({ body: { ...credentials, refresh_token: first.refresh_token } });
      expect(second).toMatchObject(tokenShape(SELLER_MLM));
      expect(second.access_token).not.toBe(first.access_token);
      expect(second.refresh_token).not.toBe(first.refresh_token);
      const again = await oauth()
        .refresh({ body: { ...credentials, refresh_token: first.refresh_token } })
        .catch((e: unknown) => e);
      expect(again).toMatchObject({ name: 'MPBadRequestError', status: 400, error: 'invalid_grant' });
    });

    it('ignores the bearer token the SDK sends, even an unknown one', async () => {
      const out = await oauth('TEST-NOBODY-1').create({ body: { ...credentials, code: await codeFor(BUYER_MLM) } });
      expect(out.user_id).toBe(BUYER_MLM);
    });
  });

  describe('over raw HTTP', () => {
    it('authorization_code with a JSON body: exactly the documented fields', async () => {
      const res = await token({ ...credentials, grant_type: 'authorization_code', code: await codeFor(SELLER_MLB) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.body).toEqual(tokenShape(SELLER_MLB));
    });

    it('authorization_code and refresh_token with form bodies', async () => {
      const code = await codeFor(SELLER_MLM);
      const first = await form({ ...credentials, grant_type: 'authorization_code', code });
      expect(first.status).toBe(200);
      expect(first.body).toEqual(tokenShape(SELLER_MLM));
      const second = await form({
        ...credentials,
        grant_type: 'refresh_token',
        refresh_token: first.body.refresh_token,
      });
      expect(second.status).toBe(200);
      expect(second.body).toEqual(tokenShape(SELLER_MLM));
    });

    it('client_credentials: a token acting as the application owner, without a refresh token', async () => {
      const res = await form({ ...credentials, grant_type: 'client_credentials' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        access_token: expect.stringMatching(new RegExp(`^APP_USR-${APP.client_id}-\\d{6}-[0-9a-f]{32}-${SELLER_MLB}$`)),
        token_type: 'bearer',
        expires_in: 21600,
        scope: 'read write',
        user_id: SELLER_MLB,
        public_key: `TEST-PUBLIC-${SELLER_MLB}`,
        live_mode: false,
      });
      const me = await raw(url, 'GET', '/users/me', { token: res.body.access_token });
      expect(me.body.id).toBe(SELLER_MLB);
    });

    it('accepts client_id as a JSON number', async () => {
      const res = await token({ ...credentials, client_id: Number(APP.client_id), grant_type: 'client_credentials' });
      expect(res.status).toBe(200);
    });

    it('carries the creation date (MMddHH at -04:00) in the access token', async () => {
      const { access_token } = await authorize(SELLER_MLM);
      expect(access_token.split('-')[2]).toBe('030512');
    });
  });

  describe('an issued access token acts as its user', () => {
    it('on GET /users/me', async () => {
      const { access_token } = await authorize(SELLER_MLM);
      const issued = await new User(new MercadoPagoConfig({ accessToken: access_token })).get();
      const fixed = await new User(new MercadoPagoConfig({ accessToken: TOKENS.sellerMLM })).get();
      expect({ ...issued, api_response: null }).toEqual({ ...fixed, api_response: null });
    });

    it("on GET /v1/payments/search, with the user's rights and views", async () => {
      const seller = await authorize(SELLER_MLM);
      const buyer = await authorize(BUYER_MLM);
      for (const [issued, fixed] of [
        [seller.access_token, TOKENS.sellerMLM],
        [buyer.access_token, TOKENS.buyerMLM],
      ]) {
        const a = await raw(url, 'GET', '/v1/payments/search', { token: issued });
        const b = await raw(url, 'GET', '/v1/payments/search', { token: fixed });
        expect(a.status).toBe(200);
        expect(a.body).toEqual(b.body);
      }
      const search = await new Payment(new MercadoPagoConfig({ accessToken: seller.access_token })).search();
      expect(search.results?.map((p) => p.id)).toContain(3506756222);
      // A user who is party to none of them sees none of them.
      const other = await authorize(SELLER_MLB);
      const mine = await raw(url, 'GET', '/v1/payments/3506756222', { token: other.access_token });
      expect(mine.status).toBe(404);
    });
  });

  describe('lifetimes on the sandbox clock', () => {
    it('an access token works until SANDBOX_TOKEN_TTL_S (six hours) have passed, then is 401 everywhere', async () => {
      const { access_token } = await authorize(SELLER_MLM);
      now = START + 21600 * 1000 - 1;
      expect((await raw(url, 'GET', '/users/me', { token: access_token })).status).toBe(200);
      now = START + 21600 * 1000;
      for (const path of ['/users/me', '/v1/payments/search', '/orders/search?seller=277582551', '/users/1']) {
        const res = await raw(url, 'GET', path, { token: access_token });
        expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 401, body: INVALID_TOKEN });
      }
      const err = await new User(new MercadoPagoConfig({ accessToken: access_token })).get().catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'MPAuthenticationError', status: 401, message: 'invalid access token' });
    });

    it('the refresh token still works after the access token expired', async () => {
      const { refresh_token } = await authorize(SELLER_MLM);
      now = START + 7 * 3600 * 1000;
      const res = await token({ ...credentials, grant_type: 'refresh_token', refresh_token });
      expect(res.status).toBe(200);
      expect((await raw(url, 'GET', '/users/me', { token: res.body.access_token })).status).toBe(200);
    });

    it('a refresh token expires after 180 days', async () => {
      const { refresh_token } = await authorize(SELLER_MLM);
      now = START + 180 * 86_400_000;
      const res = await token({ ...credentials, grant_type: 'refresh_token', refresh_token });
      expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: INVALID_GRANT });
    });

    it('a code expires after 10 minutes', async () => {
      const code = await codeFor(SELLER_MLM);
      now = START + 10 * 60_000;
      const res = await token({ ...credentials, grant_type: 'authorization_code', code });
      expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: INVALID_GRANT });
    });

    it('the fixed TEST- tokens never expire', async () => {
      now = START + 10 * 365 * 86_400_000;
      for (const t of Object.values(TOKENS))
        expect((await raw(url, 'GET', '/users/me', { token: t })).status).toBe(200);
    });
  });

  describe('single use', () => {
    it('a code gives tokens once', async () => {
      const code = await codeFor(SELLER_MLM);
      expect((await token({ ...credentials, grant_type: 'authorization_code', code })).status).toBe(200);
      const again = await token({ ...credentials, grant_type: 'authorization_code', code });
      expect({ status: again.status, body: again.body }).toEqual({ status: 400, body: INVALID_GRANT });
    });

    it('a refresh token gives tokens once; the rotated one works; the earlier access token lives on', async () => {
      const first = await authorize(SELLER_MLM);
      const second = await token({ ...credentials, grant_type: 'refresh_token', refresh_token: first.refresh_token });
      const reused = await token({ ...credentials, grant_type: 'refresh_token', refresh_token: first.refresh_token });
      expect({ status: reused.status, body: reused.body }).toEqual({ status: 400, body: INVALID_GRANT });
      const third = await token({
        ...credentials,
        grant_type: 'refresh_token',
        refresh_token: second.body.refresh_token,
      });
      expect(third.status).toBe(200);
      expect((await raw(url, 'GET', '/users/me', { token: first.access_token })).status).toBe(200);
    });
  });

  describe('errors: 400 with the OAuth error and no cause', () => {
    const missing = (params: string, absent: string) => ({
      message: `the following parameters are required: ${params}. Missing parameters: ${absent}`,
      error: 'invalid_request',
      status: 400,
      cause: [],
    });

    it.each<[string, Record<string, unknown>, unknown]>([
      [
        'no body parameters',
        {},
        missing('grant_type, client_id, client_secret', 'grant_type, client_id, client_secret'),
      ],
      [
        'no client_id',
        { client_secret: APP.client_secret, grant_type: 'client_credentials' },
        missing('grant_type, client_id, client_secret', 'client_id'),
      ],
      [
        'no client_secret',
        { client_id: APP.client_id, grant_type: 'client_credentials' },
        missing('grant_type, client_id, client_secret', 'client_secret'),
      ],
      [
        'an unknown grant_type',
        { ...credentials, grant_type: 'password' },
        {
          message:
            'Allowed values for grant_type are authorization_code, refresh_token, client_credentials; got "password"',
          error: 'unsupported_grant_type',
          status: 400,
          cause: [],
        },
      ],
      [
        'a wrong client_secret',
        { ...credentials, client_secret: 'nope', grant_type: 'client_credentials' },
        INVALID_CLIENT,
      ],
      [
        'an unknown client_id',
        { ...credentials, client_id: '7000000002', grant_type: 'client_credentials' },
        INVALID_CLIENT,
      ],
      [
        'authorization_code without code',
        { ...credentials, grant_type: 'authorization_code' },
        missing('code', 'code'),
      ],
      [
        'refresh_token without refresh_token',
        { ...credentials, grant_type: 'refresh_token' },
        missing('refresh_token', 'refresh_token'),
      ],
      ['an unknown code', { ...credentials, grant_type: 'authorization_code', code: 'TG-nope-1' }, INVALID_GRANT],
      [
        'an unknown refresh token',
        { ...credentials, grant_type: 'refresh_token', refresh_token: 'TG-x-1' },
        INVALID_GRANT,
      ],
    ])('%s', async (_name, body, expected) => {
      const res = await token(body);
      expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: expected });
    });

    it('a wrong client secret is invalid_client, and leaves the code unspent', async () => {
      const code = await codeFor(SELLER_MLM);
      const res = await token({ ...credentials, client_secret: 'x', grant_type: 'authorization_code', code });
      expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: INVALID_CLIENT });
      expect((await token({ ...credentials, grant_type: 'authorization_code', code })).status).toBe(200);
    });

    it('a code of another client is invalid_grant', async () => {
      const code = await codeFor(SELLER_MLM, { client_id: '7000000099' });
      const res = await token({ ...credentials, grant_type: 'authorization_code', code });
      expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: INVALID_GRANT });
    });

    it('a code issued for a redirect_uri needs the same redirect_uri', async () => {
      const code = await codeFor(SELLER_MLM, { redirect_uri: 'https://app.test/cb' });
      const wrong = await token({ ...credentials, grant_type: 'authorization_code', code, redirect_uri: 'https://x/' });
      expect({ status: wrong.status, body: wrong.body }).toEqual({ status: 400, body: INVALID_GRANT });
      const right = await token({
        ...credentials,
        grant_type: 'authorization_code',
        code,
        redirect_uri: 'https://app.test/cb',
      });
      expect(right.status).toBe(200);
    });

    it('an issued refresh token used as an access token is 401', async () => {
      const { refresh_token } = await authorize(SELLER_MLM);
      const res = await raw(url, 'GET', '/users/me', { token: refresh_token });
      expect({ status: res.status, body: res.body }).toEqual({ status: 401, body: INVALID_TOKEN });
    });

    it.each<[string, unknown]>([
      ['an unknown user', { user_id: 1, client_id: APP.client_id }],
      ['no user', { client_id: APP.client_id }],
      ['no client_id', { user_id: SELLER_MLM }],
      ['a bad redirect_uri', { user_id: SELLER_MLM, client_id: APP.client_id, redirect_uri: 5 }],
      ['a body that is not an object', [1]],
    ])('POST /__sandbox/oauth/codes refuses %s with 400', async (_name, body) => {
      const res = await raw(url, 'POST', '/__sandbox/oauth/codes', { body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'bad_request', status: 400, cause: [{ code: 'invalid_code_request' }] });
    });
  });

  describe('reset', () => {
    it('forgets every issued token, refresh token and code, and issues the same strings again', async () => {
      const before = await authorize(SELLER_MLM);
      const code = await codeFor(SELLER_MLM);
      await raw(url, 'POST', '/__sandbox/reset');
      expect((await raw(url, 'GET', '/users/me', { token: before.access_token })).body).toEqual(INVALID_TOKEN);
      const refresh = await token({ ...credentials, grant_type: 'refresh_token', refresh_token: before.refresh_token });
      expect(refresh.body).toEqual(INVALID_GRANT);
      expect((await token({ ...credentials, grant_type: 'authorization_code', code })).body).toEqual(INVALID_GRANT);
      await raw(url, 'POST', '/__sandbox/reset');
      expect(await authorize(SELLER_MLM)).toEqual(before);
    });
  });

  describe('the request log', () => {
    it('counts POST /oauth/token like other API routes, and not the codes control call', async () => {
      await authorize(SELLER_MLM);
      await token({});
      const log = await requests(url);
      expect(log.routes).toEqual({ 'POST /oauth/token': 2 });
      expect(log.requests.map((r) => [r.route, r.status])).toEqual([
        ['POST /oauth/token', 200],
        ['POST /oauth/token', 400],
      ]);
      expect(sandbox.routes.has('POST /oauth/token')).toBe(true);
    });
  });
});

describe('sandbox OAuth options', () => {
  it('startSandbox({ tokenTtlS }) sets expires_in and the lifetime', async () => {
    let now = START;
    const sandbox = await startSandbox({ port: 0, now: () => now, tokenTtlS: 60 });
    try {
      const res = await raw(sandbox.url, 'POST', '/oauth/token', {
        body: { client_id: APP.client_id, client_secret: APP.client_secret, grant_type: 'client_credentials' },
      });
      expect(res.body.expires_in).toBe(60);
      now = START + 59_999;
      expect((await raw(sandbox.url, 'GET', '/users/me', { token: res.body.access_token })).status).toBe(200);
      now = START + 60_000;
      expect((await raw(sandbox.url, 'GET', '/users/me', { token: res.body.access_token })).status).toBe(401);
    } finally {
      await sandbox.close();
    }
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses tokenTtlS %p', async (tokenTtlS) => {
    await expect(startSandbox({ port: 0, tokenTtlS })).rejects.toThrow(TypeError);
  });

  it('without the control API (SANDBOX_CONTROL=off) has no codes route, and still serves the token route', async () => {
    const sandbox = await startSandbox({ port: 0, control: false });
    try {
      const codes = await raw(sandbox.url, 'POST', '/__sandbox/oauth/codes', {
        body: { user_id: SELLER_MLM, client_id: APP.client_id },
      });
      expect(codes.status).toBe(404);
      const res = await raw(sandbox.url, 'POST', '/oauth/token', {
        body: { client_id: APP.client_id, client_secret: APP.client_secret, grant_type: 'client_credentials' },
      });
      expect(res.status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });
});
