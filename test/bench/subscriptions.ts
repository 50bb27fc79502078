// Subscriptions (README.md, "Subscriptions"): what an idle subscriber costs the gateway's heap, and how long a
// notification takes to reach the subscribers of one payment. The gateway runs in a process of its own
// (subscriptionGateway.ts, under --expose-gc, read through its stdin/stdout); the sandbox and the clients run here.
// The clients are raw `ws` sockets speaking graphql-ws (graphql-transport-ws): tens of thousands of them stay cheap,
// where one graphql-ws client per socket would cost this process more than the gateway.
//
// - Heap per idle subscriber: the gateway's heapUsed after forced full collections with N subscriptions in place
//   (counted on its bus), minus the same before they connected (after a warm-up that connects, subscribes and closes),
//   divided by N; with one subscription per socket and with several (at most 20, the per-connection cap). A fresh
//   gateway process for each row. Socket buffers outside V8's heap are not in it: the rss growth is shown beside.
// - Delivery: one payment watched by `watchers` sockets, one subscription each. Before each webhook the payment's
//   description and update date change in the sandbox's store (so each notification is a new state, sent to every
//   subscriber); the time runs from just before the signed webhook is POSTed to each subscriber's `next` arriving
//   here. On one gateway (in-process bus), and on two gateways sharing a redis-server: webhook to A, subscribers on B.
//   The clients share this process's event loop: the last of 1,000 messages waits for the 999 before it here too.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { startRedis, type RedisServer } from '../support/redis';
import { mpBody, signature } from '../support/webhooks';
import { ms, summarize, type Summary } from './stats';
import { renderTable } from './table';

export interface SubscriptionLimits {
  /** Idle subscribers per heap row (BENCH_SUBSCRIBERS). */
  subscribers: number[];
  /** Subscriptions per socket, each ≤ 20 (BENCH_SUBS_PER_SOCKET). */
  perSocket: number[];
  /** Subscribers of the one payment of the delivery rows (BENCH_WATCHERS). */
  watchers: number;
  /** Measured webhooks per delivery row (BENCH_WEBHOOKS). */
  webhooks: number;
}

export interface Memory {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  rss: number;
  subscriptions: number;
}

export interface HeapRow {
  scenario: string;
  subscribers: number;
  perSocket: number;
  sockets: number;
  before?: Memory;
  after?: Memory;
  afterClose?: Memory;
  /** (after − before) heapUsed / subscribers, bytes. */
  heapPerSubscriber: number;
  connectMs: number;
  note: string;
}

export interface DeliveryRow {
  scenario: string;
  subscribers: number;
  webhooks: number;
  deliveries: number;
  missing: number;
  /** The earliest delivery of any webhook, ms: the part of the time that is not fan-out. */
  first: number;
  latency: Summary;
  note: string;
}

export const HEAP_GOAL_KIB = 16;
export const P99_GOAL_MS = 50;

const TOKEN = 'TEST-SELLER-277582551';
/** The seller's view of this fixture payment is what TOKEN reads. */
const PAYMENT_ID = '3506756222';
const SECRET = 'subscriptions-bench-webhook-secret-0123456789';
const WATCH = 'subscription Watch($id: ID) { paymentUpdated(id: $id) { id status description } }';
const START_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 15_000;
const ROUND_TIMEOUT_MS = 5_000;
const WARMUP_WEBHOOKS = 3;
const CONNECTING_AT_ONCE = 100;

const sleep = (msToWait: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, msToWait));
const message = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 300);

const failure = (err: unknown, clients: Sockets): string =>
  `failed: ${message(err)}${clients.firstError ? `; first subscription error: ${clients.firstError}` : ''}`;

// ---- the gateway process ----

interface BenchGateway {
  url: string;
  wsUrl: string;
  heap(): Promise<Memory>;
  count(): Promise<number>;
  stop(): Promise<void>;
}

