// Query cost and depth limits (Shopify's model; README.md, "Query cost and depth"). Every operation is
// priced and measured after validation and before execution; one over a limit is refused with
// BAD_USER_INPUT and HTTP 400 before any resolver (so any upstream call) runs. Every response says
// what the operation cost: `extensions.cost { requested, limit, remaining }`.
//
// Cost (graphql-query-complexity, the estimator type-graphql's `complexity` option is typed with):
// a field declares its own cost next to itself (src/graph/common/cost.ts: connections, lists read
// whole from one upstream answer); any other field costs 0 if it is a scalar or an enum, 1 plus
// its selection if it is an object, 10 plus its selection if it is a mutation. Introspection is
// free: it is answered from the schema.
// Depth: the longest chain of fields, fragments expanded, `{ payment { id } }` being 2;
// introspection fields do not count.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getVariableValues,
  GraphQLError,
  isLeafType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';
import type { ErrorCode } from '../graph/errors';

export interface Limits {
  /** Most an operation may cost (Shopify's single-query maximum). */
  maxCost: number;
  /** Most fields deep an operation may go. The deepest example in schema/operations is 5. */
  maxDepth: number;
  /** Most selections an operation may hold once fragments are expanded: the work of pricing it is bounded too. */
  maxSelections: number;
}

export const LIMITS: Readonly<Limits> = { maxCost: 1000, maxDepth: 10, maxSelections: 10_000 };

/**
 * What every response carries in `extensions.cost`. `requested` is 0 when the operation was never
 * priced: it did not parse or validate, its variables were invalid, or it was too large to price.
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

// ---- Cost ----

const introspectionIsFree: ComplexityEstimator = ({ field }) => (field.name.startsWith('__') ? 0 : undefined);

const leavesAreFree: ComplexityEstimator = ({ field }) => (isLeafType(getNamedType(field.type)) ? 0 : undefined);

// The Relay wrappers of src/graph/common/connection.ts hold no data of their own: `edges` and
// `pageInfo` cost only what is selected in them, so a page item costs its node (1) plus the
// node's selection whether it is read through `edges { node }` or `nodes`.
const relayWrappersAreFree: ComplexityEstimator = ({ type, field, childComplexity }) =>
  type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'pageInfo')
    ? childComplexity
    : undefined;

// A mutation writes upstream, and may be retried against its idempotency key: 10, as Shopify charges.
const mutationsCostTen: ComplexityEstimator = ({ type, childComplexity }) =>
  type.name === 'Mutation' ? 10 + childComplexity : undefined;

// First answer wins: a field's own `complexity`, then the rules above, then 1 + its selection.
const ESTIMATORS: ComplexityEstimator[] = [
  introspectionIsFree,
  fieldExtensionsEstimator(),
  mutationsCostTen,
  leavesAreFree,
  relayWrappersAreFree,
  simpleEstimator({ defaultComplexity: 1 }),
];

/**
 * What `operationName` (or the document's only operation) costs with these variables. Variables
 * must be valid for the operation (getComplexity throws otherwise), and the document should have
 * passed `operationShape`'s selection limit: pricing walks every expanded selection.
 */
export const operationCost = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables: Record<string, unknown> = {},
): number =>
  getComplexity({
    schema,
    query: document,
    estimators: ESTIMATORS,
    variables,
    ...(operationName ? { operationName } : {}),
    maxQueryNodes: Infinity,
  });

// ---- Depth and size ----

/**
 * Depth (the longest chain of fields) and size (selections counted once per expansion) of an operation, fragments
 * expanded.
 */
export const operationShape = (
  document: DocumentNode,
  operation: OperationDefinitionNode,
): { depth: number; selections: number } => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // Per fragment, so a fragment spread many times (or a chain of them doubling at each step) is walked once.
  const seen = new Map<string, { depth: number; selections: number }>();
  const walk = (set: SelectionSetNode | undefined): { depth: number; selections: number } => {
    let depth = 0;
    let selections = 0;
    for (const s of set?.selections ?? []) {
      selections += 1;
      let inner: { depth: number; selections: number };
      if (s.kind === Kind.FIELD) {
        const below = walk(s.selectionSet);
        // Introspection counts towards size (it is walked to price the operation), not depth.
        inner = { depth: s.name.value.startsWith('__') ? 0 : below.depth + 1, selections: below.selections };
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        inner = walk(s.selectionSet);
      } else {
        const name = s.name.value;
        const known = seen.get(name);
        if (known) {
          inner = known;
        } else {
          seen.set(name, { depth: 0, selections: 0 }); // stops a fragment cycle (which validation refuses anyway)
          inner = walk(fragments.get(name)?.selectionSet);
          seen.set(name, inner);
        }
      }
      depth = Math.max(depth, inner.depth);
      selections += inner.selections;
    }
    return { depth, selections };
  };
  return walk(operation.selectionSet);
};

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

// Messages of the three refusals side by side.
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

/**
 * Measures the operation against `limits`: its cost, and the error to refuse it with, if any.
 * Null when it cannot be measured yet: no operation was resolved, or its variables are invalid
 * (execution refuses those, BAD_USER_INPUT, before any resolver runs).
 */
export const checkOperation = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown> | undefined,
  limits: Limits = LIMITS,
): { cost: number; refusal: LimitExceededError | null } | null => {
  if (!operation) return null;
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return null;
  const { depth, selections } = operationShape(document, operation);
  if (selections > limits.maxSelections) return { cost: 0, refusal: overSize(selections, limits.maxSelections) };
  const cost = operationCost(schema, document, operation.name?.value, variables);
  if (depth > limits.maxDepth) return { cost, refusal: overDepth(depth, limits.maxDepth) };
  if (cost > limits.maxCost) return { cost, refusal: overCost(cost, limits.maxCost) };
  return { cost, refusal: null };
};

/** The Apollo Server plugin: refuses operations over the limits, and adds `extensions.cost` to every response. */
export const limitsPlugin = <TContext extends object>(limits: Limits = LIMITS): ApolloServerPlugin<TContext> => ({
  requestDidStart: async () => {
    let requested = 0;
    return {
      didResolveOperation: async ({ schema, document, operation, request }) => {
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
 * Wraps the gateway's formatError so a refusal keeps its numbers (cost and maxCost, or depth and maxDepth) in its
 * extensions.
 */
export const withLimitNumbers =
  (format: FormatError): FormatError =>
  (formatted, error) => {
    const out = format(formatted, error);
    return error instanceof LimitExceededError ? { ...out, extensions: { ...out.extensions, ...error.numbers } } : out;
  };
