// Incoming notifications (docs/architecture.md, "The life of a notification"): webhook verification,
// de-duplication, and the bus that announces "this payment/order changed" to the rest of the gateway.
import type { Logger } from '../lib/logger';
import { createMemoryBus, type NotificationBus } from './bus';
import { MemoryDedupeStore, type DedupeStore } from './dedupe';
import { RedisNotificationBus } from './redisBus';
import { RedisDedupeStore } from './redisDedupe';

export { createMemoryBus } from './bus';
export type { EventHandler, NotificationBus } from './bus';
export { MemoryDedupeStore, DEFAULT_DEDUPE_MAX_ENTRIES, DEFAULT_DEDUPE_TTL_MS } from './dedupe';
export type { DedupeStore, MemoryDedupeOptions } from './dedupe';
export { matches } from './events';
export type {
  EventFilter,
  NotificationEvent,
  NotificationSource,
  OrderChanged,
  OrderTopic,
  PaymentChanged,
} from './events';
export {
  DEFAULT_TOLERANCE_SECONDS,
  parseMercadoPagoWebhook,
  queryDataId,
  verifyMercadoPagoSignature,
} from './mercadopago';
export { parseMercadoLibreNotification } from './mercadolibre';
export { WEBHOOK_ERRORS, responseOf } from './outcomes';
export type { ReceiveOutcome, WebhookErrorCode } from './outcomes';
export { NotificationReceiver } from './receiver';
export type { MercadoPagoWebhookInput, NotificationReceiverOptions } from './receiver';
export {
  DEFAULT_BUS_CHANNEL,
  DEFAULT_BUS_CONNECT_TIMEOUT_MS,
  DEFAULT_BUS_PUBLISH_TIMEOUT_MS,
  MAX_BUS_MESSAGE_BYTES,
  parseBusMessage,
  RedisNotificationBus,
} from './redisBus';
export type { ParsedBusMessage, RedisBusOptions } from './redisBus';
export {
  DEFAULT_DEDUPE_COMMAND_TIMEOUT_MS,
  DEFAULT_DEDUPE_CONNECT_TIMEOUT_MS,
  DEFAULT_DEDUPE_KEY_PREFIX,
  RedisDedupeStore,
} from './redisDedupe';
export type { RedisDedupeOptions } from './redisDedupe';

/** What the factories return: the owner closes it on shutdown. */
export type ClosableNotificationBus = NotificationBus & { close(): Promise<void> };
export type ClosableDedupeStore = DedupeStore & { close(): Promise<void> };

/** Redis pub/sub when REDIS_URL is set (every gateway sharing it hears every event), otherwise in process. */
export const createNotificationBus = (redisUrl: string | null, log: Logger): ClosableNotificationBus =>
  redisUrl === null
    ? { ...createMemoryBus(log), close: async () => undefined }
    : new RedisNotificationBus(redisUrl, log);

/** Redis when REDIS_URL is set (gateways sharing it take a notification once in all), otherwise in process. */
export const createDedupeStore = (redisUrl: string | null, log: Logger): ClosableDedupeStore => {
  if (redisUrl !== null) return new RedisDedupeStore(redisUrl, log);
  const store = new MemoryDedupeStore();
  return { claim: (key) => store.claim(key), close: async () => undefined };
};
