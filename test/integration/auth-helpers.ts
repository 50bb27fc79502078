// Shared by the auth-*.test.ts suites: a temporary auth file naming the sandbox's sellers, gateway keys
// with the scopes a test gives them, session JWTs signed as a merchant's backend would sign them (jose,
// HS256), the whole stack started with that file and a logger that keeps every line, a GraphQL client
// that keeps the raw body, and the upstream calls an operation made, read from the sandbox's request log.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, type JWTPayload } from 'jose';
import { keyHash, newKey, type Scope } from '../../src/auth';
import type { GatewayOptions } from '../../src/gateway/server';
import { createLogger, type LogLevel } from '../../src/lib/logger';
import { requests, TOKENS } from '../support/sandbox';
import { startStack, type Stack } from '../support/stack';
import { tokenize, CARDS } from './sandbox-payments-helpers';

export const ISSUER = 'https://backend.shop.example';
export const AUDIENCE = 'mpgraph';
/** This run's HS256 secret; the auth file reads it from the environment the gateway is given. */
export const JWT_SECRET = `jwt-${randomBytes(32).toString('base64url')}`;
export const JWT_SECRET_ENV = 'AUTH_TEST_JWT_SECRET';

/** The sellers of every test auth file, and the sandbox tokens they call upstream with (both services). */
export const SELLER_TOKENS = { main: TOKENS.sellerMLB, mlm: TOKENS.sellerMLM } as const;
export type Seller = keyof typeof SELLER_TOKENS;

export interface TestKey {
  readonly name: string;
  /** The key itself (`mpg_…`); the file holds only its hash. */
  readonly key: string;
  readonly seller: Seller;
  readonly scopes: readonly Scope[];
}

export const testKey = (name: string, scopes: readonly Scope[], seller: Seller = 'main'): TestKey => ({
  name,
  key: newKey(),
  seller,
  scopes,
});

/** A good auth file: two sellers, the keys given, HS256 session JWTs (default allowed scopes). */
export const authFileJson = (keys: readonly TestKey[], options: { passthrough?: boolean } = {}): any => ({
  passthrough: options.passthrough ?? false,
  sellers: Object.fromEntries(
    Object.entries(SELLER_TOKENS).map(([name, token]) => [
      name,
      { mercadoPago: { accessToken: token }, mercadoLibre: { accessToken: token } },
    ]),
  ),
  keys: keys.map((k) => ({ name: k.name, keyHash: keyHash(k.key), seller: k.seller, scopes: k.scopes })),
  jwt: { issuer: ISSUER, audience: AUDIENCE, secret: { env: JWT_SECRET_ENV } },
});

export interface AuthFile {
  readonly path: string;
  /** Replaces the file at once (a new file renamed over it): the gateway never reads half of it. */
  write(content: unknown): void;
  remove(): void;
}

