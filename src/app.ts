// Composition root: config → embedded sandbox (when MP_API_URL is unset) → gateway, wired
// together. `npm start` (src/main.ts) runs it and prints its banner; tests start it in-process.
import { randomBytes } from 'node:crypto';
import { loadConfig, type Config, type ResolvedConfig } from './config';
import { sandboxExplorer } from './gateway/explorer';
import { createGateway, type RunningGateway } from './gateway/server';
import { webhookUrls } from './gateway/webhooks';
import { OAUTH_APPLICATION, startSandbox, USERS, type RunningSandbox } from './sandbox';

/**
 * Where the embedded sandbox sends notifications: the gateway's routes unless SANDBOX_*_NOTIFICATION_URL says
 * otherwise.
 */
interface Wiring {
  mpNotificationUrl: string;
  mlNotificationUrl: string;
}

// Never prints the secret, only where it came from.
const notificationLines = (gatewayUrl: string, wiring: Wiring | null, config: Config): string[] => {
  const urls = webhookUrls(gatewayUrl);
  const verified = config.mpWebhookSecret
    ? 'verified with MP_WEBHOOK_SECRET'
    : wiring
      ? 'verified with a secret generated for this process and shared with the embedded sandbox'
      : 'refusing every webhook: MP_WEBHOOK_SECRET is unset';
  const lines = [`Webhooks: POST ${urls.mercadopago} (${verified}), POST ${urls.mercadolibre}`];
  if (wiring) {
    const to = (url: string, ours: string) => (url === ours ? 'wired to the gateway' : `sent to ${url}`);
    lines.push(
      `Sandbox notifications: Mercado Pago webhooks ${to(wiring.mpNotificationUrl, urls.mercadopago)}, signed; ` +
        `Mercado Libre notifications ${to(wiring.mlNotificationUrl, urls.mercadolibre)}`,
    );
  }
  return lines;
};

export const banner = (
  gatewayUrl: string,
  sandboxUrl: string | null,
  wiring: Wiring | null,
  config: Config,
): string => {
  const lines = [
    `mpgraph gateway: ${gatewayUrl}/graphql${config.nodeEnv === 'production' ? '' : ` (Apollo Sandbox: ${gatewayUrl}/)`}`,
  ];
  if (config.explorer) lines.push(`Explorer (GraphiQL, works offline): ${gatewayUrl}/explorer/`);
  if (!sandboxUrl) {
    lines.push(`Upstream: Mercado Pago ${config.mpApiUrl}, Mercado Libre ${config.mlApiUrl}`);
    lines.push(...notificationLines(gatewayUrl, wiring, config));
    return lines.join('\n');
  }
  lines.push(`Embedded sandbox (Mercado Pago and Mercado Libre API emulator): ${sandboxUrl}`);
  lines.push(`Sandbox control API: ${config.sandbox.control ? `${sandboxUrl}/__sandbox/` : 'off'}`);
  lines.push(...notificationLines(gatewayUrl, wiring, config));
  lines.push('', 'Sandbox test tokens (send one as a bearer token):');
  for (const u of USERS)
    lines.push(`  ${u.access_token.padEnd(24)} ${u.role.padEnd(6)} ${u.nickname.padEnd(12)} ${u.site_id}`);
  lines.push(
    `Sandbox OAuth application (POST ${sandboxUrl}/oauth/token): client id ${OAUTH_APPLICATION.client_id}, ` +
      `secret ${OAUTH_APPLICATION.client_secret}`,
  );
  const seller = USERS.find((u) => u.access_token === 'TEST-SELLER-277582551') ?? USERS[0];
  // No Authorization header line anywhere (no credential is ever printed as a header): curl's
  // --oauth2-bearer sends the token.
  lines.push(
    '',
    'Try it:',
    `  TOKEN=${seller.access_token}`,
    `  curl -s ${gatewayUrl}/graphql --oauth2-bearer "$TOKEN" -H 'Content-Type: application/json' \\`,
    `    -d '{"query":"{ payment(id: \\"3506756222\\") { id status amount { amount currency } installments card { lastFourDigits } } }"}'`,
  );
  return lines.join('\n');
};

export interface RunningApp {
  config: Config;
  gateway: RunningGateway;
  /** The embedded sandbox; null when MP_API_URL / ML_API_URL point at real APIs. */
  sandbox: RunningSandbox | null;
  /** What `npm start` prints: URLs, test tokens, a first request. */
  banner: string;
  close(): Promise<void>;
}

/** Starts the whole product from an environment; throws ConfigError for a bad variable. */
export const startApp = async (env: NodeJS.ProcessEnv): Promise<RunningApp> => {
  const config = loadConfig(env);
  const embedded = config.mpApiUrl === null;
  // Embedded, the sandbox signs and the gateway verifies: without MP_WEBHOOK_SECRET they share a
  // random secret that lives in this process only. Not embedded, no secret means no webhooks
  // accepted (never unsigned ones).
  const webhookSecret = config.mpWebhookSecret ?? (embedded ? randomBytes(32).toString('hex') : null);
  const sandbox = embedded
    ? await startSandbox({
        port: config.sandbox.port,
        host: '127.0.0.1', // the embedded sandbox is for this machine only
        control: config.sandbox.control,
        mpNotificationUrl: config.sandbox.mpNotificationUrl,
        mlNotificationUrl: config.sandbox.mlNotificationUrl,
        webhookSecret,
        tokenTtlS: config.sandbox.tokenTtlS,
      })
    : null;
  let gateway: RunningGateway;
  try {
    const resolved: ResolvedConfig = {
      ...config,
      mpApiUrl: config.mpApiUrl ?? sandbox!.url,
      mlApiUrl: config.mlApiUrl ?? sandbox!.url,
    };
    // With the embedded sandbox, Apollo Sandbox opens on an example with a test token preset.
    gateway = await createGateway(resolved, {
      env,
      mpWebhookSecret: webhookSecret,
      ...(sandbox ? { explorer: sandboxExplorer(USERS.map((u) => u.access_token)) } : {}),
    });
  } catch (err) {
    await sandbox?.close();
    throw err;
  }
  let wiring: Wiring | null = null;
  if (sandbox) {
    // Only now is the gateway's port known (PORT=0 picks one).
    const urls = webhookUrls(gateway.url);
    wiring = {
      mpNotificationUrl: config.sandbox.mpNotificationUrl ?? urls.mercadopago,
      mlNotificationUrl: config.sandbox.mlNotificationUrl ?? urls.mercadolibre,
    };
    sandbox.configureNotifications(wiring);
  }
  return {
    config,
    gateway,
    sandbox,
    banner: banner(gateway.url, sandbox?.url ?? null, wiring, config),
    close: async () => {
      // The sandbox first: its pending deliveries are cancelled before the gateway stops listening.
      await sandbox?.close().catch(() => undefined);
      await gateway.close().catch(() => undefined);
    },
  };
};
