// src/gateway/sellerTokens.ts with counted fake refreshers and a real state file: when a token is renewed (due
// before it expires, on a 401), one refresh per seller and service at a time, the pair stored (mode 0600) before
// it is used and read again after a restart, the file winning once it names another refresh token, a refused
// refresh not sent again, and no token in any log line. The Redis store: test/integration/auth-refresh.test.ts.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthConfig, UpstreamCredentials } from '../../src/auth';
import {
  createSellerTokens,
  FileTokenStore,
  REFRESH_MARGIN_MS,
  tokenStatePath,
  withSellerToken,
  type Refresher,
  type SellerTokens,
} from '../../src/gateway/sellerTokens';
import { createLogger } from '../../src/lib/logger';
import { UpstreamError, type UpstreamService } from '../../src/upstream/errors';
import type { RefreshRequest } from '../../src/upstream/oauth';

const NOW = Date.parse('2030-01-01T00:00:00Z');

const creds = (over: Partial<UpstreamCredentials> = {}): UpstreamCredentials => ({
  accessToken: 'APP_USR-SECRET-file-access',
  refreshToken: 'TG-SECRET-file-refresh',
  clientId: '7000000001',
  clientSecret: 'TEST-APP-SECRET',
  expiresAt: new Date(NOW - 1_000).toISOString(),
  ...over,
});

const authOf = (
  mercadoPago: UpstreamCredentials,
  mercadoLibre: UpstreamCredentials = creds({ refreshToken: null }),
) => {
  let config = {
    sellers: new Map([['main', { name: 'main', mercadoPago, mercadoLibre }]]),
  } as unknown as AuthConfig;
  return {
    current: () => config,
    set: (mp: UpstreamCredentials) => {
      config = { sellers: new Map([['main', { name: 'main', mercadoPago: mp, mercadoLibre }]]) } as never;
    },
  };
};

/** A refresher that issues SECRET-access-n / SECRET-refresh-n, single use, and records what it was sent. */
const fakeRefresher = (first = 'TG-SECRET-file-refresh', expiresIn: number | null = 21_600) => {
  const sent: RefreshRequest[] = [];
  let live = new Set([first]);
  let gate: Promise<void> = Promise.resolve();
  const refresher: Refresher = async (request) => {
    sent.push(request);
    await gate;
    if (!live.delete(request.refreshToken))
      throw new UpstreamError('mercadoPago', 'status', { status: 400, error: 'invalid_grant' });
    const n = sent.length;
    live = new Set([`TG-SECRET-refresh-${n}`]);
    return { accessToken: `APP_USR-SECRET-access-${n}`, refreshToken: `TG-SECRET-refresh-${n}`, expiresIn };
  };
  return {
    refresher,
    sent,
    hold: () => {
      let release = (): void => undefined;
      gate = new Promise((resolve) => (release = resolve));
      return () => release();
    },
  };
};