const startGateway = (env: Record<string, string>): Promise<BenchGateway> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', join(__dirname, 'subscriptionGateway.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        HOST: '127.0.0.1',
        PORT: '0',
        MP_WEBHOOK_SECRET: SECRET,
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    let pending = '';
    let started = false;
    const waiters = new Map<string, ((json: string) => void)[]>();
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const gone = () => child.exitCode !== null || child.signalCode !== null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gateway process did not start within ${START_TIMEOUT_MS} ms: ${stderr.slice(0, 1000)}`));
    }, START_TIMEOUT_MS);
    child.stdin.on('error', () => undefined); // a write after it ended: the answer's timeout says so
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 100_000) stderr += d.toString('utf8');
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`gateway process ended (${signal ?? code}): ${stderr.slice(0, 1000)}`));
    });

    const ask = <T>(command: string, timeoutMs: number): Promise<T> =>
      new Promise((answered, failed) => {
        const list = waiters.get(command) ?? [];
        const waiter = (json: string) => {
          clearTimeout(late);
          answered(JSON.parse(json) as T);
        };
        const late = setTimeout(() => {
          list.splice(list.indexOf(waiter), 1);
          failed(new Error(`the gateway process did not answer "${command}" within ${timeoutMs} ms`));
        }, timeoutMs);
        list.push(waiter);
        waiters.set(command, list);
        child.stdin.write(`${command}\n`);
      });

    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const space = line.indexOf(' ');
        const [word, rest] = space === -1 ? [line, ''] : [line.slice(0, space), line.slice(space + 1)];
        if (word !== 'listening') waiters.get(word)?.shift()?.(rest);
        else if (!started) {
          started = true;
          clearTimeout(timer);
          resolve({
            url: rest,
            wsUrl: `${rest.replace(/^http/, 'ws')}/graphql`,
            heap: () => ask<Memory>('heap', 30_000),
            count: async () => (await ask<{ subscriptions: number }>('count', 10_000)).subscriptions,
            stop: async () => {
              if (gone()) return;
              child.kill('SIGTERM');
              const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
              await exited;
              clearTimeout(kill);
            },
          });
        }
      }
    });
  });

/** Polls the gateway's count of bus subscriptions until it is `n`; throws after `timeoutMs`. */
const untilSubscriptions = async (gateway: BenchGateway, n: number, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  while ((last = await gateway.count()) !== n) {
    if (Date.now() > deadline) throw new Error(`${last} of ${n} subscriptions in place after ${timeoutMs} ms`);
    await sleep(100);
  }
};

// ---- the clients ----

type OnNext = (at: bigint, data: Buffer) => void;
const NEXT = Buffer.from('"type":"next"');

/** Every socket the bench opened and has not closed, so that each row can close whatever it left. */
class Sockets {
  private readonly open = new Set<WebSocket>();
  /** The first `error` message a subscription received, to say why subscriptions are missing. */
  firstError: string | null = null;

  /** One socket, acknowledged, with `subscriptions` sent on it (ids 1, 2, …). */
  connect(wsUrl: string, subscriptions: Record<string, unknown>[], onNext?: OnNext): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
      this.open.add(ws);
      let acked = false;
      const fail = (err: Error) => {
        clearTimeout(timer);
        ws.terminate();
        reject(err);
      };
      const timer = setTimeout(
        () => fail(new Error(`no connection_ack in ${CONNECT_TIMEOUT_MS} ms`)),
        CONNECT_TIMEOUT_MS,
      );
      ws.on('open', () => {
        ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKEN}` } }));
      });
      ws.on('message', (raw: WebSocket.RawData) => {
        const at = process.hrtime.bigint();
        const data = raw as Buffer;
        if (acked) {
          if (data.includes(NEXT)) onNext?.(at, data);
          else this.other(ws, data);
          return;
        }
        const got = JSON.parse(data.toString('utf8')) as { type?: string };
        if (got.type !== 'connection_ack') return fail(new Error(`expected connection_ack, got ${got.type}`));
        acked = true;
        clearTimeout(timer);
        subscriptions.forEach((payload, i) =>
          ws.send(JSON.stringify({ id: String(i + 1), type: 'subscribe', payload })),
        );
        resolve(ws);
      });
      ws.on('error', (err) => {
        if (!acked) fail(err);
      });
      ws.on('close', (code) => {
        this.open.delete(ws);
        if (!acked) fail(new Error(`closed with ${code} before connection_ack`));
      });
    });
  }

  private other(ws: WebSocket, data: Buffer): void {
    const got = JSON.parse(data.toString('utf8')) as { type?: string; payload?: unknown };
    if (got.type === 'ping') ws.send('{"type":"pong"}');
    else if (got.type === 'error') this.firstError ??= JSON.stringify(got.payload).slice(0, 300);
  }

  /** `subscribers` subscriptions over sockets of `perSocket` each, `CONNECTING_AT_ONCE` sockets connecting at once. */
  async connectMany(
    wsUrl: string,
    subscribers: number,
    perSocket: number,
    payload: (i: number) => Record<string, unknown>,
    onNext?: OnNext,
  ): Promise<void> {
    const sockets = Math.ceil(subscribers / perSocket);
    let next = 0;
    const worker = async () => {
      while (next < sockets) {
        const s = next++;
        const count = Math.min(perSocket, subscribers - s * perSocket);
        await this.connect(
          wsUrl,
          Array.from({ length: count }, (_, j) => payload(s * perSocket + j)),
          onNext,
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONNECTING_AT_ONCE, sockets) }, worker));
  }

  /** Closes every open socket (1000), and terminates those still open after `timeoutMs`. */
  async closeAll(timeoutMs = 10_000): Promise<void> {
    const all = [...this.open];
    if (all.length === 0) return;
    const closed = Promise.all(all.map((ws) => new Promise<void>((done) => ws.once('close', () => done()))));
    for (const ws of all) ws.close(1000);
    await Promise.race([closed, sleep(timeoutMs)]);
    for (const ws of this.open) ws.terminate();
    this.open.clear();
  }
}

