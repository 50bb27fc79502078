// POST|GET /v1/payments/{id}/refunds[/{refund_id}] through the SDK's PaymentRefund client.
import { randomUUID } from 'node:crypto';
import { Payment, PaymentRefund } from 'mercadopago';
import { TOKENS, mp, raw, requests, useSandbox } from '../support/sandbox';
import { failure, pay } from './sandbox-payments-helpers';

const refunds = () => new PaymentRefund(mp(TOKENS.sellerMLB));
const key = () => ({ idempotencyKey: randomUUID() });

describe('refunds', () => {
  const env = useSandbox();

  it('refunds the total when no amount is given: refunded/refunded', async () => {
    const p = await pay({ amount: 150 });
    const r: any = await refunds().total({ payment_id: p.id, requestOptions: key() });
    expect(r.api_response.status).toBe(201);
    expect(r).toMatchObject({
      payment_id: p.id,
      amount: 150,
      metadata: {},
      source: { id: '169648308', name: 'Test Test', type: 'collector' },
      unique_sequence_number: null,
      refund_mode: 'standard',
      adjustment_amount: 0,
      status: 'approved',
      reason: null,
      labels: [],
      amount_refunded_to_payer: 150,
      partition_details: [],
    });
    expect(typeof r.id).toBe('number');
    const after: any = await new Payment(mp(TOKENS.sellerMLB)).get({ id: p.id });
    expect(after).toMatchObject({ status: 'refunded', status_detail: 'refunded', transaction_amount_refunded: 150 });
    expect(after.refunds).toHaveLength(1);
    expect(after.refunds[0].id).toBe(r.id);
    expect(after.date_last_updated).toBe(r.date_created);
  });

  it('keeps partial refunds approved/partially_refunded, added up in decimal (0.1 + 0.2 + 100 = 100.3)', async () => {
    const p = await pay({ amount: 100.3 });
    for (const amount of [0.1, 0.2])
      await refunds().create({ payment_id: p.id, body: { amount }, requestOptions: key() });
    const mid: any = await new Payment(mp(TOKENS.sellerMLB)).get({ id: p.id });
    expect(mid).toMatchObject({
      status: 'approved',
      status_detail: 'partially_refunded',
      transaction_amount_refunded: 0.3,
    });
    const last: any = await refunds().create({ payment_id: p.id, body: { amount: 100 }, requestOptions: key() });
    expect(last.amount).toBe(100);
    const end: any = await new Payment(mp(TOKENS.sellerMLB)).get({ id: p.id });
    expect(end).toMatchObject({ status: 'refunded', status_detail: 'refunded', transaction_amount_refunded: 100.3 });
  });

  it('gives the payer back the financing fee with the last refund', async () => {
    const p = await pay({ amount: 295, installments: 3 });
    const first: any = await refunds().create({ payment_id: p.id, body: { amount: 95 }, requestOptions: key() });
    const rest: any = await refunds().total({ payment_id: p.id, requestOptions: key() });
    expect(rest.amount).toBe(200);
    expect(first.amount_refunded_to_payer + rest.amount_refunded_to_payer).toBeCloseTo(315.62, 10);
  });

  it('refuses more than what is left (2063) and changes nothing', async () => {
    const p = await pay({ amount: 50 });
    await refunds().create({ payment_id: p.id, body: { amount: 20 }, requestOptions: key() });
    const err = await failure(refunds().create({ payment_id: p.id, body: { amount: 30.01 }, requestOptions: key() }));
    expect(err).toMatchObject({ status: 400, error: 'bad_request' });
    expect(err.causes[0].code).toBe(2063);
    expect(err.message).toMatch(/30\.00 left/);
    const after: any = await new Payment(mp(TOKENS.sellerMLB)).get({ id: p.id });
    expect(after).toMatchObject({ transaction_amount_refunded: 20, status_detail: 'partially_refunded' });
    expect(after.refunds).toHaveLength(1);
  });

  it('answers 2063 when nothing is left to refund', async () => {
    const p = await pay({ amount: 10 });
    await refunds().total({ payment_id: p.id, requestOptions: key() });
    const err = await failure(refunds().total({ payment_id: p.id, requestOptions: key() }));
    expect(err.causes).toEqual([
      { code: 2063, description: 'The action requested is not valid for the current payment state', data: null },
    ]);
  });

  it.each([
    ['zero', 0, 4040],
    ['a negative amount', -1, 4040],
    ['three decimals', 1.005, 4040],
    ['a string', '5', 4041],
  ])('refuses %s as amount', async (_what, amount, code) => {
    const p = await pay({ amount: 10 });
    const err = await failure(
      refunds().create({ payment_id: p.id, body: { amount: amount as any }, requestOptions: key() }),
    );
    expect(err.causes[0].code).toBe(code);
    expect((await new Payment(mp(TOKENS.sellerMLB)).get({ id: p.id })).transaction_amount_refunded).toBe(0);
  });

  it.each([
    ['rejected', { name: 'FUND' }],
    ['in_process', { name: 'CONT' }],
    ['authorized', { body: { capture: false } }],
  ])('refuses to refund a %s payment (2063)', async (_status, options) => {
    const p = await pay(options as any);
    const err = await failure(refunds().total({ payment_id: p.id, requestOptions: key() }));
    expect(err.causes[0].code).toBe(2063);
  });

  it('requires X-Idempotency-Key (4292); a replayed key makes no second refund and answers 200 with no body', async () => {
    const p = await pay({ amount: 40 });
    const none = await raw(env.url, 'POST', `/v1/payments/${p.id}/refunds`, {
      token: TOKENS.sellerMLB,
      body: { amount: 5 },
    });
    expect(none.status).toBe(400);
    expect(none.body.cause[0].code).toBe(4292);
    const k = randomUUID();
    const a = await refunds().create({ payment_id: p.id, body: { amount: 5 }, requestOptions: { idempotencyKey: k } });
    expect(a.id).toEqual(expect.any(Number));
    // As Mercado Pago answers a replayed refund: 200, an empty body (the SDK reads it as no refund).
    const replay = await raw(env.url, 'POST', `/v1/payments/${p.id}/refunds`, {
      token: TOKENS.sellerMLB,
      body: { amount: 5 },
      headers: { 'X-Idempotency-Key': k },
    });
    expect(replay).toMatchObject({ status: 200, body: undefined });
    const b = await refunds().create({ payment_id: p.id, body: { amount: 5 }, requestOptions: { idempotencyKey: k } });
    expect(b.id).toBeUndefined();
    const after = await new Payment(mp(TOKENS.sellerMLB)).get({ id: p.id });
    expect(after.transaction_amount_refunded).toBe(5);
    expect(after.refunds?.map((r) => r.id)).toEqual([a.id]);
  });

  it('lists refunds (the SDK asks with a trailing slash) and gets one by id', async () => {
    const p = await pay({ amount: 30 });
    const a = await refunds().create({ payment_id: p.id, body: { amount: 10 }, requestOptions: key() });
    const b = await refunds().create({ payment_id: p.id, body: { amount: 5 }, requestOptions: key() });
    const list = await refunds().list({ payment_id: p.id });
    expect(list.map((r) => r.id)).toEqual([a.id, b.id]);
    const one = await refunds().get({ payment_id: p.id, refund_id: b.id! });
    expect(one).toMatchObject({ id: b.id, amount: 5 });
    const log = await requests(env.url);
    expect(log.routes['GET /v1/payments/{id}/refunds']).toBe(1);
    const missing = await failure(refunds().get({ payment_id: p.id, refund_id: 1 }));
    expect(missing).toMatchObject({ status: 404 });
    expect(missing.causes[0].code).toBe(2032);
  });

  it('lets the payer read refunds but not create them; others get 404', async () => {
    const p = await pay({ body: { payer: { email: 'test_user_21963158@testuser.com' } } });
    await refunds().create({ payment_id: p.id, body: { amount: 1 }, requestOptions: key() });
    expect(await new PaymentRefund(mp(TOKENS.buyerMLB)).list({ payment_id: p.id })).toHaveLength(1);
    expect((await failure(new PaymentRefund(mp(TOKENS.buyerMLB)).total({ payment_id: p.id }))).status).toBe(403);
    expect((await failure(new PaymentRefund(mp(TOKENS.sellerMLM)).total({ payment_id: p.id }))).status).toBe(404);
    expect((await failure(new PaymentRefund(mp(TOKENS.sellerMLM)).list({ payment_id: p.id }))).status).toBe(404);
  });

  it('refunds the fixture payment 3506756222 in part', async () => {
    const r: any = await new PaymentRefund(mp(TOKENS.sellerMLM)).create({
      payment_id: 3506756222,
      body: { amount: 500 },
      requestOptions: key(),
    });
    expect(r.amount).toBe(500);
    const p: any = await new Payment(mp(TOKENS.sellerMLM)).get({ id: 3506756222 });
    expect(p).toMatchObject({
      status: 'approved',
      status_detail: 'partially_refunded',
      transaction_amount_refunded: 500,
    });
  });
});
