// The hostile suite's table runner (test/integration/hostile-*.test.ts). A case is a name, a
// request, and what must come back: the HTTP status, the GraphQL error codes or the userError
// codes (or a webhook's answer), nothing internal in the answer (no stack, no upstream URL, no
// token, no "Did you mean" in production), and exactly the upstream calls the case caused: the
// sandbox's request log (src/sandbox/README.md, "Control API (`/__sandbox/`)"), or a stub's, read
// before the request and after it. Requests go over a raw socket, so a case can send what fetch
// refuses to: two Authorization headers, control characters, any method, any bytes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { createLogger, type Logger } from '../../src/lib/logger';
import { raw, TOKENS } from './sandbox';
import { upstreamCalls } from './upstreamCalls';

// ---- Requests over a raw socket ----

export interface RawRequest {
  method: string;
  /** Path and query string, sent as they are. */
  target: string;
  /** In order; a name may repeat. Host and Content-Length are added unless given. */
  headers: [string, string][];
  body?: Buffer | string;
}

export interface RawResponse {
  status: number;
  /** Lower-cased names; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
  ms: number;
}

const CRLF = '\r\n';

const decodeChunked = (body: Buffer): Buffer => {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const eol = body.indexOf(CRLF, at);
    if (eol === -1) break;
    const size = parseInt(body.subarray(at, eol).toString('latin1').split(';')[0], 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
};

/** Where the head ends, its status and its headers; null until the whole head has arrived. */
const readHead = (bytes: Buffer): { end: number; status: number; headers: Record<string, string> } | null => {
  const end = bytes.indexOf(CRLF + CRLF);
  if (end === -1) return null;
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split(CRLF);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    const name = line.slice(0, i).trim().toLowerCase();
    const value = line.slice(i + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { end: end + 4, status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]), headers };
};

const hasNoBody = (method: string, status: number) => method === 'HEAD' || status === 204 || status === 304;

/** Whether the whole answer is in: its head, and as much body as it announced (else: wait for the close). */
const isComplete = (bytes: Buffer, method: string): boolean => {
  const head = readHead(bytes);
  if (!head) return false;
  if (hasNoBody(method, head.status)) return true;
  const length = head.headers['content-length'];
  if (length !== undefined) return bytes.length - head.end >= Number(length);
  if (/chunked/i.test(head.headers['transfer-encoding'] ?? '')) {
    return bytes.subarray(head.end).toString('latin1').endsWith(`0${CRLF}${CRLF}`);
  }
  return false;
};

const parseResponse = (bytes: Buffer, method: string, started: number): RawResponse => {
  const head = readHead(bytes);
  if (!head) throw new Error(`no HTTP response head in ${bytes.length} bytes`);
  const { status, headers } = head;
  let body = hasNoBody(method, status) ? Buffer.alloc(0) : bytes.subarray(head.end);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = decodeChunked(body);
  else if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']));
  const text = body.toString('utf8');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status, headers, text, json, ms: Date.now() - started };
};

/**
 * Sends one request on a fresh connection and reads its answer: until the body it announced has
 * arrived, or the server closes. Bounded: the socket is destroyed then, or after `timeoutMs`. A
 * server that answers before it has read the whole body (a 413) may close while the body is still
 * going out: what it answered is still read.
 */
