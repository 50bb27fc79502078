// What a field adds to an operation's cost (Shopify's model; README.md, "Query cost and depth").
// Fields declare it next to themselves with type-graphql's `complexity` option; src/gateway/limits.ts
// adds it all up before anything runs. A field without one costs what src/gateway/limits.ts gives
// every field: 0 for a scalar or an enum, 1 for an object plus what is selected in it.
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection';

/**
 * The page size a connection will be asked for. Out-of-range values are refused by the resolver, so they price as the
 * cap.
 */
const pageSize = (first: unknown): number =>
  typeof first === 'number' && Number.isInteger(first)
    ? Math.min(Math.max(first, 1), MAX_PAGE_SIZE)
    : DEFAULT_PAGE_SIZE;

/**
 * A connection (one upstream search): 2, plus `first` (the default page size when omitted) times
 * what one item's selection costs. The item itself is an object, so `edges { node { id } }` or
 * `nodes { id }` is 1 per item: `payments(first: 10) { nodes { id } }` costs 12.
 */
export const connectionCost: ComplexityEstimator = ({ args, childComplexity }) => {
  const first: unknown = args.first;
  return 2 + pageSize(first) * childComplexity;
};

/**
 * A list that comes whole in one upstream answer but can grow: `estimate` items (what such a list
 * usually holds, a little over), each an object (1) plus its selection.
 */
export const listCost =
  (estimate: number): ComplexityEstimator =>
  ({ childComplexity }) =>
    estimate * (1 + childComplexity);

/**
 * Payments of one order: usually one, two when the buyer split it over two cards, a few more after
 * declined attempts. Also what `balanceDue` and `fullyPaid` add, since they read those payments.
 */
export const ORDER_PAYMENTS_ESTIMATE = 3;
