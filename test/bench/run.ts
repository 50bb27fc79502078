// `npm run bench`: runs the benchmarks, prints one table, and writes the table and the raw
// figures to bench/results/ (gitignored). It measures; it asserts nothing about timings.
//
// Limits (environment): BENCH_SEQUENTIAL (2000 requests), BENCH_CONCURRENT (10000),
// BENCH_CONCURRENCY (32), BENCH_SECONDS (5 s per phase), BENCH_WARMUP (300).
import 'reflect-metadata';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { runGatewayBench } from './gateway';
import { runSandboxBench, type Limits, type Row } from './sandbox';

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

const limits: Limits = {
  warmup: intEnv('BENCH_WARMUP', 300, 0, 100_000),
  sequential: intEnv('BENCH_SEQUENTIAL', 2000, 1, 1_000_000),
  concurrent: intEnv('BENCH_CONCURRENT', 10_000, 1, 1_000_000),
  concurrency: intEnv('BENCH_CONCURRENCY', 32, 1, 1024),
  seconds: intEnv('BENCH_SECONDS', 5, 0.1, 600),
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

const table = (rows: (Row & { upstreamPerOperation?: number })[]): string => {
  const head = [
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
  ];
  const body = rows.map((r) => [
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
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < 2 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w, i) => (i < 2 || i === widths.length - 1 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
};

/** The figure to read first: how long the sandbox itself spends on GET /v1/payments/{id}. */
const headline = (rows: Row[]): string[] =>
  rows
    .filter((r) => r.scenario.startsWith('GET /v1/payments/{id}') && r.phase === 'sequential')
    .map(
      (r) =>
        `${r.scenario}: server time p50 ${f(r.server.p50 * 1000, 0)} µs, p99 ${f(r.server.p99 * 1000, 0)} µs (in-process, per request)`,
    );

void (async () => {
  const startedAt = new Date();
  const rows = [...(await runSandboxBench(limits)), ...(await runGatewayBench(limits))];
  const env = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cpus: os.cpus().length,
  };
  const text = [
    `mpgraph bench, ${startedAt.toISOString()} (${env.node}, ${env.platform}, ${env.cpus}× ${env.cpu})`,
    `limits: warm-up ${limits.warmup}, sequential ≤ ${limits.sequential}, concurrent ≤ ${limits.concurrent} at ${limits.concurrency}, ≤ ${limits.seconds} s per phase; loopback`,
    'server = in-process time from request to response finish; client = round trip over a keep-alive agent',
    "both run in this one process on one event loop: concurrent client figures include the server's queue",
    'gateway rows: GraphQL over HTTP through the gateway to the sandbox, all in this process; upstream/op = sandbox requests per operation',
    '',
    table(rows),
    '',
    ...headline(rows),
    '',
  ].join('\n');
  console.log(text);

  const dir = join(repoRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const json = `${JSON.stringify({ startedAt: startedAt.toISOString(), env, limits, rows }, null, 2)}\n`;
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