export const send = (baseUrl: string, req: RawRequest, timeoutMs = 15_000): Promise<RawResponse> => {
  const url = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket: Socket = connect(Number(url.port), url.hostname);
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const bytes = Buffer.concat(chunks);
      if (bytes.length > 0) {
        try {
          resolve(parseResponse(bytes, req.method, started));
        } catch (parseErr) {
          reject(parseErr as Error);
        }
        return;
      }
      reject(err ?? new Error(`${req.method} ${req.target.slice(0, 80)}: the connection closed without an answer`));
    };
    const timer = setTimeout(() => finish(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      if (isComplete(Buffer.concat(chunks), req.method)) finish();
    });
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (err) => finish(err));
    socket.on('connect', () => {
      const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
      const names = new Set(req.headers.map(([n]) => n.toLowerCase()));
      const headers: [string, string][] = [
        ...(names.has('host') ? [] : [['Host', url.host] as [string, string]]),
        ...req.headers,
        ...(body !== undefined && !names.has('content-length') && !names.has('transfer-encoding')
          ? [['Content-Length', String(body.length)] as [string, string]]
          : []),
      ];
      const lines = headers.map(([n, v]) => `${n}: ${v}${CRLF}`).join('');
      socket.write(Buffer.from(`${req.method} ${req.target} HTTP/1.1${CRLF}${lines}${CRLF}`, 'utf8'));
      if (body !== undefined) socket.write(body);
    });
  });
};

// ---- Request builders ----

/** The token a GraphQL request carries unless told otherwise: the MLB seller's. */
export const DEFAULT_TOKEN = TOKENS.sellerMLB;

export interface GraphQLRequestOptions {
  variables?: unknown;
  /** The variables' JSON text as it is (JSON.stringify recurses, so it cannot write 50,000 levels). */
  variablesJson?: string;
  operationName?: string;
  /** The bearer token; null sends no Authorization header. */
  token?: string | null;
  headers?: [string, string][];
}

const authorization = (token: string | null | undefined): [string, string][] =>
  token === null ? [] : [['Authorization', `Bearer ${token ?? DEFAULT_TOKEN}`]];

/** POST /graphql with a JSON body `{ query, variables?, operationName? }`. */
export const gql = (query: string, options: GraphQLRequestOptions = {}): RawRequest => ({
  method: 'POST',
  target: '/graphql',
  headers: [['Content-Type', 'application/json'], ...authorization(options.token), ...(options.headers ?? [])],
  body:
    options.variablesJson === undefined
      ? JSON.stringify({
          query,
          ...(options.variables !== undefined ? { variables: options.variables } : {}),
          ...(options.operationName !== undefined ? { operationName: options.operationName } : {}),
        })
      : `{"query":${JSON.stringify(query)},"variables":${options.variablesJson}}`,
});

/** GET /graphql?query=… with Apollo's CSRF preflight header, as a client that may use GET sends it. */
export const gqlGet = (query: string, options: GraphQLRequestOptions = {}): RawRequest => {
  const search = new URLSearchParams({ query });
  if (options.variables !== undefined) search.set('variables', JSON.stringify(options.variables));
  if (options.operationName !== undefined) search.set('operationName', options.operationName);
  return {
    method: 'GET',
    target: `/graphql?${search.toString()}`,
    headers: [['apollo-require-preflight', 'true'], ...authorization(options.token), ...(options.headers ?? [])],
  };
};

/** Any method and path, with a body sent as it is (a string, bytes, or JSON for anything else). */
export const request = (
  method: string,
  target: string,
  options: { body?: unknown; contentType?: string | null; headers?: [string, string][]; token?: string | null } = {},
): RawRequest => {
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string' || Buffer.isBuffer(options.body)
        ? options.body
        : JSON.stringify(options.body);
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  return {
    method,
    target,
    headers: [
      ...(contentType !== null && body !== undefined ? [['Content-Type', contentType] as [string, string]] : []),
      ...(options.token === undefined ? [] : authorization(options.token)),
      ...(options.headers ?? []),
    ],
    ...(body !== undefined ? { body } : {}),
  };
};

// ---- Documents ----

/** `n` fields deep: `{ payment(id: "1") { order { payments { order … { id } } } } }` (`{ payment { id } }` is 2). */
export const deepPayment = (n: number, id = '885920310'): string => {
  const names = [`payment(id: "${id}")`];
  while (names.length < n - 1) names.push(names.length % 2 === 1 ? 'order' : 'payments');
  return `{ ${names.join(' { ')} { id }${' }'.repeat(names.length - 1)} }`;
};

/** `{ a1: <field> a2: <field> … }`. */
export const aliased = (n: number, field: (i: number) => string): string =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i + 1}: ${field(i + 1)}`).join(' ')} }`;