describe('sellerTokens', () => {
  let dir: string;
  let statePath: string;
  let lines: string[];
  let now: number;
  const log = () => createLogger('debug', (line) => lines.push(line));
  const open: SellerTokens[] = [];
  const make = (auth: ReturnType<typeof authOf>, refresher: Refresher): SellerTokens => {
    const tokens = createSellerTokens({
      auth,
      log: log(),
      store: new FileTokenStore(statePath),
      refreshers: { mercadoPago: refresher, mercadoLibre: refresher },
      now: () => now,
    });
    open.push(tokens);
    return tokens;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpgraph-tokens-'));
    statePath = tokenStatePath(join(dir, 'auth.json'));
    lines = [];
    now = NOW;
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.close()));
    rmSync(dir, { recursive: true, force: true });
    expect(lines.join('\n')).not.toMatch(/SECRET/);
  });

  it('a seller without refresh credentials uses the file token as it is', async () => {
    const fake = fakeRefresher();
    const tokens = make(authOf(creds({ clientSecret: null })), fake.refresher);
    expect(await tokens.current('main', 'mercadoPago')).toBe('APP_USR-SECRET-file-access');
    expect(await tokens.afterRefusal('main', 'mercadoPago', 'APP_USR-SECRET-file-access')).toBeNull();
    expect(fake.sent).toHaveLength(0);
  });

  it('a token not due yet is used; one due within the margin is renewed first', async () => {
    const fake = fakeRefresher();
    const expiresAt = new Date(NOW + REFRESH_MARGIN_MS + 60_000).toISOString();
    const tokens = make(authOf(creds({ expiresAt })), fake.refresher);
    expect(await tokens.current('main', 'mercadoPago')).toBe('APP_USR-SECRET-file-access');
    now += 61_000;
    expect(await tokens.current('main', 'mercadoPago')).toBe('APP_USR-SECRET-access-1');
    expect(fake.sent).toEqual([
      { clientId: '7000000001', clientSecret: 'TEST-APP-SECRET', refreshToken: 'TG-SECRET-file-refresh' },
    ]);
  });

  it('an expired token: one refresh for many callers, stored (0600) before use, logged without tokens', async () => {
    const fake = fakeRefresher();
    const tokens = make(authOf(creds()), fake.refresher);
    const release = fake.hold();
    const all = Promise.all(Array.from({ length: 5 }, () => tokens.current('main', 'mercadoPago')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    expect(await all).toEqual(Array(5).fill('APP_USR-SECRET-access-1'));
    expect(fake.sent).toHaveLength(1);
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    expect(state.sellers.main.mercadoPago).toMatchObject({
      accessToken: 'APP_USR-SECRET-access-1',
      refreshToken: 'TG-SECRET-refresh-1',
      expiresAt: new Date(NOW + 21_600_000).toISOString(),
    });
    expect(statSync(statePath).mode & 0o777).toBe(0o600);
    const refreshed = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'seller token refreshed');
    expect(refreshed).toEqual([
      expect.objectContaining({
        seller: 'main',
        service: 'mercadoPago',
        expiresAt: state.sellers.main.mercadoPago.expiresAt,
      }),
    ]);
  });

  it('the new token is not used before its pair is stored', async () => {
    const fake = fakeRefresher();
    const file = new FileTokenStore(statePath);
    let release = (): void => undefined;
    const stored = new Promise<void>((resolve) => (release = resolve));
    const tokens = createSellerTokens({
      auth: authOf(creds()),
      log: log(),
      store: Object.assign(Object.create(file) as FileTokenStore, {
        write: async (...args: Parameters<FileTokenStore['write']>) => {
          await stored;
          return file.write(...args);
        },
      }),
      refreshers: { mercadoPago: fake.refresher, mercadoLibre: fake.refresher },
      now: () => now,
    });
    open.push(tokens);
    let answered = false;
    const current = tokens.current('main', 'mercadoPago').then((token) => ((answered = true), token));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fake.sent).toHaveLength(1);
    expect(answered).toBe(false);
    release();
    expect(await current).toBe('APP_USR-SECRET-access-1');
    expect(JSON.parse(readFileSync(statePath, 'utf8')).sellers.main.mercadoPago.accessToken).toBe(
      'APP_USR-SECRET-access-1',
    );
  });

  it('a restart reads the stored pair and does not refresh', async () => {
    const fake = fakeRefresher();
    await make(authOf(creds()), fake.refresher).current('main', 'mercadoPago');
    const again = fakeRefresher('TG-SECRET-refresh-1');
    expect(await make(authOf(creds()), again.refresher).current('main', 'mercadoPago')).toBe('APP_USR-SECRET-access-1');
    expect(again.sent).toHaveLength(0);
  });

  it('the next refresh sends the stored refresh token; a new one in the auth file wins over the store', async () => {
    const fake = fakeRefresher();
    const auth = authOf(creds());
    const tokens = make(auth, fake.refresher);
    await tokens.current('main', 'mercadoPago');
    now += 21_600_000;
    expect(await tokens.current('main', 'mercadoPago')).toBe('APP_USR-SECRET-access-2');
    expect(fake.sent[1].refreshToken).toBe('TG-SECRET-refresh-1');
    auth.set(creds({ accessToken: 'APP_USR-SECRET-operator', refreshToken: 'TG-SECRET-operator', expiresAt: null }));
    expect(await tokens.current('main', 'mercadoPago')).toBe('APP_USR-SECRET-operator');
    const restarted = make(auth, fakeRefresher('TG-SECRET-operator').refresher);
    expect(await restarted.current('main', 'mercadoPago')).toBe('APP_USR-SECRET-operator');
  });

  it('a 401 renews the token once; a 401 with a token already replaced takes the new one', async () => {
    const fake = fakeRefresher();
    const tokens = make(authOf(creds({ expiresAt: null })), fake.refresher);
    expect(await tokens.current('main', 'mercadoPago')).toBe('APP_USR-SECRET-file-access');
    const [a, b] = await Promise.all([
      tokens.afterRefusal('main', 'mercadoPago', 'APP_USR-SECRET-file-access'),
      tokens.afterRefusal('main', 'mercadoPago', 'APP_USR-SECRET-file-access'),
    ]);
    expect([a, b]).toEqual(['APP_USR-SECRET-access-1', 'APP_USR-SECRET-access-1']);
    expect(await tokens.afterRefusal('main', 'mercadoPago', 'APP_USR-SECRET-file-access')).toBe(
      'APP_USR-SECRET-access-1',
    );
    expect(fake.sent).toHaveLength(1);
  });

  it('a refused refresh: the token counts as refused (401), logged by seller and service, not resent', async () => {
    const fake = fakeRefresher('TG-something-else');
    const tokens = make(authOf(creds()), fake.refresher);
    for (let i = 0; i < 2; i++) {
      const err = await tokens.current('main', 'mercadoPago').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamError);
      expect(err).toMatchObject({ service: 'mercadoPago', status: 401, error: 'invalid_grant' });
    }
    expect(fake.sent).toHaveLength(1);
    const failed = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'seller token refresh failed');
    expect(failed).toEqual([
      expect.objectContaining({
        level: 'error',
        seller: 'main',
        service: 'mercadoPago',
        status: 400,
        error: 'invalid_grant',
      }),
    ]);
  });

  it('a refresh that fails to decide (a timeout) is thrown as it is, and tried again later', async () => {
    let calls = 0;
    const refresher: Refresher = async () => {
      calls += 1;
      throw new UpstreamError('mercadoLibre', 'timeout');
    };
    const tokens = make(authOf(creds(), creds()), refresher);
    for (let i = 0; i < 2; i++)
      await expect(tokens.current('main', 'mercadoLibre')).rejects.toMatchObject({ failure: 'timeout' });
    expect(calls).toBe(2);
  });

  it('an unreadable state file is a store failure (UPSTREAM_UNAVAILABLE), not a silent fallback', async () => {
    writeFileSync(statePath, '{ not json');
    const tokens = make(authOf(creds()), fakeRefresher().refresher);
    const err = await tokens.current('main', 'mercadoPago').catch((e: unknown) => e);
    expect(err).toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
    expect(lines.map((l) => JSON.parse(l).msg)).toContain('seller token store unavailable');
  });

  describe('withSellerToken', () => {
    type Client = { get(id: string): Promise<string> };
    const clientFor =
      (refusedTokens: Set<string>, used: string[], service: UpstreamService = 'mercadoPago') =>
      (token: string): Client => ({
        get: async (id) => {
          used.push(token);
          if (refusedTokens.has(token)) throw new UpstreamError(service, 'status', { status: 401 });
          return `${id} with ${token}`;
        },
      });

    it('a 401 renews the token and retries the call once', async () => {
      const fake = fakeRefresher();
      const tokens = make(authOf(creds({ expiresAt: null })), fake.refresher);
      const used: string[] = [];
      const client = withSellerToken(
        clientFor(new Set(['APP_USR-SECRET-file-access']), used),
        tokens,
        'main',
        'mercadoPago',
        'APP_USR-SECRET-file-access',
      );
      expect(await client.get('1')).toBe('1 with APP_USR-SECRET-access-1');
      expect(await client.get('2')).toBe('2 with APP_USR-SECRET-access-1');
      expect(used).toEqual(['APP_USR-SECRET-file-access', 'APP_USR-SECRET-access-1', 'APP_USR-SECRET-access-1']);
    });

    it('a second 401 is thrown (the seller token refused)', async () => {
      const fake = fakeRefresher();
      const tokens = make(authOf(creds({ expiresAt: null })), fake.refresher);
      const used: string[] = [];
      const everything = new Set(['APP_USR-SECRET-file-access', 'APP_USR-SECRET-access-1']);
      const client = withSellerToken(clientFor(everything, used), tokens, 'main', 'mercadoPago', 'x');
      await expect(client.get('1')).rejects.toMatchObject({ status: 401 });
      expect(used).toHaveLength(2);
      expect(fake.sent).toHaveLength(1);
    });

    it('a 401 without refresh credentials is thrown at once; a 401 of the other service is not retried', async () => {
      const used: string[] = [];
      const fake = fakeRefresher();
      const noRefresh = make(authOf(creds({ refreshToken: null })), fake.refresher);
      const refused = new Set(['APP_USR-SECRET-file-access']);
      await expect(
        withSellerToken(clientFor(refused, used), noRefresh, 'main', 'mercadoPago', 'x').get('1'),
      ).rejects.toMatchObject({ status: 401 });
      const tokens = make(authOf(creds({ expiresAt: null })), fake.refresher);
      await expect(
        withSellerToken(clientFor(refused, used, 'mercadoLibre'), tokens, 'main', 'mercadoPago', 'x').get('1'),
      ).rejects.toMatchObject({ status: 401 });
      expect(used).toHaveLength(2);
      expect(fake.sent).toHaveLength(0);
    });
  });
});
