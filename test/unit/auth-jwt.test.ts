// Session JWTs (src/auth/jwt.ts, through authenticate()): HS256 with the file's secret, RS256 and
// ES256 through a JWKS served by a local server on 127.0.0.1, and every way a token is refused; the
// scope, seller and checkout claims.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { authenticate } from '../../src/auth/authenticate';
import type { Caller } from '../../src/auth/caller';
import { parseAuthFile, type AuthConfig } from '../../src/auth/file';
import { parseCheckoutClaim } from '../../src/auth/jwt';
import { AUTH_ENV, goodFile, JWT_SECRET, otherSeller } from '../support/authFile';

const NOW = Date.parse('2031-03-04T05:06:07Z');
const now = Math.floor(NOW / 1000);
const at = { now: () => NOW };

const config = (change: (file: any) => void = () => {}): AuthConfig => {
  const file = goodFile();
  change(file);
  return parseAuthFile(JSON.stringify(file), AUTH_ENV);
};

const claims = (extra: Record<string, unknown> = {}): JWTPayload => ({
  iss: 'https://shop.example',
  aud: 'mpgraph',
  sub: 'user-1',
  iat: now,
  exp: now + 600,
  scope: 'payments:read',
  seller: 'main',
  ...extra,
});

/** Signs `payload` as it is (undefined members left out): jose's helpers would add or check claims. */
const sign = (
  payload: Record<string, unknown>,
  key: KeyLike | Uint8Array = new TextEncoder().encode(JWT_SECRET),
  header: { alg: string; kid?: string } = { alg: 'HS256' },
): Promise<string> => new SignJWT(JSON.parse(JSON.stringify(payload))).setProtectedHeader(header).sign(key);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const reason = async (token: string, auth: AuthConfig = config()) => {
  const result = await authenticate(token, auth, at);
  return 'reason' in result ? result.reason : 'accepted';
};

describe('an HS256 session JWT', () => {
  it('is a jwt Caller: the seller, iss + sub, the scopes, the seller tokens', async () => {
    const caller = (await authenticate(await sign(claims()), config(), at)) as Caller;
    expect(caller).toEqual({
      kind: 'jwt',
      seller: 'main',
      subject: 'https://shop.example user-1',
      scopes: new Set(['payments:read']),
      upstream: { mercadoPago: 'APP_USR-SECRET-mp-main', mercadoLibre: 'APP_USR-SECRET-ml-main' },
      checkout: null,
    });
    expect(JSON.stringify(caller)).not.toContain('SECRET');
  });

  it.each([
    ['expired beyond the 30 s skew', { exp: now - 31 }, 'jwt expired'],
    ['expired within the skew', { exp: now - 29 }, 'accepted'],
    ['not yet valid beyond the skew (nbf)', { nbf: now + 31 }, 'jwt not yet valid'],
    ['not yet valid within the skew (nbf)', { nbf: now + 29 }, 'accepted'],
    ['issued in the future beyond the skew', { iat: now + 31, exp: now + 631 }, 'jwt not yet valid'],
    ['issued in the future within the skew', { iat: now + 29, exp: now + 629 }, 'accepted'],
    ['for another audience', { aud: 'other-gateway' }, 'jwt audience'],
    ['for several audiences, ours among them', { aud: ['other', 'mpgraph'] }, 'accepted'],
    ['without an audience', { aud: undefined }, 'jwt audience'],
    ['from another issuer', { iss: 'https://evil.example' }, 'jwt issuer'],
    ['without an issuer', { iss: undefined }, 'jwt issuer'],
    ['without sub', { sub: undefined }, 'jwt missing sub'],
    ['with an empty sub', { sub: '' }, 'jwt missing sub'],
    ['with a sub that is not a string', { sub: 42 }, 'jwt missing sub'],
    ['living 24 h', { exp: now + 86400 }, 'accepted'],
    ['living over 24 h', { exp: now + 86401 }, 'jwt lifetime'],
    ['issued over 24 h ago', { iat: now - 86431, exp: now + 60 }, 'jwt lifetime'],
    ['without exp', { exp: undefined }, 'jwt lifetime'],
    ['without iat', { iat: undefined }, 'jwt lifetime'],
    ['with an exp that is not a number', { exp: String(now + 60) }, 'jwt lifetime'],
    ['with a scope that is not a string', { scope: ['payments:read'] }, 'jwt scope'],
  ])('%s: %s', async (_name, extra, expected) => {
    expect(await reason(await sign(claims(extra)))).toBe(expected);
  });

  it('signed with another secret is refused', async () => {
    const other = new TextEncoder().encode('SECRET-another-0123456789abcdef0123456789');
    expect(await reason(await sign(claims(), other))).toBe('jwt signature');
  });

  it('with alg none, or any algorithm but HS256, is refused', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    expect(await reason(unsigned)).toBe('jwt alg');
    const secret = new TextEncoder().encode(JWT_SECRET);
    expect(await reason(await sign(claims(), secret, { alg: 'HS512' }))).toBe('jwt alg');
    const { privateKey } = await generateKeyPair('RS256');
    expect(await reason(await sign(claims(), privateKey, { alg: 'RS256' }))).toBe('jwt alg');
    // The HS256 signature over another header is still the wrong signature.
    const [, payload, signature] = (await sign(claims())).split('.');
    expect(await reason(`${b64({ alg: 'none' })}.${payload}.${signature}`)).toBe('jwt alg');
  });

  it('that is not a JWT inside is malformed', async () => {
    expect(await reason('abc.def.ghi')).toBe('jwt malformed');
    const [header, , signature] = (await sign(claims())).split('.');
    expect(await reason(`${header}.${Buffer.from('not json').toString('base64url')}.${signature}`)).toBe(
      'jwt signature',
    );
  });
});

