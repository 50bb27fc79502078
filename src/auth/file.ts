// The auth file (GATEWAY_KEYS_FILE, README.md "Configuration"): which sellers the gateway acts for
// and with which upstream tokens, which gateway keys may call and with what scopes, whether session
// JWTs are accepted and how they are checked, and whether any other bearer is passed through.
//
// parseAuthFile() is pure (text and environment in, a frozen AuthConfig out); loadAuthFile() reads
// the file first. A file that breaks any rule throws AuthFileError, whose message is one line: the
// JSON path of the field and the problem (`keys[1].seller: unknown seller "x"`). Messages quote names
// (sellers, keys, scopes), never a token, a secret or a hash.
//
// Any string of the file may be written `{ "env": "NAME" }` instead: it is read from the environment
// when the file is loaded (each reload reads it again), and an unset or empty variable is an error
// naming the variable.
import { readFileSync, statSync } from 'node:fs';
import { isObject } from '../lib/json';
import { KEY_HASH } from './keys';
import { redacted } from './redact';
import { DEFAULT_JWT_SCOPES, isScope, NAME, NAME_RULE, SCOPES, type Scope } from './scopes';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * A seller's tokens for one upstream: the access token, and when all three refresh fields are given,
 * what src/gateway/sellerTokens.ts renews it with (README.md, "Calling it from a browser").
 */
export interface UpstreamCredentials {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly clientId: string | null;
  readonly clientSecret: string | null;
  /** When the access token expires, as the file wrote it (ISO 8601 with a zone); null: not said. */
  readonly expiresAt: string | null;
}

/**
 * A seller the gateway acts for. Both tokens are required: payments and customers are Mercado
 * Pago's, orders are read from Mercado Libre with the seller's Mercado Libre token.
 */
export interface SellerConfig {
  readonly name: string;
  readonly mercadoPago: UpstreamCredentials;
  readonly mercadoLibre: UpstreamCredentials;
}

/** One gateway key of the file: its name, the SHA-256 of the key, its seller and its scopes. */
export interface KeyEntry {
  readonly name: string;
  /** `sha256:` and 64 lowercase hex digits. */
  readonly keyHash: string;
  readonly seller: string;
  /** Never `checkout`. */
  readonly scopes: ReadonlySet<Scope>;
}

export type JwtAlgorithm = 'HS256' | 'RS256' | 'ES256';

/** How session JWTs are checked. Exactly one of `secret` and `jwksUrl` is set. */
export interface JwtConfig {
  readonly issuer: string;
  readonly audience: string;
  /** The HS256 secret (at least 32 bytes), or null. */
  readonly secret: string | null;
  /** Where the issuer publishes its RS256/ES256 public keys (https, or http on loopback), or null. */
  readonly jwksUrl: string | null;
  /** HS256 with a secret; RS256 and ES256 with a JWKS. Any other `alg`, `none` included, is refused. */
  readonly algorithms: readonly JwtAlgorithm[];
  /** The claim naming the seller (default `seller`). */
  readonly sellerClaim: string;
  /** The only scopes a JWT's `scope` claim may grant (default `checkout payments:read`). */
  readonly allowedScopes: ReadonlySet<Scope>;
}

export interface AuthConfig {
  /** Whether a bearer that is neither a gateway key nor a JWT is forwarded upstream (default false). */
  readonly passthrough: boolean;
  /** By name; at least one. */
  readonly sellers: ReadonlyMap<string, SellerConfig>;
  readonly keys: readonly KeyEntry[];
  /** null: session JWTs are refused. */
  readonly jwt: JwtConfig | null;
}

