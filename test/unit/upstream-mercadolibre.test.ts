// The Mercado Libre client against a scripted loopback server: what it sends, its retry budget
// (one retry on 5xx or a dropped connection, none on 4xx), its timeout, and its errors.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamError } from '../../src/upstream/errors';
import { createMercadoLibreClient } from '../../src/upstream/mercadolibre';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang' | 'drop';

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
});
