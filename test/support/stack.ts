// The whole system for integration tests: the real sandbox and the real gateway, each on a free
// loopback port, the gateway pointed at the sandbox and the sandbox's notifications pointed at the
// gateway's webhook routes, exactly as `npm start` does it.
import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { loadConfig } from '../../src/config';
import { createGateway, type GatewayOptions } from '../../src/gateway/server';
import { webhookUrls } from '../../src/gateway/webhooks';
import type { NotificationBus } from '../../src/notifications';
import { startSandbox, type RetryPolicy } from '../../src/sandbox';

export interface Stack {
  /** Gateway base URL; GraphQL is at `${gatewayUrl}/graphql`. */
  gatewayUrl: string;
  sandboxUrl: string;
  /** The gateway's notification bus, for in-process assertions on what the webhooks published. */
  bus: NotificationBus;
  /** The secret the sandbox signs webhooks with and the gateway verifies them with. */
  webhookSecret: string;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** The sandbox's delivery policy (attempts, backoff, timeout). */
  notifications?: Partial<RetryPolicy>;
  /** Passed to createGateway (a logger, a dedupe store, the tolerance…). */
  gateway?: GatewayOptions;
}

export const startStack = async (env: Record<string, string> = {}, options: StackOptions = {}): Promise<Stack> => {
  // Like `npm start` without MP_WEBHOOK_SECRET: a secret of this stack's own, shared by both sides.
  const webhookSecret = env.MP_WEBHOOK_SECRET || randomBytes(32).toString('hex');
  const sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    webhookSecret,
    ...(options.notifications ? { notifications: options.notifications } : {}),
  });
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      MP_API_URL: sandbox.url,
      ML_API_URL: sandbox.url,
      ...env,
      PORT: '0',
    });
    const gateway = await createGateway(
      { ...config, mpApiUrl: config.mpApiUrl!, mlApiUrl: config.mlApiUrl! },
      { mpWebhookSecret: webhookSecret, ...options.gateway },
    );
    const urls = webhookUrls(gateway.url);
    sandbox.configureNotifications({ mpNotificationUrl: urls.mercadopago, mlNotificationUrl: urls.mercadolibre });
    return {
      gatewayUrl: gateway.url,
      sandboxUrl: sandbox.url,
      bus: gateway.bus,
      webhookSecret,
      stop: async () => {
        // The sandbox first: its pending deliveries are cancelled before the gateway stops listening.
        await sandbox.close();
        await gateway.close();
      },
    };
  } catch (err) {
    await sandbox.close();
    throw err;
  }
};

// A GraphQL-over-HTTP client for integration tests, typed by the generated documents.
export interface GraphQLResponse<TData> {
  status: number;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

export const execute = async <TData, TVariables>(
  gatewayUrl: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<GraphQLResponse<TData>> => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse<TData>, 'status'>;
  return { status: res.status, ...body };
};
/**
 * The stack for the current `describe` block: started once, the sandbox reset before each test,
 * stopped after the block. Its fields are read when a test runs (they do not exist before beforeAll).
 */
export const useStack = (env: Record<string, string> = {}, options: StackOptions = {}): Stack => {
  let current: Stack | undefined;
  const get = (): Stack => {
    if (!current) throw new Error('useStack: the stack is started in beforeAll; read its fields inside a test or hook');
    return current;
  };
  beforeAll(async () => {
    current = await startStack(env, options);
  });
  beforeEach(async () => {
    const res = await fetch(`${get().sandboxUrl}/__sandbox/reset`, { method: 'POST' });
    if (res.status !== 204) throw new Error(`sandbox reset failed: ${res.status}`);
  });
  afterAll(async () => {
    await current?.stop();
  });
  return {
    get gatewayUrl() {
      return get().gatewayUrl;
    },
    get sandboxUrl() {
      return get().sandboxUrl;
    },
    get bus() {
      return get().bus;
    },
    get webhookSecret() {
      return get().webhookSecret;
    },
    stop: () => get().stop(),
  };
};