/** An auth file in a fresh directory under the system's temporary directory. */
export const tempAuthFile = (content: unknown): AuthFile => {
  const dir = mkdtempSync(join(tmpdir(), 'mpgraph-auth-'));
  const path = join(dir, 'auth.json');
  let version = 0;
  const write = (next: unknown): void => {
    const staged = join(dir, `next-${version++}.json`);
    writeFileSync(staged, typeof next === 'string' ? next : JSON.stringify(next, null, 2));
    renameSync(staged, path);
  };
  write(content);
  return { path, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

export interface AuthStack extends Stack {
  readonly file: AuthFile;
  /** Every line the gateway logged, in order. */
  readonly lines: string[];
}

/**
 * The sandbox and the gateway with `content` as its auth file (GATEWAY_KEYS_FILE), the JWT secret in
 * the gateway's environment, and its log kept in `lines`. stop() also removes the file's directory.
 */
export const startAuthStack = async (
  content: unknown,
  options: { env?: Record<string, string>; logLevel?: LogLevel; gateway?: GatewayOptions } = {},
): Promise<AuthStack> => {
  const file = tempAuthFile(content);
  const lines: string[] = [];
  try {
    const stack = await startStack(
      { GATEWAY_KEYS_FILE: file.path, ...options.env },
      {
        gateway: {
          log: createLogger(options.logLevel ?? 'info', (line) => lines.push(line)),
          env: { [JWT_SECRET_ENV]: JWT_SECRET },
          ...options.gateway,
        },
      },
    );
    return {
      ...stack,
      file,
      lines,
      stop: async () => {
        try {
          await stack.stop();
        } finally {
          file.remove();
        }
      },
    };
  } catch (err) {
    file.remove();
    throw err;
  }
};

/** The lines of `lines` (JSON) whose level and message are these. */
export const logged = (lines: readonly string[], level: LogLevel, msg: string): Record<string, unknown>[] =>
  lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.level === level && l.msg === msg);

export interface JwtClaims {
  /** null: no `sub` at all. */
  sub?: string | null;
  scope?: string;
  /** The seller claim; `main` unless said (null: none). */
  seller?: Seller | null;
  checkout?: unknown;
  iss?: string;
  aud?: string;
  /** Seconds since the epoch; now unless said. */
  iat?: number;
  /** Seconds since the epoch; 10 minutes after `iat` unless said. */
  exp?: number;
  nbf?: number;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A session JWT, HS256 with `secret` (this run's JWT_SECRET unless said). */
export const sessionJwt = async (claims: JwtClaims = {}, secret: string = JWT_SECRET): Promise<string> => {
  const payload: JWTPayload = {};
  if (claims.scope !== undefined) payload.scope = claims.scope;
  if (claims.seller !== null) payload.seller = claims.seller ?? 'main';
  if (claims.checkout !== undefined) payload.checkout = claims.checkout;
  const iat = claims.iat ?? nowSeconds();
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(claims.exp ?? iat + 600);
  if (claims.sub !== null) jwt.setSubject(claims.sub ?? 'buyer-1');
  if (claims.nbf !== undefined) jwt.setNotBefore(claims.nbf);
  return jwt.sign(new TextEncoder().encode(secret));
};

/** A JWT with `alg: none` and no signature, built by hand (jose will not make one). */
export const unsignedJwt = (payload: Record<string, unknown>): string => {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
};

/** The cart of the checkout sessions of these suites. */
export const CART = { amount: '250.00', externalReference: 'cart-123', maxAttempts: 3 } as const;

/** A checkout session for the cart, as the merchant's backend mints it for one buyer (`sub`). */
export const checkoutJwt = (sub: string, cart: unknown = CART): Promise<string> =>
  sessionJwt({ sub, scope: 'checkout', checkout: cart });

export interface Answer {
  status: number;
  /** The body as it came, to search for what must never be in it. */
  text: string;
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
  headers: Headers;
}

/** One GraphQL request over HTTP, with `Authorization: Bearer <token>` when a token is given. */
export const gql = async (
  gatewayUrl: string,
  query: string,
  options: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<Answer> => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  const res = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const text = await res.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: Answer['errors'] };
  return { status: res.status, text, data: body.data, errors: body.errors, headers: res.headers };
};

/** The error codes of an answer, in order. */
export const codes = (answer: Answer): (string | undefined)[] => (answer.errors ?? []).map((e) => e.extensions?.code);

/**
 * What `run` had the gateway ask upstream: the route (`POST /v1/payments`) of each request the sandbox
 * logged meanwhile, and those that are not reads (run alone: nothing else may call the sandbox meanwhile).
 */
export const callsDuring = async <T>(
  sandboxUrl: string,
  run: () => Promise<T>,
): Promise<{ result: T; calls: string[]; writes: string[] }> => {
  const before = (await requests(sandboxUrl)).total;
  const result = await run();
  const after = await requests(sandboxUrl);
  const made = after.total - before;
  const calls = made === 0 ? [] : after.requests.slice(-made).map((r) => r.route);
  return { result, calls, writes: calls.filter((call) => !call.startsWith('GET ')) };
};

/** Polls `check` every 100 ms until it holds; throws after `timeoutMs`. Returns the time it took. */
export const eventually = async (what: string, check: () => Promise<boolean>, timeoutMs = 5000): Promise<number> => {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** A card token of the `main` seller (an MLB Visa); the cardholder name picks the outcome (APRO, OTHE…). */
export const mainCardToken = (name = 'APRO'): Promise<string> => tokenize(SELLER_TOKENS.main, CARDS.MLB.visa, name);

export const PAY = `mutation Pay($input: CreatePaymentInput!) {
  createPayment(input: $input) {
    payment { id status statusDetail amount { amount currency } }
    userErrors { code field message }
  }
}`;

/** The fields a checkout session may read of its own payment. */
export const RECEIPT = `query Receipt($id: ID!) {
  payment(id: $id) {
    id status statusDetail statusMessage
    amount { amount currency }
    installments
    installmentAmount { amount currency }
    card { lastFourDigits paymentMethod { id } }
    dateCreated dateApproved
  }
}`;

/** createPayment's input for the cart: its amount, a new idempotency key, one installment, a payer e-mail. */
export const cartInput = (token: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  idempotencyKey: randomUUID(),
  token,
  amount: CART.amount,
  installments: 1,
  payer: { email: 'test_payer_12345@testuser.com' },
  ...overrides,
});
