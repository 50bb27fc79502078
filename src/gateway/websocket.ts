// GraphQL subscriptions over WebSocket (README.md, "Subscriptions"): the graphql-ws protocol on /graphql, the same
// http server and port as GraphQL over HTTP, with `ws`.
//   connection_init  `{ "authorization": "Bearer <credential>" }` (the key in any case), authenticated as an HTTP
//                    request is (context.ts); no usable credential, or a browser page from an origin CORS would
//                    refuse (cors.ts), is closed with 4403
//   subscribe        subscriptions only; the HTTP limits (limits.ts: the text, the shape, the cost) and the field's
//                    scopes (SUBSCRIPTION_SCOPES) checked before anything is read; a refusal is the subscription's
//                    error; more than `maxSubscriptions` at once closes the socket with 4429
//   next             each state, executed with the context it was read for (subscriptions.ts), its errors through
//                    the gateway's formatError, and never twice the same result in a row for one resource
//   shutdown         every socket closed with 1001
import type { Server } from 'node:http';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Delivery } from '../graph/subscriptions/changes';
import { SUBSCRIPTION_SCOPES } from '../graph/subscriptions/changes';
import { gqlError } from '../graph/errors';
import type { Logger } from '../lib/logger';
import type { NotificationBus } from '../notifications';
import { createContext, REFUSED_MESSAGE, type RequestHeaders, type Upstreams } from './context';
import { originAllowed } from './cors';
import { checkOperation, checkSource, type Limits } from './limits';
import { createChanges, hasScope, readerOf, SharedReads } from './subscriptions';

/** Largest message a client may send (ws's maxPayload): a document at the token limit fits many times over. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** Most subscriptions one connection may hold at once. */
export const MAX_SUBSCRIPTIONS = 20;
/** Distinct subscription documents kept parsed and validated, least recently used dropped first. */
const DOCUMENT_CACHE_SIZE = 500;
/** Close codes of this gateway (graphql-ws's own: 4400, 4401, 4408, 4409, 4429 for a second connection_init…). */
export const CLOSE = { forbidden: 4403, tooManySubscriptions: 4429, goingAway: 1001 } as const;
const DEFAULT_IDENTITY_SECRET = 'mpgraph caller identity v1';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export interface WebSocketOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  bus: NotificationBus;
  log: Logger;
  upstreams: Upstreams;
  limits: Limits;
  formatError: FormatError;
  corsOrigins: readonly string[];
  production: boolean;
  maxSubscriptions?: number;
}

export interface WebSocketTransport {
  /** Closes every socket (1001) and stops accepting new ones; the http server stays up. */
  close(): Promise<void>;
}

/** connection_init's payload as request headers: its `authorization` in any case; two spellings are no token. */
export const connectionHeaders = (params: unknown): RequestHeaders => {
  const given =
    typeof params === 'object' && params !== null
      ? Object.entries(params).filter(([name]) => name.toLowerCase() === 'authorization')
      : [];
  const rawHeaders = given.flatMap(([name, value]) => [name, typeof value === 'string' ? value : '']);
  const value = given[0]?.[1];
  return { headers: typeof value === 'string' ? { authorization: value } : {}, rawHeaders };
};

/** The name of the root field of a subscription (validation allows exactly one), fragments followed. */
const rootField = (document: DocumentNode, operation: OperationDefinitionNode): string | null => {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
  );
  const find = (set: SelectionSetNode): string | null => {
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        if (!selection.name.value.startsWith('__')) return selection.name.value;
      } else {
        const inner =
          selection.kind === 'InlineFragment'
            ? selection.selectionSet
            : fragments.get(selection.name.value)?.selectionSet;
        const found = inner ? find(inner) : null;
        if (found) return found;
      }
    }
    return null;
  };
  return find(operation.selectionSet);
};

/** A graphql-js error of the request itself with the code Apollo gives it over HTTP. */
const requestError = (error: GraphQLError, code: string): GraphQLError =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { code },
  });

/**
 * The subscription's events executed one at a time, each with the context its state was read for; a result equal to
 * the last one sent for the same resource is skipped. return() ends the source at once (graphql-ws calls it when the
 * client completes or the socket closes), so the bus subscription ends with it.
 */
