// Several gateways, one Redis (README.md, "Configuration": REDIS_URL): two gateway processes (src/app.ts, each its
// own Node process, server and Redis connection) in front of one sandbox share idempotency records,
// so a payment retried on the other gateway is still charged once. And when Redis is gone, nothing
// is charged.
import { randomUUID } from 'node:crypto';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { setMercadoPagoBaseUrl } from '../../src/upstream/mercadopago';
import { CheckoutDocument } from '../generated/graphql';
import { startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import { startRedis, type RedisServer } from '../support/redis';
import { raw, TOKENS } from '../support/sandbox';
import { execute } from '../support/stack';
import { upstreamCalls, upstreamCallsSince } from '../support/upstreamCalls';
import { CARDS, tokenize } from './sandbox-payments-helpers';

const SELLER = TOKENS.sellerMLB;

describe('two gateways sharing one Redis', () => {
  let redis: RedisServer;
  let sandbox: RunningSandbox;
  let gateways: GatewayProcess[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    sandbox = await startSandbox({ port: 0 });
    // This process tokenizes cards through the SDK; the gateways are processes of their own.
    setMercadoPagoBaseUrl(sandbox.url);
    const env = {
      HOST: '127.0.0.1',
      PORT: '0',
      MP_API_URL: sandbox.url,
      ML_API_URL: sandbox.url,
      REDIS_URL: redis.url,
      IDENTITY_SECRET: 'shared-by-both-gateways-0123456789',
    };
    gateways = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
  }, 60_000);
  beforeEach(async () => {
    expect((await raw(sandbox.url, 'POST', '/__sandbox/reset')).status).toBe(204);
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await sandbox?.close();
    await redis?.stop();
  });

  const input = async (amount: string) => ({
    idempotencyKey: randomUUID(),
    token: await tokenize(SELLER, CARDS.MLB.visa),
    amount,
    installments: 1,
    payer: { email: 'test_payer_12345@testuser.com' },
  });
  const paymentsOf = async (amount: number) =>
    (await raw(sandbox.url, 'GET', '/v1/payments/search?limit=100', { token: SELLER })).body.results.filter(
      (p: any) => p.transaction_amount === amount,
    );

  it('runs two gateway processes', () => {
    expect(new Set(gateways.map((g) => g.pid)).size).toBe(2);
    expect(gateways.every((g) => g.pid !== process.pid)).toBe(true);
  });

  it('50 concurrent calls with one key, 25 on each gateway: one payment, one id everywhere', async () => {
    const body = await input('61');
    const before = await upstreamCalls(sandbox.url);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => execute(gateways[i % 2].url, CheckoutDocument, { input: body }, SELLER)),
    );
    const ids = new Set<string>();
    for (const a of answers) {
      expect(a.errors).toBeUndefined();
      const p = a.data!.createPayment;
      if (p.payment) ids.add(p.payment.id);
      else expect(p.userErrors).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_IN_PROGRESS' })]);
    }
    for (const g of gateways)
      ids.add((await execute(g.url, CheckoutDocument, { input: body }, SELLER)).data!.createPayment.payment!.id);
    expect(ids.size).toBe(1);
    expect((await upstreamCallsSince(sandbox.url, before))['POST /v1/payments']).toBe(1);
    expect(await paymentsOf(61)).toHaveLength(1);
  });

  it('the same key with another amount on the other gateway: IDEMPOTENCY_KEY_REUSED, nothing charged', async () => {
    const body = await input('62');
    expect(
      (await execute(gateways[0].url, CheckoutDocument, { input: body }, SELLER)).data?.createPayment.payment?.status,
    ).toBe('APPROVED');
    const other = await execute(gateways[1].url, CheckoutDocument, { input: { ...body, amount: '63' } }, SELLER);
    expect(other.data?.createPayment.userErrors).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' })]);
    expect(await paymentsOf(63)).toHaveLength(0);
  });

  it('an answer lost on one gateway, retried on the other with the same key: that payment, no second', async () => {
    const body = await input('64');
    await raw(sandbox.url, 'POST', '/__sandbox/faults', {
      body: { route: 'POST /v1/payments', status: 502, after: true, times: 1 },
    });
    const lost = await execute(gateways[0].url, CheckoutDocument, { input: body }, SELLER);
    expect(lost.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    const retry = await execute(gateways[1].url, CheckoutDocument, { input: body }, SELLER);
    expect(retry.data?.createPayment.payment).toMatchObject({ status: 'APPROVED', amount: { amount: '64' } });
    expect(await paymentsOf(64)).toHaveLength(1);
  });

  it('a gateway that crashes mid-payment: the other gateway answers IDEMPOTENCY_IN_PROGRESS for that key, and only one payment exists', async () => {
    const body = await input('66');
    // The payment is made 800 ms after it reaches the sandbox; the first gateway dies before that.
    await raw(sandbox.url, 'POST', '/__sandbox/faults', {
      body: { route: 'POST /v1/payments', latencyMs: 800, times: 1 },
    });
    const doomed = execute(gateways[0].url, CheckoutDocument, { input: body }, SELLER).catch((err: unknown) => err);
    await new Promise((r) => setTimeout(r, 300));
    await gateways[0].kill();
    // The client's connection died with the gateway (fetch's error comes from another realm: match by message).
    expect(await doomed).toMatchObject({ message: 'fetch failed' });
    const retry = await execute(gateways[1].url, CheckoutDocument, { input: body }, SELLER);
    // The dead gateway's lock holds until it lapses (LOCK_MS); then the record is unknown, and a retry
    // with the same input runs with the same upstream key: Mercado Pago returns the payment it made
    // (the idempotency unit tests).
    expect(retry.data?.createPayment.userErrors).toEqual([
      expect.objectContaining({ code: 'IDEMPOTENCY_IN_PROGRESS' }),
    ]);
    await new Promise((r) => setTimeout(r, 800));
    expect(await paymentsOf(66)).toHaveLength(1);
  });

  it('with Redis gone, a payment is refused as UPSTREAM_UNAVAILABLE and nothing is charged', async () => {
    const body = await input('65');
    await redis.kill();
    const before = await upstreamCalls(sandbox.url);
    const started = Date.now();
    const res = await execute(gateways[1].url, CheckoutDocument, { input: body }, SELLER);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['UPSTREAM_UNAVAILABLE', 'The idempotency store is unavailable, so nothing was done; retry with the same key.'],
    ]);
    expect((await upstreamCallsSince(sandbox.url, before))['POST /v1/payments']).toBeUndefined();
    expect(await paymentsOf(65)).toHaveLength(0);
  });
});
