// The notification bus on Redis pub/sub (REDIS_URL): every gateway sharing one Redis hears every
// event, whichever gateway took the webhook.
//
//   publish(event): this gateway's subscribers get it in process (as on the memory bus), and one
//                   PUBLISH sends {"v":1,"from":<instance id>,"event":{…}} to the channel.
//   a second connection, subscribed to the channel, hands what other gateways published to this
//                   gateway's subscribers; its own messages, echoed back by Redis, are recognized by
//                   the instance id (random per process) and not delivered twice.
//
// What arrives from Redis is checked like a webhook (anyone who can reach Redis can publish): the
// shape, the kind, the ids against src/upstream/ids.ts; the event is rebuilt from the known fields
// only. A malformed message is dropped with a warning.
//
// Redis going away costs fan-out, never the gateway: local publish and subscribe keep working; a
// PUBLISH is bounded (publishTimeoutMs, no offline queue, never re-sent later), and one that fails
// is logged, not thrown; both connections reconnect by themselves (retryStrategy), the subscriber
// subscribes again on every new connection; every 'error' event is handled. Events published while
// Redis is away reach only this gateway's subscribers: pub/sub keeps nothing for later, and an event
// only means "read this resource again".
import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { isObject } from '../lib/json';
import type { Logger } from '../lib/logger';
import { isId } from '../upstream/ids';
import { createMemoryBus, type NotificationBus } from './bus';
import type { EventFilter, NotificationEvent, NotificationSource } from './events';
import type { EventHandler } from './bus';

export interface RedisBusOptions {
  /** The pub/sub channel (default `mpgraph:notifications:v1`); gateways sharing events share it. */
  channel?: string;
  /** Longest wait for a PUBLISH's reply, in ms (default 1,000). */
  publishTimeoutMs?: number;
  /** Longest wait for a connection, in ms (default 2,000). */
  connectTimeoutMs?: number;
  /** This process's id in the messages it sends (default: a random UUID). */
  instanceId?: string;
}

export const DEFAULT_BUS_CHANNEL = 'mpgraph:notifications:v1';
export const DEFAULT_BUS_PUBLISH_TIMEOUT_MS = 1_000;
export const DEFAULT_BUS_CONNECT_TIMEOUT_MS = 2_000;
/** Real messages are about 200 bytes; anything much larger is not one of ours. */
export const MAX_BUS_MESSAGE_BYTES = 4_096;

const INSTANCE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Mercado Pago's `action`, as src/notifications/mercadopago.ts accepts it from a webhook. */
const ACTION = /^[a-z_]{1,40}\.[a-z_]{1,40}$/;
const SOURCES: readonly NotificationSource[] = ['mercadopago', 'mercadolibre'];

export type ParsedBusMessage = { ok: true; from: string; event: NotificationEvent } | { ok: false; reason: string };

const userIdOf = (v: unknown): string | null | undefined => (v === null ? null : isId('user', v) ? v : undefined);

