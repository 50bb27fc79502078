// Auth files for the src/auth tests: a good one to start from, the environment its `{ "env" }`
// values read, and the gateway keys its hashes were made from. Every secret in here contains
// "SECRET", so a test can assert that no message or log line carries one.
import { keyHash } from '../../src/auth/keys';

export const BACK_OFFICE_KEY = 'mpg_' + 'A'.repeat(42) + 'w';
export const REPORTS_KEY = 'mpg_' + 'B'.repeat(42) + 'g';

export const JWT_SECRET = 'SECRET-jwt-0123456789abcdef0123456789';

export const AUTH_ENV: Readonly<Record<string, string>> = {
  MP_TOKEN_MAIN: 'APP_USR-SECRET-mp-main',
  ML_SECRET: 'SECRET-ml-client',
  JWT_SECRET,
};

/** A fresh copy of a good auth file's JSON (one seller, two keys, HS256 JWTs). */
export const goodFile = (): any => ({
  passthrough: false,
  sellers: {
    main: {
      mercadoPago: { accessToken: { env: 'MP_TOKEN_MAIN' } },
      mercadoLibre: {
        accessToken: 'APP_USR-SECRET-ml-main',
        refreshToken: 'TG-SECRET-refresh',
        clientId: '123',
        clientSecret: { env: 'ML_SECRET' },
        expiresAt: '2030-01-31T12:00:00Z',
      },
    },
  },
  keys: [
    {
      name: 'back-office',
      keyHash: keyHash(BACK_OFFICE_KEY),
      seller: 'main',
      scopes: ['payments:read', 'payments:write', 'customers:read', 'customers:write', 'orders:read'],
    },
    { name: 'reports', keyHash: keyHash(REPORTS_KEY), seller: 'main', scopes: ['payments:read', 'orders:read'] },
  ],
  jwt: {
    issuer: 'https://shop.example',
    audience: 'mpgraph',
    secret: { env: 'JWT_SECRET' },
    jwksUrl: null,
    sellerClaim: 'seller',
    allowedScopes: ['checkout', 'payments:read'],
  },
});

/** A second seller, for the rules that need more than one. */
export const otherSeller = (): any => ({
  mercadoPago: { accessToken: 'APP_USR-SECRET-mp-other' },
  mercadoLibre: { accessToken: 'APP_USR-SECRET-ml-other' },
});
