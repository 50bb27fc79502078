// Query cost and depth limits (Shopify's model; README.md, "Query cost and depth"). A document is
// measured in three steps, each callable from any transport (HTTP, and WebSocket in websocket.ts):
//   1. checkSource: its text, before it is parsed: tokens, and how deep its brackets nest (the parser
//      recurses once per level, so a document nested thousands deep must never reach it);
//   2. checkDocument: the parsed operation, fragments expanded, without recursion: depth, size,
//      aliases and directives;
//   3. checkOperation: step 2, then, with the variables, the operation's cost.
// One over a limit is refused with BAD_USER_INPUT, HTTP 400 and its numbers, before any resolver (so
// any upstream call) runs. Every response says what the operation cost: `extensions.cost { requested,
// limit, remaining }`. While it runs, an operation may make at most `maxUpstreamCalls` upstream calls
// (counted by src/gateway/context.ts).
// What each step measures, and how cost is counted: measure.ts.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { ErrorCode } from '../graph/errors';
import { operationCost, operationShape, sourceShape } from './measure';

export interface Limits {
  /** Most an operation may cost (Shopify's single-query maximum). */
  maxCost: number;
  /** Most fields deep an operation may go. The deepest example in schema/operations is 5. */
  maxDepth: number;
  /** Most selections an operation may hold once fragments are expanded: the work of pricing it is bounded too. */
  maxSelections: number;
  /**
   * Most brackets (`{`, `(`, `[`) a document's text may nest, read before it is parsed. The examples nest 5 deep,
   * the introspection query Apollo Sandbox sends 10; the parser recurses once per level.
   */
  maxNesting: number;
  /**
   * Most lexical tokens a document may hold (as graphql-js counts them: no commas, white space or comments). The
   * largest example file has 506, all of schema/operations together 1,704, the introspection query 184.
   */
  maxTokens: number;
  /** Most fields written with an alias in an operation, fragments expanded; introspection counts too. */
  maxAliases: number;
  /** Most directives used in an operation, fragments expanded. */
  maxDirectives: number;
  /**
   * Most upstream calls (Mercado Pago and Mercado Libre together) one operation may make while it runs. The
   * examples make at most 3; the widest legitimate read is a full page whose items each read one related object
   * (`payments(first: 50)` with each payment's `order`, `orders(first: 50)` with each order's payment): 52.
   */
  maxUpstreamCalls: number;
}

export const LIMITS: Readonly<Limits> = {
  maxCost: 1000,
  maxDepth: 10,
  maxSelections: 10_000,
  maxNesting: 32,
  maxTokens: 5_000,
  maxAliases: 30,
  maxDirectives: 50,
  maxUpstreamCalls: 100,
};

/**
 * What every response carries in `extensions.cost`. `requested` is 0 when the operation was never
 * priced: it did not parse or validate, its variables were invalid, or it was over a limit of its
 * text or of its shape (too deep, too large, too many aliases or directives).
 */
export interface CostExtension {
  requested: number;
  limit: number;
  remaining: number;
}

export const costExtension = (requested: number, limit: number): CostExtension => ({
  requested,
  limit,
  remaining: Math.max(0, limit - requested),
});

// ---- Refusals ----

/** An operation over a limit. `numbers` are added to the error's extensions for clients. */
export class LimitExceededError extends GraphQLError {
  constructor(
    message: string,
    readonly numbers: Record<string, number>,
  ) {
    const code: ErrorCode = 'BAD_USER_INPUT';
    super(message, { extensions: { code, http: { status: 400 } } });
  }
}

// Messages of the refusals side by side.
const overNesting = (nesting: number, max: number) =>
  new LimitExceededError(
    `The document nests brackets ${nesting} deep, over the limit of ${max}. Split it into shallower operations.`,
    { nesting, maxNesting: max },
  );
const overTokens = (tokens: number, max: number) =>
  new LimitExceededError(`The document has ${tokens} tokens, over the limit of ${max}. Send a shorter document.`, {
    tokens,
    maxTokens: max,
  });
const overCost = (cost: number, max: number) =>
  new LimitExceededError(
    `The operation costs ${cost}, over the limit of ${max}. Ask for fewer items (first) or fewer nested lists.`,
    { cost, maxCost: max },
  );
const overDepth = (depth: number, max: number) =>
  new LimitExceededError(
    `The operation is ${depth} fields deep, over the limit of ${max}. Split it into shallower operations.`,
    { depth, maxDepth: max },
  );
const overSize = (selections: number, max: number) =>
  new LimitExceededError(
    `The operation has ${selections} selections once its fragments are expanded, over the limit of ${max}.`,
    { selections, maxSelections: max },
  );