/** A list `depth` levels deep around `inner`: `[[[…"1"…]]]`. */
export const nestedList = (depth: number, inner = '"1"'): string => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

// ---- Expectations ----

export interface Expected {
  status: number;
  /** `extensions.code` of each GraphQL error, in order; [] for none. Omitted: not a GraphQL answer. */
  codes?: string[];
  /** Matched (toMatchObject) against each error's extensions, in order. */
  extensions?: Record<string, unknown>[];
  /** The codes of the userErrors of the operation's one root field (a mutation's payload). */
  userErrors?: string[];
  /** The whole JSON body (a webhook's answer). */
  body?: unknown;
  /** Upstream calls since the case started, route key → count; {} (none) when omitted. */
  calls?: Record<string, number>;
}

export interface HostileCase<S = any> {
  name: string;
  /** Runs before the calls are counted: creates what the case acts on, installs faults. */
  setup?: (h: Harness) => Promise<S>;
  request: RawRequest | ((state: S, h: Harness) => RawRequest);
  expect: Expected;
  /** Further assertions on the answer. */
  check?: (res: RawResponse, state: S, h: Harness) => void | Promise<void>;
  /** Strings the answer must not contain besides the target's (a token the case sent). */
  secrets?: string[];
  /** Waits this long after the answer before counting calls (a delayed upstream is logged when it answers). */
  settleMs?: number;
  /**
   * Why the case fails today (a defect whose fix has not landed): it runs as `it.failing`, which
   * fails as soon as the case passes, so the mark is removed with the fix.
   */
  failing?: string;
  timeoutMs?: number;
}

/** What a case runs against: the gateway, where calls are counted, and what must never leak. */
export interface Target {
  gatewayUrl(): string;
  /** Upstream calls so far, route key → count. */
  calls(): Promise<Record<string, number>>;
  /** Strings no answer may contain: upstream URLs, tokens. */
  secrets(): string[];
  /** Production mode: no answer may suggest names ("Did you mean"). */
  production?: boolean;
  harness(): Harness;
}

const INTERNALS: RegExp[] = [
  /Maximum call stack/i,
  /"stacktrace"/i,
  /\n\s+at [^\n]+:\d+:\d+/,
  /\bat [\w.<>$]+ \([^)\s]+:\d+:\d+\)/,
  /node_modules/,
  /\/src\/[\w/.-]+\.ts/,
  /api\.mercadopago\.com|api\.mercadolibre\.com/,
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|UND_ERR/,
];

/** Fails when `text` holds a stack, an upstream URL, a secret, or (production) a suggestion. */
export const expectNoLeak = (text: string, secrets: readonly string[], production = false): void => {
  for (const pattern of INTERNALS)
    expect({ leak: pattern.source, found: pattern.test(text) }).toEqual({
      leak: pattern.source,
      found: false,
    });
  for (const secret of secrets) {
    if (secret.length >= 6) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
  }
  if (production) expect(text).not.toMatch(/Did you mean/i);
};

