// `npm run example`: the gateway and its embedded sandbox (src/app.ts), told by an auth file to trust this shop's
// session JWTs, and the shop's backend (backend.ts) serving the page built into dist/checkout. The browser tests
// (test/e2e/checkout.test.ts) start the same thing.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startApp, type RunningApp } from '../../../src/app';
import { startBackend, type RunningBackend } from './backend';

/** The sandbox's Brazilian test seller: its access token (held by the gateway) and its public key (the page's). */
export const SELLER = { accessToken: 'TEST-SELLER-169648308', publicKey: 'TEST-PUBLIC-169648308' } as const;

const ISSUER = 'https://shop.example';
const AUDIENCE = 'mpgraph';
const SECRET_ENV = 'CHECKOUT_EXAMPLE_JWT_SECRET';

/** The repository's root, from this file's place in the sources or in dist/. */
const root = (): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (package.json) above ' + __dirname);
    dir = up;
  }
  return dir;
};

/** Where `npm run build:example` puts the page. */
export const PAGE_DIR = join(root(), 'dist', 'checkout');

export interface RunningExample {
  app: RunningApp;
  backend: RunningBackend;
  close(): Promise<void>;
}

export interface ExampleOptions {
  /** The gateway's environment (PORT, SANDBOX_PORT, LOG_LEVEL, …); the auth file is added. */
  env?: NodeJS.ProcessEnv;
  /** The shop's port (0: any free one). */
  port?: number;
}

export const startExample = async (options: ExampleOptions = {}): Promise<RunningExample> => {
  const env = options.env ?? process.env;
  if (env.MP_API_URL || env.ML_API_URL)
    throw new Error('the checkout example runs on the embedded sandbox: unset MP_API_URL and ML_API_URL');
  if (!existsSync(join(PAGE_DIR, 'index.html')))
    throw new Error(`the page is not built: run \`npm run build:example\` (no ${join(PAGE_DIR, 'index.html')})`);
  // The gateway's auth file: one seller (the sandbox's), session JWTs signed with this run's secret, and test
  // tokens still passed through, so the explorers keep working beside the shop.
  const secret = randomBytes(32).toString('base64url');
  const dir = mkdtempSync(join(tmpdir(), 'mpgraph-checkout-'));
  const authFile = join(dir, 'auth.json');
  writeFileSync(
    authFile,
    JSON.stringify({
      passthrough: true,
      sellers: {
        shop: { mercadoPago: { accessToken: SELLER.accessToken }, mercadoLibre: { accessToken: SELLER.accessToken } },
      },
      keys: [],
      jwt: {
        issuer: ISSUER,
        audience: AUDIENCE,
        secret: { env: SECRET_ENV },
        allowedScopes: ['checkout', 'payments:read', 'orders:read'],
      },
    }),
    { mode: 0o600 },
  );
  let app: RunningApp | null = null;
  try {
    app = await startApp({ ...env, GATEWAY_KEYS_FILE: authFile, [SECRET_ENV]: secret });
    const backend = await startBackend({
      gatewayUrl: `${app.gateway.url}/graphql`,
      cardTokens: { api: app.sandbox!.url, publicKey: SELLER.publicKey },
      jwt: { issuer: ISSUER, audience: AUDIENCE, secret },
      seller: 'shop',
      pageDir: PAGE_DIR,
      port: options.port ?? 0,
    });
    const running = app;
    return {
      app: running,
      backend,
      close: async () => {
        await backend.close();
        await running.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
};