const overAliases = (aliases: number, max: number) =>
  new LimitExceededError(
    `The operation has ${aliases} aliased fields once its fragments are expanded, over the limit of ${max}. ` +
      'Ask for a page (first) rather than many things by id, or split the operation.',
    { aliases, maxAliases: max },
  );
const overDirectives = (directives: number, max: number) =>
  new LimitExceededError(
    `The operation uses ${directives} directives once its fragments are expanded, over the limit of ${max}.`,
    { directives, maxDirectives: max },
  );

/**
 * Step 1, before parsing: the refusal of a document whose text nests too deep or has too many tokens, or null.
 * Linear in the text's length; parse only what passes.
 */
export const checkSource = (source: string, limits: Limits = LIMITS): LimitExceededError | null => {
  const { tokens, nesting } = sourceShape(source);
  if (nesting > limits.maxNesting) return overNesting(nesting, limits.maxNesting);
  if (tokens > limits.maxTokens) return overTokens(tokens, limits.maxTokens);
  return null;
};

/**
 * Step 2, after validation, before pricing: the refusal of an operation too large, too deep, or with too many
 * aliases or directives (fragments expanded), or null. Needs no variables and no schema.
 */
export const checkDocument = (
  document: DocumentNode,
  operation: OperationDefinitionNode,
  limits: Limits = LIMITS,
): LimitExceededError | null => {
  const { depth, selections, aliases, directives } = operationShape(document, operation);
  if (selections > limits.maxSelections) return overSize(selections, limits.maxSelections);
  if (depth > limits.maxDepth) return overDepth(depth, limits.maxDepth);
  if (aliases > limits.maxAliases) return overAliases(aliases, limits.maxAliases);
  if (directives > limits.maxDirectives) return overDirectives(directives, limits.maxDirectives);
  return null;
};

/**
 * Step 3: measures the operation against `limits` (checkDocument), then prices it: its cost (0 when it was refused
 * before pricing), and the error to refuse it with, if any. Null when it cannot be measured yet: no operation was
 * resolved, or its variables are invalid (execution refuses those, BAD_USER_INPUT, before any resolver runs).
 */
export const checkOperation = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown> | undefined,
  limits: Limits = LIMITS,
): { cost: number; refusal: LimitExceededError | null } | null => {
  if (!operation) return null;
  const refusal = checkDocument(document, operation, limits);
  if (refusal) return { cost: 0, refusal };
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return null;
  const cost = operationCost(schema, document, operation.name?.value, variables);
  return { cost, refusal: cost > limits.maxCost ? overCost(cost, limits.maxCost) : null };
};

// Subscriptions need a connection that stays open; over HTTP, graphql-js would run one as a query
// (with a Subscription type) or fail (without one): refused here, before either. They are served over
// WebSocket on the same path (websocket.ts).
const SUBSCRIPTIONS_OVER_HTTP =
  'Subscriptions are not available over HTTP: this endpoint answers queries and mutations. Subscribe over ' +
  'WebSocket with the graphql-ws protocol on /graphql.';

/** The refusal of a `subscription` operation sent over HTTP. */
export const subscriptionOverHttp = (): GraphQLError => {
  const code: ErrorCode = 'BAD_USER_INPUT';
  return new GraphQLError(SUBSCRIPTIONS_OVER_HTTP, { extensions: { code, http: { status: 400 } } });
};

/**
 * The Apollo Server plugin of the HTTP transport: refuses subscriptions and operations over the limits (steps 2
 * and 3; step 1 runs on the request's text before Apollo, src/gateway/server.ts), and adds `extensions.cost` to
 * every response.
 */
export const limitsPlugin = <TContext extends object>(limits: Limits = LIMITS): ApolloServerPlugin<TContext> => ({
  requestDidStart: async () => {
    let requested = 0;
    return {
      didResolveOperation: async ({ schema, document, operation, request }) => {
        if (operation?.operation === 'subscription') throw subscriptionOverHttp();
        const checked = checkOperation(schema, document, operation, request.variables, limits);
        requested = checked?.cost ?? 0;
        if (checked?.refusal) throw checked.refusal;
      },
      willSendResponse: async ({ response }) => {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, cost: costExtension(requested, limits.maxCost) };
      },
    };
  },
});

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Wraps the gateway's formatError so a refusal keeps its numbers (cost and maxCost, depth and maxDepth, …) in its
 * extensions.
 */
export const withLimitNumbers =
  (format: FormatError): FormatError =>
  (formatted, error) => {
    const out = format(formatted, error);
    return error instanceof LimitExceededError ? { ...out, extensions: { ...out.extensions, ...error.numbers } } : out;
  };
