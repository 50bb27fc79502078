// The Redis notification bus (src/notifications/redisBus.ts) against a real redis-server of its own:
// two buses stand for two gateways. An event published on one reaches every subscriber of both,
// once; what arrives on the channel is checked; with Redis killed, each bus still delivers its own
// events, and once Redis is back the buses hear each other again; nothing crashes the process.
// Needs redis-server on the PATH: without it this file fails and says how to install it.
import { Redis } from 'ioredis';
import {
  createNotificationBus,
  DEFAULT_BUS_CHANNEL,
  parseBusMessage,
  RedisNotificationBus,
  type NotificationEvent,
} from '../../src/notifications';
import { startRedis, type RedisServer } from '../support/redis';
import {
  capturingLogger,
  restartRedisOn,
  sleep,
  waitFor,
  type LogLine,
  type RestartedRedis,
} from './notifications-redis-support';

const PUBLISH_TIMEOUT_MS = 300;
/** How long a test waits to be sure an event did not arrive (twice), after the one that did. */
const QUIET_MS = 200;

let server: RedisServer;
let restarted: RestartedRedis | null = null;
let raw: Redis;
const buses: RedisNotificationBus[] = [];
let channels = 0;

interface Gateway {
  bus: RedisNotificationBus;
  lines: LogLine[];
  received: NotificationEvent[];
}

const gateway = (channel: string): Gateway => {
  const { log, lines } = capturingLogger();
  const bus = new RedisNotificationBus(server.url, log, {
    channel,
    publishTimeoutMs: PUBLISH_TIMEOUT_MS,
    connectTimeoutMs: 1_000,
  });
  buses.push(bus);
  const received: NotificationEvent[] = [];
  bus.subscribe({}, (e) => void received.push(e));
  return { bus, lines, received };
};

/** Two buses on a channel of their own, both subscribed. */
const twoGateways = async (): Promise<[Gateway, Gateway, string]> => {
  const channel = `test:bus:${++channels}`;
  const pair: [Gateway, Gateway] = [gateway(channel), gateway(channel)];
  await waitFor('both buses subscribed', () => pair.every((g) => g.bus.subscribed), 5_000);
  return [...pair, channel];
};

const order = (id: string): NotificationEvent => ({
  kind: 'order',
  id,
  topic: 'orders_v2',
  userId: '169648308',
  source: 'mercadolibre',
});
const payment = (id: string): NotificationEvent => ({
  kind: 'payment',
  id,
  action: 'payment.updated',
  userId: null,
  source: 'mercadopago',
});
const ids = (events: NotificationEvent[]): string[] => events.map((e) => `${e.kind}:${e.id}`);
const warnings = (lines: LogLine[]): string[] => lines.filter((l) => l.level === 'warn').map((l) => l.msg);

beforeAll(async () => {
  server = await startRedis();
  raw = new Redis(server.url, { maxRetriesPerRequest: 0, lazyConnect: true });
  raw.on('error', () => undefined);
  await raw.connect();
}, 20_000);
afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()));
  raw?.disconnect();
  await restarted?.stop();
  await server?.stop();
});

