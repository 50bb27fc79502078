// The sandbox's own speed: GET /v1/payments/{id} (and, for scale, GET /users/me), measured two ways.
//
// - Server time: the sandbox's Express app runs inside this process behind a plain Node HTTP
//   server; each request is timed from the server's 'request' event to the response's 'finish'
//   (routing, auth, fault check, handler, JSON, write). No network, no client in that number.
// - Client time: the same server on 127.0.0.1, called from this process through a keep-alive
//   agent, N requests one after another and then M at a time; p50/p95/p99 and requests/s.
//
// Both phases are bounded by a request count and a time budget. Loopback only.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxApp } from '../../src/sandbox';
import { ms, summarize, type Summary } from './stats';

export interface Limits {
  warmup: number;
  sequential: number;
  concurrent: number;
  concurrency: number;
  /** Budget per phase; a phase stops at whichever limit comes first. */
  seconds: number;
}

export interface Row {
  scenario: string;
  phase: 'sequential' | 'concurrent';
  requests: number;
  concurrency: number;
  /** In-process server time per request, ms. */
  server: Summary;
  /** Round trip seen by the client over loopback, ms. */
  client: Summary;
  requestsPerSecond: number;
  statuses: Record<string, number>;
}

interface Target {
  scenario: string;
  path: string;
  token: string;
  concurrent: boolean;
}

// Fixtures of src/sandbox/README.md: payment 3506756222 of the order payments page, seen by its seller and buyer.
const TARGETS: Target[] = [
  {
    scenario: 'GET /v1/payments/{id} (seller view)',
    path: '/v1/payments/3506756222',
    token: 'TEST-SELLER-277582551',
    concurrent: true,
  },
  {
    scenario: 'GET /v1/payments/{id} (buyer view)',
    path: '/v1/payments/3506756222',
    token: 'TEST-BUYER-53745235',
    concurrent: false,
  },
  {
    scenario: 'GET /users/me (adapter + auth only)',
    path: '/users/me',
    token: 'TEST-SELLER-277582551',
    concurrent: false,
  },
];

export const runSandboxBench = async (limits: Limits): Promise<Row[]> => {
  const { app } = createSandboxApp({ control: false });
  let serverNs: bigint[] = [];
  const server = http.createServer((req, res) => {
    const t0 = process.hrtime.bigint();
    res.once('finish', () => serverNs.push(process.hrtime.bigint() - t0));
    app(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: limits.concurrency });

  const get = (t: Target): Promise<{ status: number; ns: bigint }> =>
    new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const req = http.request(
        { host: '127.0.0.1', port, path: t.path, agent, headers: { Authorization: `Bearer ${t.token}` } },
        (res) => {
          res.resume(); // read the whole body: the client time includes it
          res.once('end', () => resolve({ status: res.statusCode ?? 0, ns: process.hrtime.bigint() - t0 }));
          res.once('error', reject);
        },
      );
      req.once('error', reject);
      req.end();
    });

  const phase = async (t: Target, total: number, concurrency: number): Promise<Row> => {
    serverNs = [];
    const client: bigint[] = [];
    const statuses: Record<string, number> = {};
    const deadline = process.hrtime.bigint() + BigInt(Math.round(limits.seconds * 1e9));
    let issued = 0;
    const worker = async () => {
      while (issued < total && process.hrtime.bigint() < deadline) {
        issued += 1;
        const r = await get(t);
        client.push(r.ns);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      }
    };
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = ms(process.hrtime.bigint() - start);
    return {
      scenario: t.scenario,
      phase: concurrency === 1 ? 'sequential' : 'concurrent',
      requests: client.length,
      concurrency,
      server: summarize(serverNs.map(ms)),
      client: summarize(client.map(ms)),
      requestsPerSecond: client.length / (elapsed / 1000),
      statuses,
    };
  };

  const rows: Row[] = [];
  try {
    for (const t of TARGETS) {
      for (let i = 0; i < limits.warmup; i++) await get(t);
      rows.push(await phase(t, limits.sequential, 1));
      if (t.concurrent) rows.push(await phase(t, limits.concurrent, limits.concurrency));
    }
  } finally {
    agent.destroy();
    server.closeAllConnections();
    server.close();
  }
  return rows;
};
