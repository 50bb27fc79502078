// Mercado Pago webhook verification and intake (src/notifications/mercadopago.ts, receiver.ts).
// Signatures are built here with node:crypto from the documented manifest, not with the code under test.
import { createHmac, randomUUID } from 'node:crypto';
import {
  createMemoryBus,
  MemoryDedupeStore,
  NotificationReceiver,
  parseMercadoPagoWebhook,
  responseOf,
  verifyMercadoPagoSignature,
} from '../../src/notifications';
import type { Logger } from '../../src/lib/logger';

const SECRET = 'unit-test-secret-7f3a';
const NOW_MS = 1_763_900_000_000;
const now = () => NOW_MS;
const TS = Math.floor(NOW_MS / 1000);

const sign = (dataId: string, requestId: string, ts = TS, secret = SECRET): string =>
  `ts=${ts},v1=${createHmac('sha256', secret).update(`id:${dataId};request-id:${requestId};ts:${ts};`).digest('hex')}`;

const body = (over: Record<string, unknown> = {}) => ({
  id: 120000000001,
  live_mode: false,
  type: 'payment',
  date_created: '2026-11-23T09:33:20.000-04:00',
  user_id: 169648308,
  api_version: 'v1',
  action: 'payment.created',
  data: { id: '1320000001' },
  ...over,
});

const silent: Logger = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };

describe('verifyMercadoPagoSignature', () => {
  const requestId = randomUUID();
  const check = (over: Partial<Parameters<typeof verifyMercadoPagoSignature>[0]> = {}) =>
    verifyMercadoPagoSignature({
      xSignature: sign('1320000001', requestId),
      xRequestId: requestId,
      dataId: '1320000001',
      secret: SECRET,
      now,
      ...over,
    });

  it('accepts a signature over id, request id and ts with the right secret', () => {
    expect(check()).toEqual({ ok: true, requestId });
  });

  it('refuses a data.id other than the signed one', () => {
    expect(check({ dataId: '1320000002' })).toEqual({ ok: false, reason: 'SignatureMismatch' });
  });

  it('refuses a request id other than the signed one', () => {
    expect(check({ xRequestId: randomUUID() })).toEqual({ ok: false, reason: 'SignatureMismatch' });
  });

  it('refuses a signature made with another secret', () => {
    expect(check({ secret: 'another-secret' })).toEqual({ ok: false, reason: 'SignatureMismatch' });
  });

  it('refuses a missing or empty x-signature', () => {
    expect(check({ xSignature: undefined })).toEqual({ ok: false, reason: 'MissingSignatureHeader' });
    expect(check({ xSignature: ' ' })).toEqual({ ok: false, reason: 'MissingSignatureHeader' });
  });

  it('refuses a malformed x-signature', () => {
    expect(check({ xSignature: 'garbage' })).toEqual({ ok: false, reason: 'MalformedSignatureHeader' });
    expect(check({ xSignature: `v1=${'0'.repeat(64)}` })).toEqual({ ok: false, reason: 'MissingTimestamp' });
    expect(check({ xSignature: `ts=${TS}` })).toEqual({ ok: false, reason: 'MissingHash' });
  });

  it('refuses a missing x-request-id, which the SDK would leave out of the manifest', () => {
    // Signed without a request id, as the SDK's validator would accept it.
    const ts = TS;
    const noRequestId = `ts=${ts},v1=${createHmac('sha256', SECRET).update(`id:1320000001;ts:${ts};`).digest('hex')}`;
    expect(check({ xSignature: noRequestId, xRequestId: undefined })).toEqual({
      ok: false,
      reason: 'MissingRequestId',
    });
  });

  it('refuses a timestamp beyond the tolerance, either way, and accepts one inside it', () => {
    expect(check({ xSignature: sign('1320000001', requestId, TS - 301) })).toEqual({
      ok: false,
      reason: 'TimestampOutOfTolerance',
    });
    expect(check({ xSignature: sign('1320000001', requestId, TS + 301) })).toEqual({
      ok: false,
      reason: 'TimestampOutOfTolerance',
    });
    expect(check({ xSignature: sign('1320000001', requestId, TS - 299) }).ok).toBe(true);
    expect(check({ xSignature: sign('1320000001', requestId, TS - 30), toleranceSeconds: 10 })).toEqual({
      ok: false,
      reason: 'TimestampOutOfTolerance',
    });
  });

  it('puts an alphanumeric data.id into the manifest in lower case, as Mercado Pago signs it', () => {
    expect(check({ dataId: 'ORD01ABC', xSignature: sign('ord01abc', requestId) }).ok).toBe(true);
    expect(check({ dataId: 'ORD01ABC', xSignature: sign('ORD01ABC', requestId) })).toEqual({
      ok: false,
      reason: 'SignatureMismatch',
    });
  });
});

