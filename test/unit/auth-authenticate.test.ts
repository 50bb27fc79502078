// authenticate() (src/auth/authenticate.ts): a credential is told apart by its shape; gateway keys;
// passthrough with no auth file, allowed or refused with one; and the caller identity.
import { inspect } from 'node:util';
import * as api from '../../src/auth';
import { authenticate, classifyCredential } from '../../src/auth/authenticate';
import { callerIdentity, isAuthRefusal, type Caller } from '../../src/auth/caller';
import { parseAuthFile, type AuthConfig } from '../../src/auth/file';
import { newKey } from '../../src/auth/keys';
import { AUTH_ENV, BACK_OFFICE_KEY, goodFile, REPORTS_KEY } from '../support/authFile';

const config = (change: (file: any) => void = () => {}): AuthConfig => {
  const file = goodFile();
  change(file);
  return parseAuthFile(JSON.stringify(file), AUTH_ENV);
};

const MP_TOKEN = 'APP_USR-1234567890123456-010203-0123456789abcdef0123456789abcdef-123456789';
const A_JWT_SHAPE = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';

describe('classifyCredential', () => {
  it.each([
    [newKey(), 'key'],
    [BACK_OFFICE_KEY, 'key'],
    [A_JWT_SHAPE, 'jwt'],
    ['eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', 'jwt'],
    [MP_TOKEN, 'passthrough'],
    ['TEST-1234567890123456-010203-abc-123', 'passthrough'],
    ['mpg_short', 'passthrough'],
    [`${newKey()}x`, 'passthrough'],
    ['a.b', 'passthrough'],
    ['a.b.c.d', 'passthrough'],
    ['.b.c', 'passthrough'],
    ['a+b.c.d', 'passthrough'],
  ])('%s is %s', (credential, kind) => {
    expect(classifyCredential(credential)).toBe(kind);
  });
});

describe('authenticate', () => {
  it('refuses a request without a credential, or with one no header could carry', async () => {
    expect(await authenticate(null, config())).toEqual({ reason: 'no credential' });
    expect(await authenticate('', config())).toEqual({ reason: 'no credential' });
    expect(await authenticate(null, null)).toEqual({ reason: 'no credential' });
    expect(await authenticate('APP_USR-1 2', null)).toEqual({ reason: 'malformed credential' });
    expect(
      await authenticate(
        'APP_USR-1\n',
        config((f) => (f.passthrough = true)),
      ),
    ).toEqual({
      reason: 'malformed credential',
    });
  });

  it('without an auth file, passes every bearer through with every scope (what the gateway did before)', async () => {
    for (const bearer of [MP_TOKEN, BACK_OFFICE_KEY, A_JWT_SHAPE]) {
      expect(await authenticate(bearer, null)).toEqual({
        kind: 'passthrough',
        seller: null,
        subject: bearer,
        scopes: 'all',
        upstream: { mercadoPago: bearer, mercadoLibre: bearer },
        checkout: null,
      });
    }
  });

  it('with an auth file, refuses passthrough unless the file allows it', async () => {
    expect(await authenticate(MP_TOKEN, config())).toEqual({ reason: 'passthrough refused' });
    const caller = (await authenticate(
      MP_TOKEN,
      config((f) => (f.passthrough = true)),
    )) as Caller;
    expect(caller).toEqual(expect.objectContaining({ kind: 'passthrough', scopes: 'all', subject: MP_TOKEN }));
    expect(caller.upstream).toEqual({ mercadoPago: MP_TOKEN, mercadoLibre: MP_TOKEN });
  });

  it('a key is its entry: its name, its seller and scopes, the seller tokens', async () => {
    expect(await authenticate(REPORTS_KEY, config())).toEqual({
      kind: 'key',
      seller: 'main',
      subject: 'reports',
      scopes: new Set(['payments:read', 'orders:read']),
      upstream: { mercadoPago: 'APP_USR-SECRET-mp-main', mercadoLibre: 'APP_USR-SECRET-ml-main' },
      checkout: null,
    });
  });

  it('an unknown key is refused, even when the file allows passthrough', async () => {
    expect(await authenticate(newKey(), config())).toEqual({ reason: 'unknown key' });
    expect(
      await authenticate(
        newKey(),
        config((f) => (f.passthrough = true)),
      ),
    ).toEqual({ reason: 'unknown key' });
  });

  it('a JWT is refused when the file has no jwt section, even when it allows passthrough', async () => {
    expect(
      await authenticate(
        A_JWT_SHAPE,
        config((f) => delete f.jwt),
      ),
    ).toEqual({ reason: 'jwt not accepted' });
    expect(
      await authenticate(
        A_JWT_SHAPE,
        config((f) => ((f.jwt = null), (f.passthrough = true))),
      ),
    ).toEqual({
      reason: 'jwt not accepted',
    });
  });

  it('a refusal never carries the credential; a logged Caller shows no token', async () => {
    const refusals = await Promise.all([
      authenticate(MP_TOKEN, config()),
      authenticate(newKey(), config()),
      authenticate(A_JWT_SHAPE, config()),
    ]);
    for (const refusal of refusals) {
      expect(isAuthRefusal(refusal)).toBe(true);
      expect(Object.keys(refusal)).toEqual(['reason']);
    }
    const key = (await authenticate(BACK_OFFICE_KEY, config())) as Caller;
    const passthrough = (await authenticate(MP_TOKEN, null)) as Caller;
    expect(isAuthRefusal(key)).toBe(false);
    for (const text of [JSON.stringify(key), inspect(key), JSON.stringify(passthrough), inspect(passthrough)]) {
      expect(text).not.toContain('SECRET');
      expect(text).not.toContain(MP_TOKEN);
    }
    expect(JSON.stringify(key)).toContain('"subject":"back-office"');
  });
});

