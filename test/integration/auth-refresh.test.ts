// Sellers' tokens renewed (src/gateway/sellerTokens.ts) against the real sandbox's POST /oauth/token: an expired
// token is refreshed before the call, a token the sandbox refuses (401) is refreshed once and the call retried,
// the new pair is kept in the state file (or in Redis, shared: two gateways refresh once), a restart goes on with
// the stored pair, and a refused refresh is UPSTREAM_ERROR with the seller and the service in the log. No log line
// of any test carries a token.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { Redis } from 'ioredis';
import { keyHash } from '../../src/auth';
import { loadConfig } from '../../src/config';
import { tokenStatePath } from '../../src/gateway/sellerTokens';
import { createGateway, type RunningGateway } from '../../src/gateway/server';
import { createLogger } from '../../src/lib/logger';
import { OAUTH_APPLICATION, startSandbox, type RunningSandbox } from '../../src/sandbox';
import { startRedis, type RedisServer } from '../support/redis';
import { raw, requests } from '../support/sandbox';
import { codes, gql, logged, tempAuthFile, testKey, type AuthFile } from './auth-helpers';

const SELLER_MLB = 169648308;
const PAYMENT = '{ payment(id: "885920310") { id } }';
const ME = '{ me { id } }';
const PAST = '2020-01-01T00:00:00Z';

interface Grant {
  accessToken: string;
  refreshToken: string;
}

