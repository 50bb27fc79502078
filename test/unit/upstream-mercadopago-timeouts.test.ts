// The Mercado Pago client's timeouts cover the whole answer, body included, through the real SDK
// against a scripted loopback server: a body that trickles past the budget is a timeout (a read
// after its one retry, a write at once), the request is ended rather than left to run, and a reset
// in the middle of a body is a connection failure (src/upstream/mercadopago.ts, WHOLE_ANSWER).
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfig } from 'mercadopago/dist/utils/config';
import { upstreamCode } from '../../src/graph/errors';
import { UpstreamError } from '../../src/upstream/errors';
import { createMercadoPagoClient, setMercadoPagoBaseUrl } from '../../src/upstream/mercadopago';

/** How the server answers: headers at once, then the body in `chunks`, one every `everyMs`. */
interface Script {
  chunks: string[];
  everyMs: number;
  /** Destroy the socket instead of sending the last chunk. */
  resetBeforeLast?: boolean;
}

/** What the server saw of one request: whether it was ended by the client before its body was all sent. */
interface Seen {
  method: string;
  path: string;
  cutShort: boolean;
  closed: Promise<void>;
}

// Whole JSON once all chunks are sent: before the fix, the client waited for it and succeeded.
const PAYMENT = ['{"id": 1,', ...Array.from({ length: 40 }, () => ' '), '"status": "approved"}'];

describe('Mercado Pago client: the timeout covers the whole answer', () => {
  let server: Server;
  let script: Script;
  let seen: Seen[];
  const original = AppConfig.BASE_URL;

  const trickle = (res: ServerResponse, s: Script, seenOne: Seen) => {
    let sent = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return void clearInterval(timer);
      if (s.resetBeforeLast && sent === s.chunks.length - 1) {
        clearInterval(timer);
        return void res.socket?.destroy();
      }
      res.write(s.chunks[sent++]);
      if (sent === s.chunks.length) {
        clearInterval(timer);
        res.end();
      }
    }, s.everyMs);
    res.on('close', () => {
      clearInterval(timer);
      seenOne.cutShort = sent < s.chunks.length && !s.resetBeforeLast;
    });
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let closed!: () => void;
      const one: Seen = {
        method: req.method ?? '',
        path: req.url ?? '',
        cutShort: false,
        closed: new Promise((resolve) => (closed = resolve)),
      };
      seen.push(one);
      res.on('close', () => setImmediate(closed));
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      trickle(res, script, one);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    setMercadoPagoBaseUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  beforeEach(() => {
    seen = [];
    script = { chunks: PAYMENT, everyMs: 50 };
  });
  afterAll(async () => {
    (AppConfig as { BASE_URL: string }).BASE_URL = original;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const failure = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a failure');
      },
      (e: unknown) => {
        if (!(e instanceof UpstreamError)) throw e;
        return e;
      },
    );

  it('a read whose body trickles past the timeout: UPSTREAM_TIMEOUT after one retry, each request ended', async () => {
    const started = Date.now();
    const err = await failure(createMercadoPagoClient('TEST-SELLER-1', 300, 300).getPayment('1'));
    // 2 × 300 ms and the SDK's delay (at most 250 ms), not the 2 s the body would take.
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(err).toMatchObject({ service: 'mercadoPago', failure: 'timeout' });
    expect(upstreamCode(err)).toBe('UPSTREAM_TIMEOUT');
    expect(seen.map((s) => [s.method, s.path])).toEqual([
      ['GET', '/v1/payments/1'],
      ['GET', '/v1/payments/1'],
    ]);
    // The client hung up: neither body was sent to its end.
    await Promise.all(seen.map((s) => s.closed));
    expect(seen.map((s) => s.cutShort)).toEqual([true, true]);
  });

  it('a write whose body trickles past the write timeout: UPSTREAM_TIMEOUT at once, never retried', async () => {
    const started = Date.now();
    const err = await failure(
      createMercadoPagoClient('TEST-SELLER-1', 300, 400).createPayment(
        { token: 'ab12', transaction_amount: 10, installments: 1, payer: { email: 'a@b.co' } },
        'key-1',
      ),
    );
    expect(Date.now() - started).toBeLessThan(1_200);
    expect(err).toMatchObject({ service: 'mercadoPago', failure: 'timeout' });
    expect(seen.map((s) => [s.method, s.path])).toEqual([['POST', '/v1/payments']]);
    await seen[0].closed;
    expect(seen[0].cutShort).toBe(true);
  });

  it('a body reset half-way: a connection failure after one retry, not a body of `{}`', async () => {
    script = { chunks: PAYMENT.slice(0, 3).concat(PAYMENT.slice(-1)), everyMs: 10, resetBeforeLast: true };
    const err = await failure(createMercadoPagoClient('TEST-SELLER-1', 1_000, 1_000).getPayment('1'));
    expect(err).toMatchObject({ service: 'mercadoPago', failure: 'connection' });
    expect(upstreamCode(err)).toBe('UPSTREAM_UNAVAILABLE');
    expect(seen).toHaveLength(2);
  });

  it('a slow answer that is whole within the timeout is served', async () => {
    script = { chunks: ['{"id": 1,', ' ', '"status": "approved"}'], everyMs: 30 };
    await expect(createMercadoPagoClient('TEST-SELLER-1', 1_000, 1_000).getPayment('1')).resolves.toMatchObject({
      id: 1,
      status: 'approved',
    });
    expect(seen).toHaveLength(1);
  });

  it('a 2xx that is not JSON (an HTML page): an unexpected body after one retry, never an empty payment', async () => {
    script = { chunks: ['<html><body>Service', ' temporarily unavailable</body></html>'], everyMs: 5 };
    const err = await failure(createMercadoPagoClient('TEST-SELLER-1', 1_000, 1_000).getPayment('1'));
    expect(err).toMatchObject({ service: 'mercadoPago', failure: 'unexpected_body' });
    expect(upstreamCode(err)).toBe('UPSTREAM_ERROR');
    expect(seen).toHaveLength(2);
  });

  it('a refund answered 200 with an empty body (a replayed key) is no refund, not an error', async () => {
    script = { chunks: [''], everyMs: 5 };
    await expect(createMercadoPagoClient('TEST-SELLER-1', 1_000, 1_000).refundPayment('1', 5, 'key-1')).resolves.toBe(
      null,
    );
    expect(seen.map((s) => [s.method, s.path])).toEqual([['POST', '/v1/payments/1/refunds']]);
  });

  it('leaves any other fetch alone: it resolves at the headers, its body read by its caller', async () => {
    script = { chunks: ['{"id": 1,', ...Array.from({ length: 10 }, () => ' '), '"status": "approved"}'], everyMs: 40 };
    createMercadoPagoClient('TEST-SELLER-1'); // the platform fetch is wrapped by now
    const res = await fetch(`${AppConfig.BASE_URL}/v1/payments/1`, { signal: AbortSignal.timeout(5_000) });
    const atHeaders = Date.now();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 1, status: 'approved' });
    expect(Date.now() - atHeaders).toBeGreaterThan(300);
  });
});
