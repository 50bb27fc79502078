// The SDK is driven for real; only the platform fetch underneath it is replaced (no network).
import { upstreamCode, upstreamError } from '../../src/graph/errors';
import { UpstreamError } from '../../src/upstream/errors';
import { AppConfig } from 'mercadopago/dist/utils/config';
import {
  createMercadoPagoClient,
  mercadoPagoBaseUrl,
  mercadoPagoConfig,
  READ_OPTIONS,
  READ_TIMEOUT_MS,
  setMercadoPagoBaseUrl,
} from '../../src/upstream/mercadopago';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const errorBody = (status: number) => ({ message: 'upstream says no', error: 'e', status, cause: [] });

describe('Mercado Pago upstream', () => {
  let fetchMock: jest.SpyInstance;
  const original = AppConfig.BASE_URL;

  beforeEach(() => {
    fetchMock = jest.spyOn(globalThis, 'fetch');
    setMercadoPagoBaseUrl('http://127.0.0.1:4010/');
  });
  afterEach(() => {
    fetchMock.mockRestore();
    jest.useRealTimers();
    (AppConfig as { BASE_URL: string }).BASE_URL = original;
  });

  describe('setMercadoPagoBaseUrl', () => {
    it("sets the SDK's static base URL, without a trailing slash", () => {
      setMercadoPagoBaseUrl('https://mp.example.com/');
      expect(AppConfig.BASE_URL).toBe('https://mp.example.com');
      expect(mercadoPagoBaseUrl()).toBe('https://mp.example.com');
    });

    it('refuses a URL that is not http(s)', () => {
      expect(() => setMercadoPagoBaseUrl('file:///etc/passwd')).toThrow(/http/);
      expect(() => setMercadoPagoBaseUrl('not a url')).toThrow();
    });

    it('is where the SDK sends requests', async () => {
      fetchMock.mockResolvedValue(json(200, { id: 3506756222 }));
      await createMercadoPagoClient('TEST-SELLER-277582551').getPayment('3506756222');
      expect(fetchMock).toHaveBeenCalledTimes(1);
      const [url, init] = fetchMock.mock.calls[0];
      expect(url).toBe('http://127.0.0.1:4010/v1/payments/3506756222');
      expect(init.method).toBe('GET');
      expect(init.headers.Authorization).toBe('Bearer TEST-SELLER-277582551');
    });
  });

  describe('mercadoPagoConfig', () => {
    it("builds a new config each time, so one call's options never leak into another", () => {
      const a = mercadoPagoConfig('T1', READ_OPTIONS);
      const b = mercadoPagoConfig('T1', READ_OPTIONS);
      expect(a).not.toBe(b);
      expect(a.options).not.toBe(b.options);
      expect(a.options).not.toBe(READ_OPTIONS);
    });

    it('replaces the SDK defaults (60 s, 3 retries) with our budget', () => {
      expect(READ_OPTIONS.timeout).toBeLessThanOrEqual(10_000);
      expect(READ_OPTIONS.maxRetries).toBeLessThanOrEqual(1);
    });
  });

  describe('getPayment', () => {
    it('returns the REST body', async () => {
      fetchMock.mockResolvedValue(json(200, { id: 1, status: 'approved' }));
      await expect(createMercadoPagoClient('T').getPayment('1')).resolves.toMatchObject({ id: 1, status: 'approved' });
    });

    it('reports a 404 as an UpstreamError (NOT_FOUND) without the upstream message', async () => {
      fetchMock.mockResolvedValue(json(404, errorBody(404)));
      const err = await createMercadoPagoClient('T')
        .getPayment('1')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamError);
      expect(upstreamCode(err as UpstreamError)).toBe('NOT_FOUND');
      expect((err as UpstreamError).message).not.toContain('upstream says no');
    });

    it('retries a 5xx once, then gives up', async () => {
      fetchMock.mockImplementation(async () => json(503, errorBody(503)));
      const err = await createMercadoPagoClient('T')
        .getPayment('1')
        .catch((e: unknown) => e);
      expect(upstreamCode(err as UpstreamError)).toBe('UPSTREAM_UNAVAILABLE');
      expect(fetchMock).toHaveBeenCalledTimes(2);
    });

    it('recovers when the retry succeeds', async () => {
      fetchMock.mockResolvedValueOnce(json(500, errorBody(500))).mockResolvedValueOnce(json(200, { id: 1 }));
      await expect(createMercadoPagoClient('T').getPayment('1')).resolves.toMatchObject({ id: 1 });
      expect(fetchMock).toHaveBeenCalledTimes(2);
    });

    it('does not retry a 429 and passes Retry-After on', async () => {
      fetchMock.mockImplementation(async () => json(429, errorBody(429), { 'Retry-After': '3' }));
      const err = (await createMercadoPagoClient('T')
        .getPayment('1')
        .catch((e: unknown) => e)) as UpstreamError;
      expect(upstreamError(err).extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 3 });
      expect(fetchMock).toHaveBeenCalledTimes(1);
    });

    it('gives up after our timeout (one retry), as UPSTREAM_TIMEOUT', async () => {
      jest.useFakeTimers();
      // A server that never answers: only the abort signal ends the request.
      fetchMock.mockImplementation(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal!.addEventListener('abort', () =>
              reject(new DOMException('This operation was aborted', 'AbortError')),
            ),
          ),
      );
      const settled = createMercadoPagoClient('T')
        .getPayment('1')
        .catch((e: unknown) => e);
      await jest.advanceTimersByTimeAsync(2 * READ_TIMEOUT_MS + 1_000);
      const err = (await settled) as UpstreamError;
      expect(upstreamCode(err)).toBe('UPSTREAM_TIMEOUT');
      expect(fetchMock).toHaveBeenCalledTimes(2);
    });
  });
});