const deliveries = (source: AsyncIterator<unknown>, args: ExecutionArgs): AsyncIterableIterator<ExecutionResult> => {
  const last = new Map<string, string>();
  let done = false;
  const end = async (): Promise<IteratorResult<ExecutionResult>> => {
    done = true;
    await source.return?.();
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      while (!done) {
        const item = await source.next();
        if (item.done || done) return end();
        const delivery = item.value as Delivery<unknown>;
        const result = await execute({ ...args, rootValue: delivery, contextValue: delivery.context });
        // The same document executes to the same key order, so equal results serialize alike.
        const seen = JSON.stringify(result);
        if (last.get(delivery.id) === seen) continue;
        last.delete(delivery.id);
        last.set(delivery.id, seen);
        if (last.size > 1000) last.delete(last.keys().next().value as string);
        return { value: result as ExecutionResult, done: false };
      }
      return { value: undefined, done: true };
    },
    return: end,
    throw: async (err: unknown) => {
      await end();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
};

export const attachWebSocket = (options: WebSocketOptions): WebSocketTransport => {
  const { schema, bus, log, upstreams, limits, formatError } = options;
  const maxSubscriptions = options.maxSubscriptions ?? MAX_SUBSCRIPTIONS;
  const identitySecret = upstreams.identitySecret || DEFAULT_IDENTITY_SECRET;
  const reads = new SharedReads();
  // Parsed and validated documents by query text: thousands of clients send the same few subscriptions,
  // and one shared document is far smaller than one per subscription. Only valid documents are kept.
  const documents = new Map<string, DocumentNode>();
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: MAX_MESSAGE_BYTES });
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => formatError(error.toJSON(), error));

  const server = useServer<Record<string, unknown> | undefined, { credential: RequestHeaders }>(
    {
      onConnect: async (ctx) => {
        const origin = ctx.extra.request.headers.origin;
        if (origin !== undefined && !originAllowed(origin, options.corsOrigins, options.production)) {
          log.info('websocket refused', { reason: 'origin' });
          return false;
        }
        const credential = connectionHeaders(ctx.connectionParams);
        const context = await createContext(credential, log, upstreams);
        if (context.caller === null) {
          log.info('websocket refused', { reason: 'credential' });
          return false;
        }
        ctx.extra.credential = credential;
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws has already reserved this id: it counts among the connection's subscriptions.
        if (Object.keys(ctx.subscriptions).length > maxSubscriptions) {
          ctx.extra.socket.close(CLOSE.tooManySubscriptions, 'Too many subscriptions');
          return [gqlError('BAD_USER_INPUT', `A connection may hold at most ${maxSubscriptions} subscriptions.`)];
        }
        let document = documents.get(payload.query);
        if (document) {
          // Most recently used last: the oldest entry is the first to go.
          documents.delete(payload.query);
        } else {
          const overText = checkSource(payload.query, limits);
          if (overText) return [overText];
          try {
            document = parse(payload.query, { maxTokens: limits.maxTokens });
          } catch (err) {
            if (err instanceof GraphQLError) return [requestError(err, 'GRAPHQL_PARSE_FAILED')];
            throw err;
          }
          const invalid = validate(schema, document);
          if (invalid.length > 0) return invalid.map((e) => requestError(e, 'GRAPHQL_VALIDATION_FAILED'));
          if (documents.size >= DOCUMENT_CACHE_SIZE) documents.delete(documents.keys().next().value as string);
        }
        documents.set(payload.query, document);
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [gqlError('BAD_USER_INPUT', 'Name the operation to run: operationName.')];
        if (operation.operation !== 'subscription') {
          const message = 'Only subscriptions are served over WebSocket: send queries and mutations over HTTP.';
          return [gqlError('BAD_USER_INPUT', message)];
        }
        const variables = payload.variables ?? {};
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
        if (coerced.errors) return coerced.errors.map((e) => requestError(e, 'BAD_USER_INPUT'));
        const checked = checkOperation(schema, document, operation, variables, limits);
        if (checked?.refusal) return [checked.refusal];

        const context = await createContext(ctx.extra.credential ?? { headers: {} }, log, upstreams);
        if (context.caller === null) return [gqlError('UNAUTHENTICATED', REFUSED_MESSAGE)];
        const field = rootField(document, operation);
        const scopes = (field && SUBSCRIPTION_SCOPES[field]) || [];
        if (!hasScope(context.caller, scopes)) {
          const needs = scopes[0] ?? 'payments:read';
          return [
            gqlError('FORBIDDEN', `This credential may not use this field: it needs the ${needs} scope.`, {
              requiredScope: needs,
            }),
          ];
        }
        const credential = ctx.extra.credential ?? { headers: {} };
        const changes = createChanges({
          bus,
          reads,
          log,
          newContext: () => createContext(credential, log, upstreams),
          reader: readerOf(context.caller, identitySecret),
          scopes,
          identitySecret,
        });
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: variables,
          contextValue: { ...context, changes },
        };
      },
      subscribe: async (args) => {
        const stream = await createSourceEventStream(args);
        return Symbol.asyncIterator in stream ? deliveries(stream[Symbol.asyncIterator](), args) : stream;
      },
      onNext: (_ctx, _id, _payload, _args, result): FormattedExecutionResult | void =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
  );

  return {
    close: () => server.dispose() as Promise<void>,
  };
};
