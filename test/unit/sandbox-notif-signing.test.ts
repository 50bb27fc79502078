// The webhook signature and the two notification formats, checked against the official SDK's
// WebhookSignatureValidator (the reference for what a receiver recomputes).
import { createHmac } from 'node:crypto';
import { WebhookSignatureValidator } from 'mercadopago';
import { signWebhook, signatureManifest } from '../../src/sandbox/notifications/signature';
import {
  SANDBOX_APPLICATION_ID,
  mlNotificationBody,
  mlNotificationRequest,
  mpWebhookBody,
  mpWebhookRequest,
  mpWebhookUrl,
} from '../../src/sandbox/notifications/messages';

const SECRET = 'unit-secret';

describe('sandbox webhook signature', () => {
  it('signs id:<data.id>;request-id:<x-request-id>;ts:<ts>; with HMAC-SHA256, as ts=…,v1=<hex>', () => {
    expect(signatureManifest('1320000001', 'req-1', 1700000000)).toBe('id:1320000001;request-id:req-1;ts:1700000000;');
    const expected = createHmac('sha256', SECRET).update('id:1320000001;request-id:req-1;ts:1700000000;').digest('hex');
    expect(signWebhook({ secret: SECRET, dataId: '1320000001', requestId: 'req-1', ts: 1700000000 })).toBe(
      `ts=1700000000,v1=${expected}`,
    );
  });

  it('is what the SDK validator accepts, and only with the same secret, data.id and request id', () => {
    const ts = Math.floor(Date.now() / 1000);
    const xSignature = signWebhook({ secret: SECRET, dataId: '42', requestId: 'r-9', ts });
    const ok = { xSignature, xRequestId: 'r-9', dataId: '42', secret: SECRET, toleranceSeconds: 60 };
    expect(() => WebhookSignatureValidator.validate(ok)).not.toThrow();
    expect(() => WebhookSignatureValidator.validate({ ...ok, secret: 'other' })).toThrow(/SignatureMismatch/);
    expect(() => WebhookSignatureValidator.validate({ ...ok, dataId: '43' })).toThrow(/SignatureMismatch/);
    expect(() => WebhookSignatureValidator.validate({ ...ok, xRequestId: 'r-10' })).toThrow(/SignatureMismatch/);
  });

  it('takes Unix seconds only', () => {
    expect(() => signWebhook({ secret: SECRET, dataId: '1', requestId: 'r', ts: 1.5 })).toThrow(RangeError);
    expect(() => signWebhook({ secret: SECRET, dataId: '1', requestId: 'r', ts: -1 })).toThrow(RangeError);
  });
});

describe('sandbox notification formats', () => {
  const body = mpWebhookBody({
    notificationId: 120000000001,
    paymentId: 1320000001,
    userId: 169648308,
    action: 'payment.created',
    now: Date.UTC(2024, 0, 2, 15, 4, 5, 678),
  });

  it('Mercado Pago webhook body: numeric id and user_id, string data.id, MP date', () => {
    expect(body).toEqual({
      id: 120000000001,
      live_mode: false,
      type: 'payment',
      date_created: '2024-01-02T11:04:05.678-04:00',
      user_id: 169648308,
      api_version: 'v1',
      action: 'payment.created',
      data: { id: '1320000001' },
    });
  });

  it('adds data.id and type to the URL, keeping its own query', () => {
    expect(mpWebhookUrl('http://127.0.0.1:4000/webhooks/mercadopago', 7)).toBe(
      'http://127.0.0.1:4000/webhooks/mercadopago?data.id=7&type=payment',
    );
    expect(mpWebhookUrl('https://shop.example/hook?store=3', 7)).toBe(
      'https://shop.example/hook?store=3&data.id=7&type=payment',
    );
  });

  it('each request gets a new x-request-id and ts, and verifies', () => {
    const a = mpWebhookRequest(body, SECRET, 1_700_000_000_999);
    const b = mpWebhookRequest(body, SECRET, 1_700_000_005_000);
    expect(a.headers['Content-Type']).toBe('application/json');
    expect(a.requestId).not.toBe(b.requestId);
    expect(a.headers['x-request-id']).toBe(a.requestId);
    expect(a.headers['x-signature']).toMatch(/^ts=1700000000,v1=/);
    expect(b.headers['x-signature']).toMatch(/^ts=1700000005,v1=/);
    for (const r of [a, b]) {
      expect(() =>
        WebhookSignatureValidator.validate({
          xSignature: r.headers['x-signature'],
          xRequestId: r.requestId,
          dataId: '1320000001',
          secret: SECRET,
        }),
      ).not.toThrow();
    }
    expect(a.body).toBe(body);
  });

  it('Mercado Libre body: the order payments page fields, ISO UTC dates, the sandbox application', () => {
    const ml = mlNotificationBody({
      id: '5c1f4b4e-0000-4000-8000-000000000001',
      topic: 'orders_v2',
      resource: '/orders/2000000001',
      userId: 169648308,
      attempt: 2,
      receivedMs: Date.UTC(2011, 9, 19, 16, 38, 34, 425),
      sentMs: Date.UTC(2011, 9, 19, 16, 40, 34, 425),
    });
    expect(ml).toEqual({
      _id: '5c1f4b4e-0000-4000-8000-000000000001',
      resource: '/orders/2000000001',
      user_id: 169648308,
      topic: 'orders_v2',
      application_id: SANDBOX_APPLICATION_ID,
      attempts: 2,
      sent: '2011-10-19T16:40:34.425Z',
      received: '2011-10-19T16:38:34.425Z',
    });
    expect(Number.isSafeInteger(SANDBOX_APPLICATION_ID)).toBe(true);
    expect(mlNotificationRequest(ml)).toEqual({
      headers: { 'Content-Type': 'application/json' },
      body: ml,
      requestId: null,
    });
  });
});
