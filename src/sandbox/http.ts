// The one place that knows HTTP. Handlers are plain functions from a parsed request to
// {status, body}; this adapter adds what every served route shares: the caller's identity,
// the request log, faults (before or after the handler), and Mercado Pago's error bodies; and, on
// the routes a public key may call, the CORS a browser page needs (src/sandbox/README.md, "CORS on
// the public-key routes").
import type { IncomingHttpHeaders } from 'node:http';
import cors from 'cors';
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError, invalidToken, missingToken } from './errors';
import type { Faults } from './faults';
import { faultError } from './faults';
import type { SandboxUser } from './fixtures/users';
import type { RequestLog } from './requestLog';
import { RouteTable } from './routeTable';
import type { Store } from './store';

export interface SandboxConfig {
  /** Where payment webhooks go when a payment has no notification_url (src/sandbox/README.md, "Notifications"). */
  mpNotificationUrl: string | null;
  mlNotificationUrl: string | null;
  webhookSecret: string | null;
}

export interface SandboxContext {
  store: Store;
  config: SandboxConfig;
  now(): number;
  /** Lifetime of the access tokens `POST /oauth/token` issues, in seconds. */
  tokenTtlS: number;
}

export interface SandboxRequest {
  method: string;
  /** Route key, e.g. `GET /v1/payments/{id}` (src/sandbox/README.md, "Routes"). */
  route: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** The user behind the access token (or, on public-key routes, the public key). */
  caller: SandboxUser;
  /** True when the caller authenticated with a public key rather than an access token. */
  viaPublicKey: boolean;
  idempotencyKey: string | null;
}

export interface SandboxResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: SandboxRequest, ctx: SandboxContext) => SandboxResponse | Promise<SandboxResponse>;
/** A public resource (Mercado Libre's users, sites, items): a token is optional, but a bad one is refused. */
export type PublicHandler = (
  req: Omit<SandboxRequest, 'caller'> & { caller: SandboxUser | null },
  ctx: SandboxContext,
) => SandboxResponse | Promise<SandboxResponse>;
export type ControlHandler = (
  req: { params: Record<string, string>; query: URLSearchParams; body: unknown },
  ctx: SandboxContext,
) => SandboxResponse | Promise<SandboxResponse>;

export interface RouteOptions {
  /**
   * `token` (default): an access token is required. `publicKey`: an access token or `?public_key=`;
   * such a route is also open to pages of any origin (CORS), as MercadoPago.js calls it from the browser.
   */
  auth?: 'token' | 'publicKey';
}

/** What a page may send to a public-key route: a token instead of the key, JSON, an idempotency key. */
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'x-idempotency-key'] as const;

/** How long a browser may keep a preflight's answer, in seconds (browsers cap it lower: Chrome at 2 hours). */
export const CORS_MAX_AGE_SECONDS = 86_400;

interface InternalRouteOptions {
  /** `optional`: public routes (see PublicHandler). `client`: no token is read (see postClientAuth). */
  auth?: 'token' | 'publicKey' | 'optional' | 'client';
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export const send = (res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const payload = JSON.stringify(body);
  res
    .writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(payload),
      ...headers,
    })
    .end(payload);
};

const sendError = (res: Response, err: ApiError, headers: Record<string, string> = {}): void =>
  send(res, err.status, err.toBody(), headers);

const queryOf = (req: Request): URLSearchParams => {
  const i = req.originalUrl.indexOf('?');
  return new URLSearchParams(i === -1 ? '' : req.originalUrl.slice(i + 1));
};