/** A broken auth file: `path` is the JSON path of the field ('' for the whole file). */
export class AuthFileError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path === '' ? 'auth file' : path}: ${problem}`);
    this.name = 'AuthFileError';
  }
}

/** Larger than any sensible auth file: refused before it is parsed. */
const MAX_BYTES = 1024 * 1024;

const fail = (path: string, problem: string): never => {
  throw new AuthFileError(path, problem);
};

/**
 * A value written in the file, quoted in a message only when it is a short plain name (a seller, a
 * scope); a value read from the environment, or anything else, is never quoted.
 */
const quote = (node: unknown): string =>
  typeof node === 'string' && /^[A-Za-z0-9_.:-]{1,64}$/.test(node) ? `"${node}"` : '(value not shown)';

/** `path.name`, or `path["a name"]` for a name that is not an identifier (a field name is never a secret). */
const field = (path: string, name: string): string =>
  /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/.test(name)
    ? `${path}${path === '' ? '' : '.'}${name}`
    : `${path}[${JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}…` : name)}]`;

/** A JSON object with only the given fields. */
const object = (node: unknown, path: string, fields: readonly string[]): Record<string, unknown> => {
  if (!isObject(node)) return fail(path, 'must be a JSON object');
  for (const name of Object.keys(node))
    if (!fields.includes(name)) fail(field(path, name), `unknown field (expected one of ${fields.join(', ')})`);
  return node;
};

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** A string of the file, or `{ "env": "NAME" }` read from the environment; undefined and null are absent. */
const optionalText = (node: unknown, path: string, env: Env): string | null => {
  if (node === undefined || node === null) return null;
  let value: string;
  if (typeof node === 'string') value = node;
  else if (isObject(node) && Object.keys(node).length === 1 && typeof node.env === 'string') {
    if (!ENV_NAME.test(node.env)) return fail(path, 'env must name an environment variable (letters, digits, "_")');
    const found = env[node.env];
    if (found === undefined || found.trim() === '') return fail(path, `environment variable ${node.env} is not set`);
    value = found;
  } else return fail(path, 'must be a string or { "env": "NAME" }');
  if (value === '') fail(path, 'must not be empty');
  return value;
};

const text = (node: unknown, path: string, env: Env): string => optionalText(node, path, env) ?? fail(path, 'required');

/** A token or secret: it travels in an HTTP header, so visible ASCII without spaces. */
const token = (value: string, path: string): string =>
  /^[\x21-\x7e]+$/.test(value) ? value : fail(path, 'must be visible ASCII characters without spaces');

const name = (value: string, path: string): string => (NAME.test(value) ? value : fail(path, `must be ${NAME_RULE}`));

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const credentials = (node: unknown, path: string, env: Env, why: string): UpstreamCredentials => {
  if (node === undefined || node === null) return fail(path, `required (${why})`);
  const o = object(node, path, ['accessToken', 'refreshToken', 'clientId', 'clientSecret', 'expiresAt']);
  const optionalToken = (key: string): string | null => {
    const value = optionalText(o[key], field(path, key), env);
    return value === null ? null : token(value, field(path, key));
  };
  const accessToken = token(text(o.accessToken, field(path, 'accessToken'), env), field(path, 'accessToken'));
  const refreshToken = optionalToken('refreshToken');
  const clientId = optionalToken('clientId');
  const clientSecret = optionalToken('clientSecret');
  const expiresAt = optionalText(o.expiresAt, field(path, 'expiresAt'), env);
  if (expiresAt !== null && !(INSTANT.test(expiresAt) && Number.isFinite(Date.parse(expiresAt))))
    fail(field(path, 'expiresAt'), 'must be an ISO 8601 instant with a zone, like 2025-01-31T12:00:00Z');
  return redacted({ accessToken, refreshToken, clientId, clientSecret, expiresAt }, [
    'accessToken',
    'refreshToken',
    'clientSecret',
  ]);
};

const sellers = (node: unknown, env: Env): Map<string, SellerConfig> => {
  if (node === undefined || node === null) return fail('sellers', 'required (at least one seller)');
  if (!isObject(node)) return fail('sellers', 'must be a JSON object of sellers by name');
  const found = new Map<string, SellerConfig>();
  for (const [key, value] of Object.entries(node)) {
    if (!NAME.test(key)) fail(field('sellers', key), `a seller's name must be ${NAME_RULE}`);
    const path = field('sellers', key);
    const o = object(value, path, ['mercadoPago', 'mercadoLibre']);
    const mercadoPago = credentials(o.mercadoPago, field(path, 'mercadoPago'), env, 'payments and customers use it');
    const mercadoLibre = credentials(o.mercadoLibre, field(path, 'mercadoLibre'), env, 'orders are read with it');
    found.set(key, Object.freeze({ name: key, mercadoPago, mercadoLibre }));
  }
  if (found.size === 0) fail('sellers', 'must name at least one seller');
  return found;
};

const scopeList = (node: unknown, path: string, env: Env, forKey: boolean): Set<Scope> => {
  if (!Array.isArray(node)) return fail(path, 'must be an array of scopes');
  if (node.length === 0) fail(path, 'must list at least one scope');
  const found = new Set<Scope>();
  node.forEach((item, i) => {
    const scope = text(item, `${path}[${i}]`, env);
    if (!isScope(scope)) fail(`${path}[${i}]`, `unknown scope ${quote(item)} (known: ${SCOPES.join(', ')})`);
    if (forKey && scope === 'checkout')
      fail(`${path}[${i}]`, '"checkout" is for session JWTs only, never a gateway key');
    found.add(scope as Scope);
  });
  return found;
};

const keys = (node: unknown, known: ReadonlyMap<string, SellerConfig>, env: Env): KeyEntry[] => {
  if (node === undefined || node === null) return [];
  if (!Array.isArray(node)) return fail('keys', 'must be an array of keys');
  const byName = new Map<string, number>();
  const byHash = new Map<string, number>();
  return node.map((item, i) => {
    const path = `keys[${i}]`;
    const o = object(item, path, ['name', 'keyHash', 'seller', 'scopes']);
    const keyName = name(text(o.name, `${path}.name`, env), `${path}.name`);
    const other = byName.get(keyName);
    if (other !== undefined) fail(`${path}.name`, `${quote(o.name)} is already the name of keys[${other}]`);
    byName.set(keyName, i);
    const hash = text(o.keyHash, `${path}.keyHash`, env).toLowerCase();
    if (!KEY_HASH.test(hash)) fail(`${path}.keyHash`, 'must be "sha256:" and 64 hex digits (npm run keys -- hash KEY)');
    const same = byHash.get(hash);
    if (same !== undefined) fail(`${path}.keyHash`, `the same key as keys[${same}]`);
    byHash.set(hash, i);
    const seller = text(o.seller, `${path}.seller`, env);
    if (!known.has(seller)) fail(`${path}.seller`, `unknown seller ${quote(o.seller)}`);
    const scopes = scopeList(o.scopes, `${path}.scopes`, env, true);
    return Object.freeze({ name: keyName, keyHash: hash, seller, scopes });
  });
};

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** JWT claims the gateway reads itself: none of them can name the seller. */
const RESERVED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'scope', 'checkout'];

