// Composition root (`npm start`): config → embedded sandbox (when MP_API_URL is unset) → gateway.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, type Config, type ResolvedConfig } from './config';
import { createGateway, type RunningGateway } from './gateway/server';
import { webhookUrls } from './gateway/webhooks';
import { startSandbox, USERS, type RunningSandbox } from './sandbox';

/** Where the embedded sandbox sends notifications: the gateway's routes unless SANDBOX_*_NOTIFICATION_URL says otherwise. */
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

const banner = (gatewayUrl: string, sandboxUrl: string | null, wiring: Wiring | null, config: Config): string => {
  const lines = [`mpgraph gateway: ${gatewayUrl}/graphql${config.nodeEnv === 'production' ? '' : ` (Apollo Sandbox: ${gatewayUrl}/)`}`];
  if (!sandboxUrl) {
    lines.push(`Upstream: Mercado Pago ${config.mpApiUrl}, Mercado Libre ${config.mlApiUrl}`);
    lines.push(...notificationLines(gatewayUrl, wiring, config));
    return lines.join('\n');
  }
  lines.push(`Embedded sandbox (Mercado Pago and Mercado Libre API emulator): ${sandboxUrl}`);
  lines.push(`Sandbox control API: ${config.sandbox.control ? `${sandboxUrl}/__sandbox/` : 'off'}`);
  lines.push(...notificationLines(gatewayUrl, wiring, config));
  lines.push('', 'Sandbox test tokens (send one as a bearer token):');
  for (const u of USERS) lines.push(`  ${u.access_token.padEnd(24)} ${u.role.padEnd(6)} ${u.nickname.padEnd(12)} ${u.site_id}`);
  const seller = USERS.find((u) => u.access_token === 'TEST-SELLER-277582551') ?? USERS[0];
  // No Authorization header line anywhere (DESIGN §2): curl's --oauth2-bearer sends the token.
  lines.push(
    '',
    'Try it:',
    `  TOKEN=${seller.access_token}`,
    `  curl -s ${gatewayUrl}/graphql --oauth2-bearer "$TOKEN" -H 'Content-Type: application/json' \\`,
    `    -d '{"query":"{ payment(id: \\"3506756222\\") { id status amount { amount currency } installments card { lastFourDigits } } }"}'`,
  );
  return lines.join('\n');
};

const main = async (): Promise<void> => {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`mpgraph: invalid configuration: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }

  let sandbox: RunningSandbox | null = null;
  let gateway: RunningGateway | null = null;
  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await gateway?.close().catch(() => undefined);
    await sandbox?.close().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    const embedded = config.mpApiUrl === null;
    // Embedded, the sandbox signs and the gateway verifies: without MP_WEBHOOK_SECRET they share a
    // random secret that lives in this process only. Not embedded, no secret means no webhooks
    // accepted (never unsigned ones).
    const webhookSecret = config.mpWebhookSecret ?? (embedded ? randomBytes(32).toString('hex') : null);
    if (embedded) {
      sandbox = await startSandbox({
        port: config.sandbox.port,
        host: '127.0.0.1', // the embedded sandbox is for this machine only
        control: config.sandbox.control,
        mpNotificationUrl: config.sandbox.mpNotificationUrl,
        mlNotificationUrl: config.sandbox.mlNotificationUrl,
        webhookSecret,
      });
    }
    const resolved: ResolvedConfig = {
      ...config,
      mpApiUrl: config.mpApiUrl ?? sandbox!.url,
      mlApiUrl: config.mlApiUrl ?? sandbox!.url,
    };
    gateway = await createGateway(resolved, { mpWebhookSecret: webhookSecret });
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
    console.log(banner(gateway.url, sandbox?.url ?? null, wiring, config));
  } catch (err) {
    // Typically a port already in use: one line, then the exit code says it failed.
    const e = err as NodeJS.ErrnoException;
    if (err instanceof ConfigError) console.error(`mpgraph: invalid configuration: ${err.message}`);
    else console.error(`mpgraph: could not start: ${e.code === 'EADDRINUSE' ? `port already in use (${e.message})` : e.message}`);
    await stop(1);
  }
};

void main();
