// The changes behind GraphQL subscriptions (README.md, "Subscriptions"; docs/architecture.md, "The life of a
// notification"): each subscription listens on the notification bus for its kind (and its id, when it names one) and,
// after each event, reads the resource again through the field's loader. An event only says what changed; what is
// sent is what the subscriber's credential reads now.
//   - One read per upstream token and change: the subscriptions whose events arrive before a read starts (the same
//     tick) share it, keyed by (reader, kind, id), the reader being the seller (keys and session JWTs act with their
//     seller's token) or the passthrough caller's identity (an HMAC, never the token). The key lives only until the
//     read starts.
//   - The subscriber's credential is authenticated again for each change: a revoked key, an expired JWT, a lost
//     scope or a key moved to another seller receives nothing more.
//   - Per subscription and resource, a state read after an older event's never loses to it: a result whose event
//     came before the last one sent, or whose upstream update date is older, is dropped.
//   - Without an id, every event of the kind is read, and what the token may not see is absent upstream
//     (NOT_FOUND): visibility decides, not the event's userId (a key knows its seller's name, not its user id).
import { callerIdentity, type Caller, type Scope } from '../auth';
import type { Context } from '../graph/context';
import type { Changes, Delivery, Watched } from '../graph/subscriptions/changes';
import type { Logger } from '../lib/logger';
import type { NotificationBus } from '../notifications';
import { UpstreamError } from '../upstream/errors';

/** Most states waiting for a slow subscriber; past it the oldest are dropped (the newest is what counts). */
export const MAX_PENDING_DELIVERIES = 100;
/** Most resources a subscription without an id remembers the last state of. */
const MAX_TRACKED = 1000;

/** Reads shared by every subscription that asks for the same key before the read starts. */
export class SharedReads {
  private readonly pending = new Map<string, Promise<unknown>>();

  /** Reads waiting to start; none once every read has started. */
  get size(): number {
    return this.pending.size;
  }

  read<T>(key: string, read: () => Promise<T>): Promise<T> {
    const waiting = this.pending.get(key);
    if (waiting) return waiting as Promise<T>;
    // Started on the next turn of the event loop: the bus hands an event to every subscriber in one turn.
    const started = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.pending.delete(key);
      return read();
    });
    this.pending.set(key, started);
    return started;
  }
}

/** Whose upstream token a caller reads with: its seller's, or for passthrough its own (as an HMAC). */
export const readerOf = (caller: Caller, identitySecret: string): string =>
  caller.kind !== 'passthrough' && caller.seller !== null
    ? `seller:${caller.seller}`
    : `caller:${callerIdentity(caller, identitySecret)}`;

export const hasScope = (caller: Caller, scopes: readonly Scope[]): boolean =>
  caller.scopes === 'all' || scopes.some((scope) => (caller.scopes as ReadonlySet<Scope>).has(scope));

/** An async iterator fed by push(); return() ends it at once, even while a next() waits. */
class DeliveryQueue<T> implements AsyncIterableIterator<T> {
  private readonly buffered: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private done = false;

  constructor(private readonly onEnd: () => void) {}

  push(value: T): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
      return;
    }
    this.buffered.push(value);
    if (this.buffered.length > MAX_PENDING_DELIVERIES) this.buffered.shift();
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.buffered.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.done = true;
      this.buffered.length = 0;
      this.onEnd();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

export interface ChangesOptions {
  bus: NotificationBus;
  reads: SharedReads;
  log: Logger;
  /** The subscriber's context for one change: its credential authenticated again. */
  newContext(): Promise<Context>;
  /** The reader the subscriber had when it subscribed (readerOf). */
  reader: string;
  /** The scopes of the field (any one). */
  scopes: readonly Scope[];
  identitySecret: string;
}

const olderThan = (a: string | null, b: string | null): boolean =>
  a !== null && b !== null && Date.parse(a) < Date.parse(b);

/** The changes of one subscription (its field calls watch() once). */
export const createChanges = (options: ChangesOptions): Changes => ({
  watch<T>(watched: Watched<T>): AsyncIterable<Delivery<T>> {
    const { bus, reads, log, reader } = options;
    const filter = { kind: watched.kind, ...(watched.id !== null ? { id: watched.id } : {}) };
    const sent = new Map<string, { seq: number; updatedAt: string | null }>();
    let seq = 0;
    let unsubscribe: () => void = () => undefined;
    const queue = new DeliveryQueue<Delivery<T>>(() => unsubscribe());

    const usable = (ctx: Context): boolean =>
      ctx.caller !== null &&
      hasScope(ctx.caller, options.scopes) &&
      readerOf(ctx.caller, options.identitySecret) === reader;

    const onEvent = async (id: string): Promise<void> => {
      const mine = ++seq;
      // Joined now, in the bus's turn, so that every subscriber of this reader shares it.
      const shared = reads.read(`${reader}\n${watched.kind}\n${id}`, async () => {
        const ctx = await options.newContext();
        return usable(ctx) ? watched.read(ctx, id) : null;
      });
      const [ctx, value] = await Promise.all([options.newContext(), shared]);
      if (value === null || !usable(ctx) || !watched.visible(ctx, value)) return;
      const updatedAt = watched.updatedAt(value);
      const last = sent.get(id);
      if (last && (mine < last.seq || olderThan(updatedAt, last.updatedAt))) return;
      sent.delete(id);
      sent.set(id, { seq: mine, updatedAt });
      if (sent.size > MAX_TRACKED) sent.delete(sent.keys().next().value as string);
      queue.push({ id, value, context: ctx });
    };

    unsubscribe = bus.subscribe(filter, (event) =>
      onEvent(event.id).catch((err: unknown) => {
        // A read that fails delivers nothing; the operator sees why (never a token or a body).
        log.warn('subscription read failed', {
          kind: watched.kind,
          error: err instanceof UpstreamError ? err.detail() : err instanceof Error ? err.message : String(err),
        });
      }),
    );
    return queue;
  },
});