const bearer = (req: Request, query: URLSearchParams): string | null => {
  const h = req.headers.authorization;
  if (h) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
    return m ? m[1] : '';
  }
  // The documentation samples call the APIs with ?access_token=…; Mercado Pago still honours it.
  return query.get('access_token');
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SandboxRouter {
  /** Every served route key, for the faults API and the OpenAPI test. */
  readonly routes = new Set<string>();
  private readonly apiRoutes = new RouteTable();
  private readonly controlRoutes: RouteTable | null;
  /** The methods of each template taken with a public key: the ones answering CORS. */
  private readonly corsMethods = new Map<string, Set<string>>();
  /** The `cors` middleware of each such template, made on its first request (its routes are all added by then). */
  private readonly corsHandlers = new Map<string, RequestHandler>();

  /** Serves the API routes on `api` and, unless it is null, the control routes on `controlApi`. */
  constructor(
    api: express.Router,
    controlApi: express.Router | null,
    private readonly ctx: SandboxContext,
    private readonly log: RequestLog,
    private readonly faults: Faults,
  ) {
    api.use(this.apiRoutes.dispatch);
    this.controlRoutes = controlApi ? new RouteTable() : null;
    if (controlApi && this.controlRoutes) controlApi.use(this.controlRoutes.dispatch);
  }

  get(template: string, handler: Handler, options?: RouteOptions): void {
    this.add('GET', template, handler, options);
  }
  post(template: string, handler: Handler, options?: RouteOptions): void {
    this.add('POST', template, handler, options);
  }
  put(template: string, handler: Handler, options?: RouteOptions): void {
    this.add('PUT', template, handler, options);
  }
  delete(template: string, handler: Handler, options?: RouteOptions): void {
    this.add('DELETE', template, handler, options);
  }
  /** A public GET: answers without a token (the caller is null then); a bad token is still 401. */
  getPublic(template: string, handler: PublicHandler): void {
    this.add('GET', template, handler as Handler, { auth: 'optional' });
  }

  /**
   * A POST that authenticates the client from its body (`POST /oauth/token`): the caller is null and any
   * `Authorization` header is ignored (the SDK's OAuth client sends its configured token there).
   */
  postClientAuth(template: string, handler: PublicHandler): void {
    this.add('POST', template, handler as Handler, { auth: 'client' });
  }

  /**
   * Express middleware, mounted before the body parsers: on the path of a public-key route it answers
   * preflights (`OPTIONS`: 204 with the methods taken there with a public key), and puts
   * `Access-Control-Allow-Origin: *` on the answers of those methods, errors included (a page must
   * read the 400 of a bad card). Any origin: these routes take a public key, never cookies.
   * Preflights reach no route: they are not in the request log and faults do not apply to them.
   * Anything else passes untouched.
   */
  readonly cors: RequestHandler = (req: Request, res: Response, next: NextFunction): void => {
    const found = this.apiRoutes.resolve(req.path);
    const methods = found && this.corsMethods.get(found.template);
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (!found || !methods || (method !== 'OPTIONS' && !methods.has(method))) return next();
    let handler = this.corsHandlers.get(found.template);
    if (!handler) {
      handler = cors({
        origin: '*',
        methods: [...methods],
        allowedHeaders: [...CORS_ALLOWED_HEADERS],
        maxAge: CORS_MAX_AGE_SECONDS,
      });
      this.corsHandlers.set(found.template, handler);
    }
    handler(req, res, next);
  };

  /** A `/__sandbox/...` route: no auth, not logged, absent when SANDBOX_CONTROL=off. */
  control(method: Method, template: string, handler: ControlHandler): void {
    if (!this.controlRoutes) return;
    this.controlRoutes.add(method, template, async (req: Request, res: Response, params) => {
      try {
        const out = await handler({ params, query: queryOf(req), body: req.body }, this.ctx);
        send(res, out.status, out.body, out.headers);
      } catch (err) {
        this.fail(res, err);
      }
    });
  }

  private add(method: Method, template: string, handler: Handler, options: InternalRouteOptions = {}): void {
    const route = `${method} ${template}`;
    this.routes.add(route);
    if (options.auth === 'publicKey')
      this.corsMethods.set(template, (this.corsMethods.get(template) ?? new Set()).add(method));
    this.apiRoutes.add(method, template, async (req: Request, res: Response, params) => {
      const idempotencyKey = (req.headers['x-idempotency-key'] as string | undefined) ?? null;
      const path = req.originalUrl.split('?')[0];
      const record = (status: number | null) => this.log.record({ method, route, path, status, idempotencyKey });
      const plan = this.faults.plan(route);
      if (plan.delayMs > 0) await sleep(plan.delayMs);
      const terminal = plan.terminal;
      if (terminal && !terminal.after) {
        this.applyFault(res, terminal, record);
        return;
      }
      let out: SandboxResponse;
      try {
        const query = queryOf(req);
        const caller = this.authenticate(req, query, options.auth ?? 'token');
        out = await handler(
          {
            method,
            route,
            path,
            params,
            query,
            body: req.body,
            headers: req.headers,
            // Null only on getPublic routes, whose handlers are typed for it.
            caller: caller.user as SandboxUser,
            viaPublicKey: caller.viaPublicKey,
            idempotencyKey,
          },
          this.ctx,
        );
      } catch (err) {
        out = this.errorResponse(err);
      }
      if (terminal) {
        // `after`: the state change happened; the caller never learns of it.
        this.applyFault(res, terminal, record);
        return;
      }
      record(out.status);
      send(res, out.status, out.body, out.headers);
    });
  }

  private authenticate(
    req: Request,
    query: URLSearchParams,
    mode: 'token' | 'publicKey' | 'optional' | 'client',
  ): { user: SandboxUser | null; viaPublicKey: boolean } {
    if (mode === 'client') return { user: null, viaPublicKey: false };
    const token = bearer(req, query);
    if (token) {
      const user = this.ctx.store.usersByToken.get(token) ?? this.issuedTokenUser(token);
      if (!user) throw invalidToken();
      return { user, viaPublicKey: false };
    }
    if (mode === 'publicKey') {
      const key = query.get('public_key');
      if (key) {
        const user = this.ctx.store.usersByPublicKey.get(key);
        if (!user)
          throw new ApiError(401, 'invalid public_key', [{ code: 2, description: 'invalid public_key', data: null }]);
        return { user, viaPublicKey: true };
      }
    }
    if (token === '') throw invalidToken();
    if (mode === 'optional') return { user: null, viaPublicKey: false };
    throw missingToken();
  }

  /** The user an access token from `POST /oauth/token` acts as; null when unknown or expired (the same 401). */
  private issuedTokenUser(token: string): SandboxUser | null {
    const userId = this.ctx.store.oauth.accessUser(token, this.ctx.now());
    return typeof userId === 'number' ? (this.ctx.store.users.get(userId) ?? null) : null;
  }

  private applyFault(
    res: Response,
    fault: NonNullable<ReturnType<Faults['plan']>['terminal']>,
    record: (s: number | null) => void,
  ): void {
    if (fault.reset) {
      record(null);
      res.socket?.destroy();
      return;
    }
    if (fault.timeout) {
      // Never answer; the server's close() ends the socket.
      record(null);
      return;
    }
    const status = fault.status ?? 500;
    record(status);
    sendError(res, faultError(status), fault.retryAfter !== null ? { 'Retry-After': String(fault.retryAfter) } : {});
  }

  private errorResponse(err: unknown): SandboxResponse {
    if (err instanceof ApiError) return { status: err.status, body: err.toBody() };
    console.error('[sandbox] unexpected error', err);
    return { status: 500, body: new ApiError(500, 'internal error').toBody() };
  }

  private fail(res: Response, err: unknown): void {
    const out = this.errorResponse(err);
    send(res, out.status, out.body);
  }
}