describe('the scope claim', () => {
  const scopesOf = async (scope: unknown, auth = config()) => [
    ...((await authenticate(await sign(claims({ scope, checkout: checkoutClaim })), auth, at)) as Caller).scopes,
  ];
  const checkoutClaim = { amount: '250.00', externalReference: 'cart-123' };

  it('counts only the scopes jwt.allowedScopes allows, and ignores unknown words', async () => {
    expect(await scopesOf('payments:read payments:write orders:read checkout refunds')).toEqual([
      'payments:read',
      'checkout',
    ]);
    const wider = config((file) => (file.jwt.allowedScopes = ['payments:read', 'orders:read', 'customers:write']));
    expect(await scopesOf('checkout orders:read  customers:write customers:read', wider)).toEqual([
      'orders:read',
      'customers:write',
    ]);
  });

  it('absent, grants nothing', async () => {
    expect(await scopesOf(undefined)).toEqual([]);
  });
});

describe('the seller claim', () => {
  const two = config((file) => (file.sellers.other = otherSeller()));

  it('may be left out when the file has exactly one seller', async () => {
    const caller = (await authenticate(await sign(claims({ seller: undefined })), config(), at)) as Caller;
    expect(caller.seller).toBe('main');
    expect(await reason(await sign(claims({ seller: undefined })), two)).toBe('jwt seller');
  });

  it('names the seller whose tokens are used', async () => {
    const caller = (await authenticate(await sign(claims({ seller: 'other' })), two, at)) as Caller;
    expect(caller.seller).toBe('other');
    expect(caller.upstream).toEqual({
      mercadoPago: 'APP_USR-SECRET-mp-other',
      mercadoLibre: 'APP_USR-SECRET-ml-other',
    });
  });

  it('must name a seller of the file, as a string', async () => {
    expect(await reason(await sign(claims({ seller: 'x' })))).toBe('jwt seller');
    expect(await reason(await sign(claims({ seller: 7 })))).toBe('jwt seller');
    expect(await reason(await sign(claims({ seller: ['main'] })))).toBe('jwt seller');
  });

  it('is the claim jwt.sellerClaim names', async () => {
    const custom = config((file) => {
      file.sellers.other = otherSeller();
      file.jwt.sellerClaim = 'https://shop.example/seller';
    });
    const token = await sign(claims({ seller: 'main', 'https://shop.example/seller': 'other' }));
    expect(((await authenticate(token, custom, at)) as Caller).seller).toBe('other');
  });
});