// ---- heap per idle subscriber ----

const idlePayload = (i: number) => ({ query: WATCH, variables: { id: String(9_000_000_000 + i) } });

const heapRow = async (sandboxUrl: string, subscribers: number, perSocket: number): Promise<HeapRow> => {
  const sockets = Math.ceil(subscribers / perSocket);
  const row: HeapRow = {
    scenario: `idle subscribers, ${perSocket === 1 ? 'one subscription per socket' : `${perSocket} per socket`}`,
    subscribers,
    perSocket,
    sockets,
    heapPerSubscriber: NaN,
    connectMs: NaN,
    note: '',
  };
  const clients = new Sockets();
  let gateway: BenchGateway | null = null;
  try {
    gateway = await startGateway({ MP_API_URL: sandboxUrl, ML_API_URL: sandboxUrl });
    // Warm-up: every path a subscriber takes (connect, authenticate, validate, subscribe, close) run before the
    // baseline, so that what they compile and cache once is not counted per subscriber.
    for (let i = 0; i < 2; i++) {
      const n = Math.min(subscribers, 20 * perSocket);
      await clients.connectMany(gateway.wsUrl, n, perSocket, idlePayload);
      await untilSubscriptions(gateway, n, 20_000);
      await clients.closeAll();
      await untilSubscriptions(gateway, 0, 20_000);
    }
    row.before = await gateway.heap();
    const t0 = process.hrtime.bigint();
    await clients.connectMany(gateway.wsUrl, subscribers, perSocket, idlePayload);
    await untilSubscriptions(gateway, subscribers, 60_000);
    row.connectMs = ms(process.hrtime.bigint() - t0);
    row.after = await gateway.heap();
    row.heapPerSubscriber = (row.after.heapUsed - row.before.heapUsed) / subscribers;
    await clients.closeAll();
    await untilSubscriptions(gateway, 0, 30_000);
    row.afterClose = await gateway.heap();
  } catch (err) {
    row.note = failure(err, clients);
  } finally {
    await clients.closeAll();
    await gateway?.stop();
  }
  return row;
};

// ---- notification to delivery ----

let lastUpdate = 0;

/** A new state of the payment: a description of its own and a later update date. */
const changePayment = (sandbox: RunningSandbox, tag: string): void => {
  const record = sandbox.store.payments.get(Number(PAYMENT_ID));
  if (!record) throw new Error(`payment ${PAYMENT_ID} is not in the sandbox`);
  lastUpdate = Math.max(Date.now(), lastUpdate + 1);
  record.body.description = tag;
  record.body.date_last_updated = new Date(lastUpdate).toISOString();
};