describe('RedisNotificationBus', () => {
  it("an event published on A reaches B's subscriber once and A's own subscriber once", async () => {
    const [a, b] = await twoGateways();
    await a.bus.publish(order('2000009999'));
    // Local delivery has happened when publish resolves; remote shortly after.
    expect(ids(a.received)).toEqual(['order:2000009999']);
    await waitFor("B's subscriber", () => b.received.length > 0, 5_000);
    await b.bus.publish(payment('3506756222'));
    await waitFor("A's subscriber", () => a.received.length > 1, 5_000);
    await sleep(QUIET_MS);
    expect(a.received).toEqual([order('2000009999'), payment('3506756222')]);
    expect(b.received).toEqual([order('2000009999'), payment('3506756222')]);
    expect([...warnings(a.lines), ...warnings(b.lines)]).toEqual([]);
  });

  it('filters apply to remote events as to local ones', async () => {
    const [a, b] = await twoGateways();
    const only: NotificationEvent[] = [];
    b.bus.subscribe({ kind: 'payment', id: '77' }, (e) => void only.push(e));
    await a.bus.publish(payment('76'));
    await a.bus.publish(payment('77'));
    await a.bus.publish(order('77'));
    await waitFor('three events on B', () => b.received.length === 3, 5_000);
    expect(only).toEqual([payment('77')]);
  });

  it('drops malformed channel messages with a warning, and delivers a well-formed one from another gateway', async () => {
    const [a, b, channel] = await twoGateways();
    const foreign = (event: unknown, over: Record<string, unknown> = {}): string =>
      JSON.stringify({ v: 1, from: 'another-gateway', event, ...over });
    const malformed = [
      'not json',
      JSON.stringify([1, 2]),
      foreign(order('1'), { v: 2 }),
      foreign(order('1'), { from: 'a b' }),
      foreign({ ...order('1'), id: '../1' }),
      foreign({ ...order('1'), kind: 'customer' }),
      foreign({ ...order('1'), topic: 'items' }),
      foreign({ ...order('1'), source: 'mercadopago' }),
      foreign({ ...order('1'), userId: 'me' }),
      foreign({ ...payment('1'), action: 'x'.repeat(100) }),
      foreign({ ...payment('1'), source: 'elsewhere' }),
      foreign(order('1'), { pad: 'x'.repeat(5_000) }),
    ];
    for (const message of malformed) await raw.publish(channel, message);
    // Extra fields are not passed on: the event is rebuilt from the fields an event has.
    await raw.publish(channel, foreign({ ...order('4242'), state: 'paid' }));
    await waitFor('the well-formed message', () => b.received.length === 1 && a.received.length === 1, 5_000);
    expect(b.received).toEqual([order('4242')]);
    expect(a.received).toEqual([order('4242')]);
    expect(warnings(b.lines)).toEqual(malformed.map(() => 'notification bus message dropped'));
    expect(b.lines.filter((l) => l.level === 'warn').map((l) => l.reason)).toEqual([
      'message is not JSON',
      'not a version 1 message',
      'not a version 1 message',
      'from missing or malformed',
      'order id malformed',
      'unknown kind',
      'topic malformed',
      'source malformed',
      'userId malformed',
      'action malformed',
      'source malformed',
      'message too large',
    ]);
  });

  it("a message carrying A's own instance id is not delivered to A again", async () => {
    const [a, b, channel] = await twoGateways();
    await raw.publish(channel, JSON.stringify({ v: 1, from: a.bus.instanceId, event: order('5') }));
    await waitFor('B', () => b.received.length === 1, 5_000);
    await sleep(QUIET_MS);
    expect(a.received).toEqual([]);
  });

  it('parseBusMessage takes what publish sends', () => {
    const event = payment('123');
    expect(parseBusMessage(JSON.stringify({ v: 1, from: 'x', event }))).toEqual({ ok: true, from: 'x', event });
  });

  it('Redis paused: a publish resolves within its timeout, delivered locally, the failure logged', async () => {
    const [a, b] = await twoGateways();
    server.pause();
    let elapsed: number;
    try {
      const started = Date.now();
      await a.bus.publish(order('6'));
      elapsed = Date.now() - started;
    } finally {
      server.resume();
    }
    expect(elapsed).toBeLessThan(PUBLISH_TIMEOUT_MS + 500);
    expect(a.received).toEqual([order('6')]);
    expect(warnings(a.lines)).toEqual(['notification not sent to the other gateways (delivered in this one)']);
    expect(a.lines.find((l) => l.level === 'warn')).toMatchObject({ event: { kind: 'order', id: '6' } });
    // The PUBLISH may still land once Redis resumes (it was sent before the timeout); at most once.
    await sleep(QUIET_MS);
    expect(b.received.length).toBeLessThanOrEqual(1);
  });

  it('Redis killed and restarted: local delivery meanwhile, one warning per bus, remote delivery again once it is back', async () => {
    const [a, b] = await twoGateways();
    await server.kill();
    await waitFor('both buses to see the outage', () => !a.bus.subscribed && !b.bus.subscribed, 5_000);

    const started = Date.now();
    await a.bus.publish(order('7001'));
    await a.bus.publish(order('7002'));
    await b.bus.publish(payment('7003'));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(ids(a.received)).toEqual(['order:7001', 'order:7002']);
    expect(ids(b.received)).toEqual(['payment:7003']);
    for (const g of [a, b])
      expect(warnings(g.lines).filter((m) => m.includes('unreachable'))).toEqual([
        "notification bus: Redis is unreachable; events reach only this gateway's subscribers until it returns",
      ]);

    restarted = await restartRedisOn(server.port);
    const back = Date.now();
    await waitFor('both buses subscribed again', () => a.bus.subscribed && b.bus.subscribed, 10_000);
    const reconnectMs = Date.now() - back;
    expect(reconnectMs).toBeLessThan(5_000);
    await a.bus.publish(order('7004'));
    await waitFor('B to hear A again', () => b.received.length === 2, 5_000);
    await sleep(QUIET_MS);
    expect(ids(b.received)).toEqual(['payment:7003', 'order:7004']);
    expect(ids(a.received)).toEqual(['order:7001', 'order:7002', 'order:7004']);
    for (const g of [a, b]) {
      expect(g.lines.filter((l) => l.level === 'info').map((l) => l.msg)).toEqual([
        'notification bus: Redis is back; events reach every gateway again',
      ]);
      expect(g.lines.filter((l) => l.level === 'error')).toEqual([]);
    }
  }, 30_000);

  it('after close(), publish and subscribe work in process and nothing throws', async () => {
    const [a] = await twoGateways();
    await a.bus.close();
    await a.bus.close();
    await a.bus.publish(order('8'));
    expect(a.received).toEqual([order('8')]);
  });
});

describe('createNotificationBus', () => {
  it('is in memory without REDIS_URL, on Redis with it; both close', async () => {
    const { log } = capturingLogger();
    const memory = createNotificationBus(null, log);
    expect(memory).not.toBeInstanceOf(RedisNotificationBus);
    const seen: NotificationEvent[] = [];
    memory.subscribe({}, (e) => void seen.push(e));
    await memory.publish(order('9'));
    expect(seen).toEqual([order('9')]);
    await memory.close();

    const redis = createNotificationBus(server.url, log);
    expect(redis).toBeInstanceOf(RedisNotificationBus);
    await redis.close();
    expect(DEFAULT_BUS_CHANNEL).toBe('mpgraph:notifications:v1');
  });
});