describe("sellers' tokens refreshed", () => {
  const key = testKey('reports', ['payments:read', 'orders:read']);
  let sandbox: RunningSandbox;
  const lines: string[] = [];
  const gateways: RunningGateway[] = [];
  const files: AuthFile[] = [];
  /** Every token the sandbox issued in this file: none may reach a log line. */
  const issued: string[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
  });
  beforeEach(async () => {
    expect((await raw(sandbox.url, 'POST', '/__sandbox/reset')).status).toBe(204);
  });
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((g) => g.close()));
    for (const f of files.splice(0)) f.remove();
    const text = lines.splice(0).join('\n');
    for (const token of issued) expect(text).not.toContain(token);
    expect(text).not.toContain(OAUTH_APPLICATION.client_secret);
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  /** What a seller authorizing the application gives: an access token and a refresh token. */
  const grant = async (): Promise<Grant> => {
    const { body: code } = await raw(sandbox.url, 'POST', '/__sandbox/oauth/codes', {
      body: { user_id: SELLER_MLB, client_id: OAUTH_APPLICATION.client_id },
    });
    const { status, body } = await raw(sandbox.url, 'POST', '/oauth/token', {
      body: {
        grant_type: 'authorization_code',
        client_id: OAUTH_APPLICATION.client_id,
        client_secret: OAUTH_APPLICATION.client_secret,
        code: code.code,
      },
    });
    expect(status).toBe(200);
    issued.push(body.access_token, body.refresh_token);
    return { accessToken: body.access_token, refreshToken: body.refresh_token };
  };

  const service = (g: Grant, over: { accessToken?: string; expiresAt?: string } = {}) => ({
    accessToken: over.accessToken ?? g.accessToken,
    refreshToken: g.refreshToken,
    clientId: OAUTH_APPLICATION.client_id,
    clientSecret: OAUTH_APPLICATION.client_secret,
    ...(over.expiresAt !== undefined ? { expiresAt: over.expiresAt } : {}),
  });

  const authFile = (mercadoPago: unknown, mercadoLibre: unknown): AuthFile => {
    const file = tempAuthFile({
      sellers: { main: { mercadoPago, mercadoLibre } },
      keys: [{ name: key.name, keyHash: keyHash(key.key), seller: 'main', scopes: key.scopes }],
    });
    files.push(file);
    return file;
  };

  const start = async (file: AuthFile, env: Record<string, string> = {}): Promise<RunningGateway> => {
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      MP_API_URL: sandbox.url,
      ML_API_URL: sandbox.url,
      GATEWAY_KEYS_FILE: file.path,
      ...env,
    });
    const gateway = await createGateway(
      { ...config, mpApiUrl: config.mpApiUrl!, mlApiUrl: config.mlApiUrl! },
      { log: createLogger('info', (line) => lines.push(line)), readTimeoutMs: 2_000 },
    );
    gateways.push(gateway);
    return gateway;
  };

  const routes = async (): Promise<string[]> => (await requests(sandbox.url)).requests.map((r) => r.route);
  const refreshes = async (): Promise<number> => (await routes()).filter((r) => r === 'POST /oauth/token').length;
  const state = (file: AuthFile) => JSON.parse(readFileSync(tokenStatePath(file.path), 'utf8'));

  it('an expired token is refreshed before the call, and the new pair is in the state file (0600)', async () => {
    const mp = await grant();
    const file = authFile(service(mp, { expiresAt: PAST }), service(await grant()));
    const gateway = await start(file);
    const before = await refreshes();
    const answer = await gql(gateway.url, PAYMENT, { token: key.key });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ payment: { id: '885920310' } });
    expect((await routes()).slice(-2)).toEqual(['POST /oauth/token', 'GET /v1/payments/{id}']);
    const pair = state(file).sellers.main.mercadoPago;
    expect(pair.refreshToken).not.toBe(mp.refreshToken);
    expect(pair.accessToken).not.toBe(mp.accessToken);
    issued.push(pair.accessToken, pair.refreshToken);
    expect(Date.parse(pair.expiresAt)).toBeGreaterThan(Date.now() + 5 * 3_600_000);
    expect(statSync(tokenStatePath(file.path)).mode & 0o777).toBe(0o600);
    expect(logged(lines, 'info', 'seller token refreshed')).toEqual([
      expect.objectContaining({ seller: 'main', service: 'mercadoPago', expiresAt: pair.expiresAt }),
    ]);
    // Until it is due again, no more refreshes.
    expect((await gql(gateway.url, PAYMENT, { token: key.key })).errors).toBeUndefined();
    expect((await refreshes()) - before).toBe(1);
  });

  it('a token the sandbox refuses (401) is refreshed once and the call retried', async () => {
    const ml = await grant();
    const refusedToken = `APP_USR-${OAUTH_APPLICATION.client_id}-000000-${'0'.repeat(32)}-${SELLER_MLB}`;
    const file = authFile(service(await grant()), service(ml, { accessToken: refusedToken }));
    const gateway = await start(file);
    const answer = await gql(gateway.url, ME, { token: key.key });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ me: { id: String(SELLER_MLB) } });
    const log = (await requests(sandbox.url)).requests.slice(-3).map((r) => `${r.route} ${r.status}`);
    expect(log).toEqual(['GET /users/me 401', 'POST /oauth/token 200', 'GET /users/me 200']);
    issued.push(state(file).sellers.main.mercadoLibre.accessToken, state(file).sellers.main.mercadoLibre.refreshToken);
    expect(logged(lines, 'error', "seller's upstream token refused")).toEqual([]);
  });

  it('a restart reads the state file and does not refresh again', async () => {
    const file = authFile(service(await grant(), { expiresAt: PAST }), service(await grant()));
    await start(file);
    expect((await gql(gateways[0].url, PAYMENT, { token: key.key })).errors).toBeUndefined();
    await gateways.splice(0)[0].close();
    const restarted = await start(file);
    const before = (await routes()).length;
    expect((await gql(restarted.url, PAYMENT, { token: key.key })).errors).toBeUndefined();
    expect((await routes()).slice(before)).toEqual(['GET /v1/payments/{id}']);
    const pair = state(file).sellers.main.mercadoPago;
    issued.push(pair.accessToken, pair.refreshToken);
  });

  it('a refused refresh (invalid_grant) is UPSTREAM_ERROR, the seller and the service in the log', async () => {
    const mp = await grant();
    // Spend the refresh token first: the gateway's refresh with it is refused.
    const spent = await raw(sandbox.url, 'POST', '/oauth/token', {
      body: {
        grant_type: 'refresh_token',
        client_id: OAUTH_APPLICATION.client_id,
        client_secret: OAUTH_APPLICATION.client_secret,
        refresh_token: mp.refreshToken,
      },
    });
    expect(spent.status).toBe(200);
    issued.push(spent.body.access_token, spent.body.refresh_token);
    const file = authFile(service(mp, { expiresAt: PAST }), service(await grant()));
    const gateway = await start(file);
    const before = await refreshes();
    const answer = await gql(gateway.url, PAYMENT, { token: key.key });
    expect(codes(answer)).toEqual(['UPSTREAM_ERROR']);
    expect(logged(lines, 'error', 'seller token refresh failed')).toEqual([
      expect.objectContaining({ seller: 'main', service: 'mercadoPago', status: 400, error: 'invalid_grant' }),
    ]);
    expect(logged(lines, 'error', "seller's upstream token refused")).toEqual([
      expect.objectContaining({ seller: 'main', service: 'mercadoPago' }),
    ]);
    expect(existsSync(tokenStatePath(file.path))).toBe(false);
    // The spent refresh token is not sent again.
    expect(codes(await gql(gateway.url, PAYMENT, { token: key.key }))).toEqual(['UPSTREAM_ERROR']);
    expect((await refreshes()) - before).toBe(1);
  });

  describe('with REDIS_URL', () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await startRedis();
    }, 30_000);
    afterAll(async () => {
      await redis?.stop();
    });

    it('two gateways sharing the Redis refresh once, and the pair is in Redis, not in a state file', async () => {
      const file = authFile(service(await grant(), { expiresAt: PAST }), service(await grant()));
      const [a, b] = [await start(file, { REDIS_URL: redis.url }), await start(file, { REDIS_URL: redis.url })];
      const before = await refreshes();
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => gql([a, b][i % 2].url, PAYMENT, { token: key.key })),
      );
      for (const answer of answers) expect(answer.errors).toBeUndefined();
      expect((await refreshes()) - before).toBe(1);
      expect(existsSync(tokenStatePath(file.path))).toBe(false);
      const client = new Redis(redis.url);
      try {
        const pair = JSON.parse((await client.get('mpgraph:tokens:v1:main:mercadoPago'))!);
        issued.push(pair.accessToken, pair.refreshToken);
        expect(Date.parse(pair.expiresAt)).toBeGreaterThan(Date.now() + 5 * 3_600_000);
      } finally {
        client.disconnect();
      }
      expect(logged(lines, 'info', 'seller token refreshed')).toHaveLength(1);
    });
  });
});
