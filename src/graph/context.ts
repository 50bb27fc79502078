// What every resolver gets: built once per GraphQL request by src/gateway/context.ts.
import type { IdempotencyStore } from '../idempotency';
import type { Logger } from '../lib/logger';
import type { MercadoLibreClient } from '../upstream/mercadolibre';
import type { MercadoPagoClient } from '../upstream/mercadopago';

export interface Context {
  /**
   * Mercado Pago for this caller. Throws UNAUTHENTICATED when the request carried no bearer
   * token, so an operation that needs no upstream data works without one.
   */
  mercadoPago(): MercadoPagoClient;
  /** Mercado Libre for this caller, with the same token; UNAUTHENTICATED without one. */
  mercadoLibre(): MercadoLibreClient;
  /**
   * Refuses a caller without a token (UNAUTHENTICATED) with a message saying what the operation
   * does ("createPayment charges a card"). Mutations call it before they look at their input.
   */
  authenticate(does: string): void;
  /**
   * Who is calling: an HMAC of the bearer token, for idempotency records. Throws UNAUTHENTICATED
   * without a token; never the token itself.
   */
  callerId(): string;
  /** Where money-moving mutations keep their idempotency records (memory, or Redis with REDIS_URL). */
  idempotency: IdempotencyStore;
  /** This request's loaders, each made on first use (common/loader.ts); never shared with another request. */
  loaders: Map<symbol, unknown>;
  log: Logger;
}