describe('the checkout claim', () => {
  const checkout = (claim: unknown, scope = 'checkout') => sign(claims({ scope, checkout: claim }));

  it('comes with the checkout scope, maxAttempts 5 unless it says', async () => {
    const caller = (await authenticate(
      await checkout({ amount: '250.00', externalReference: 'cart-123' }),
      config(),
      at,
    )) as Caller;
    expect(caller.scopes).toEqual(new Set(['checkout']));
    expect(caller.checkout).toEqual({
      amount: '250.00',
      externalReference: 'cart-123',
      maxAttempts: 5,
      statementDescriptor: null,
    });
    const three = (await authenticate(
      await checkout({ amount: '9', externalReference: 'x', maxAttempts: 3 }),
      config(),
      at,
    )) as Caller;
    expect(three.checkout).toEqual({ amount: '9', externalReference: 'x', maxAttempts: 3, statementDescriptor: null });
  });

  it('is required, and valid, when the checkout scope counts', async () => {
    expect(await reason(await checkout(undefined))).toBe('jwt checkout claim');
    expect(await reason(await checkout({ amount: '0', externalReference: 'cart-1' }))).toBe('jwt checkout claim');
  });

  it('is not read without the checkout scope (or when allowedScopes leaves it out)', async () => {
    const plain = (await authenticate(await checkout('garbage', 'payments:read'), config(), at)) as Caller;
    expect(plain.checkout).toBeNull();
    const noCheckout = config((file) => (file.jwt.allowedScopes = ['payments:read']));
    const filtered = (await authenticate(
      await checkout('garbage', 'checkout payments:read'),
      noCheckout,
      at,
    )) as Caller;
    expect(filtered.scopes).toEqual(new Set(['payments:read']));
    expect(filtered.checkout).toBeNull();
  });

  const good = { amount: '250.00', externalReference: 'cart-123', maxAttempts: 5 };
  it.each([
    ['amount 250.5', { ...good, amount: '250.5' }, true],
    ['amount 0.01', { ...good, amount: '0.01' }, true],
    ['amount 10', { ...good, amount: '10' }, true],
    ['a 256-character reference', { ...good, externalReference: 'r'.repeat(256) }, true],
    ['maxAttempts 1', { ...good, maxAttempts: 1 }, true],
    ['maxAttempts 100', { ...good, maxAttempts: 100 }, true],
    ['an amount that is a number', { ...good, amount: 250 }, false],
    ['amount 0', { ...good, amount: '0' }, false],
    ['amount 0.00', { ...good, amount: '0.00' }, false],
    ['a negative amount', { ...good, amount: '-1.00' }, false],
    ['three decimals', { ...good, amount: '1.234' }, false],
    ['a trailing point', { ...good, amount: '1.' }, false],
    ['no integer part', { ...good, amount: '.50' }, false],
    ['a leading zero', { ...good, amount: '01.00' }, false],
    ['an exponent', { ...good, amount: '1e3' }, false],
    ['a comma', { ...good, amount: '1,00' }, false],
    ['spaces', { ...good, amount: ' 1.00' }, false],
    ['no amount', { externalReference: 'cart-123' }, false],
    ['an empty reference', { ...good, externalReference: '' }, false],
    ['a 257-character reference', { ...good, externalReference: 'r'.repeat(257) }, false],
    ['a reference that is a number', { ...good, externalReference: 123 }, false],
    ['no reference', { amount: '1.00' }, false],
    ['maxAttempts 0', { ...good, maxAttempts: 0 }, false],
    ['maxAttempts 101', { ...good, maxAttempts: 101 }, false],
    ['maxAttempts 2.5', { ...good, maxAttempts: 2.5 }, false],
    ['maxAttempts "5"', { ...good, maxAttempts: '5' }, false],
    ['a statement descriptor', { ...good, statementDescriptor: 'MATE SHOP' }, true],
    ['a 22-character statement descriptor', { ...good, statementDescriptor: 'D'.repeat(22) }, true],
    ['a 23-character statement descriptor', { ...good, statementDescriptor: 'D'.repeat(23) }, false],
    ['an empty statement descriptor', { ...good, statementDescriptor: '' }, false],
    ['a statement descriptor with a line break', { ...good, statementDescriptor: 'MATE\nSHOP' }, false],
    ['a statement descriptor that is a number', { ...good, statementDescriptor: 7 }, false],
    ['another member', { ...good, currency: 'BRL' }, false],
    ['an array', [good], false],
    ['a string', 'cart-123', false],
  ])('%s', async (_name, claim, valid) => {
    expect(parseCheckoutClaim(claim) !== null).toBe(valid);
    expect(await reason(await checkout(claim))).toBe(valid ? 'accepted' : 'jwt checkout claim');
  });
});