const jwksUrl = (value: string, path: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(path, 'must be an absolute https:// URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname)))
    fail(path, 'must use https:// (http:// only on a loopback address)');
  if (url.username || url.password) fail(path, 'must not contain credentials');
  if (url.hash) fail(path, 'must not contain a fragment');
  return url.href;
};

const jwt = (node: unknown, env: Env): JwtConfig | null => {
  if (node === undefined || node === null) return null;
  const o = object(node, 'jwt', ['issuer', 'audience', 'secret', 'jwksUrl', 'sellerClaim', 'allowedScopes']);
  const issuer = text(o.issuer, 'jwt.issuer', env);
  const audience = text(o.audience, 'jwt.audience', env);
  const secret = optionalText(o.secret, 'jwt.secret', env);
  const url = optionalText(o.jwksUrl, 'jwt.jwksUrl', env);
  if (secret !== null && url !== null) fail('jwt', 'set exactly one of secret and jwksUrl, not both');
  if (secret === null && url === null) fail('jwt', 'set one of secret (HS256) or jwksUrl (RS256, ES256)');
  if (secret !== null && Buffer.byteLength(secret, 'utf8') < 32) fail('jwt.secret', 'must be at least 32 bytes');
  const sellerClaim = optionalText(o.sellerClaim, 'jwt.sellerClaim', env) ?? 'seller';
  if (RESERVED_CLAIMS.includes(sellerClaim))
    fail('jwt.sellerClaim', `${quote(o.sellerClaim)} is a claim the gateway reads for itself; name another`);
  if (sellerClaim.length > 256) fail('jwt.sellerClaim', 'must be at most 256 characters');
  const allowedScopes =
    o.allowedScopes === undefined || o.allowedScopes === null
      ? new Set(DEFAULT_JWT_SCOPES)
      : scopeList(o.allowedScopes, 'jwt.allowedScopes', env, false);
  return redacted(
    {
      issuer,
      audience,
      secret,
      jwksUrl: url === null ? null : jwksUrl(url, 'jwt.jwksUrl'),
      algorithms: Object.freeze<JwtAlgorithm[]>(secret !== null ? ['HS256'] : ['RS256', 'ES256']),
      sellerClaim,
      allowedScopes,
    },
    ['secret'],
  );
};

const NUMBER_OR_WORD = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Where `text` stops being JSON, as " at line L, column C" (JSON.parse's own message may quote the
 * file, so it is not shown), or '' when it cannot tell (nesting too deep to walk).
 */
const whereJsonBreaks = (text: string): string => {
  let i = 0;
  const stop = (): never => {
    throw i;
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const expect = (char: string): void => {
    space();
    if (text[i] !== char) stop();
    i++;
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      if (i >= text.length || text[i] < ' ') stop();
      if (text[i] === '"') return void i++;
      if (text[i] === '\\') {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) stop();
        i = ESCAPE.lastIndex;
      } else i++;
    }
  };
  const members = (close: string, member: () => void): void => {
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      member();
      space();
      if (text[i] === close) return void i++;
      expect(',');
    }
  };
  const value = (): void => {
    space();
    if (text[i] === '{') return void (i++, members('}', () => (string(), expect(':'), value())));
    if (text[i] === '[') return void (i++, members(']', value));
    if (text[i] === '"') return string();
    NUMBER_OR_WORD.lastIndex = i;
    if (!NUMBER_OR_WORD.test(text)) stop();
    i = NUMBER_OR_WORD.lastIndex;
  };
  try {
    value();
    space();
    if (i < text.length) stop();
    return '';
  } catch (at) {
    if (typeof at !== 'number') return '';
    const before = text.slice(0, at).split('\n');
    return ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
  }
};

