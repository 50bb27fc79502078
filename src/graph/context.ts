// What every resolver gets: built once per GraphQL request by src/gateway/context.ts.
import type { IdempotencyStore } from '../idempotency';
import type { MercadoLibreClient } from '../upstream/mercadolibre';
import type { MercadoPagoClient } from '../upstream/mercadopago';
import type { Loaders } from './loaders';

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

export interface Context {
  /**
   * Mercado Pago for this caller. Throws UNAUTHENTICATED when the request carried no bearer
   * token, so an operation that needs no upstream data works without one.
   */
  mercadoPago(): MercadoPagoClient;
  /** Mercado Libre for this caller, with the same token; UNAUTHENTICATED without one. */
  mercadoLibre(): MercadoLibreClient;
  /**
   * Who is calling: an HMAC of the bearer token (DESIGN §2), for idempotency records. Throws
   * UNAUTHENTICATED without a token; never the token itself.
   */
  callerId(): string;
  /** Where money-moving mutations keep their idempotency records (memory, or Redis with REDIS_URL). */
  idempotency: IdempotencyStore;
  /** This request's DataLoaders; never shared with another request or caller. */
  loaders: Loaders;
  log: Logger;
}
