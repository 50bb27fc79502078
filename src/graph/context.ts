// What every resolver gets: built once per GraphQL request by src/gateway/context.ts.
import type { Caller } from '../auth';
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
   * Who is calling: an HMAC of [kind, seller, subject] (src/auth), for idempotency records, attempt
   * counts and the payments' stamps. Throws UNAUTHENTICATED without a credential; never a credential.
   */
  callerId(): string;
  /**
   * Who is calling (its scopes, its seller, a checkout session's cart), or null when the request
   * carried no credential the gateway accepts (the fields that need one then answer UNAUTHENTICATED).
   */
  caller: Caller | null;
  /** Where money-moving mutations keep their idempotency records (memory, or Redis with REDIS_URL). */
  idempotency: IdempotencyStore;
  /** This request's loaders, each made on first use (common/loader.ts); never shared with another request. */
  loaders: Map<symbol, unknown>;
  log: Logger;
}
