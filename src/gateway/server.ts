// The gateway's HTTP server: Express 5 + Apollo Server 5 on one Node http server and one port.
//   POST|GET /graphql  GraphQL over HTTP (GET also serves the landing page to browsers: Apollo Sandbox in
//                      development, a self-contained page in production, landingPage.ts)
//   WebSocket /graphql subscriptions, graphql-ws protocol (websocket.ts)
//   GET /              redirects browsers to the landing page at /graphql
//   GET /healthz       the process is up
//   GET /readyz        the upstream base URLs answer
//   POST /webhooks/mercadopago, POST /webhooks/mercadolibre   notifications (webhooks.ts)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { AuthFileError, watchAuthFile, type AuthFileWatcher } from '../auth';
import { ConfigError, type ResolvedConfig } from '../config';
import type { Context } from '../graph/context';
import { isObject } from '../lib/json';
import { createLogger, type Logger } from '../lib/logger';
import {
  createDedupeStore,
  createNotificationBus,
  NotificationReceiver,
  type DedupeStore,
  type NotificationBus,
} from '../notifications';
import { setMercadoPagoBaseUrl } from '../upstream/mercadopago';
import { createIdempotencyStore, type IdempotencyStore } from '../idempotency';
import { createContext } from './context';
import { createSellerTokens, FileTokenStore, RedisTokenStore, tokenStatePath, type SellerTokens } from './sellerTokens';
import { corsMiddleware } from './cors';
import type { ExplorerPreset } from './explorer';
import { createFormatError } from './errors';
import { explorerRouter, START_PAGE } from './explorerPage';
import { landingPage } from './landingPage';
import { checkSource, costExtension, LIMITS, limitsPlugin, withLimitNumbers, type Limits } from './limits';
import { createReadiness } from './readiness';
import { buildGatewaySchema } from './schema';
import { createWebhookRouter } from './webhooks';
import { attachWebSocket } from './websocket';

export const BODY_LIMIT = '1mb';

export interface RunningGateway {
  /** Base URL, e.g. http://127.0.0.1:4000; GraphQL is at `${url}/graphql`. */
  url: string;
  /** Where accepted notifications are published; GraphQL subscriptions listen here (websocket.ts). */
  bus: NotificationBus;
  close(): Promise<void>;
}

