// The Mercado Libre client against a scripted loopback server: what it sends, its retry budget
// (one retry on 5xx, a dropped connection, a timeout or a 2xx that is not JSON; none on 4xx), its
// timeout (the whole answer, body included), and its errors.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { upstreamCode } from '../../src/graph/errors';
import { UpstreamError } from '../../src/upstream/errors';
import { createMercadoLibreClient } from '../../src/upstream/mercadolibre';

type Reply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** `text` as it is, as text/html unless `headers` say otherwise. */
  | { status: number; text: string; headers?: Record<string, string> }
  | 'hang'
  | 'drop'
  /** 200 and the start of a JSON body, then a space every 50 ms for 3 s, then its end. */
  | 'trickle'
  /** 200 and the start of a JSON body, then the socket destroyed. */
  | 'cut';

describe('Mercado Libre client', () => {
  let server: Server;
  let base: string;
  let replies: Reply[];
  /** What to answer once `replies` is used up. */
  let otherwise: Reply;
  let seen: IncomingMessage[];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      const reply = replies.shift() ?? otherwise;
      if (reply === 'hang') return;
      if (reply === 'drop') return void req.socket.destroy();
      if (reply === 'trickle' || reply === 'cut') {
        res.writeHead(200, { 'Content-Type': 'application/json' }).write('{"id": 1');
        if (reply === 'cut') return void setTimeout(() => req.socket.destroy(), 20);
        let left = 60;
        const timer = setInterval(() => {
          if (res.destroyed) return void clearInterval(timer);
          if (--left > 0) return void res.write(' ');
          clearInterval(timer);
          res.end('}');
        }, 50);
        return void res.on('close', () => clearInterval(timer));
      }
      if ('text' in reply) {
        return void res
          .writeHead(reply.status, { 'Content-Type': 'text/html', ...(reply.headers ?? {}) })
          .end(reply.text);
      }
      res
        .writeHead(reply.status, { 'Content-Type': 'application/json', ...(reply.headers ?? {}) })
        .end(JSON.stringify(reply.body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  beforeEach(() => {
    replies = [];
    otherwise = { status: 200, body: {} };
    seen = [];
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the bearer token and asks for JSON; builds the search query', async () => {
    replies = [
      { status: 200, body: { id: 1 } },
      { status: 200, body: { results: [], paging: { total: 0, offset: 0, limit: 5 } } },
    ];
    const client = createMercadoLibreClient(base, 'TEST-SELLER-1');
    expect(await client.getOrder('1')).toEqual({ id: 1 });
    await client.searchOrders({
      role: 'buyer',
      userId: '160903317',
      statuses: ['paid', 'cancelled'],
      dateCreatedFrom: '2024-01-01T00:00:00.000-03:00',
      sort: 'date_desc',
      offset: 10,
      limit: 5,
    });
    expect(seen.map((r) => [r.method, r.url, r.headers.authorization, r.headers.accept])).toEqual([
      ['GET', '/orders/1', 'Bearer TEST-SELLER-1', 'application/json'],
      [
        'GET',
        '/orders/search?buyer=160903317&sort=date_desc&offset=10&limit=5&order.status=paid%2Ccancelled&order.date_created.from=2024-01-01T00%3A00%3A00.000-03%3A00',
        'Bearer TEST-SELLER-1',
        'application/json',
      ],
    ]);
  });

  it('retries once on a 5xx, then gives the error with its status and name', async () => {
    replies = [
      { status: 503, body: {} },
      { status: 200, body: { id: 7 } },
    ];
    expect(await createMercadoLibreClient(base, 't').getMe()).toEqual({ id: 7 });
    replies = [{ status: 500 }, { status: 502, body: { error: 'bad_gateway' } }];
    await expect(createMercadoLibreClient(base, 't').getMe()).rejects.toMatchObject({
      name: 'UpstreamError',
      service: 'mercadoLibre',
      failure: 'status',
      status: 502,
      error: 'bad_gateway',
    });
    expect(seen).toHaveLength(4);
  });

  it('does not retry a 4xx, and keeps Retry-After of a 429', async () => {
    replies = [{ status: 403, body: { message: 'x', error: 'not_owned_order', status: 403, cause: [] } }];
    const err = await createMercadoLibreClient(base, 't')
      .getOrder('2')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ status: 403, error: 'not_owned_order' });
    replies = [{ status: 429, headers: { 'Retry-After': '7' } }];
    await expect(createMercadoLibreClient(base, 't').getMe()).rejects.toMatchObject({ status: 429, retryAfter: 7 });
    expect(seen).toHaveLength(2);
  });

  it('retries a dropped connection or a timeout once, then gives a connection error', async () => {
    replies = ['drop', { status: 200, body: { id: 3 } }];
    expect(await createMercadoLibreClient(base, 't').getMe()).toEqual({ id: 3 });
    // Always dropped: an error after the retry (fetch itself may also retry a reused socket once).
    otherwise = 'drop';
    await expect(createMercadoLibreClient(base, 't').getMe()).rejects.toMatchObject({
      service: 'mercadoLibre',
      failure: 'connection',
    });
    seen = [];
    otherwise = 'hang';
    const started = Date.now();
    await expect(createMercadoLibreClient(base, 't', 200).getMe()).rejects.toMatchObject({
      service: 'mercadoLibre',
      failure: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(seen).toHaveLength(2);
  });

  const TOKEN_PARTS = /TEST-|SELLER|277582551|Bearer|TES/;
  const HTML = '<html><body>Authorization: Bearer TEST-SELLER-277582551</body></html>';

  it('a 2xx that is not JSON: retried once, then an unexpected body that quotes nothing of it', async () => {
    replies = [
      { status: 200, text: HTML },
      { status: 200, body: { id: 5 } },
    ];
    expect(await createMercadoLibreClient(base, 't').getOrder('5')).toEqual({ id: 5 });
    expect(seen).toHaveLength(2);
    seen = [];
    otherwise = { status: 200, text: HTML };
    const err = (await createMercadoLibreClient(base, 't')
      .getOrder('5')
      .catch((e: unknown) => e)) as UpstreamError;
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ service: 'mercadoLibre', failure: 'unexpected_body' });
    expect(upstreamCode(err)).toBe('UPSTREAM_ERROR');
    expect(err.detail()).toEqual({
      service: 'mercadoLibre',
      failure: 'unexpected_body',
      what: '/orders/5: the answer is not JSON',
    });
    expect(JSON.stringify([err.message, err.detail()])).not.toMatch(TOKEN_PARTS);
    expect(seen).toHaveLength(2);
  });

  it('a body that does not arrive within the timeout: retried once, then a timeout, each request ended', async () => {
    otherwise = 'trickle';
    const started = Date.now();
    const err = (await createMercadoLibreClient(base, 't', 300)
      .getMe()
      .catch((e: unknown) => e)) as UpstreamError;
    // 2 × 300 ms and the retry's delay, not the 3 s the body would take.
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ service: 'mercadoLibre', failure: 'timeout' });
    expect(upstreamCode(err)).toBe('UPSTREAM_TIMEOUT');
    expect(seen).toHaveLength(2);
    // The client hung up on both: the server's sockets close long before the bodies would end.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.every((req) => req.socket.destroyed)).toBe(true);
  });

  it('a body cut half-way: retried once, then a connection failure', async () => {
    replies = ['cut', { status: 200, body: { id: 9 } }];
    expect(await createMercadoLibreClient(base, 't').getMe()).toEqual({ id: 9 });
    otherwise = 'cut';
    await expect(createMercadoLibreClient(base, 't').getMe()).rejects.toMatchObject({
      service: 'mercadoLibre',
      failure: 'connection',
    });
    expect(seen).toHaveLength(4);
  });

  it('an HTML 502 is a 502 (UPSTREAM_UNAVAILABLE), with no error name read from the page', async () => {
    otherwise = { status: 502, text: '{"error":"read_from_html"}' };
    const err = (await createMercadoLibreClient(base, 't')
      .getOrder('6')
      .catch((e: unknown) => e)) as UpstreamError;
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ service: 'mercadoLibre', failure: 'status', status: 502, error: null });
    expect(upstreamCode(err)).toBe('UPSTREAM_UNAVAILABLE');
    expect(seen).toHaveLength(2);
  });
});