describe('RS256 and ES256 session JWTs through a JWKS', () => {
  let server: Server;
  let url: string;
  let served: { keys: JWK[] };
  let status = 200;
  let fetches = 0;
  let rsa: { privateKey: KeyLike; publicKey: KeyLike };
  let ec: { privateKey: KeyLike; publicKey: KeyLike };

  const jwk = async (key: KeyLike, kid: string, alg: string): Promise<JWK> => ({
    ...(await exportJWK(key)),
    kid,
    alg,
    use: 'sig',
  });

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
    ec = await generateKeyPair('ES256');
    server = createServer((_req, res) => {
      fetches++;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(served));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(async () => {
    served = { keys: [await jwk(rsa.publicKey, 'rsa-1', 'RS256'), await jwk(ec.publicKey, 'ec-1', 'ES256')] };
    status = 200;
    fetches = 0;
  });
  afterEach(() => jest.restoreAllMocks());

  const jwks = (at = url) =>
    config((file) => {
      file.jwt.secret = null;
      file.jwt.jwksUrl = at;
    });

  it('accepts RS256 and ES256 tokens signed by the set, fetching it once', async () => {
    const auth = jwks();
    const rs = await sign(claims(), rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' });
    const es = await sign(claims({ sub: 'user-2' }), ec.privateKey, { alg: 'ES256', kid: 'ec-1' });
    expect(await authenticate(rs, auth, at)).toEqual(
      expect.objectContaining({ kind: 'jwt', subject: 'https://shop.example user-1', seller: 'main' }),
    );
    expect(await authenticate(es, auth, at)).toEqual(
      expect.objectContaining({ subject: 'https://shop.example user-2' }),
    );
    expect(await authenticate(rs, auth, at)).toEqual(expect.objectContaining({ kind: 'jwt' }));
    expect(fetches).toBe(1);
  });

  it('refuses a token signed by another key, under a known kid or an unknown one', async () => {
    const auth = jwks();
    const stranger = await generateKeyPair('RS256');
    expect(await reason(await sign(claims(), stranger.privateKey, { alg: 'RS256', kid: 'rsa-1' }), auth)).toBe(
      'jwt signature',
    );
    expect(await reason(await sign(claims(), stranger.privateKey, { alg: 'RS256', kid: 'rsa-9' }), auth)).toBe(
      'jwt signature',
    );
  });

  it('fetches the set again for an unknown kid (at most every 30 s), so a rotated key is accepted', async () => {
    const auth = jwks();
    expect(await reason(await sign(claims(), rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }), auth)).toBe('accepted');
    const next = await generateKeyPair('RS256');
    served = { keys: [await jwk(next.publicKey, 'rsa-2', 'RS256')] };
    const rotated = await sign(claims(), next.privateKey, { alg: 'RS256', kid: 'rsa-2' });
    expect(await reason(rotated, auth)).toBe('jwt signature'); // fetched 0 s ago: not again yet
    expect(fetches).toBe(1);
    const later = Date.now() + 31_000;
    jest.spyOn(Date, 'now').mockImplementation(() => later);
    expect(await reason(rotated, auth)).toBe('accepted');
    expect(fetches).toBe(2);
  });

  it('refuses HS256 (even signed with the JWKS URL as a secret), alg none and RS512', async () => {
    const auth = jwks();
    expect(await reason(await sign(claims(), new TextEncoder().encode(url.padEnd(40, '#'))), auth)).toBe('jwt alg');
    expect(await reason(`${b64({ alg: 'none' })}.${b64(claims())}.`, auth)).toBe('jwt alg');
    expect(await reason(await sign(claims(), rsa.privateKey, { alg: 'RS512', kid: 'rsa-1' }), auth)).toBe('jwt alg');
    expect(fetches).toBe(0);
  });

  it('checks the claims as for HS256', async () => {
    const auth = jwks();
    const signed = (extra: Record<string, unknown>) =>
      sign(claims(extra), rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' });
    expect(await reason(await signed({ exp: now - 31 }), auth)).toBe('jwt expired');
    expect(await reason(await signed({ aud: 'other' }), auth)).toBe('jwt audience');
    expect(await reason(await signed({ sub: undefined }), auth)).toBe('jwt missing sub');
  });

  it('says jwks unavailable when the set cannot be fetched', async () => {
    status = 500;
    const token = await sign(claims(), rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' });
    expect(await reason(token, jwks())).toBe('jwks unavailable');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await reason(token, jwks(`http://127.0.0.1:${port}/jwks.json`))).toBe('jwks unavailable');
  });
});
