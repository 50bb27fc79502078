// The page's GraphQL client, a few lines over fetch and graphql-ws: queries and mutations over HTTP, subscriptions
// over WebSocket, each with the session's JWT as the credential. The documents are GraphQL Code Generator's typed
// strings (src/gql/, from schema/operations/), so variables and results are typed and no graphql-js is bundled.
import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from './gql/graphql';

/** A GraphQL error answer: its message and `extensions.code` (UNAUTHENTICATED, FORBIDDEN, …). */
export class GraphQLError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** The request never got an answer (offline, the gateway down): the page may send it again, same key. */
export class TransportError extends Error {}

interface Answer<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface Gateway {
  /** http(s)://…/graphql */
  url: string;
  /** The session's credential, sent as `Authorization: Bearer …` and in graphql-ws's connection_init. */
  credential: string;
}

export const request = async <R, V>(
  gateway: Gateway,
  document: TypedDocumentString<R, V>,
  variables: V,
): Promise<R> => {
  let response: Response;
  try {
    response = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `Bearer ${gateway.credential}`,
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch (err) {
    throw new TransportError(err instanceof Error ? err.message : String(err));
  }
  const body = (await response.json().catch(() => null)) as Answer<R> | null;
  const first = body?.errors?.[0];
  if (first) throw new GraphQLError(first.message, first.extensions?.code ?? null);
  if (!body?.data) throw new GraphQLError(`the gateway answered ${response.status}`, null);
  return body.data;
};

export interface Watch<R> {
  next(data: R): void;
  error(err: Error): void;
}

/**
 * A graphql-ws client for the session. `catchUp` runs each time the connection is (re)made: a subscription sends
 * changes from when the gateway registers it, and graphql-ws does not say when that is, so what changed before
 * (between the page's read and the subscription, or while the socket was down) is read again.
 */
export const subscriptions = (gateway: Gateway, catchUp: () => void): Client =>
  createClient({
    url: gateway.url.replace(/^http/, 'ws'),
    connectionParams: { authorization: `Bearer ${gateway.credential}` },
    retryAttempts: 10,
    on: { connected: () => catchUp() },
  });

/** Subscribes; returns the function that stops it. */
export const watch = <R, V>(
  client: Client,
  document: TypedDocumentString<R, V>,
  variables: V,
  sink: Watch<R>,
): (() => void) =>
  client.subscribe<R>(
    { query: document.toString(), variables: variables as Record<string, unknown> },
    {
      next: (message) => {
        if (message.errors?.length) sink.error(new GraphQLError(message.errors[0].message, null));
        else if (message.data) sink.next(message.data);
      },
      error: (err) => sink.error(err instanceof Error ? err : new Error('the subscription was closed')),
      complete: () => undefined,
    },
  );
