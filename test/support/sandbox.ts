// Test support: the real sandbox on a loopback port (port 0), and the official SDK pointed at it.
import { MercadoPagoConfig } from 'mercadopago';
import { AppConfig } from 'mercadopago/dist/utils/config';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';

export const TOKENS = {
  sellerMLB: 'TEST-SELLER-169648308',
  buyerMLB: 'TEST-BUYER-160903317',
  sellerMLM: 'TEST-SELLER-277582551',
  buyerMLM: 'TEST-BUYER-53745235',
} as const;

/**
 * Starts a sandbox for the current `describe` block and resets it before each test.
 * The SDK's base URL is process-wide (AppConfig.BASE_URL), so it is set here once per file.
 */
export const useSandbox = (): { readonly sandbox: RunningSandbox; readonly url: string } => {
  const state = {} as { sandbox: RunningSandbox; url: string };
  beforeAll(async () => {
    state.sandbox = await startSandbox({ port: 0 });
    state.url = state.sandbox.url;
    (AppConfig as { BASE_URL: string }).BASE_URL = state.sandbox.url;
  });
  beforeEach(async () => {
    const res = await fetch(`${state.url}/__sandbox/reset`, { method: 'POST' });
    if (res.status !== 204) throw new Error(`reset failed: ${res.status}`);
  });
  afterAll(async () => {
    await state.sandbox?.close();
  });
  return state;
};

/** A fresh SDK config per call: the SDK merges requestOptions into its config object. */
export const mp = (accessToken: string): MercadoPagoConfig =>
  new MercadoPagoConfig({ accessToken, options: { timeout: 5000, maxRetries: 0 } });

/** Calls the sandbox without the SDK, for what the SDK cannot send (no token, bad JSON…). */
export const raw = async (
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> => {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* keep text */
  }
  return { status: res.status, body, headers: res.headers };
};

/** The sandbox's request log (src/sandbox/README.md, "Control API (`/__sandbox/`)"). */
export const requests = async (base: string) =>
  (await raw(base, 'GET', '/__sandbox/requests')).body as {
    total: number;
    routes: Record<string, number>;
    requests: { method: string; route: string; path: string; status: number | null; idempotencyKey: string | null }[];
  };
