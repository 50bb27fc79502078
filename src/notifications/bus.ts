// Publish/subscribe for notification events. The interface is async so the Redis bus (redisBus.ts,
// REDIS_URL) fans events out to every gateway instance behind the same API; this file holds the
// in-process one.
import type { Logger } from '../lib/logger';
import { matches, type EventFilter, type NotificationEvent } from './events';

export type EventHandler = (event: NotificationEvent) => void | Promise<void>;

export interface NotificationBus {
  /**
   * Delivers `event` to every matching subscriber. Resolves once each handler has run (a memory
   * bus) or the event has been handed to the broker; never rejects because of a handler.
   */
  publish(event: NotificationEvent): Promise<void>;
  /** Calls `handler` for every later event matching `filter`; returns the unsubscribe function. */
  subscribe(filter: EventFilter, handler: EventHandler): () => void;
  /** Lets go of what the bus holds (connections); publishing afterwards is local only. */
  close?(): Promise<void>;
}

interface Subscription {
  filter: EventFilter;
  handler: EventHandler;
  active: boolean;
}

/**
 * The in-memory bus: one process, no persistence. A handler that throws or rejects is logged and
 * affects neither the publisher nor the other handlers; handlers run on a later microtask, never
 * inside `publish`'s caller.
 */
export const createMemoryBus = (log?: Logger): NotificationBus => {
  const subscriptions = new Set<Subscription>();
  return {
    async publish(event) {
      const targets = [...subscriptions].filter((s) => matches(s.filter, event));
      await Promise.all(
        targets.map(async (s) => {
          await Promise.resolve();
          // Unsubscribed after publish() began: it no longer wants events.
          if (!s.active) return;
          try {
            await s.handler(event);
          } catch (err) {
            log?.error('notification handler failed', {
              event: { kind: event.kind, id: event.id },
              error: err instanceof Error ? { name: err.name, message: err.message } : String(err),
            });
          }
        }),
      );
    },
    subscribe(filter, handler) {
      const s: Subscription = { filter: { ...filter }, handler, active: true };
      subscriptions.add(s);
      return () => {
        s.active = false;
        subscriptions.delete(s);
      };
    },
  };
};
