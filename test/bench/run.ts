// `npm run bench`: runs the benchmarks, prints one table, and writes the table and the raw
// figures to bench/results/ (gitignored). It measures; it asserts nothing about timings.
//
// Limits (environment): BENCH_SEQUENTIAL (2000 requests), BENCH_CONCURRENT (10000),
// BENCH_CONCURRENCY (32), BENCH_SECONDS (5 s per phase), BENCH_WARMUP (300).
// Subscriptions (subscriptions.ts): BENCH_SUBSCRIBERS (idle subscribers per heap row, "1000,10000"),
// BENCH_SUBS_PER_SOCKET ("1,20", each 1 to 20), BENCH_WATCHERS (subscribers of the one payment, 1000),
// BENCH_WEBHOOKS (measured webhooks per delivery row, 20); BENCH_SUBSCRIPTIONS=off leaves the section out.
import 'reflect-metadata';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { runGatewayBench } from './gateway';
import { runSandboxBench, type Limits, type Row } from './sandbox';
import {
  deliveryTable,
  heapTable,
  HEAP_GOAL_KIB,
  P99_GOAL_MS,
  runSubscriptionsBench,
  type SubscriptionLimits,
} from './subscriptions';
import { renderTable } from './table';

const intEnv = (name: string, fallback: number, min: number, max: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    console.error(`bench: ${name} must be a number between ${min} and ${max}, got "${raw}"`);
    process.exit(1);
  }
  return n;
};

/** A comma-separated list of whole numbers, each between min and max. */
const listEnv = (name: string, fallback: number[], min: number, max: number): number[] => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const list = raw.split(',').map((x) => Number(x.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < min || n > max)) {
    console.error(`bench: ${name} must be whole numbers between ${min} and ${max}, comma-separated, got "${raw}"`);
    process.exit(1);
  }
  return list;
};

const limits: Limits = {
  warmup: intEnv('BENCH_WARMUP', 300, 0, 100_000),
  sequential: intEnv('BENCH_SEQUENTIAL', 2000, 1, 1_000_000),
  concurrent: intEnv('BENCH_CONCURRENT', 10_000, 1, 1_000_000),
  concurrency: intEnv('BENCH_CONCURRENCY', 32, 1, 1024),
  seconds: intEnv('BENCH_SECONDS', 5, 0.1, 600),
};

const subscriptionLimits: SubscriptionLimits | null =
  process.env.BENCH_SUBSCRIPTIONS === 'off'
    ? null
    : {
        subscribers: listEnv('BENCH_SUBSCRIBERS', [1000, 10_000], 1, 100_000),
        perSocket: listEnv('BENCH_SUBS_PER_SOCKET', [1, 20], 1, 20),
        watchers: intEnv('BENCH_WATCHERS', 1000, 1, 20_000),
        webhooks: intEnv('BENCH_WEBHOOKS', 20, 1, 1000),
      };

/** The repository root: the nearest folder above this file with a package.json. */
const repoRoot = (): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
};

const f = (n: number, digits = 3) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

const table = (rows: (Row & { upstreamPerOperation?: number })[]): string =>
  renderTable(
    [
      'scenario',
      'phase',
      'reqs',
      'conc',
      'server p50 ms',
      'server p99 ms',
      'client p50 ms',
      'client p95 ms',
      'client p99 ms',
      'req/s',
      'upstream/op',
      'statuses',
    ],
    rows.map((r) => [
      r.scenario,
      r.phase,
      String(r.requests),
      String(r.concurrency),
      f(r.server.p50),
      f(r.server.p99),
      f(r.client.p50),
      f(r.client.p95),
      f(r.client.p99),
      f(r.requestsPerSecond, 0),
      r.upstreamPerOperation === undefined ? '-' : f(r.upstreamPerOperation, 2),
      Object.entries(r.statuses)
        .map(([s, n]) => `${s}×${n}`)
        .join(' '),
    ]),
    (i) => i < 2 || i === 11,
  );

/** The figure to read first: how long the sandbox itself spends on GET /v1/payments/{id}. */
const headline = (rows: Row[]): string[] =>
  rows
    .filter((r) => r.scenario.startsWith('GET /v1/payments/{id}') && r.phase === 'sequential')
    .map(
      (r) =>
        `${r.scenario}: server time p50 ${f(r.server.p50 * 1000, 0)} µs, ` +
        `p99 ${f(r.server.p99 * 1000, 0)} µs (in-process, per request)`,
    );

void (async () => {
  const startedAt = new Date();
  const rows = [...(await runSandboxBench(limits)), ...(await runGatewayBench(limits))];
  const subscriptions = subscriptionLimits ? await runSubscriptionsBench(subscriptionLimits) : null;
  const env = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cpus: os.cpus().length,
  };
  const text = [
    `mpgraph bench, ${startedAt.toISOString()} (${env.node}, ${env.platform}, ${env.cpus}× ${env.cpu})`,
    `limits: warm-up ${limits.warmup}, sequential ≤ ${limits.sequential}, ` +
      `concurrent ≤ ${limits.concurrent} at ${limits.concurrency}, ≤ ${limits.seconds} s per phase; loopback`,
    'server = in-process time from request to response finish; client = round trip over a keep-alive agent',
    "both run in this one process on one event loop: concurrent client figures include the server's queue",
    'gateway rows: GraphQL over HTTP through the gateway to the sandbox, all in this process; ' +
      'upstream/op = sandbox requests per operation',
    '',
    table(rows),
    '',
    ...headline(rows),
    '',
    ...(subscriptions && subscriptionLimits
      ? [
          'subscriptions (graphql-ws over WebSocket): the gateway in a child process (node --expose-gc), the sandbox',
          'and raw ws clients in this process; loopback',
          'heap: gateway heapUsed after forced GC with the subscribers in place minus before, per subscriber;',
          `goal ≤ ${HEAP_GOAL_KIB} KiB; rss beside it, and what is left once they have all closed`,
          '',
          heapTable(subscriptions.heap),
          '',
          "delivery: from the POST of a signed webhook to each subscriber's next message; one subscription per socket;",
          `${subscriptionLimits.webhooks} webhooks per row, each a new state of payment 3506756222;`,
          `goal p99 < ${P99_GOAL_MS} ms; first = the earliest delivery of any webhook (the rest is fan-out)`,
          '',
          deliveryTable(subscriptions.delivery),
          '',
        ]
      : ['subscriptions: left out (BENCH_SUBSCRIPTIONS=off)', '']),
  ].join('\n');
  console.log(text);

  const dir = join(repoRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const json = `${JSON.stringify(
    { startedAt: startedAt.toISOString(), env, limits, rows, subscriptionLimits, subscriptions },
    null,
    2,
  )}\n`;
  for (const name of [`sandbox-${stamp}`, 'latest']) {
    writeFileSync(join(dir, `${name}.json`), json);
    writeFileSync(join(dir, `${name}.txt`), text);
  }
  console.log(
    `written: ${join('bench', 'results', `sandbox-${stamp}.{json,txt}`)} and bench/results/latest.{json,txt}`,
  );
})().catch((err: unknown) => {
  console.error('bench failed:', err);
  process.exit(1);
});
