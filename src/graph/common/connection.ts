// Relay connections over the upstream searches (edges { cursor node }, nodes,
// pageInfo { hasNextPage endCursor }, totalCount). Mercado Pago and Mercado Libre page by offset,
// so a cursor is an item's absolute position, made opaque so clients never build one by hand.
import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { badArgument } from '../errors';
import type { Page } from './loader';

/** Page size when the client gives no `first`, and the most one page may hold. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

const PREFIX = 'o:';

export const encodeCursor = (position: number): string =>
  Buffer.from(`${PREFIX}${position}`, 'utf8').toString('base64url');

/** The position a cursor stands for; BAD_USER_INPUT for anything this gateway did not issue. */
export const decodeCursor = (cursor: string): number => {
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const position =
    text.startsWith(PREFIX) && /^\d{1,9}$/.test(text.slice(PREFIX.length)) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(position)) {
    throw badArgument(
      'after',
      'Argument "after" is not a cursor this API issued: pass an endCursor or edge cursor from a previous page.',
    );
  }
  return position;
};

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return: 1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when omitted.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the items after this cursor (an endCursor or edge cursor of a previous page).',
  })
  after?: string | null;
}

/** The upstream window a page asks for: `offset` is the first position after `after`. */
export const pageWindow = (args: PageArgs): { offset: number; limit: number } => {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw badArgument('first', `Argument "first" must be between 1 and ${MAX_PAGE_SIZE}; got ${limit}.`);
  }
  const offset = args.after === null || args.after === undefined ? 0 : decodeCursor(args.after) + 1;
  return { offset, limit };
};

@ObjectType({ description: 'Where a page stands in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last item of this page; null on an empty page.',
  })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A page of `items` found at `offset` in a list of `total`. Past the end, an empty page. */
export const toConnection = <T>({ items, offset, total }: Page<T>): ConnectionShape<T> => {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    nodes: [...items],
    pageInfo: {
      hasNextPage: offset + items.length < total,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount: total,
  };
};

/**
 * The `<Name>Connection` and `<Name>Edge` object types for a node type. type-graphql needs a
 * concrete class per node type, so each domain calls this once: `class PaymentConnection extends
 * Connection(Payment, 'Payment') {}`.
 */
export const Connection = <T extends object>(Node: ClassType<T>, name: string) => {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this item; pass it as `after` to read on from here.' })
    cursor!: string;

    @Field(() => Node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: 'The page, with a cursor per item.' })
    edges!: Edge[];

    @Field(() => [Node], { description: 'The page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more items follow, and where this page ends.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds, across all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
};
