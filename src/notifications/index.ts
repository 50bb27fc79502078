// Incoming notifications (docs/architecture.md, "The life of a notification"): webhook verification,
// de-duplication, and the bus that announces "this payment/order changed" to the rest of the gateway.
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