/** A signed Mercado Pago webhook about the payment, new (its own request id and notification id). */
const postWebhook = async (gatewayUrl: string): Promise<number> => {
  const requestId = randomUUID();
  const body = mpBody(PAYMENT_ID, { id: Math.floor(Math.random() * 1e12), date_created: new Date().toISOString() });
  const res = await fetch(`${gatewayUrl}/webhooks/mercadopago?data.id=${PAYMENT_ID}&type=payment`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'x-request-id': requestId,
      'x-signature': signature(SECRET, PAYMENT_ID, requestId),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
  await res.text();
  return res.status;
};

interface Round {
  tag: Buffer;
  arrivals: bigint[];
  expected: number;
  done: () => void;
}

const deliveryRow = async (
  scenario: string,
  sandbox: RunningSandbox,
  watchOn: BenchGateway,
  postTo: BenchGateway,
  limits: SubscriptionLimits,
  watchers = limits.watchers,
): Promise<DeliveryRow> => {
  const row: DeliveryRow = {
    scenario,
    subscribers: watchers,
    webhooks: 0,
    deliveries: 0,
    missing: 0,
    first: NaN,
    latency: summarize([]),
    note: '',
  };
  const clients = new Sockets();
  let current: Round | null = null;
  let rounds = 0;
  const onNext: OnNext = (at, data) => {
    const round = current;
    if (round && data.includes(round.tag)) {
      round.arrivals.push(at);
      if (round.arrivals.length === round.expected) round.done();
    }
  };
  /** One webhook: the times from its POST to each arrival, ms. */
  const round = async (): Promise<number[]> => {
    const tag = `bench state ${++rounds}`;
    changePayment(sandbox, tag);
    let done = () => undefined as void;
    const all = new Promise<void>((resolve) => (done = resolve));
    current = { tag: Buffer.from(tag), arrivals: [], expected: watchers, done };
    const t0 = process.hrtime.bigint();
    const status = await postWebhook(postTo.url);
    if (status !== 200) throw new Error(`the webhook was answered ${status}`);
    await Promise.race([all, sleep(ROUND_TIMEOUT_MS)]);
    const arrivals = current.arrivals;
    current = null;
    return arrivals.map((at) => ms(at - t0));
  };
  try {
    await clients.connectMany(
      watchOn.wsUrl,
      watchers,
      1,
      () => ({ query: WATCH, variables: { id: PAYMENT_ID } }),
      onNext,
    );
    await untilSubscriptions(watchOn, watchers, 30_000);
    // Ready once a webhook reaches every subscriber (across Redis: once B's bus has subscribed there); then warm.
    for (let attempt = 1; (await round()).length < watchers; attempt++)
      if (attempt >= 3)
        throw new Error(`a webhook did not reach all ${watchers} subscribers in ${ROUND_TIMEOUT_MS} ms`);
    for (let i = 0; i < WARMUP_WEBHOOKS; i++) await round();
    const samples: number[] = [];
    for (let i = 0; i < limits.webhooks; i++) {
      await sleep(50);
      const times = await round();
      samples.push(...times);
      row.webhooks += 1;
      row.missing += watchers - times.length;
    }
    row.deliveries = samples.length;
    row.latency = summarize(samples);
    row.first = samples.reduce((a, b) => Math.min(a, b), Infinity);
  } catch (err) {
    row.note = failure(err, clients);
  } finally {
    await clients.closeAll();
  }
  return row;
};

const redisMissing = (): string | null => {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8', timeout: 5_000 });
  return probe.error || probe.status !== 0 ? 'skipped: redis-server is not on the PATH' : null;
};

export const runSubscriptionsBench = async (
  limits: SubscriptionLimits,
): Promise<{ heap: HeapRow[]; delivery: DeliveryRow[] }> => {
  const sandbox = await startSandbox({ port: 0 });
  const upstream = { MP_API_URL: sandbox.url, ML_API_URL: sandbox.url };
  const heap: HeapRow[] = [];
  const delivery: DeliveryRow[] = [];
  try {
    for (const perSocket of limits.perSocket)
      for (const subscribers of limits.subscribers) heap.push(await heapRow(sandbox.url, subscribers, perSocket));

    const one = 'one payment, webhook and subscribers on one gateway';
    const alone = 'one payment, one subscriber (the floor: no fan-out), one gateway';
    let gateway: BenchGateway | null = null;
    try {
      gateway = await startGateway(upstream);
      delivery.push(await deliveryRow(alone, sandbox, gateway, gateway, limits, 1));
      delivery.push(await deliveryRow(one, sandbox, gateway, gateway, limits));
    } catch (err) {
      delivery.push({ ...emptyDelivery(one, limits), note: `failed: ${message(err)}` });
    } finally {
      await gateway?.stop();
    }

    const two = 'one payment, webhook to gateway A, subscribers on B (one redis-server)';
    const skip = redisMissing();
    if (skip) delivery.push({ ...emptyDelivery(two, limits), note: skip });
    else {
      let redis: RedisServer | null = null;
      const gateways: BenchGateway[] = [];
      try {
        redis = await startRedis();
        for (let i = 0; i < 2; i++) gateways.push(await startGateway({ ...upstream, REDIS_URL: redis.url }));
        delivery.push(await deliveryRow(two, sandbox, gateways[1], gateways[0], limits));
      } catch (err) {
        delivery.push({ ...emptyDelivery(two, limits), note: `failed: ${message(err)}` });
      } finally {
        await Promise.all(gateways.map((g) => g.stop()));
        await redis?.stop();
      }
    }
  } finally {
    await sandbox.close();
  }
  return { heap, delivery };
};

const emptyDelivery = (scenario: string, limits: SubscriptionLimits, watchers = limits.watchers): DeliveryRow => ({
  scenario,
  subscribers: watchers,
  webhooks: 0,
  deliveries: 0,
  missing: 0,
  first: NaN,
  latency: summarize([]),
  note: '',
});

// ---- the tables ----

const fixed = (n: number | undefined, digits: number): string =>
  n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : '-';
const MiB = (bytes: number | undefined) => fixed(bytes === undefined ? undefined : bytes / 1024 / 1024, 1);
const within = (ok: boolean, measured: boolean) => (!measured ? '-' : ok ? 'yes' : 'NO');

export const heapTable = (rows: HeapRow[]): string =>
  renderTable(
    [
      'scenario',
      'subscribers',
      'per socket',
      'sockets',
      'heap before MiB',
      'heap after MiB',
      'heap KiB/subscriber',
      'goal',
      'within',
      'rss KiB/subscriber',
      'heap left after close KiB/sub',
      'connect s',
      'note',
    ],
    rows.map((r) => {
      const perSub = (a?: number, b?: number) =>
        a === undefined || b === undefined ? NaN : (a - b) / r.subscribers / 1024;
      return [
        r.scenario,
        String(r.subscribers),
        String(r.perSocket),
        String(r.sockets),
        MiB(r.before?.heapUsed),
        MiB(r.after?.heapUsed),
        fixed(r.heapPerSubscriber / 1024, 2),
        `≤ ${HEAP_GOAL_KIB} KiB`,
        within(r.heapPerSubscriber / 1024 <= HEAP_GOAL_KIB, Number.isFinite(r.heapPerSubscriber)),
        fixed(perSub(r.after?.rss, r.before?.rss), 2),
        fixed(perSub(r.afterClose?.heapUsed, r.before?.heapUsed), 2),
        fixed(r.connectMs / 1000, 1),
        r.note,
      ];
    }),
    (i) => i === 0 || i === 12,
  );

export const deliveryTable = (rows: DeliveryRow[]): string =>
  renderTable(
    [
      'scenario',
      'subscribers',
      'webhooks',
      'deliveries',
      'missing',
      'first ms',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'goal',
      'within',
      'note',
    ],
    rows.map((r) => [
      r.scenario,
      String(r.subscribers),
      String(r.webhooks),
      String(r.deliveries),
      String(r.missing),
      fixed(r.first, 2),
      fixed(r.latency.p50, 2),
      fixed(r.latency.p95, 2),
      fixed(r.latency.p99, 2),
      fixed(r.latency.max, 2),
      `p99 < ${P99_GOAL_MS} ms`,
      within(r.latency.p99 < P99_GOAL_MS && r.missing === 0, r.latency.count > 0),
      r.note,
    ]),
    (i) => i === 0 || i === 12,
  );
