// The auth file's rules (src/auth/file.ts): each broken rule is one line naming the field's JSON path
// and the problem, and no message carries a token, a secret or a hash; `{ "env": "NAME" }` values;
// what a good file becomes; credentials that show `<redacted>` when logged.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { AuthFileError, loadAuthFile, parseAuthFile } from '../../src/auth/file';
import { AUTH_ENV, goodFile, otherSeller } from '../support/authFile';

const NAME_RULE = '1 to 64 letters, digits, "_", "." or "-", starting with a letter or a digit';
const KNOWN = '(known: payments:read, payments:write, customers:read, customers:write, orders:read, checkout)';

const parse = (file: unknown, env: Record<string, string | undefined> = AUTH_ENV) =>
  parseAuthFile(typeof file === 'string' ? file : JSON.stringify(file), env);

/** The message of the AuthFileError that `file` throws. */
const problem = (file: unknown, env: Record<string, string | undefined> = AUTH_ENV): string => {
  try {
    parse(file, env);
  } catch (error) {
    expect(error).toBeInstanceOf(AuthFileError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
};

const edit = (change: (file: any) => void): any => {
  const file = goodFile();
  change(file);
  return file;
};

describe('a good auth file', () => {
  it('becomes the config: sellers with their tokens (env resolved), keys, the jwt section', () => {
    const config = parse(goodFile());
    expect(config.passthrough).toBe(false);
    const main = config.sellers.get('main')!;
    expect(main.name).toBe('main');
    expect(main.mercadoPago).toEqual(
      expect.objectContaining({ accessToken: 'APP_USR-SECRET-mp-main', refreshToken: null, expiresAt: null }),
    );
    expect(main.mercadoLibre).toEqual(
      expect.objectContaining({
        accessToken: 'APP_USR-SECRET-ml-main',
        refreshToken: 'TG-SECRET-refresh',
        clientId: '123',
        clientSecret: 'SECRET-ml-client',
        expiresAt: '2030-01-31T12:00:00Z',
      }),
    );
    expect(config.keys.map((key) => [key.name, key.seller, [...key.scopes]])).toEqual([
      ['back-office', 'main', ['payments:read', 'payments:write', 'customers:read', 'customers:write', 'orders:read']],
      ['reports', 'main', ['payments:read', 'orders:read']],
    ]);
    expect(config.jwt).toEqual(
      expect.objectContaining({
        issuer: 'https://shop.example',
        audience: 'mpgraph',
        secret: AUTH_ENV.JWT_SECRET,
        jwksUrl: null,
        algorithms: ['HS256'],
        sellerClaim: 'seller',
      }),
    );
    expect([...config.jwt!.allowedScopes]).toEqual(['checkout', 'payments:read']);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('has defaults: passthrough false, no keys, seller claim "seller", allowed scopes checkout payments:read', () => {
    const config = parse(
      edit((file) => {
        delete file.passthrough;
        delete file.keys;
        delete file.jwt.sellerClaim;
        delete file.jwt.allowedScopes;
      }),
    );
    expect(config.passthrough).toBe(false);
    expect(config.keys).toEqual([]);
    expect(config.jwt!.sellerClaim).toBe('seller');
    expect([...config.jwt!.allowedScopes]).toEqual(['checkout', 'payments:read']);
  });

  it('has no jwt section when it is absent or null, and takes passthrough: true', () => {
    expect(parse(edit((file) => delete file.jwt)).jwt).toBeNull();
    expect(parse(edit((file) => (file.jwt = null))).jwt).toBeNull();
    expect(parse(edit((file) => (file.passthrough = true))).passthrough).toBe(true);
  });

  it('checks JWTs against a JWKS with RS256 and ES256, over https or http on loopback', () => {
    for (const url of ['https://shop.example/.well-known/jwks.json', 'http://127.0.0.1:8080/jwks', 'http://[::1]/k']) {
      const config = parse(
        edit((file) => {
          delete file.jwt.secret;
          file.jwt.jwksUrl = url;
        }),
      );
      expect(config.jwt).toEqual(
        expect.objectContaining({ secret: null, jwksUrl: url, algorithms: ['RS256', 'ES256'] }),
      );
    }
    expect(
      parse(edit((file) => ((file.jwt.secret = null), (file.jwt.jwksUrl = 'http://localhost:1/k')))).jwt!.jwksUrl,
    ).toBe('http://localhost:1/k');
  });

  it('keeps a key hash in lowercase whatever case the file wrote it in', () => {
    const hash = goodFile().keys[0].keyHash;
    const config = parse(edit((file) => (file.keys[0].keyHash = `sha256:${hash.slice(7).toUpperCase()}`)));
    expect(config.keys[0].keyHash).toBe(hash);
  });

  it('reads any string from the environment, scopes and names included', () => {
    const config = parse(
      edit((file) => {
        file.keys[1].seller = { env: 'SELLER' };
        file.keys[1].scopes = [{ env: 'SCOPE' }];
        file.jwt.issuer = { env: 'ISSUER' };
      }),
      { ...AUTH_ENV, SELLER: 'main', SCOPE: 'orders:read', ISSUER: 'https://issuer.example' },
    );
    expect(config.keys[1].seller).toBe('main');
    expect([...config.keys[1].scopes]).toEqual(['orders:read']);
    expect(config.jwt!.issuer).toBe('https://issuer.example');
  });

  it('shows <redacted> for tokens and secrets when logged as JSON or with util.inspect', () => {
    const config = parse(goodFile());
    const logged = [
      JSON.stringify([...config.sellers.values()]),
      JSON.stringify(config.jwt),
      inspect(config, { depth: 10 }),
      inspect(config.sellers.get('main'), { depth: 10 }),
    ];
    for (const text of logged) {
      expect(text).not.toContain('SECRET');
      expect(text).toContain('<redacted>');
    }
    expect(JSON.stringify(config.sellers.get('main'))).toContain('"clientId":"123"');
  });
});

describe('a broken auth file is one line naming the field, never a secret', () => {
  const cases: [string, unknown, string][] = [
    ['not JSON', '{"passthrough": false,\n  "sellers": }', 'auth file: not valid JSON at line 2, column 14'],
    ['a trailing comma', '{"passthrough": false,\n}', 'auth file: not valid JSON at line 2, column 1'],
    ['an unterminated string', '{"sellers": {"main', 'auth file: not valid JSON at line 1, column 19'],
    ['text after the object', '{}\n\n  x', 'auth file: not valid JSON at line 3, column 3'],
    ['a raw newline in a string', '{"a": "APP_USR-SECRET\n"}', 'auth file: not valid JSON at line 1, column 22'],
    ['an empty file', '', 'auth file: not valid JSON at line 1, column 1'],
    ['an array', [], 'auth file: must be a JSON object'],
    [
      'an unknown top-level field',
      edit((file) => (file.seller = {})),
      'seller: unknown field (expected one of passthrough, sellers, keys, jwt)',
    ],
    ['passthrough not a boolean', edit((file) => (file.passthrough = 'yes')), 'passthrough: must be true or false'],
    ['no sellers', edit((file) => delete file.sellers), 'sellers: required (at least one seller)'],
    ['sellers empty', edit((file) => (file.sellers = {})), 'sellers: must name at least one seller'],
    ['sellers an array', edit((file) => (file.sellers = [])), 'sellers: must be a JSON object of sellers by name'],
    [
      'a seller name with a space',
      edit((file) => (file.sellers['two words'] = otherSeller())),
      `sellers["two words"]: a seller's name must be ${NAME_RULE}`,
    ],
    [
      'a seller without Mercado Libre tokens',
      edit((file) => delete file.sellers.main.mercadoLibre),
      'sellers.main.mercadoLibre: required (orders are read with it)',
    ],
    [
      'a seller without Mercado Pago tokens',
      edit((file) => (file.sellers.main.mercadoPago = null)),
      'sellers.main.mercadoPago: required (payments and customers use it)',
    ],
    [
      'an unknown field of a seller',
      edit((file) => (file.sellers.main.mercadopago = {})),
      'sellers.main.mercadopago: unknown field (expected one of mercadoPago, mercadoLibre)',
    ],
    [
      'an access token left out',
      edit((file) => delete file.sellers.main.mercadoLibre.accessToken),
      'sellers.main.mercadoLibre.accessToken: required',
    ],
    [
      'an empty access token',
      edit((file) => (file.sellers.main.mercadoLibre.accessToken = '')),
      'sellers.main.mercadoLibre.accessToken: must not be empty',
    ],
    [
      'an access token that is a number',
      edit((file) => (file.sellers.main.mercadoLibre.accessToken = 42)),
      'sellers.main.mercadoLibre.accessToken: must be a string or { "env": "NAME" }',
    ],
    [
      'an access token with a space',
      edit((file) => (file.sellers.main.mercadoLibre.accessToken = 'APP_USR-SECRET with space')),
      'sellers.main.mercadoLibre.accessToken: must be visible ASCII characters without spaces',
    ],
    [
      'a refresh token with a newline',
      edit((file) => (file.sellers.main.mercadoLibre.refreshToken = 'TG-SECRET\n')),
      'sellers.main.mercadoLibre.refreshToken: must be visible ASCII characters without spaces',
    ],
    [
      'an unknown field of the credentials',
      edit((file) => (file.sellers.main.mercadoPago.token = 'APP_USR-SECRET')),
      'sellers.main.mercadoPago.token: unknown field ' +
        '(expected one of accessToken, refreshToken, clientId, clientSecret, expiresAt)',
    ],
    [
      'an expiry that is not an instant',
      edit((file) => (file.sellers.main.mercadoLibre.expiresAt = 'tomorrow')),
      'sellers.main.mercadoLibre.expiresAt: must be an ISO 8601 instant with a zone, like 2025-01-31T12:00:00Z',
    ],
    [
      'an expiry without a zone',
      edit((file) => (file.sellers.main.mercadoLibre.expiresAt = '2030-01-31T12:00:00')),
      'sellers.main.mercadoLibre.expiresAt: must be an ISO 8601 instant with a zone, like 2025-01-31T12:00:00Z',
    ],
    [
      'an env reference with another field',
      edit((file) => (file.sellers.main.mercadoPago.accessToken = { env: 'MP_TOKEN_MAIN', value: 'x' })),
      'sellers.main.mercadoPago.accessToken: must be a string or { "env": "NAME" }',
    ],
    [
      'an env reference that is not a variable name',
      edit((file) => (file.sellers.main.mercadoPago.accessToken = { env: 'MP TOKEN' })),
      'sellers.main.mercadoPago.accessToken: env must name an environment variable (letters, digits, "_")',
    ],
    ['keys not an array', edit((file) => (file.keys = {})), 'keys: must be an array of keys'],
    ['a key that is a string', edit((file) => (file.keys[1] = 'mpg_x')), 'keys[1]: must be a JSON object'],
    [
      'an unknown field of a key',
      edit((file) => (file.keys[0].scope = [])),
      'keys[0].scope: unknown field (expected one of name, keyHash, seller, scopes)',
    ],
    ['a key without a name', edit((file) => delete file.keys[0].name), 'keys[0].name: required'],
    [
      'a key name with a slash',
      edit((file) => (file.keys[0].name = 'back/office')),
      `keys[0].name: must be ${NAME_RULE}`,
    ],
    [
      'two keys with one name',
      edit((file) => (file.keys[1].name = 'back-office')),
      'keys[1].name: "back-office" is already the name of keys[0]',
    ],
    ['a key without a hash', edit((file) => delete file.keys[1].keyHash), 'keys[1].keyHash: required'],
    [
      'a key whose hash is the key itself',
      edit((file) => (file.keys[1].keyHash = 'mpg_SECRET' + 'x'.repeat(33))),
      'keys[1].keyHash: must be "sha256:" and 64 hex digits (npm run keys -- hash KEY)',
    ],
    [
      'a hash one digit short',
      edit((file) => (file.keys[1].keyHash = file.keys[1].keyHash.slice(0, -1))),
      'keys[1].keyHash: must be "sha256:" and 64 hex digits (npm run keys -- hash KEY)',
    ],
    [
      'two keys with one hash',
      edit((file) => (file.keys[1].keyHash = file.keys[0].keyHash)),
      'keys[1].keyHash: the same key as keys[0]',
    ],
    ['a key without a seller', edit((file) => delete file.keys[1].seller), 'keys[1].seller: required'],
    ['a key of an unknown seller', edit((file) => (file.keys[1].seller = 'x')), 'keys[1].seller: unknown seller "x"'],
    ['a key without scopes', edit((file) => delete file.keys[0].scopes), 'keys[0].scopes: must be an array of scopes'],
    ['a key with no scope', edit((file) => (file.keys[0].scopes = [])), 'keys[0].scopes: must list at least one scope'],
    [
      'a key with an unknown scope',
      edit((file) => file.keys[0].scopes.push('payments:delete')),
      `keys[0].scopes[5]: unknown scope "payments:delete" ${KNOWN}`,
    ],
    [
      'a key with the checkout scope',
      edit((file) => (file.keys[1].scopes = ['payments:read', 'checkout'])),
      'keys[1].scopes[1]: "checkout" is for session JWTs only, never a gateway key',
    ],
    ['jwt not an object', edit((file) => (file.jwt = 'HS256')), 'jwt: must be a JSON object'],
    [
      'an unknown field of jwt',
      edit((file) => (file.jwt.algorithms = ['none'])),
      'jwt.algorithms: unknown field (expected one of issuer, audience, secret, jwksUrl, sellerClaim, allowedScopes)',
    ],
    ['jwt without an issuer', edit((file) => delete file.jwt.issuer), 'jwt.issuer: required'],
    ['jwt without an audience', edit((file) => (file.jwt.audience = null)), 'jwt.audience: required'],
    [
      'jwt with a secret and a JWKS',
      edit((file) => (file.jwt.jwksUrl = 'https://shop.example/jwks')),
      'jwt: set exactly one of secret and jwksUrl, not both',
    ],
    [
      'jwt with neither a secret nor a JWKS',
      edit((file) => delete file.jwt.secret),
      'jwt: set one of secret (HS256) or jwksUrl (RS256, ES256)',
    ],
    [
      'a JWT secret under 32 bytes',
      edit((file) => (file.jwt.secret = 'SECRET-0123456789abcdef01234567')),
      'jwt.secret: must be at least 32 bytes',
    ],
    [
      'a JWKS URL that is not a URL',
      edit((file) => ((file.jwt.secret = null), (file.jwt.jwksUrl = 'jwks.json'))),
      'jwt.jwksUrl: must be an absolute https:// URL',
    ],
    [
      'a JWKS URL over plain http to another host',
      edit((file) => ((file.jwt.secret = null), (file.jwt.jwksUrl = 'http://shop.example/jwks'))),
      'jwt.jwksUrl: must use https:// (http:// only on a loopback address)',
    ],
    [
      'a JWKS URL with credentials',
      edit((file) => ((file.jwt.secret = null), (file.jwt.jwksUrl = 'https://user:SECRET@shop.example/jwks'))),
      'jwt.jwksUrl: must not contain credentials',
    ],
    [
      'a seller claim the gateway reads itself',
      edit((file) => (file.jwt.sellerClaim = 'sub')),
      'jwt.sellerClaim: "sub" is a claim the gateway reads for itself; name another',
    ],
    [
      'an unknown allowed scope',
      edit((file) => (file.jwt.allowedScopes = ['checkout', 'refunds'])),
      `jwt.allowedScopes[1]: unknown scope "refunds" ${KNOWN}`,
    ],
    [
      'no allowed scope',
      edit((file) => (file.jwt.allowedScopes = [])),
      'jwt.allowedScopes: must list at least one scope',
    ],
  ];

  it.each(cases)('%s', (_name, file, message) => {
    const text = problem(file);
    expect(text).toBe(message);
    expect(text).not.toContain('\n');
    expect(text).not.toMatch(/SECRET|APP_USR|sha256:[0-9a-f]/);
  });

  it('never quotes a value that came from the environment, or one that is not a plain name', () => {
    expect(
      problem(
        edit((file) => (file.keys[1].seller = { env: 'SELLER' })),
        { ...AUTH_ENV, SELLER: 'SECRET' },
      ),
    ).toBe('keys[1].seller: unknown seller (value not shown)');
    expect(problem(edit((file) => (file.keys[1].seller = 'APP_USR-SECRET and more')))).toBe(
      'keys[1].seller: unknown seller (value not shown)',
    );
    expect(problem(edit((file) => (file.keys[1].scopes = [{ env: 'JWT_SECRET' }])))).toBe(
      `keys[1].scopes[0]: unknown scope (value not shown) ${KNOWN}`,
    );
  });

  it('says the first problem in the order of the file: sellers, then keys, then jwt', () => {
    const file = edit((f) => {
      f.keys[0].seller = 'nobody';
      f.jwt.issuer = 7;
    });
    expect(problem(file)).toBe('keys[0].seller: unknown seller "nobody"');
  });
});

describe('{ "env": "NAME" } values', () => {
  it('name the variable when it is unset or empty, and never show another value', () => {
    const { MP_TOKEN_MAIN: _unset, ...rest } = AUTH_ENV;
    expect(problem(goodFile(), rest)).toBe(
      'sellers.main.mercadoPago.accessToken: environment variable MP_TOKEN_MAIN is not set',
    );
    expect(problem(goodFile(), { ...AUTH_ENV, ML_SECRET: '  ' })).toBe(
      'sellers.main.mercadoLibre.clientSecret: environment variable ML_SECRET is not set',
    );
    expect(problem(goodFile(), { ...AUTH_ENV, JWT_SECRET: undefined })).toBe(
      'jwt.secret: environment variable JWT_SECRET is not set',
    );
  });

  it('are checked like the string they stand for', () => {
    expect(problem(goodFile(), { ...AUTH_ENV, JWT_SECRET: 'SECRET-short' })).toBe(
      'jwt.secret: must be at least 32 bytes',
    );
    expect(problem(goodFile(), { ...AUTH_ENV, MP_TOKEN_MAIN: 'APP_USR-SECRET two' })).toBe(
      'sellers.main.mercadoPago.accessToken: must be visible ASCII characters without spaces',
    );
  });
});

describe('loadAuthFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpgraph-auth-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the file and checks it', () => {
    const path = join(dir, 'keys.json');
    writeFileSync(path, JSON.stringify(goodFile()));
    expect(loadAuthFile(path, AUTH_ENV).keys).toHaveLength(2);
    writeFileSync(path, JSON.stringify(edit((file) => (file.keys[0].seller = 'x'))));
    expect(() => loadAuthFile(path, AUTH_ENV)).toThrow(new AuthFileError('keys[0].seller', 'unknown seller "x"'));
  });

  it('says what is wrong with a path that is missing, a folder or too large', () => {
    expect(() => loadAuthFile(join(dir, 'absent.json'), AUTH_ENV)).toThrow('auth file: cannot be read (ENOENT)');
    expect(() => loadAuthFile(dir, AUTH_ENV)).toThrow('auth file: is not a regular file');
    const big = join(dir, 'big.json');
    writeFileSync(big, ' '.repeat(1024 * 1024 + 1));
    expect(() => loadAuthFile(big, AUTH_ENV)).toThrow('auth file: is larger than 1 MiB');
  });
});
