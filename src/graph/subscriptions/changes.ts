// What a subscription field asks of the transport that serves it (src/gateway/websocket.ts, README.md
// "Subscriptions"): the later states of one resource, or of every resource of its kind the caller may see. The
// field says how to read the resource (its domain's loader) and what of it a subscriber may see; the transport
// decides when to read (after each notification of the bus), shares one read between the subscriptions that use
// the same upstream token, and keeps an older state from following a newer one.
import type { Scope } from '../../auth';
import type { Context } from '../context';
import { gqlError } from '../errors';

export type ResourceKind = 'payment' | 'order';

/** How one subscription reads what changed, and what of it its subscriber may see. */
export interface Watched<T> {
  kind: ResourceKind;
  /** One resource, or null: every resource of `kind` the caller may read. */
  id: string | null;
  /** The resource as `ctx`'s upstream token sees it; null when absent or not visible. One read per token. */
  read(ctx: Context, id: string): Promise<T | null>;
  /** Whether this subscriber may see what was read (a checkout session: only the payments it created). */
  visible(ctx: Context, value: T): boolean;
  /** When upstream last changed it (an ISO date), or null. */
  updatedAt(value: T): string | null;
}

/**
 * One state to send: the resource, read after a notification, and the context it was read for (this subscriber's,
 * made for this change: fresh loaders and a fresh budget of upstream calls for the fields selected under it).
 */
export interface Delivery<T> {
  id: string;
  value: T;
  context: Context;
}

export interface Changes {
  watch<T>(watched: Watched<T>): AsyncIterable<Delivery<T>>;
}

/** The context of a subscription: a request's, and the changes it listens to. */
export interface SubscriptionContext extends Context {
  changes?: Changes;
}

/**
 * The scopes each subscription field needs, any one of them. The transport checks them when the client subscribes,
 * before anything is read (type-graphql's @Authorized would run on each event, after the read).
 */
export const SUBSCRIPTION_SCOPES: Readonly<Record<string, readonly Scope[]>> = {
  paymentUpdated: ['payments:read', 'checkout'],
  orderUpdated: ['orders:read'],
};

/** The changes `watched` names, from the subscription's context. */
export const changesOf = <T>(context: SubscriptionContext, watched: Watched<T>): AsyncIterable<Delivery<T>> => {
  if (!context.changes) throw gqlError('BAD_USER_INPUT', 'Subscriptions are served over WebSocket (graphql-ws).');
  return context.changes.watch(watched);
};