/** The differences between two counts of calls per route: what happened in between. */
export const callsBetween = (before: Record<string, number>, after: Record<string, number>): Record<string, number> =>
  Object.fromEntries(
    Object.entries(after)
      .filter(([route, n]) => n !== (before[route] ?? 0))
      .map(([route, n]) => [route, n - (before[route] ?? 0)]),
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The userErrors' codes of the answer's one root field, or undefined when there is none. */
const userErrorCodes = (json: any): string[] | undefined => {
  const data = json?.data;
  if (!data || typeof data !== 'object') return undefined;
  const payload = Object.values(data)[0] as any;
  return Array.isArray(payload?.userErrors) ? payload.userErrors.map((e: any) => e.code) : undefined;
};

/**
 * One `it` per case (`it.failing` for a case with `failing`; HOSTILE_FAILING=show runs those as plain
 * tests, to see what they fail on).
 */
export const runCases = (target: Target, cases: readonly HostileCase[]): void => {
  for (const c of cases) {
    const test = c.failing && process.env.HOSTILE_FAILING !== 'show' ? it.failing : it;
    test(
      c.failing ? `${c.name} [fails today: ${c.failing}]` : c.name,
      async () => {
        const h = target.harness();
        const state = c.setup ? await c.setup(h) : undefined;
        const req = typeof c.request === 'function' ? c.request(state, h) : c.request;
        const before = await target.calls();
        const res = await send(target.gatewayUrl(), req, c.timeoutMs ?? 15_000);
        if (c.settleMs) await sleep(c.settleMs);
        const calls = callsBetween(before, await target.calls());

        const e = c.expect;
        const got: Record<string, unknown> = { status: res.status };
        const want: Record<string, unknown> = { status: e.status };
        if (e.codes !== undefined) {
          got.codes = (res.json?.errors ?? []).map((err: any) => err?.extensions?.code);
          want.codes = e.codes;
        }
        if (e.userErrors !== undefined) {
          got.userErrors = userErrorCodes(res.json);
          want.userErrors = e.userErrors;
        }
        if (e.body !== undefined) {
          got.body = res.json ?? res.text;
          want.body = e.body;
        }
        got.calls = calls;
        want.calls = e.calls ?? {};
        // One comparison, so a failure shows everything that differs at once.
        expect(got).toEqual(want);
        if (e.extensions) {
          expect(res.json.errors.map((err: any) => err.extensions)).toMatchObject(e.extensions);
        }
        expectNoLeak(res.text, [...target.secrets(), ...(c.secrets ?? [])], target.production);
        await c.check?.(res, state, h);
      },
      (c.timeoutMs ?? 15_000) + 5_000,
    );
  }
};

/** A logger that keeps every line (debug and up) instead of writing to stderr. */
export const capturedLog = (): { lines: string[]; log: Logger } => {
  const lines: string[] = [];
  return { lines, log: createLogger('debug', (line) => lines.push(line)) };
};

// ---- Setting the stage: the sandbox, directly ----

export interface Harness {
  sandboxUrl: string;
  /** A request to the gateway, for a case that needs one made before it (a first payment with its key). */
  gateway(req: RawRequest): Promise<RawResponse>;
  /** A call to the sandbox's API or control routes, not through the gateway. */
  sandbox(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any }>;
  /** Adds a sandbox fault (src/sandbox/README.md, "Control API (`/__sandbox/`)"). */
  fault(fault: Record<string, unknown>): Promise<void>;
  /** A fresh card token of `token`'s user for one of its site's test cards. */
  cardToken(token?: string, name?: string, card?: string): Promise<string>;
  /** A payment made directly on the sandbox (MLB seller, Visa), its id. */
  payment(options?: { amount?: number; capture?: boolean; name?: string }): Promise<string>;
}

export const harness = (sandboxUrl: string, gatewayUrl: string): Harness => {
  const sandbox: Harness['sandbox'] = async (method, path, options = {}) => {
    const res = await raw(sandboxUrl, method, path, options);
    return { status: res.status, body: res.body };
  };
  const cardToken: Harness['cardToken'] = async (token = TOKENS.sellerMLB, name = 'APRO', card) => {
    const number = card ?? (token === TOKENS.sellerMLM ? '4075595716483764' : '4235647728025682');
    const res = await sandbox('POST', '/v1/card_tokens', {
      token,
      body: {
        card_number: number,
        expiration_month: '11',
        expiration_year: '2030',
        security_code: '123',
        cardholder: { name },
      },
    });
    if (res.status !== 201) throw new Error(`card token: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  return {
    sandboxUrl,
    gateway: (req) => send(gatewayUrl, req),
    sandbox,
    fault: async (fault) => {
      const res = await sandbox('POST', '/__sandbox/faults', { body: fault });
      if (res.status !== 201) throw new Error(`fault: ${res.status} ${JSON.stringify(res.body)}`);
    },
    cardToken,
    payment: async ({ amount = 100, capture = true, name = 'APRO' } = {}) => {
      const res = await sandbox('POST', '/v1/payments', {
        token: TOKENS.sellerMLB,
        headers: { 'X-Idempotency-Key': `hostile-${Date.now()}-${Math.random()}` },
        body: {
          transaction_amount: amount,
          token: await cardToken(TOKENS.sellerMLB, name),
          installments: 1,
          capture,
          payer: { email: 'test_payer_12345@testuser.com' },
        },
      });
      if (res.status !== 201) throw new Error(`payment: ${res.status} ${JSON.stringify(res.body)}`);
      return String(res.body.id);
    },
  };
};

/** A target on a stack whose sandbox is reset before each case (useStack does it). */
export const sandboxTarget = (
  stack: { gatewayUrl: string; sandboxUrl: string },
  options: { production?: boolean } = {},
): Target => ({
  gatewayUrl: () => stack.gatewayUrl,
  calls: () => upstreamCalls(stack.sandboxUrl),
  secrets: () => [stack.sandboxUrl, new URL(stack.sandboxUrl).host, ...Object.values(TOKENS)],
  production: options.production ?? false,
  harness: () => harness(stack.sandboxUrl, stack.gatewayUrl),
});

// ---- A stub upstream, for answers the sandbox cannot give ----

export interface StubAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** Sent whole; a function gets the caller's bearer token (to echo it back). */
  body?: string | ((token: string) => string);
  /** Headers at once, then the body one byte every `everyMs`, at most `bytes` of them. */
  trickle?: { everyMs: number; bytes: number };
}

export interface StubUpstream {
  url: string;
  /** Requests per route key (`GET /v1/payments/{id}`), since the start. */
  calls(): Record<string, number>;
  /** How to answer a route key from now on; unset routes answer 404 in Mercado Pago's shape. */
  answer(route: string, answer: StubAnswer): void;
  /** Forgets every answer. */
  clear(): void;
  close(): Promise<void>;
}

/** `/v1/payments/123` → `/v1/payments/{id}`: digit segments (and customer ids) are ids. */
const routeOf = (method: string, path: string): string =>
  `${method} ${path
    .split('?')[0]
    .split('/')
    .map((s) => (/^\d+$/.test(s) || /^\d+-[A-Za-z0-9]+$/.test(s) ? '{id}' : s))
    .join('/')}`;

/**
 * An HTTP server on 127.0.0.1, port 0, answering as the case says. Bounded: a trickle stops when
 * the client goes or its bytes are out, and the server closes itself (every socket destroyed)
 * after `lifetimeMs` if nobody closed it first.
 */
export const startStubUpstream = async (lifetimeMs = 60_000): Promise<StubUpstream> => {
  const counts = new Map<string, number>();
  const answers = new Map<string, StubAnswer>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const route = routeOf(req.method ?? 'GET', req.url ?? '/');
    counts.set(route, (counts.get(route) ?? 0) + 1);
    const token = /^Bearer (.*)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    req.resume();
    const a = answers.get(route);
    if (!a) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: 'resource not found', error: 'not_found', status: 404, cause: [] }));
      return;
    }
    const body = typeof a.body === 'function' ? a.body(token) : (a.body ?? '');
    res.writeHead(a.status ?? 200, a.headers ?? { 'Content-Type': 'application/json' });
    if (!a.trickle) {
      res.end(body);
      return;
    }
    const { everyMs, bytes } = a.trickle;
    let sent = 0;
    const timer = setInterval(() => {
      if (res.destroyed || sent >= bytes) {
        clearInterval(timer);
        timers.delete(timer);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(body.charAt(sent % Math.max(1, body.length)) || ' ');
      sent += 1;
    }, everyMs);
    timers.add(timer);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }));
  const lifetime = setTimeout(() => void close(), lifetimeMs);
  lifetime.unref();
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => Object.fromEntries(counts),
    answer: (route, answer) => void answers.set(route, answer),
    clear: () => answers.clear(),
    close,
  };
};
