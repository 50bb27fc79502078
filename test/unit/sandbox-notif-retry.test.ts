// Retry policy and the delivery schedule, on fake timers with a stubbed fetch: exact backoff,
// bounded attempts, per-attempt timeout, and no timer left once nothing is pending.
import { DEFAULT_RETRY_POLICY, backoffDelay, retryPolicy } from '../../src/sandbox/notifications/retryPolicy';
import { Notifier } from '../../src/sandbox/notifications/notifier';
import { Store } from '../../src/sandbox/store';
import type { SandboxConfig } from '../../src/sandbox/http';

describe('sandbox notification retry policy', () => {
  it('defaults: 5 attempts, 1 s doubling (capped at 30 s), 5 s per attempt', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({
      attempts: 5,
      baseDelayMs: 1000,
      factor: 2,
      maxDelayMs: 30_000,
      timeoutMs: 5000,
    });
    const p = retryPolicy();
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, p))).toEqual([1000, 2000, 4000, 8000, null]);
  });

  it('overrides what is given, caps each wait, and refuses nonsense', () => {
    const p = retryPolicy({ attempts: 8, baseDelayMs: 20, maxDelayMs: 100 });
    expect(p).toEqual({ attempts: 8, baseDelayMs: 20, factor: 2, maxDelayMs: 100, timeoutMs: 5000 });
    expect([1, 2, 3, 4, 7, 8].map((n) => backoffDelay(n, p))).toEqual([20, 40, 80, 100, 100, null]);
    expect(backoffDelay(1, retryPolicy({ attempts: 1 }))).toBeNull();
    expect(() => retryPolicy({ attempts: 0 })).toThrow(/attempts/);
    expect(() => retryPolicy({ attempts: 2.5 })).toThrow(/attempts/);
    expect(() => retryPolicy({ baseDelayMs: -1 })).toThrow(/baseDelayMs/);
    expect(() => retryPolicy({ factor: 0.5 })).toThrow(/factor/);
    expect(() => retryPolicy({ timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => retryPolicy({ timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
  });
});

describe('sandbox notifier schedule (fake timers, stubbed fetch)', () => {
  const realFetch = global.fetch;
  let calls: { url: string; init: RequestInit }[];
  let answer: (n: number, init: RequestInit) => Promise<Response>;
  let store: Store;
  let config: SandboxConfig;
  let notifier: Notifier;

  const make = (policy = { attempts: 3, baseDelayMs: 1000, timeoutMs: 500 }) => {
    store = new Store();
    config = { mpNotificationUrl: null, mlNotificationUrl: 'http://ml.test/notifications', webhookSecret: 'k' };
    notifier = new Notifier(store, config, () => Date.now(), policy);
  };

  beforeEach(() => {
    jest.useFakeTimers();
    calls = [];
    answer = async () => new Response('ok', { status: 200 });
    global.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init: init ?? {} });
      return answer(calls.length - 1, init ?? {});
    }) as typeof fetch;
    make();
  });
  afterEach(() => {
    notifier.close();
    jest.useRealTimers();
    global.fetch = realFetch;
  });

  const order = (orderId = 1) => store.emitOrder({ topic: 'orders_v2', orderId, userId: 169648308 });

  it('runs no timer while there is nothing to deliver', () => {
    expect(jest.getTimerCount()).toBe(0);
    config.mlNotificationUrl = null;
    order();
    const p = store.payments.get(885920310)!;
    store.emitPayment('payment.updated', p); // no MP URL: nothing either
    expect(jest.getTimerCount()).toBe(0);
    expect(notifier.deliveries()).toEqual([]);
  });

  it('sends on the next turn, not inside the emitting call', async () => {
    order();
    expect(calls).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(notifier.deliveries()[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(jest.getTimerCount()).toBe(0);
  });

  it('waits base, then base·2 between failed attempts, and gives up after the last one', async () => {
    answer = async () => new Response('no', { status: 500 });
    order();
    await jest.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    expect(notifier.deliveries()[0]).toMatchObject({ status: 'failed', attempts: 3, lastResponseStatus: 500 });
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => JSON.parse(String(c.init.body)).attempts)).toEqual([1, 2, 3]);
  });

  it('aborts an attempt after timeoutMs and counts it as a failure', async () => {
    answer = (n, init) =>
      n === 0
        ? new Promise<Response>((_resolve, reject) =>
            init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
          )
        : Promise.resolve(new Response('ok', { status: 200 }));
    order();
    await jest.advanceTimersByTimeAsync(499);
    expect(notifier.deliveries()[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: null });
    await jest.advanceTimersByTimeAsync(1);
    expect(notifier.deliveries()[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'timeout after 500 ms',
    });
    await jest.advanceTimersByTimeAsync(1000);
    expect(notifier.deliveries()[0]).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
  });

  it('reset and close clear every pending timer', async () => {
    answer = async () => new Response('no', { status: 503 });
    order(1);
    order(2);
    await jest.advanceTimersByTimeAsync(0);
    expect(jest.getTimerCount()).toBe(2);
    notifier.reset();
    expect(jest.getTimerCount()).toBe(0);
    expect(notifier.deliveries()).toEqual([]);
    order(3);
    await jest.advanceTimersByTimeAsync(0);
    expect(jest.getTimerCount()).toBe(1);
    notifier.close();
    expect(jest.getTimerCount()).toBe(0);
    order(4); // after close: ignored
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(3);
  });

  it('never lets a notification problem reach the emitting request', () => {
    config.mlNotificationUrl = 'http://ml.test/x';
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const bad = { ...store.payments.get(885920310)!, body: null } as never;
    expect(() => store.emitPayment('payment.updated', bad)).not.toThrow();
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});
