// Shared by the subscriptions*.test.ts suites: a graphql-ws client on the gateway's /graphql that keeps every
// message, error and close code; the payment mutations the suites drive; signed Mercado Pago webhooks posted to the
// gateway by hand (a duplicate, a late one).
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { requests } from '../support/sandbox';
import { mpBody, signature } from '../support/webhooks';
import { gql, mainCardToken } from './auth-helpers';

export interface Sub {
  /** The `next` payloads, in order. */
  readonly messages: { data?: any; errors?: any[] }[];
  /** What the subscription ended with (graphql-ws's `error`: formatted GraphQL errors, or a CloseEvent). */
  readonly errors: unknown[];
  /** The close code of the socket, once closed. */
  closeCode(): number | undefined;
  completed(): boolean;
  close(): Promise<void>;
}

export interface SubOptions {
  /** connection_init's payload (default `{ authorization: "Bearer <token>" }`). */
  params?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** One client and one subscription on it; more subscriptions on the same client with `also`. */
export const subscribe = (
  gatewayUrl: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  options: SubOptions = {},
): Sub & { client: Client; also(query: string, variables?: Record<string, unknown>): Sub } => {
  let code: number | undefined;
  const headers = options.headers;
  const client = createClient({
    url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: headers
      ? class extends WebSocket {
          constructor(url: string, protocols: string | string[]) {
            super(url, protocols, { headers });
          }
        }
      : WebSocket,
    connectionParams: options.params ?? (token === null ? {} : { authorization: `Bearer ${token}` }),
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        code = (event as { code?: number }).code;
      },
    },
  });
  const one = (q: string, v: Record<string, unknown>): Sub => {
    const messages: Sub['messages'] = [];
    const errors: unknown[] = [];
    let done = false;
    const stop = client.subscribe(
      { query: q, variables: v },
      {
        next: (m) => void messages.push(m as Sub['messages'][number]),
        error: (e) => void errors.push(e),
        complete: () => {
          done = true;
        },
      },
    );
    return {
      messages,
      errors,
      closeCode: () => code,
      completed: () => done,
      close: async () => {
        stop();
        await client.dispose();
      },
    };
  };
  const first = one(query, variables);
  return { ...first, client, also: (q, v = {}) => one(q, v) };
};

export const PAYMENT_UPDATED = `subscription Watch($id: ID) { paymentUpdated(id: $id) { id status statusDetail } }`;

/** Polls `check` every 25 ms until it returns a value; throws after `timeoutMs`. */
export const until = async <T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000) => {
  const start = Date.now();
  for (;;) {
    const got = await check();
    if (got !== undefined) return got;
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The statuses a subscription received for payment `id`, in order. */
export const statuses = (sub: Sub, id: string): string[] =>
  sub.messages.filter((m) => m.data?.paymentUpdated?.id === id).map((m) => m.data.paymentUpdated.status);

const mutate = async (gatewayUrl: string, token: string, query: string, input: Record<string, unknown>) => {
  const res = await gql(gatewayUrl, query, { token, variables: { input: { idempotencyKey: randomUUID(), ...input } } });
  const payload = Object.values(res.data ?? {})[0] as any;
  if (res.errors || payload?.userErrors?.length) throw new Error(`mutation failed: ${res.text}`);
  return payload;
};

/** A payment of the `main` seller made through the gateway; `capture: false` leaves it AUTHORIZED. */
export const createPayment = async (
  gatewayUrl: string,
  token: string,
  input: Record<string, unknown> = {},
  cardholder = 'APRO',
): Promise<string> => {
  const payload = await mutate(
    gatewayUrl,
    token,
    `mutation Pay($input: CreatePaymentInput!) { createPayment(input: $input) { payment { id } userErrors { code } } }`,
    { token: await mainCardToken(cardholder), amount: '100', installments: 1, payer: { email: 'a@b.com' }, ...input },
  );
  return payload.payment.id as string;
};

export const capture = (gatewayUrl: string, token: string, paymentId: string) =>
  mutate(
    gatewayUrl,
    token,
    `mutation C($input: CapturePaymentInput!) { capturePayment(input: $input) { payment { id } userErrors { code } } }`,
    { paymentId },
  );

export const refund = (gatewayUrl: string, token: string, paymentId: string) =>
  mutate(
    gatewayUrl,
    token,
    `mutation R($input: RefundPaymentInput!) { refundPayment(input: $input) { refund { id } userErrors { code } } }`,
    { paymentId },
  );

/** Posts a signed Mercado Pago webhook about `paymentId` to the gateway, as a new notification unless told. */
export const postWebhook = async (
  gatewayUrl: string,
  secret: string,
  paymentId: string,
  sent: { requestId?: string; body?: Record<string, unknown> } = {},
): Promise<number> => {
  const requestId = sent.requestId ?? randomUUID();
  const res = await fetch(`${gatewayUrl}/webhooks/mercadopago?data.id=${paymentId}&type=payment`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'x-request-id': requestId,
      'x-signature': signature(secret, paymentId, requestId),
    },
    body: JSON.stringify(
      sent.body ?? mpBody(paymentId, { id: Math.floor(Math.random() * 1e12), date_created: new Date().toISOString() }),
    ),
  });
  await res.text();
  return res.status;
};

/** How many times the sandbox served `route` (e.g. `GET /v1/payments/{id}`). */
export const served = async (sandboxUrl: string, route: string): Promise<number> =>
  (await requests(sandboxUrl)).routes[route] ?? 0;
