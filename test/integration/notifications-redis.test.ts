// Several gateways, one Redis, for notifications: two gateway processes (each its own Node process,
// server and Redis connections) whose bus and dedupe store come from src/notifications' factories
// with REDIS_URL, passed as GatewayOptions. A webhook taken by one is published on the other's bus
// too, once; the same webhook sent to both is published once in all; Redis killed and restarted
// mid-test costs fan-out and shared dedupe while it is away, never a webhook or a process.
// Needs redis-server on the PATH: without it this file fails and says how to install it.
import { randomUUID } from 'node:crypto';
import type { NotificationEvent } from '../../src/notifications';
import { startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import { startRedis, type RedisServer } from '../support/redis';
import { idsFrom, mlBody, mpBody, signature } from '../support/webhooks';
import { restartRedisOn, sleep, waitFor, type RestartedRedis } from '../unit/notifications-redis-support';

const SECRET = 'notifications-redis-test-secret-0123456789';
/** How long a test waits to be sure an event did not arrive (twice), after the one that did. */
const QUIET_MS = 300;
const nextId = idsFrom(2_000_000_000_000_100);

describe('two gateways sharing one Redis for notifications', () => {
  let redis: RedisServer;
  let restarted: RestartedRedis | null = null;
  let gateways: GatewayProcess[] = [];
  let a: GatewayProcess;
  let b: GatewayProcess;

  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      HOST: '127.0.0.1',
      PORT: '0',
      // Webhooks make no upstream call: nothing needs to listen there.
      MP_API_URL: 'http://127.0.0.1:9',
      ML_API_URL: 'http://127.0.0.1:9',
      MP_WEBHOOK_SECRET: SECRET,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'warn',
    };
    gateways = await Promise.all([
      startGatewayProcess(env, { notifications: true }),
      startGatewayProcess(env, { notifications: true }),
    ]);
    [a, b] = gateways;
  }, 60_000);
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await restarted?.stop();
    await redis?.stop();
  }, 30_000);

  const postMl = async (g: GatewayProcess, body: Record<string, unknown>): Promise<string> => {
    const res = await fetch(`${g.url}/webhooks/mercadolibre`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { status: string }).status;
  };
  const postMp = async (g: GatewayProcess, paymentId: string, body: Record<string, unknown>, requestId: string) => {
    const res = await fetch(`${g.url}/webhooks/mercadopago?data.id=${paymentId}&type=payment`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature': signature(SECRET, paymentId, requestId),
        'x-request-id': requestId,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { status: string }).status;
  };
  const seen = (g: GatewayProcess, id: string): NotificationEvent[] => g.events.filter((e) => e.id === id);
  const seenOnBoth = (id: string) => () => seen(a, id).length > 0 && seen(b, id).length > 0;
  const logLines = (g: GatewayProcess): { level: string; msg: string }[] =>
    g
      .stderr()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: string; msg: string });
  /** Posts a new notification to `from` every 250 ms until `to`'s bus has one of them; bounded. */
  const untilHeard = async (from: GatewayProcess, to: GatewayProcess, timeoutMs: number): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    const probes: string[] = [];
    while (!probes.some((id) => seen(to, id).length > 0)) {
      if (Date.now() > deadline)
        throw new Error(`no notification posted to one gateway reached the other in ${timeoutMs} ms`);
      const id = nextId();
      probes.push(id);
      await postMl(from, mlBody(id)).catch(() => undefined);
      await sleep(250);
    }
  };

  it('runs two gateway processes, both wired to Redis', async () => {
    expect(new Set(gateways.map((g) => g.pid)).size).toBe(2);
    // Both subscribed: a notification taken by either reaches the other (bounded, as at start-up).
    await untilHeard(a, b, 10_000);
    await untilHeard(b, a, 10_000);
  });

  it("a Mercado Libre notification posted to A is published on B's bus exactly once (and on A's once)", async () => {
    const id = nextId();
    expect(await postMl(a, mlBody(id))).toBe('accepted');
    await waitFor('the event on both buses', seenOnBoth(id), 5_000);
    await sleep(QUIET_MS);
    const event = { kind: 'order', id, topic: 'orders_v2', userId: '169648308', source: 'mercadolibre' };
    expect(seen(b, id)).toEqual([event]);
    expect(seen(a, id)).toEqual([event]);
  });

  it('the same notification delivered to A and to B at once is published once in all', async () => {
    const id = nextId();
    const body = mlBody(id);
    const answers = await Promise.all([postMl(a, body), postMl(b, body)]);
    expect(answers.sort()).toEqual(['accepted', 'duplicate']);
    // A retry of it later, on either gateway, is a duplicate too.
    expect(await postMl(b, { ...body, attempts: 2 })).toBe('duplicate');
    expect(await postMl(a, { ...body, attempts: 3 })).toBe('duplicate');
    await waitFor('the event on both buses', seenOnBoth(id), 5_000);
    await sleep(QUIET_MS);
    expect(seen(a, id)).toHaveLength(1);
    expect(seen(b, id)).toHaveLength(1);
  });

  it('a signed Mercado Pago webhook replayed to the other gateway, and its retry, are published once in all', async () => {
    const id = nextId();
    const body = mpBody(id);
    const requestId = randomUUID();
    expect(await postMp(a, id, body, requestId)).toBe('accepted');
    expect(await postMp(b, id, body, requestId)).toBe('duplicate'); // the same request: a replay
    expect(await postMp(b, id, body, randomUUID())).toBe('duplicate'); // the sender's retry
    await waitFor('the event on both buses', seenOnBoth(id), 5_000);
    await sleep(QUIET_MS);
    const event = { kind: 'payment', id, action: 'payment.updated', userId: '169648308', source: 'mercadopago' };
    expect(seen(a, id)).toEqual([event]);
    expect(seen(b, id)).toEqual([event]);
  });

  it('Redis killed and restarted: webhooks still taken and published locally, then shared again', async () => {
    await redis.kill();

    // While Redis is away each gateway takes the webhook on its own memory and publishes to its own bus.
    const during = nextId();
    const started = Date.now();
    expect(await postMl(a, mlBody(during))).toBe('accepted');
    const retriedId = nextId();
    const retried = mlBody(retriedId);
    expect(await postMl(a, retried)).toBe('accepted');
    expect(await postMl(a, retried)).toBe('duplicate'); // A still remembers its own
    expect(await postMl(b, retried)).toBe('accepted'); // the documented cost: B publishes it once more
    expect(Date.now() - started).toBeLessThan(5_000);
    await waitFor('local delivery', () => seen(a, during).length === 1, 5_000);
    await sleep(QUIET_MS);
    expect(seen(b, during)).toEqual([]);
    expect(seen(a, retriedId)).toHaveLength(1);
    expect(seen(b, retriedId)).toHaveLength(1);

    restarted = await restartRedisOn(redis.port);
    const back = Date.now();
    // Each gateway reconnects and re-subscribes by itself: notifications posted to A reach B again.
    await untilHeard(a, b, 15_000);
    await untilHeard(b, a, 5_000);
    expect(Date.now() - back).toBeLessThan(15_000);

    const after = nextId();
    const body = mlBody(after);
    expect(await postMl(a, body)).toBe('accepted');
    expect(await postMl(b, body)).toBe('duplicate');
    await waitFor('the event on both buses', seenOnBoth(after), 5_000);
    await sleep(QUIET_MS);
    expect(seen(a, after)).toHaveLength(1);
    expect(seen(b, after)).toHaveLength(1);

    // Both processes are alive and said what happened: one outage warning each, nothing worse.
    for (const g of gateways) {
      const lines = logLines(g);
      expect(lines.filter((l) => l.level === 'error')).toEqual([]);
      expect(lines.filter((l) => l.msg.includes('notification bus: Redis is unreachable'))).toHaveLength(1);
      expect(lines.filter((l) => l.msg.includes('notification dedupe: Redis does not answer'))).toHaveLength(1);
      expect(process.kill(g.pid, 0)).toBe(true);
    }
  }, 40_000);
});
