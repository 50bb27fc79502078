// What a GraphQL document measures (README.md, "Query cost and depth"): its text before it is parsed
// (tokens, and how deep its brackets nest: the parser recurses once per level, so a document nested
// thousands deep must never reach it), its operation once parsed (depth, size, aliases, directives,
// fragments expanded, without recursion), and its cost. limits.ts compares these with the limits.
//
// Cost (graphql-query-complexity, the estimator type-graphql's `complexity` option is typed with):
// a field declares its own cost next to itself (src/graph/common/cost.ts: connections, lists read
// whole from one upstream answer); any other field costs 0 if it is a scalar or an enum, 1 plus
// its selection if it is an object, 10 plus its selection if it is a mutation. Introspection is
// free: it is answered from the schema.
// Depth: the longest chain of fields, fragments expanded, `{ payment { id } }` being 2;
// introspection fields do not count.
import {
  getNamedType,
  isLeafType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';

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

// ---- The text, before parsing ----

const isNameStart = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isNameContinue = (c: number): boolean => isNameStart(c) || isDigit(c);

/**
 * Tokens and bracket nesting of a document's text, in one pass, without parsing and without recursion. Tokens are
 * counted as graphql-js's lexer counts them for `maxTokens` (punctuators, `...`, names, numbers, strings and block
 * strings; not white space, commas or comments); `nesting` is the deepest `{`, `(` or `[` outside strings, block
 * strings and comments. Text the lexer would refuse is counted as best it can be: parsing reports the error.
 */
export const sourceShape = (source: string): { tokens: number; nesting: number } => {
  const end = source.length;
  let tokens = 0;
  let open = 0;
  let nesting = 0;
  let i = 0;
  const digits = () => {
    while (i < end && isDigit(source.charCodeAt(i))) i += 1;
  };
  while (i < end) {
    const c = source.charCodeAt(i);
    // White space, line terminators, commas and the byte order mark are not tokens.
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2c || c === 0xfeff) {
      i += 1;
      continue;
    }
    if (c === 0x23) {
      // # a comment, to the end of the line
      while (i < end && source.charCodeAt(i) !== 0x0a && source.charCodeAt(i) !== 0x0d) i += 1;
      continue;
    }
    tokens += 1;
    if (c === 0x22 && source.startsWith('"""', i)) {
      // """a block string""", in which \""" is an escaped triple quote
      i += 3;
      while (i < end && !source.startsWith('"""', i)) i += source.startsWith('\\"""', i) ? 4 : 1;
      i += 3;
    } else if (c === 0x22) {
      // "a string", on one line, with \ escapes
      i += 1;
      while (i < end) {
        const d = source.charCodeAt(i);
        if (d === 0x0a || d === 0x0d) break;
        i += d === 0x5c ? 2 : 1;
        if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x28 || c === 0x5b) {
      // { ( [
      open += 1;
      nesting = Math.max(nesting, open);
      i += 1;
    } else if (c === 0x7d || c === 0x29 || c === 0x5d) {
      // } ) ]
      open = Math.max(0, open - 1);
      i += 1;
    } else if (c === 0x2e && source.startsWith('...', i)) {
      i += 3;
    } else if (isNameStart(c)) {
      i += 1;
      while (i < end && isNameContinue(source.charCodeAt(i))) i += 1;
    } else if (c === 0x2d || isDigit(c)) {
      // -?digits(.digits)?([eE][+-]?digits)?
      i += 1;
      digits();
      if (source.charCodeAt(i) === 0x2e) {
        i += 1;
        digits();
      }
      if (source.charCodeAt(i) === 0x45 || source.charCodeAt(i) === 0x65) {
        i += 1;
        if (source.charCodeAt(i) === 0x2b || source.charCodeAt(i) === 0x2d) i += 1;
        digits();
      }
    } else {
      // Any other punctuator (! $ & : = @ |), or a character the lexer refuses.
      i += 1;
    }
  }
  return { tokens, nesting };
};

// ---- The operation: depth, size, aliases, directives ----

/** What `operationShape` measures of an operation, fragments expanded. */
export interface OperationShape {
  /** The longest chain of fields, introspection fields left out. */
  depth: number;
  /** Selections (fields, fragment spreads, inline fragments), counted once per expansion. */
  selections: number;
  /** Fields written with an alias, counted once per expansion. */
  aliases: number;
  /** Directives used, on the operation, its variables, selections and fragments, counted once per expansion. */
  directives: number;
}

const NOTHING: Readonly<OperationShape> = { depth: 0, selections: 0, aliases: 0, directives: 0 };

// One selection set being measured: where it is, what it has added up so far, and what to do with
// its total (add it into the enclosing set, a field adding its level).
interface Frame {
  selections: readonly SelectionNode[];
  next: number;
  shape: OperationShape;
  done: (shape: OperationShape) => void;
}

const addInto = (into: OperationShape, shape: OperationShape, depth: number): void => {
  into.depth = Math.max(into.depth, depth);
  into.selections += shape.selections;
  into.aliases += shape.aliases;
  into.directives += shape.directives;
};

/**
 * Depth, size, aliases and directives of an operation, fragments expanded, with an explicit stack (no recursion,
 * however deep the document or its chain of fragments). Each fragment is walked once, so a fragment spread many
 * times (or a chain of them doubling at each step) is measured, not expanded.
 */
export const operationShape = (document: DocumentNode, operation: OperationDefinitionNode): OperationShape => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const seen = new Map<string, OperationShape>();
  const root: OperationShape = {
    ...NOTHING,
    directives:
      (operation.directives?.length ?? 0) +
      (operation.variableDefinitions ?? []).reduce((n, v) => n + (v.directives?.length ?? 0), 0),
  };
  const stack: Frame[] = [{ selections: operation.selectionSet.selections, next: 0, shape: root, done: () => {} }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.selections.length) {
      stack.pop();
      frame.done(frame.shape);
      continue;
    }
    const s = frame.selections[frame.next];
    frame.next += 1;
    const into = frame.shape;
    into.selections += 1;
    into.directives += s.directives?.length ?? 0;
    if (s.kind === Kind.FIELD) {
      if (s.alias) into.aliases += 1;
      // Introspection counts towards size, aliases and directives (it is walked and answered), not depth.
      const level = s.name.value.startsWith('__') ? () => 0 : (below: number) => below + 1;
      if (!s.selectionSet) {
        into.depth = Math.max(into.depth, level(0));
        continue;
      }
      stack.push({
        selections: s.selectionSet.selections,
        next: 0,
        shape: { ...NOTHING },
        done: (below) => addInto(into, below, level(below.depth)),
      });
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      stack.push({
        selections: s.selectionSet.selections,
        next: 0,
        shape: { ...NOTHING },
        done: (inner) => addInto(into, inner, inner.depth),
      });
    } else {
      const name = s.name.value;
      const known = seen.get(name);
      const fragment = fragments.get(name);
      if (known || !fragment) {
        addInto(into, known ?? NOTHING, (known ?? NOTHING).depth);
        continue;
      }
      seen.set(name, NOTHING); // stops a fragment cycle (which validation refuses anyway)
      stack.push({
        selections: fragment.selectionSet.selections,
        next: 0,
        shape: { ...NOTHING, directives: fragment.directives?.length ?? 0 },
        done: (inner) => {
          seen.set(name, inner);
          addInto(into, inner, inner.depth);
        },
      });
    }
  }
  return root;
};
