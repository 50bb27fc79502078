// src/upstream/oauth.ts against a loopback stub of `POST /oauth/token` (the sandbox's contract): Mercado Pago
// through the SDK, Mercado Libre with a form body, each sent once whatever the answer, every failure an
// UpstreamError that names no token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamError } from '../../src/upstream/errors';
import { mercadoPagoBaseUrl, setMercadoPagoBaseUrl } from '../../src/upstream/mercadopago';
import { refreshMercadoLibreToken, refreshMercadoPagoToken } from '../../src/upstream/oauth';

interface Seen {
  contentType: string;
  authorization: string;
  body: Record<string, string>;
}

type Reply = (res: ServerResponse, seen: Seen) => void;

const CLIENT = { clientId: '7000000001', clientSecret: 'TEST-APP-SECRET' };

/** The contract's answer for a good refresh token (single use), or 400 invalid_grant. */
const contract = (live: Set<string>): Reply => {
  let n = 0;
  return (res, seen) => {
    const ok =
      seen.body.grant_type === 'refresh_token' &&
      seen.body.client_id === CLIENT.clientId &&
      seen.body.client_secret === CLIENT.clientSecret &&
      live.delete(seen.body.refresh_token);
    n += 1;
    res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        ok
          ? {
              access_token: `APP_USR-new-access-${n}`,
              token_type: 'bearer',
              expires_in: 21600,
              scope: 'offline_access read write',
              user_id: 1,
              refresh_token: `TG-new-refresh-${n}`,
              public_key: 'APP_USR-pk',
              live_mode: false,
            }
          : { error: 'invalid_grant', message: 'Error validating grant', status: 400, cause: [] },
      ),
    );
  };
};

const readBody = async (req: IncomingMessage): Promise<Record<string, string>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('json')) return JSON.parse(text) as Record<string, string>;
  return Object.fromEntries(new URLSearchParams(text));
};

describe('src/upstream/oauth.ts', () => {
  let server: Server;
  let url: string;
  let reply: Reply;
  const seen: Seen[] = [];
  const before = mercadoPagoBaseUrl();

  beforeAll(async () => {
    server = createServer((req, res) => {
      void readBody(req).then((body) => {
        const one = {
          contentType: req.headers['content-type'] ?? '',
          authorization: req.headers.authorization ?? '',
          body,
        };
        seen.push(one);
        if (req.method !== 'POST' || req.url !== '/oauth/token') {
          res.writeHead(404).end();
          return;
        }
        reply(res, one);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    setMercadoPagoBaseUrl(url);
  });
  afterAll(async () => {
    setMercadoPagoBaseUrl(before);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
  });

  const services = [
    [
      'Mercado Pago',
      'mercadoPago',
      (r: Parameters<typeof refreshMercadoPagoToken>[0], t?: number) => refreshMercadoPagoToken(r, t),
    ],
    [
      'Mercado Libre',
      'mercadoLibre',
      (r: Parameters<typeof refreshMercadoPagoToken>[0], t?: number) => refreshMercadoLibreToken(url, r, t),
    ],
  ] as const;

  it.each(services)('%s: the new pair and its lifetime; the refresh token is sent once', async (_, __, refresh) => {
    reply = contract(new Set(['TG-old']));
    const pair = await refresh({ ...CLIENT, refreshToken: 'TG-old' });
    expect(pair).toEqual({ accessToken: 'APP_USR-new-access-1', refreshToken: 'TG-new-refresh-1', expiresIn: 21600 });
    expect(seen).toHaveLength(1);
    expect(seen[0].body).toMatchObject({
      grant_type: 'refresh_token',
      client_id: '7000000001',
      client_secret: 'TEST-APP-SECRET',
      refresh_token: 'TG-old',
    });
  });

  it('Mercado Pago goes through the SDK (JSON), with the application secret as its bearer', async () => {
    reply = contract(new Set(['TG-old']));
    await refreshMercadoPagoToken({ ...CLIENT, refreshToken: 'TG-old' });
    expect(seen[0].contentType).toMatch(/application\/json/);
    expect(seen[0].authorization).toBe('Bearer TEST-APP-SECRET');
  });

  it('Mercado Libre sends a form and no bearer', async () => {
    reply = contract(new Set(['TG-old']));
    await refreshMercadoLibreToken(url, { ...CLIENT, refreshToken: 'TG-old' });
    expect(seen[0].contentType).toBe('application/x-www-form-urlencoded');
    expect(seen[0].authorization).toBe('');
  });

  it.each(services)(
    '%s: a spent refresh token is a 400 invalid_grant, naming no token',
    async (_, service, refresh) => {
      reply = contract(new Set());
      const err = await refresh({ ...CLIENT, refreshToken: 'TG-spent-SECRET' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamError);
      expect(err).toMatchObject({ service, failure: 'status', status: 400, error: 'invalid_grant' });
      expect(JSON.stringify((err as UpstreamError).detail()) + (err as Error).message).not.toMatch(/SECRET|TG-/);
    },
  );

  it.each(services)('%s: a 5xx is not retried (a refresh token is single use)', async (_, service, refresh) => {
    reply = (res) => res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
    const err = await refresh({ ...CLIENT, refreshToken: 'TG-old' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ service, failure: 'status', status: 503 });
    expect(seen).toHaveLength(1);
  });

  it.each(services)('%s: no answer within the timeout is a timeout, not retried', async (_, service, refresh) => {
    reply = () => undefined; // never answers
    const err = await refresh({ ...CLIENT, refreshToken: 'TG-old' }, 200).catch((e: unknown) => e);
    expect(err).toMatchObject({ service, failure: 'timeout' });
    expect(seen).toHaveLength(1);
  });

  it.each(services)('%s: a 2xx without the pair is an unexpected body', async (_, service, refresh) => {
    reply = (res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"APP_USR-x-SECRET"}');
    const err = await refresh({ ...CLIENT, refreshToken: 'TG-old' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ service, failure: 'unexpected_body' });
    expect((err as Error).message).not.toMatch(/SECRET/);
  });

  it('an unreachable Mercado Libre is a connection failure', async () => {
    const err = await refreshMercadoLibreToken('http://127.0.0.1:9', { ...CLIENT, refreshToken: 'TG-old' }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ service: 'mercadoLibre', failure: 'connection' });
  });
});
