// Subscriptions across gateways (README.md, "Subscriptions" and "Several gateways, one Redis"): two gateway processes
// sharing one redis-server and one sandbox. A webhook taken by gateway A reaches the graphql-ws subscribers of
// gateway B, once per state; the same webhook sent to both is published once in all; an order notification reaches
// an orderUpdated subscriber with the order as it is now; with Redis killed, A's own subscribers still hear A's
// webhooks (B's do not), and once Redis is back B's hear them again.
// The sandbox sends no notification of its own here (no notification URL): every webhook is one this file posts.
// Needs redis-server on the PATH: without it this file fails and says how to install it.
import { randomUUID } from 'node:crypto';
import type { NotificationEvent } from '../../src/notifications';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { setMercadoPagoBaseUrl } from '../../src/upstream/mercadopago';
import { startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import { startRedis, type RedisServer } from '../support/redis';
import { raw, TOKENS } from '../support/sandbox';
import { mlBody, mpBody, signature } from '../support/webhooks';
import { restartRedisOn, sleep, waitFor, type RestartedRedis } from '../unit/notifications-redis-support';
import { pay } from './sandbox-payments-helpers';
import { PAYMENT_UPDATED, statuses, subscribe, type Sub } from './subscriptions-helpers';

const SECRET = 'subscriptions-redis-test-secret-0123456789';
/** How long a test waits to be sure nothing more arrives (and that reads in flight have ended). */
const QUIET_MS = 300;
const SELLER = TOKENS.sellerMLB;
const BUYER = TOKENS.buyerMLB;
const ORDER_UPDATED = `subscription Watch($id: ID) { orderUpdated(id: $id) { id status paidAmount { amount } } }`;

describe('subscriptions on two gateways sharing one Redis', () => {
  let redis: RedisServer;
  let restarted: RestartedRedis | null = null;
  let sandbox: RunningSandbox;
  let gateways: GatewayProcess[] = [];
  let a: GatewayProcess;
  let b: GatewayProcess;
  const open: Sub[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    // No notification URL: the sandbox sends no webhook of its own.
    sandbox = await startSandbox({ port: 0 });
    // This process makes payments through the SDK; the gateways are processes of their own.
    setMercadoPagoBaseUrl(sandbox.url);
    const env = {
      HOST: '127.0.0.1',
      PORT: '0',
      MP_API_URL: sandbox.url,
      ML_API_URL: sandbox.url,
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
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await Promise.all(gateways.map((g) => g.stop()));
    await sandbox?.close();
    await restarted?.stop();
    await redis?.stop();
  }, 30_000);

  const sub = (g: GatewayProcess, token: string, query: string, id: string): Sub => {
    const s = subscribe(g.url, token, query, { id });
    open.push(s);
    return s;
  };
  const answer = async (res: Response): Promise<string> => {
    expect(res.status).toBe(200);
    return ((await res.json()) as { status: string }).status;
  };
  /** A signed Mercado Pago webhook about payment `id` posted to `g`; a new notification unless `body` is given. */
  const postMp = async (g: GatewayProcess, id: string, body?: Record<string, unknown>): Promise<string> => {
    const requestId = randomUUID();
    return answer(
      await fetch(`${g.url}/webhooks/mercadopago?data.id=${id}&type=payment`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature': signature(SECRET, id, requestId),
          'x-request-id': requestId,
        },
        body: JSON.stringify(body ?? mpBody(id, { id: Math.floor(Math.random() * 1e12) })),
        signal: AbortSignal.timeout(5_000),
      }),
    );
  };
  const postMl = async (g: GatewayProcess, body: Record<string, unknown>): Promise<string> =>
    answer(
      await fetch(`${g.url}/webhooks/mercadolibre`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5_000),
      }),
    );
  /** The events gateway `g`'s bus delivered about `id`. */
  const seen = (g: GatewayProcess, id: string): NotificationEvent[] => g.events.filter((e) => e.id === id);
  /**
   * Posts a new notification every 300 ms until every subscriber in `subs` has a message (graphql-ws does not say
   * when a subscription is in place: its first message does), then waits for the reads in flight to end; bounded.
   */
  const primed = async (subs: Sub[], post: () => Promise<string>, timeoutMs = 5_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    await sleep(100);
    while (!subs.every((s) => s.messages.length > 0)) {
      if (Date.now() > deadline) throw new Error(`a subscriber had no message within ${timeoutMs} ms`);
      expect(await post()).toBe('accepted');
      await waitFor('a message', () => subs.every((s) => s.messages.length > 0), 300).catch(() => undefined);
    }
    await sleep(QUIET_MS);
  };
  /** A card payment of the MLB seller left in process (cardholder CONT), its id. */
  const inProcessPayment = async (): Promise<string> => {
    const payment = await pay({ name: 'CONT' });
    expect(payment.status).toBe('in_process');
    return String(payment.id);
  };
  const approve = async (id: string): Promise<void> => {
    expect((await raw(sandbox.url, 'POST', `/__sandbox/payments/${id}/approve`)).status).toBeLessThan(300);
  };
  const alive = (g: GatewayProcess): boolean => {
    try {
      return process.kill(g.pid, 0);
    } catch {
      return false;
    }
  };
  const logLines = (g: GatewayProcess): { level: string; msg: string }[] =>
    g
      .stderr()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: string; msg: string });

  it('a webhook posted to A reaches a paymentUpdated subscriber on B once for the new state', async () => {
    const id = await inProcessPayment();
    const onB = sub(b, SELLER, PAYMENT_UPDATED, id);
    await primed([onB], () => postMp(a, id));
    expect(statuses(onB, id)).toEqual(['IN_PROCESS']);
    const before = { a: seen(a, id).length, b: seen(b, id).length };

    await approve(id);
    expect(await postMp(a, id)).toBe('accepted');
    await waitFor('APPROVED on B', () => statuses(onB, id).length === 2, 5_000);
    await sleep(QUIET_MS);
    expect(statuses(onB, id)).toEqual(['IN_PROCESS', 'APPROVED']);
    expect(onB.messages.at(-1)).toEqual({
      data: { paymentUpdated: { id, status: 'APPROVED', statusDetail: 'accredited' } },
    });
    expect(onB.errors).toEqual([]);
    // One event on each bus for that webhook; and none from the sandbox, which sent nothing.
    expect(seen(a, id).length - before.a).toBe(1);
    expect(seen(b, id).length - before.b).toBe(1);
    expect((await raw(sandbox.url, 'GET', '/__sandbox/notifications')).body.deliveries).toEqual([]);
  });

  it('the same webhook delivered to A and to B: one message on a subscriber of each', async () => {
    const id = await inProcessPayment();
    const onA = sub(a, SELLER, PAYMENT_UPDATED, id);
    const onB = sub(b, SELLER, PAYMENT_UPDATED, id);
    await primed([onA, onB], () => postMp(a, id));
    const before = { a: seen(a, id).length, b: seen(b, id).length };

    await approve(id);
    // The sender's retry reaching the other gateway: the same body, a new request id and signature.
    const body = mpBody(id, { id: Math.floor(Math.random() * 1e12) });
    const answers = await Promise.all([postMp(a, id, body), postMp(b, id, body)]);
    expect(answers.sort()).toEqual(['accepted', 'duplicate']);
    await waitFor('APPROVED on both', () => statuses(onA, id).length === 2 && statuses(onB, id).length === 2, 5_000);
    await sleep(QUIET_MS);
    expect(statuses(onA, id)).toEqual(['IN_PROCESS', 'APPROVED']);
    expect(statuses(onB, id)).toEqual(['IN_PROCESS', 'APPROVED']);
    expect(seen(a, id).length - before.a).toBe(1);
    expect(seen(b, id).length - before.b).toBe(1);
  });

  it('an orders_v2 notification posted to A reaches orderUpdated on B with the order as it is now', async () => {
    const created = await raw(sandbox.url, 'POST', '/__sandbox/orders', {
      body: {
        seller_id: 169648308,
        buyer_id: 160903317,
        items: [{ id: 'MLB700000001', title: 'Mesa de pinho', quantity: 2, unit_price: 150.5 }],
      },
    });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    // The buyer's token: an order of the mandatory flow is the buyer's alone until it is paid.
    const onB = sub(b, BUYER, ORDER_UPDATED, id);
    await primed([onB], () => postMl(a, mlBody(id)));
    expect(onB.messages.map((m) => m.data.orderUpdated.status)).toEqual(['PAYMENT_REQUIRED']);

    expect((await raw(sandbox.url, 'POST', `/__sandbox/orders/${id}/pay`, { body: {} })).status).toBe(201);
    const now = (await raw(sandbox.url, 'GET', `/orders/${id}`, { token: BUYER })).body;
    expect(now.status).toBe('paid');
    expect(await postMl(a, mlBody(id))).toBe('accepted'); // { resource: "/orders/<id>", topic: "orders_v2", … }
    await waitFor('PAID on B', () => onB.messages.length === 2, 5_000);
    await sleep(QUIET_MS);
    expect(onB.messages).toHaveLength(2);
    expect(onB.messages[1]).toEqual({
      data: { orderUpdated: { id, status: 'PAID', paidAmount: { amount: String(now.paid_amount) } } },
    });
    expect(onB.errors).toEqual([]);
  });

  it("Redis killed: A's webhooks reach only A's subscribers; once it is back, B's again", async () => {
    const id = await inProcessPayment();
    const onA = sub(a, SELLER, PAYMENT_UPDATED, id);
    const onB = sub(b, SELLER, PAYMENT_UPDATED, id);
    await primed([onA, onB], () => postMp(a, id));
    const beforeB = seen(b, id).length;

    await redis.kill();
    await approve(id);
    expect(await postMp(a, id)).toBe('accepted');
    await waitFor("APPROVED on A's subscriber", () => statuses(onA, id).length === 2, 5_000);
    await sleep(QUIET_MS);
    expect(statuses(onA, id)).toEqual(['IN_PROCESS', 'APPROVED']);
    expect(statuses(onB, id)).toEqual(['IN_PROCESS']);
    expect(seen(b, id)).toHaveLength(beforeB);

    restarted = await restartRedisOn(redis.port);
    // Both gateways reconnect and re-subscribe by themselves: post to A until B's subscriber hears it (bounded).
    const deadline = Date.now() + 10_000;
    while (statuses(onB, id).length < 2) {
      if (Date.now() > deadline) throw new Error("no webhook posted to A reached B's subscriber within 10 s");
      expect(await postMp(a, id)).toBe('accepted');
      await waitFor('APPROVED on B', () => statuses(onB, id).length === 2, 250).catch(() => undefined);
    }
    await sleep(QUIET_MS);
    expect(statuses(onB, id)).toEqual(['IN_PROCESS', 'APPROVED']);
    expect(statuses(onA, id)).toEqual(['IN_PROCESS', 'APPROVED']);
    expect([onA, onB].map((s) => [s.errors, s.closeCode()])).toEqual([
      [[], undefined],
      [[], undefined],
    ]);
    for (const g of gateways) {
      expect(alive(g)).toBe(true);
      expect(logLines(g).filter((l) => l.level === 'error')).toEqual([]);
      expect(g.stderr()).not.toMatch(/unhandled|uncaught/i);
    }
  }, 30_000);
});