describe('parseMercadoPagoWebhook', () => {
  it('turns a payment webhook into a payment event and a key of its id and date', () => {
    expect(parseMercadoPagoWebhook(body(), '1320000001', ['payment'])).toEqual({
      ok: true,
      type: 'payment',
      payment: {
        event: {
          kind: 'payment',
          id: '1320000001',
          action: 'payment.created',
          userId: '169648308',
          source: 'mercadopago',
        },
        key: 'mp:notification:120000000001:2026-11-23T09:33:20.000-04:00',
      },
    });
  });

  it('refuses a body whose data.id is not the signed one, as forged', () => {
    expect(parseMercadoPagoWebhook(body({ data: { id: '999' } }), '1320000001', [])).toMatchObject({
      ok: false,
      forged: true,
    });
  });

  it.each([
    ['not an object', [1, 2]],
    ['no data', body({ data: undefined })],
    ['no type', body({ type: undefined })],
    ['no id', body({ id: undefined })],
    ['a negative id', body({ id: -1 })],
    ['a bad action', body({ action: '<script>' })],
    ['a bad user_id', body({ user_id: 'abc' })],
  ])('refuses a body with %s', (_what, b) => {
    expect(parseMercadoPagoWebhook(b, '1320000001', []).ok).toBe(false);
  });

  it('refuses a payment whose data.id is not a payment id', () => {
    expect(parseMercadoPagoWebhook(body({ data: { id: 'abc' } }), 'abc', []).ok).toBe(false);
  });

  it('refuses a type query parameter that contradicts the body', () => {
    expect(parseMercadoPagoWebhook(body(), '1320000001', ['merchant_order']).ok).toBe(false);
  });

  it('recognises other types without making an event of them', () => {
    expect(parseMercadoPagoWebhook(body({ type: 'merchant_order', data: { id: '123' } }), '123', [])).toEqual({
      ok: true,
      type: 'merchant_order',
      payment: null,
    });
  });
});

describe('NotificationReceiver.receiveMercadoPago', () => {
  const make = (secret: string | null = SECRET) =>
    new NotificationReceiver({
      bus: createMemoryBus(),
      dedupe: new MemoryDedupeStore({ now }),
      mpWebhookSecret: secret,
      mlApplicationId: null,
      now,
      log: silent,
    });
  const input = (over: Record<string, unknown> = {}) => {
    const requestId = randomUUID();
    return {
      dataIds: ['1320000001'],
      types: ['payment'],
      xSignature: sign('1320000001', requestId),
      xRequestId: requestId,
      body: body(),
      ...over,
    };
  };

  it('accepts a well-signed payment webhook', async () => {
    const outcome = await make().receiveMercadoPago(input());
    expect(outcome).toEqual({
      result: 'accepted',
      event: {
        kind: 'payment',
        id: '1320000001',
        action: 'payment.created',
        userId: '169648308',
        source: 'mercadopago',
      },
    });
    expect(responseOf(outcome)).toEqual({ status: 200, body: { status: 'accepted' } });
  });

  it('takes a retry (same notification, new request id and signature) as a duplicate', async () => {
    const r = make();
    expect((await r.receiveMercadoPago(input())).result).toBe('accepted');
    expect((await r.receiveMercadoPago(input())).result).toBe('duplicate');
  });

  it('takes a replayed request (same request id) as a duplicate even with another body', async () => {
    const r = make();
    const first = input();
    expect((await r.receiveMercadoPago(first)).result).toBe('accepted');
    expect(
      (await r.receiveMercadoPago({ ...first, body: body({ id: 120000000099, action: 'payment.updated' }) })).result,
    ).toBe('duplicate');
  });

  it('accepts a new notification for the same payment', async () => {
    const r = make();
    expect((await r.receiveMercadoPago(input())).result).toBe('accepted');
    expect(
      (await r.receiveMercadoPago(input({ body: body({ id: 120000000002, action: 'payment.updated' }) }))).result,
    ).toBe('accepted');
  });

  it('refuses a tampered query data.id with 401', async () => {
    const outcome = await make().receiveMercadoPago(
      input({ dataIds: ['1320000002'], body: body({ data: { id: '1320000002' } }) }),
    );
    expect(outcome).toMatchObject({ result: 'refused', error: 'invalid_signature', reason: 'SignatureMismatch' });
    expect(responseOf(outcome).status).toBe(401);
  });

  it('refuses a tampered body data.id with 401', async () => {
    const outcome = await make().receiveMercadoPago(input({ body: body({ data: { id: '1320000002' } }) }));
    expect(outcome).toMatchObject({ result: 'refused', error: 'invalid_signature' });
  });

  it('refuses a wrong secret, a missing header and a stale timestamp with 401', async () => {
    const requestId = randomUUID();
    for (const over of [
      { xSignature: sign('1320000001', requestId, TS, 'wrong'), xRequestId: requestId },
      { xSignature: undefined },
      { xSignature: sign('1320000001', requestId, TS - 3600), xRequestId: requestId },
    ]) {
      expect(await make().receiveMercadoPago(input(over))).toMatchObject({
        result: 'refused',
        error: 'invalid_signature',
      });
    }
  });

  it('refuses a missing, repeated or malformed data.id query parameter with 400', async () => {
    for (const dataIds of [[], ['1', '2'], ['../1'], ['x'.repeat(65)]]) {
      expect(await make().receiveMercadoPago(input({ dataIds }))).toMatchObject({
        result: 'refused',
        error: 'invalid_notification',
      });
    }
  });

  it('ignores a well-signed webhook of another type (200), and publishes nothing', async () => {
    const requestId = randomUUID();
    const outcome = await make().receiveMercadoPago({
      dataIds: ['ORD01ABC'],
      types: [],
      xSignature: sign('ord01abc', requestId),
      xRequestId: requestId,
      body: body({ type: 'order', data: { id: 'ORD01ABC' } }),
    });
    expect(outcome).toEqual({ result: 'ignored' });
    expect(responseOf(outcome)).toEqual({ status: 200, body: { status: 'ignored' } });
  });

  it('refuses every webhook with 503 when it has no secret, even a signed one', async () => {
    const outcome = await make(null).receiveMercadoPago(input());
    expect(outcome).toMatchObject({ result: 'refused', error: 'not_configured' });
    expect(responseOf(outcome).status).toBe(503);
  });

  it('answers refusals with a fixed message that echoes nothing of the request', async () => {
    const outcome = await make().receiveMercadoPago(input({ xSignature: 'ts=1,v1=secretlooking' }));
    const { body: b } = responseOf(outcome);
    expect(b).toEqual({ error: 'invalid_signature', message: 'The notification signature could not be verified.' });
  });
});