describe('callerIdentity', () => {
  const SECRET = 'identity-secret-0123456789';
  const base = { kind: 'key', seller: 'main', subject: 'reports' } as const;

  it('is the hex HMAC-SHA256 of [kind, seller, subject], stable across calls', async () => {
    const caller = (await authenticate(REPORTS_KEY, config())) as Caller;
    const id = callerIdentity(caller, SECRET);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(callerIdentity(caller, SECRET)).toBe(id);
    expect(callerIdentity(base, SECRET)).toBe(id);
    expect(callerIdentity(base, 'another-secret-0123456789')).not.toBe(id);
  });

  it('differs across kinds, sellers and subjects, even where a joined string would not', () => {
    const ids = [
      base,
      { ...base, kind: 'jwt' },
      { ...base, kind: 'passthrough', seller: null },
      { ...base, seller: 'other' },
      { ...base, seller: null },
      { ...base, subject: 'back-office' },
      { kind: 'key', seller: 'main reports', subject: '' },
      { kind: 'key', seller: 'main', subject: 'reports ' },
      { kind: 'jwt', seller: 'main', subject: 'https://shop.example user-1' },
      { kind: 'jwt', seller: 'main', subject: 'https://shop.example user-2' },
    ].map((who) => callerIdentity(who as Pick<Caller, 'kind' | 'seller' | 'subject'>, SECRET));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('needs a secret', () => {
    expect(() => callerIdentity(base, '')).toThrow(TypeError);
  });
});

describe('src/auth', () => {
  it('exports the API the gateway builds on, under these names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'AuthFileError',
        'CLOCK_SKEW_SECONDS',
        'DEFAULT_JWT_SCOPES',
        'KEY_SCOPES',
        'MAX_LIFETIME_SECONDS',
        'SCOPES',
        'authenticate',
        'callerIdentity',
        'classifyCredential',
        'findKey',
        'isAuthRefusal',
        'isGatewayKey',
        'isScope',
        'keyHash',
        'loadAuthFile',
        'newKey',
        'parseAuthFile',
        'parseCheckoutClaim',
        'watchAuthFile',
      ].sort(),
    );
  });
});
