// Starts the sandbox: one Express app on one loopback port serving the Mercado Pago and Mercado
// Libre routes (src/sandbox/README.md, "Routes") plus the control API under /__sandbox/.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './errors';
import { Faults } from './faults';
import { SandboxRouter, send, type SandboxConfig, type SandboxContext } from './http';
import { registerControl } from './control';
import { RequestLog } from './requestLog';
import { Store } from './store';
import { registerUsers } from './mp/users';
import { registerCardTokens } from './mp/cardTokens';
import { registerPayments } from './mp/payments';
import { registerRefunds } from './mp/refunds';
import { registerCustomers } from './mp/customers';
import { registerCards } from './mp/cards';
import { registerCatalog } from './mp/catalog';
import { registerMlUsers } from './ml/users';
import { registerOrders } from './ml/orders';
import { registerOrderControl } from './ml/orderControl';
import { followPayments } from './ml/orderLifecycle';
import { registerSites } from './ml/sites';
import { registerItems } from './ml/items';
import { registerOAuth } from './oauth/routes';
import { DEFAULT_TOKEN_TTL_S } from './oauth/grants';
import { Notifier, type NotificationSettings } from './notifications/notifier';
import { registerNotificationsControl } from './notifications/control';
import type { RetryPolicy } from './notifications/retryPolicy';

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** The control API under /__sandbox/ (default on). */
  control?: boolean;
  mpNotificationUrl?: string | null;
  mlNotificationUrl?: string | null;
  webhookSecret?: string | null;
  /** The sandbox's clock (epoch ms); tests inject one to expire card tokens without sleeping. */
  now?: () => number;
  /** Lifetime of issued OAuth access tokens in seconds (default 21600, six hours; SANDBOX_TOKEN_TTL_S). */
  tokenTtlS?: number;
  /** Delivery of notifications: attempts, backoff, per-attempt timeout (notifications/retryPolicy.ts). */
  notifications?: Partial<RetryPolicy>;
}

export interface RunningSandbox {
  url: string;
  port: number;
  store: Store;
  /** Every served API route key, e.g. `GET /v1/payments/{id}`. */
  routes: ReadonlySet<string>;
  /** Where notifications go and the webhook secret, e.g. once the gateway's port is known. */
  configureNotifications(settings: NotificationSettings): void;
  close(): Promise<void>;
}

export const createSandboxApp = (options: SandboxOptions = {}) => {
  const store = new Store();
  const config: SandboxConfig = {
    mpNotificationUrl: options.mpNotificationUrl ?? null,
    mlNotificationUrl: options.mlNotificationUrl ?? null,
    webhookSecret: options.webhookSecret ?? null,
  };
  const tokenTtlS = options.tokenTtlS ?? DEFAULT_TOKEN_TTL_S;
  if (!Number.isSafeInteger(tokenTtlS) || tokenTtlS <= 0)
    throw new TypeError(`tokenTtlS must be a positive whole number of seconds, got ${tokenTtlS}`);
  const ctx: SandboxContext = { store, config, now: options.now ?? (() => Date.now()), tokenTtlS };
  const log = new RequestLog();
  const faults = new Faults();

  const controlApi = options.control === false ? null : express.Router();
  const api = express.Router();
  const router = new SandboxRouter(api, controlApi, ctx, log, faults);

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  // First, so preflights are answered without a body read and a malformed body's 400 carries CORS too.
  app.use(router.cors);
  // The token endpoint also takes form bodies, as OAuth clients send them; everything else is JSON.
  app.use('/oauth/token', express.urlencoded({ limit: '1mb', extended: false }));
  app.use(express.json({ limit: '1mb', type: () => true }));

  registerUsers(router);
  registerCardTokens(router);
  registerPayments(router);
  registerRefunds(router);
  registerCustomers(router);
  registerCards(router);
  registerCatalog(router);
  registerMlUsers(router);
  registerOrders(router);
  registerOrderControl(router);
  registerSites(router);
  registerItems(router);
  registerOAuth(router);
  // Orders follow their payments (registered before the notifier, so a payment's order is
  // up to date when the payment's own notifications are queued).
  followPayments(store, ctx.now);
  const notifier = new Notifier(store, config, ctx.now, options.notifications);
  registerNotificationsControl(router, notifier);
  registerControl(router, log, faults, () => notifier.reset());

  if (controlApi) app.use('/__sandbox', controlApi);
  app.use(api);
  app.use((_req: Request, res: Response) => send(res, 404, new ApiError(404, 'resource not found').toBody()));
  // Malformed JSON and oversized bodies get Mercado Pago's error shape, not Express's HTML page.
  app.use((err: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.too.large') return send(res, 413, new ApiError(413, 'request entity too large').toBody());
    if (err.type === 'entity.parse.failed')
      return send(
        res,
        400,
        new ApiError(400, 'malformed JSON body', [
          { code: 'invalid_json', description: 'the request body is not valid JSON', data: null },
        ]).toBody(),
      );
    console.error('[sandbox] unexpected error', err);
    return send(res, 500, new ApiError(500, 'internal error').toBody());
  });

  return { app, store, router, notifier };
};

export const startSandbox = async (options: SandboxOptions = {}): Promise<RunningSandbox> => {
  const { app, store, router, notifier } = createSandboxApp(options);
  const host = options.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    routes: router.routes,
    configureNotifications: (settings) => notifier.configure(settings),
    close: () =>
      new Promise<void>((resolve) => {
        notifier.close();
        server.close(() => resolve());
        // Time-out faults leave requests open on purpose; end them so close() returns.
        server.closeAllConnections();
      }),
  };
};