export interface GatewayOptions {
  log?: Logger;
  /**
   * The secret Mercado Pago webhooks are verified with, when it is not MP_WEBHOOK_SECRET: the
   * composition root passes the per-process secret it shares with the embedded sandbox. Undefined:
   * `config.mpWebhookSecret`; null (or both unset): every Mercado Pago webhook is refused.
   */
  mpWebhookSecret?: string | null;
  bus?: NotificationBus;
  dedupe?: DedupeStore;
  /** Allowed drift of a webhook's signed timestamp, in seconds (default 300). */
  webhookToleranceSeconds?: number;
  /** What Apollo Sandbox opens on in development (an example and a test token); nothing preset when absent. */
  explorer?: ExplorerPreset;
  /** Each upstream read attempt's timeout in ms (default 5 s; tests shorten it). */
  readTimeoutMs?: number;
  /** Each upstream write's timeout in ms (default 10 s; tests shorten it). */
  writeTimeoutMs?: number;
  /** The idempotency store to use (the caller closes it); by default one from REDIS_URL, or in memory. */
  idempotency?: IdempotencyStore;
  /** Limits other than LIMITS (src/gateway/limits.ts); tests lower them. */
  limits?: Partial<Limits>;
  /** Where the auth file's `{ "env": "NAME" }` values are read (process.env when absent). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Used when IDENTITY_SECRET is unset: identities are still HMACs, never tokens, and stable across gateways. */
const DEFAULT_IDENTITY_SECRET = 'mpgraph caller identity v1';

// HTTP-level refusals use the GraphQL-over-HTTP error shape so clients parse one format.
const httpError = (res: Response, status: number, message: string): void => {
  res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
};

export const createGateway = async (config: ResolvedConfig, options: GatewayOptions = {}): Promise<RunningGateway> => {
  const log = options.log ?? createLogger(config.logLevel);
  // Who may call (src/auth): the auth file, re-read when it changes; without one, every bearer is passed
  // through upstream. A bad file stops start-up with one line naming the problem.
  let auth: AuthFileWatcher | null = null;
  if (config.gatewayKeysFile !== null) {
    try {
      auth = watchAuthFile(config.gatewayKeysFile, options.env ?? process.env, { log });
    } catch (err) {
      if (err instanceof AuthFileError)
        throw new ConfigError('GATEWAY_KEYS_FILE', `is not a valid auth file: ${err.message}`);
      throw err;
    }
  }
  // The sellers' tokens in force, renewed before they expire (sellerTokens.ts): refreshed pairs kept in Redis
  // (shared by every gateway), or else in a state file beside the auth file.
  const sellerTokens: SellerTokens | null =
    auth === null || config.gatewayKeysFile === null
      ? null
      : createSellerTokens({
          auth,
          log,
          mlApiUrl: config.mlApiUrl,
          store:
            config.redisUrl !== null
              ? new RedisTokenStore(config.redisUrl)
              : new FileTokenStore(tokenStatePath(config.gatewayKeysFile)),
        });
  const production = config.nodeEnv === 'production';
  const limits: Limits = { ...LIMITS, ...options.limits };
  // Production answers no "Did you mean …?": a suggestion names the schema's fields and types.
  const formatError = withLimitNumbers(createFormatError(log, { hideSuggestions: production }));
  setMercadoPagoBaseUrl(config.mpApiUrl);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const httpServer: Server = createServer(app);
  const schema = await buildGatewaySchema();

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError,
    // A backstop: checkSource (below, before Apollo) has already refused a document with more tokens.
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Subscriptions refused; cost, depth and shape limits checked before execution; `extensions.cost` on every
      // response.
      limitsPlugin<Context>(limits),
      // Production's page is served before Apollo (landingPage.ts), so Apollo's own stays off.
      production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({
            embed: true,
            footer: false,
            ...(options.explorer
              ? {
                  document: options.explorer.document,
                  variables: options.explorer.variables,
                  headers: options.explorer.headers,
                }
              : {}),
          }),
    ],
  });
  await apollo.start();

  const readiness = createReadiness([
    { name: 'mercadoPago', url: config.mpApiUrl },
    { name: 'mercadoLibre', url: config.mlApiUrl },
  ]);

  app.get('/healthz', (_req, res) => {
    res.status(200).type('text/plain').send('ok');
  });
  app.get('/readyz', async (_req, res) => {
    const { ready, failing } = await readiness.check();
    res.status(ready ? 200 : 503).json(ready ? { status: 'ready' } : { status: 'unavailable', failing });
  });
  // In development `/` tries Apollo Sandbox and falls back to the offline explorer by itself (explorerPage.ts).
  app.get('/', (_req, res) => {
    if (config.explorer && !production) res.set('Cache-Control', 'no-cache').type('html').send(START_PAGE);
    else res.redirect(302, '/graphql');
  });
  if (config.explorer) app.use('/explorer', explorerRouter({ introspection: !production, preset: options.explorer }));

  // With REDIS_URL, notifications are de-duplicated and fanned out through Redis: every gateway sharing it
  // hears every notification once. Without it, in this process only.
  const bus = options.bus ?? createNotificationBus(config.redisUrl, log);
  const dedupe = options.dedupe ?? createDedupeStore(config.redisUrl, log);
  const idempotency = options.idempotency ?? createIdempotencyStore(config.redisUrl);
  const upstreams = {
    mlApiUrl: config.mlApiUrl,
    readTimeoutMs: options.readTimeoutMs,
    writeTimeoutMs: options.writeTimeoutMs,
    idempotency,
    identitySecret: config.identitySecret ?? DEFAULT_IDENTITY_SECRET,
    maxUpstreamCalls: limits.maxUpstreamCalls,
    auth,
    sellerTokens,
  };
  const receiver = new NotificationReceiver({
    bus,
    dedupe,
    mpWebhookSecret: options.mpWebhookSecret === undefined ? config.mpWebhookSecret : options.mpWebhookSecret,
    mlApplicationId: config.mlApplicationId,
    log,
    ...(options.webhookToleranceSeconds !== undefined ? { toleranceSeconds: options.webhookToleranceSeconds } : {}),
  });
  app.use('/webhooks', createWebhookRouter(receiver, log));
  const websocket = attachWebSocket({
    httpServer,
    schema,
    bus,
    log,
    upstreams,
    limits,
    formatError,
    corsOrigins: config.corsOrigins,
    production,
  });

  app.use(
    '/graphql',
    corsMiddleware(config.corsOrigins, production),
    express.json({ limit: BODY_LIMIT }),
    (req: Request, res: Response, next: NextFunction) => {
      if (req.method === 'POST' && !req.is('application/json')) {
        httpError(res, 415, 'Send GraphQL requests as JSON: Content-Type: application/json.');
        return;
      }
      // GET requests carry the operation in the query string; Apollo wants `req.body` to exist.
      if (!('body' in req)) (req as { body?: unknown }).body = undefined;
      next();
    },
    ...(production ? [landingPage] : []),
    // Step 1 of the limits (limits.ts): the document's text, before Apollo parses it (the parser recurses once
    // per level of nesting). A refusal has the shape of Apollo's: one error with its numbers, and no cost.
    (req: Request, res: Response, next: NextFunction) => {
      const body: unknown = req.body;
      const requests = req.method === 'GET' ? [req.query] : Array.isArray(body) ? body : [body];
      for (const request of requests) {
        const source = isObject(request) ? request.query : undefined;
        const refusal = typeof source === 'string' ? checkSource(source, limits) : null;
        if (refusal) {
          res.status(400).json({
            errors: [formatError(refusal.toJSON() as GraphQLFormattedError, refusal)],
            extensions: { cost: costExtension(0, limits.maxCost) },
          });
          return;
        }
      }
      next();
    },
    expressMiddleware(apollo, { context: async ({ req }) => createContext(req, log, upstreams) }),
  );

  app.use((_req: Request, res: Response) => httpError(res, 404, 'Not found. GraphQL is served at /graphql.'));
  app.use((err: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.too.large')
      return httpError(res, 413, `The request body is larger than ${BODY_LIMIT.toUpperCase()}.`);
    if (err.type === 'entity.parse.failed') return httpError(res, 400, 'The request body is not valid JSON.');
    if (typeof err.status === 'number' && err.status >= 400 && err.status < 500)
      return httpError(res, err.status, 'Bad request.');
    log.error('http error', {
      error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
    });
    return httpError(res, 500, 'Internal server error.');
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  }).catch(async (err: unknown) => {
    // A port already in use: nothing of this gateway may keep running (the auth file's poll, Apollo).
    await websocket.close();
    auth?.close();
    await sellerTokens?.close();
    await apollo.stop();
    if (!options.idempotency) await idempotency.close();
    if (!options.bus) await bus.close?.();
    if (!options.dedupe) await dedupe.close?.();
    throw err;
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    bus,
    // Closes the WebSockets (1001), then stops Apollo, which drains the http server (in-flight operations finish,
    // idle sockets close).
    close: () =>
      (closing ??= websocket.close().finally(async () => {
        await apollo.stop();
        auth?.close();
        await sellerTokens?.close();
        if (!options.idempotency) await idempotency.close();
        if (!options.bus) await bus.close?.();
        if (!options.dedupe) await dedupe.close?.();
      })),
  };
};
