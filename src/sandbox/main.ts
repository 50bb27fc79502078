// `npm run sandbox`: the sandbox alone, configured from the environment (src/sandbox/README.md, "Running it alone").
import { startSandbox } from './server';
import { USERS } from './fixtures/users';
import { OAUTH_APPLICATION } from './fixtures/application';
import { DEFAULT_TOKEN_TTL_S } from './oauth/grants';
import { describeNotifications } from './notifications/notifier';

const fail = (msg: string): never => {
  console.error(`sandbox: ${msg}`);
  process.exit(1);
};

const port = (() => {
  const raw = process.env.SANDBOX_PORT ?? '4010';
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 65535
    ? n
    : fail(`SANDBOX_PORT must be a port number (0-65535), got "${raw}"`);
})();
const control = (() => {
  const raw = process.env.SANDBOX_CONTROL ?? 'on';
  return raw === 'on' ? true : raw === 'off' ? false : fail(`SANDBOX_CONTROL must be "on" or "off", got "${raw}"`);
})();
const url = (name: string): string | null => {
  const raw = process.env[name];
  if (!raw) return null;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    return raw;
  } catch {
    return fail(`${name} must be an http(s) URL`);
  }
};

const tokenTtlS = (() => {
  const raw = process.env.SANDBOX_TOKEN_TTL_S;
  if (raw === undefined || raw === '') return DEFAULT_TOKEN_TTL_S;
  const n = Number(raw);
  return /^\d+$/.test(raw) && Number.isSafeInteger(n) && n > 0
    ? n
    : fail(`SANDBOX_TOKEN_TTL_S must be a whole number of seconds (1 or more), got "${raw}"`);
})();

const config = {
  mpNotificationUrl: url('SANDBOX_MP_NOTIFICATION_URL'),
  mlNotificationUrl: url('SANDBOX_ML_NOTIFICATION_URL'),
  webhookSecret: process.env.MP_WEBHOOK_SECRET || null,
};

void (async () => {
  const sandbox = await startSandbox({ port, host: process.env.HOST ?? '127.0.0.1', control, tokenTtlS, ...config });
  console.log(`Sandbox (Mercado Pago and Mercado Libre API emulator) listening on ${sandbox.url}`);
  console.log(`Control API: ${control ? `${sandbox.url}/__sandbox/` : 'off'}`);
  for (const line of describeNotifications(config)) console.log(line);
  console.log('Test users (token → who):');
  for (const u of USERS)
    console.log(
      `  ${u.access_token.padEnd(24)} ${u.role} ${u.nickname} (${u.site_id}, ${u.currency_id}); ` +
        `public key ${u.public_key}`,
    );
  console.log(
    `OAuth application: client id ${OAUTH_APPLICATION.client_id}, secret ${OAUTH_APPLICATION.client_secret}; ` +
      `access tokens live ${tokenTtlS} s (POST /oauth/token)`,
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
})();