/** The auth file's text → AuthConfig, or AuthFileError naming the first problem. */
export const parseAuthFile = (source: string, env: Env): AuthConfig => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    return fail('', `not valid JSON${whereJsonBreaks(source)}`);
  }
  const o = object(parsed, '', ['passthrough', 'sellers', 'keys', 'jwt']);
  if (o.passthrough !== undefined && o.passthrough !== null && typeof o.passthrough !== 'boolean')
    fail('passthrough', 'must be true or false');
  const known = sellers(o.sellers, env);
  return Object.freeze({
    passthrough: o.passthrough === true,
    sellers: known,
    keys: Object.freeze(keys(o.keys, known, env)),
    jwt: jwt(o.jwt, env),
  });
};

/** The file's text (UTF-8), or AuthFileError: unreadable, not a file, or over 1 MiB. */
export const readAuthFile = (path: string): string => {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return fail('', 'is not a regular file');
    size = stat.size;
  } catch (error) {
    if (error instanceof AuthFileError) throw error;
    return fail('', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (size > MAX_BYTES) fail('', 'is larger than 1 MiB');
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return fail('', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
};

/** Reads and checks the auth file at `path`; throws AuthFileError (one line, no secret) when it is broken. */
export const loadAuthFile = (path: string, env: Env): AuthConfig => parseAuthFile(readAuthFile(path), env);
