// Test support: a notification receiver on a loopback port (127.0.0.1, port 0). It records every
// request and answers as the test says: a status, or `hang` (never answer, until closed).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  /** Path and query, as sent. */
  url: string;
  query: URLSearchParams;
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
  at: number;
  /** True once the sender dropped the connection before the receiver answered. */
  aborted: boolean;
}

/** What to answer the n-th request (0-based) with. */
export type Answer = number | 'hang';
export type Responder = (req: Received, n: number) => Answer;

export interface Receiver {
  url: string;
  received: Received[];
  /** Answers from now on (default: always 200); also empties `received`. */
  respond(responder: Responder): void;
  /** Waits until `n` requests have arrived (polling, bounded). */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export const startReceiver = async (): Promise<Receiver> => {
  let responder: Responder = () => 200;
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* keep text */
      }
      const url = req.url ?? '/';
      const i = url.indexOf('?');
      const entry: Received = {
        method: req.method ?? '',
        url,
        path: i === -1 ? url : url.slice(0, i),
        query: new URLSearchParams(i === -1 ? '' : url.slice(i + 1)),
        headers: req.headers,
        body,
        at: Date.now(),
        aborted: false,
      };
      res.on('close', () => {
        if (!res.writableEnded) entry.aborted = true;
      });
      const n = received.length;
      received.push(entry);
      const answer = responder(entry, n);
      if (answer === 'hang') return;
      res.writeHead(answer, { 'Content-Type': 'text/plain' }).end(answer >= 200 && answer < 300 ? 'OK' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    respond(r) {
      responder = r;
      received.length = 0;
    },
    async waitFor(n, timeoutMs = 3000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`receiver: expected ${n} requests, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      return received.slice();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

/** A loopback URL nobody listens on (a port just freed). */
export const deadUrl = async (): Promise<string> => {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}/nobody-listens`;
};

/** Polls `probe` until it returns a value (not undefined), bounded in time. */
export const eventually = async <T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 3000,
  what = 'condition',
): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
