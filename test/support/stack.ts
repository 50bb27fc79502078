// The whole system for integration tests: the real sandbox and the real gateway, each on a free
// loopback port, the gateway pointed at the sandbox exactly as `npm start` does it.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { loadConfig } from '../../src/config';
import { createGateway } from '../../src/gateway/server';
import { startSandbox } from '../../src/sandbox';

export interface Stack {
  /** Gateway base URL; GraphQL is at `${gatewayUrl}/graphql`. */
  gatewayUrl: string;
  sandboxUrl: string;
  stop(): Promise<void>;
}

export const startStack = async (env: Record<string, string> = {}): Promise<Stack> => {
  const sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
  try {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', HOST: '127.0.0.1', MP_API_URL: sandbox.url, ML_API_URL: sandbox.url, ...env, PORT: '0' });
    const gateway = await createGateway({ ...config, mpApiUrl: config.mpApiUrl!, mlApiUrl: config.mlApiUrl! });
    return {
      gatewayUrl: gateway.url,
      sandboxUrl: sandbox.url,
      stop: async () => {
        await gateway.close();
        await sandbox.close();
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
  const res = await fetch(`${gatewayUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: print(document), variables }) });
  const body = (await res.json()) as Omit<GraphQLResponse<TData>, 'status'>;
  return { status: res.status, ...body };
};