// The gateway end to end: GraphQL over HTTP → gateway → official SDK / Mercado Libre client →
// sandbox, everything in this process on loopback. For each operation: client round trips
// (sequential, then concurrent), and how many upstream calls one operation made (from the
// sandbox's request log) — the batching figure the read graph is built around.
import http from 'node:http';
import { loadConfig } from '../../src/config';
import { createGateway } from '../../src/gateway/server';
import { startSandbox } from '../../src/sandbox';
import type { Limits, Row } from './sandbox';
import { ms, summarize } from './stats';

interface Operation {
  scenario: string;
  query: string;
  variables?: Record<string, unknown>;
  token: string;
}

const MONEY = '{ amount currency }';
const OPERATIONS: Operation[] = [
  {
    scenario: 'payment(id) receipt, 3 statusMessages',
    token: 'TEST-SELLER-277582551',
    query: `query($id: ID!) { payment(id: $id) { id status amount ${MONEY} totalPaidAmount ${MONEY} installments card { lastFourDigits } payer { id firstName } feeDetails { type amount ${MONEY} } es: statusMessage(locale: ES) en: statusMessage(locale: EN) pt: statusMessage(locale: PT) } }`,
    variables: { id: '3506756222' },
  },
  {
    scenario: 'order 893431118 + payments twice + balanceDue',
    token: 'TEST-SELLER-169648308',
    query: `query($id: ID!) { order(id: $id) { id status totalAmount ${MONEY} balanceDue ${MONEY} fullyPaid buyer { nickname } a: payments { id status } b: payments { id amount ${MONEY} installments refunds { id } card { lastFourDigits } } } }`,
    variables: { id: '893431118' },
  },
  {
    scenario: 'payments(first: 50) with payers and cards',
    token: 'TEST-SELLER-169648308',
    query: `{ payments(first: 50) { totalCount nodes { id status amount ${MONEY} payer { id email } card { lastFourDigits } } } }`,
  },
  {
    scenario: 'customer wallet (cards, defaultCard)',
    token: 'TEST-SELLER-169648308',
    query: `{ customer(id: "123456789-jxOV430go9fx2e") { id email defaultCard { id lastFourDigits } cards { id lastFourDigits paymentMethod { id } } } }`,
  },
];

export const runGatewayBench = async (limits: Limits): Promise<(Row & { upstreamPerOperation: number })[]> => {
  const sandbox = await startSandbox({ port: 0 });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    HOST: '127.0.0.1',
    PORT: '0',
    MP_API_URL: sandbox.url,
    ML_API_URL: sandbox.url,
  });
  const gateway = await createGateway({ ...config, mpApiUrl: sandbox.url, mlApiUrl: sandbox.url });
  const agent = new http.Agent({ keepAlive: true, maxSockets: limits.concurrency });
  const url = new URL(`${gateway.url}/graphql`);

  const post = (op: Operation): Promise<{ status: number; ns: bigint; errors: boolean }> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query: op.query, variables: op.variables ?? {} });
      const t0 = process.hrtime.bigint();
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            Authorization: `Bearer ${op.token}`,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.once('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              ns: process.hrtime.bigint() - t0,
              errors: text.includes('"errors"'),
            }),
          );
          res.once('error', reject);
        },
      );
      req.once('error', reject);
      req.end(body);
    });

  const upstreamTotal = async (): Promise<number> => {
    const res = await fetch(`${sandbox.url}/__sandbox/requests`);
    return ((await res.json()) as { total: number }).total;
  };

  const phase = async (op: Operation, total: number, concurrency: number) => {
    const client: bigint[] = [];
    const statuses: Record<string, number> = {};
    const deadline = process.hrtime.bigint() + BigInt(Math.round(limits.seconds * 1e9));
    let issued = 0;
    const before = await upstreamTotal();
    const worker = async () => {
      while (issued < total && process.hrtime.bigint() < deadline) {
        issued += 1;
        const r = await post(op);
        client.push(r.ns);
        const key = r.errors ? `${r.status}+errors` : String(r.status);
        statuses[key] = (statuses[key] ?? 0) + 1;
      }
    };
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = ms(process.hrtime.bigint() - start);
    const upstream = (await upstreamTotal()) - before;
    return {
      scenario: `gateway: ${op.scenario}`,
      phase: concurrency === 1 ? ('sequential' as const) : ('concurrent' as const),
      requests: client.length,
      concurrency,
      server: summarize([]),
      client: summarize(client.map(ms)),
      requestsPerSecond: client.length / (elapsed / 1000),
      statuses,
      upstreamPerOperation: client.length ? upstream / client.length : NaN,
    };
  };

  const rows: (Row & { upstreamPerOperation: number })[] = [];
  try {
    // Warm every code path first (JIT): otherwise whichever operation runs first looks twice as slow.
    for (let i = 0; i < limits.warmup; i++) for (const op of OPERATIONS) await post(op);
    for (const op of OPERATIONS) {
      // The request log keeps the newest 1,000 entries but counts every request since the last reset.
      await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
      for (let i = 0; i < Math.min(limits.warmup, 50); i++) await post(op);
      rows.push(await phase(op, Math.ceil(limits.sequential / 4), 1));
      rows.push(await phase(op, Math.ceil(limits.concurrent / 10), Math.min(limits.concurrency, 16)));
    }
  } finally {
    agent.destroy();
    await sandbox.close();
    await gateway.close();
  }
  return rows;
};