/** Checks a message from the channel and rebuilds its event from the fields an event has. */
export const parseBusMessage = (raw: string): ParsedBusMessage => {
  if (raw.length > MAX_BUS_MESSAGE_BYTES) return { ok: false, reason: 'message too large' };
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'message is not JSON' };
  }
  if (!isObject(body) || body.v !== 1) return { ok: false, reason: 'not a version 1 message' };
  const { from, event: e } = body;
  if (typeof from !== 'string' || !INSTANCE_ID.test(from)) return { ok: false, reason: 'from missing or malformed' };
  if (!isObject(e)) return { ok: false, reason: 'event missing' };
  const userId = userIdOf(e.userId);
  if (userId === undefined) return { ok: false, reason: 'userId malformed' };
  if (e.kind === 'payment') {
    if (!isId('payment', e.id)) return { ok: false, reason: 'payment id malformed' };
    if (e.action !== null && (typeof e.action !== 'string' || !ACTION.test(e.action)))
      return { ok: false, reason: 'action malformed' };
    if (!SOURCES.includes(e.source as NotificationSource)) return { ok: false, reason: 'source malformed' };
    const event = { kind: 'payment', id: e.id, action: e.action, userId, source: e.source as NotificationSource };
    return { ok: true, from, event: event as NotificationEvent };
  }
  if (e.kind === 'order') {
    if (!isId('order', e.id)) return { ok: false, reason: 'order id malformed' };
    if (e.topic !== 'orders_v2' && e.topic !== 'created_orders') return { ok: false, reason: 'topic malformed' };
    if (e.source !== 'mercadolibre') return { ok: false, reason: 'source malformed' };
    return { ok: true, from, event: { kind: 'order', id: e.id, topic: e.topic, userId, source: 'mercadolibre' } };
  }
  return { ok: false, reason: 'unknown kind' };
};

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class RedisNotificationBus implements NotificationBus {
  readonly instanceId: string;
  private readonly channel: string;
  private readonly connectTimeoutMs: number;
  private readonly local: NotificationBus;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private firstConnection: Promise<void> | null = null;
  /** Connected once: from then on, not ready means down. */
  private wasReady = false;
  private subscribedNow = false;
  /** True from the first sign of an outage to both connections being back (one warning each way). */
  private down = false;
  private lastError: Error | null = null;
  private closed = false;

  /** Connects at once. `redisUrl`: `redis://[user:password@]host[:port][/db]` or `rediss://`. */
  constructor(
    redisUrl: string,
    private readonly log: Logger,
    options: RedisBusOptions = {},
  ) {
    this.instanceId = options.instanceId ?? randomUUID();
    if (!INSTANCE_ID.test(this.instanceId)) throw new RangeError('instanceId must be 1 to 64 letters, digits, - or _');
    this.channel = options.channel ?? DEFAULT_BUS_CHANNEL;
    const publishTimeoutMs = options.publishTimeoutMs ?? DEFAULT_BUS_PUBLISH_TIMEOUT_MS;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_BUS_CONNECT_TIMEOUT_MS;
    for (const [name, ms] of [
      ['publishTimeoutMs', publishTimeoutMs],
      ['connectTimeoutMs', this.connectTimeoutMs],
    ] as const)
      if (!Number.isSafeInteger(ms) || ms < 1) throw new RangeError(`${name} must be a positive integer of ms`);
    this.local = createMemoryBus(log);

    const common: RedisOptions = {
      connectTimeout: this.connectTimeoutMs,
      commandTimeout: publishTimeoutMs,
      // Nothing waits in a queue for Redis to come back, and nothing is re-sent behind the caller's back.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      retryStrategy: (times) => Math.min(times * 100, 1_000),
      disconnectTimeout: publishTimeoutMs,
    };
    this.publisher = new Redis(redisUrl, { ...common, connectionName: 'mpgraph-bus-publish' });
    // Subscribes itself on every new connection (below), including one made after Redis was down at start.
    this.subscriber = new Redis(redisUrl, {
      ...common,
      connectionName: 'mpgraph-bus-subscribe',
      autoResubscribe: false,
    });

    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (err: Error) => {
        this.lastError = err;
        this.markDown();
      });
      connection.on('close', () => this.markDown());
    }
    this.publisher.on('ready', () => {
      this.wasReady = true;
      this.markUpIfWhole();
    });
    this.subscriber.on('close', () => {
      this.subscribedNow = false;
    });
    this.subscriber.on('ready', () => this.subscribeToChannel());
    this.subscriber.on('message', (channel: string, message: string) => this.receive(channel, message));
  }

  /** True while the subscriber connection is subscribed (other gateways' events arrive). */
  get subscribed(): boolean {
    return this.subscribedNow;
  }

  async publish(event: NotificationEvent): Promise<void> {
    await Promise.all([this.local.publish(event), this.publishRemote(event)]);
  }

  subscribe(filter: EventFilter, handler: EventHandler): () => void {
    return this.local.subscribe(filter, handler);
  }

  /** Quits both connections (bounded), then drops them. Local publish and subscribe keep working. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.subscribedNow = false;
    await Promise.all(
      [this.publisher, this.subscriber].map(async (connection) => {
        try {
          if (connection.status === 'ready') await connection.quit();
        } catch {
          // Closing anyway.
        } finally {
          connection.disconnect();
        }
      }),
    );
  }

  private async publishRemote(event: NotificationEvent): Promise<void> {
    if (this.closed) return;
    try {
      await this.connected();
      await this.publisher.publish(this.channel, JSON.stringify({ v: 1, from: this.instanceId, event }));
    } catch (err) {
      this.log.warn('notification not sent to the other gateways (delivered in this one)', {
        event: { kind: event.kind, id: event.id },
        error: messageOf(err),
      });
    }
  }

  private receive(channel: string, message: string): void {
    if (channel !== this.channel) return;
    const parsed = parseBusMessage(message);
    if (!parsed.ok) {
      this.log.warn('notification bus message dropped', { reason: parsed.reason, bytes: message.length });
      return;
    }
    if (parsed.from === this.instanceId) return; // our own, delivered when it was published
    this.local.publish(parsed.event).catch(() => undefined); // handlers' failures are logged by the memory bus
  }

  private subscribeToChannel(): void {
    this.subscriber.subscribe(this.channel).then(
      () => {
        this.subscribedNow = true;
        this.markUpIfWhole();
      },
      (err: unknown) => {
        if (this.closed) return;
        this.log.warn('notification bus could not subscribe; reconnecting', { error: messageOf(err) });
        this.subscriber.disconnect(true);
      },
    );
  }

  private markDown(): void {
    if (this.down || this.closed) return;
    this.down = true;
    this.log.warn(
      "notification bus: Redis is unreachable; events reach only this gateway's subscribers until it returns",
      {
        error: this.lastError ? this.lastError.message : 'connection closed',
      },
    );
  }

  private markUpIfWhole(): void {
    if (!this.down || this.closed || !this.subscribedNow || this.publisher.status !== 'ready') return;
    this.down = false;
    this.log.info('notification bus: Redis is back; events reach every gateway again');
  }

  /**
   * Ready, or the publisher's first connection within connectTimeoutMs. Once it was connected, not
   * ready means down: the publish fails at once rather than wait for the reconnection.
   */
  private connected(): Promise<void> {
    if (this.publisher.status === 'ready') return Promise.resolve();
    if (this.wasReady) return Promise.reject(new Error(`Redis is ${this.publisher.status}`));
    this.firstConnection ??= new Promise<void>((resolve, reject) => {
      const onReady = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.publisher.off('ready', onReady);
        const why = this.lastError ? `: ${this.lastError.message}` : '';
        reject(new Error(`no connection to Redis within ${this.connectTimeoutMs} ms${why}`));
      }, this.connectTimeoutMs);
      this.publisher.once('ready', onReady);
    });
    return this.firstConnection;
  }
}
