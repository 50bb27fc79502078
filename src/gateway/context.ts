// The per-request context: the caller's bearer token (kept in a closure, never on the context
// object, so no resolver can echo or log it), its Mercado Pago and Mercado Libre clients, and an
// empty place for this request's loaders (docs/architecture.md, "Loaders").
import type { IncomingHttpHeaders } from 'node:http';
import type { Context } from '../graph/context';
import { gqlError } from '../graph/errors';
import { callerIdentity, type IdempotencyStore } from '../idempotency';
import type { Logger } from '../lib/logger';
import { createMercadoLibreClient, type MercadoLibreClient } from '../upstream/mercadolibre';
import { createMercadoPagoClient, type MercadoPagoClient } from '../upstream/mercadopago';

// RFC 6750 b64token. Anything else (another scheme, an empty token) counts as no token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

export const bearerToken = (headers: IncomingHttpHeaders): string | null => {
  const header = headers.authorization;
  if (typeof header !== 'string') return null;
  return BEARER.exec(header)?.[1] ?? null;
};

const SEND_TOKEN = 'send your access token as "Authorization: Bearer <token>".';
export const NO_TOKEN_MESSAGE = `This operation reads Mercado Pago data: ${SEND_TOKEN}`;
export const NO_TOKEN_MESSAGE_ML = `This operation reads Mercado Libre data: ${SEND_TOKEN}`;
/** What a mutation answers without a token: what it does, then how to authenticate. */
export const noTokenFor = (does: string): string => `${does}: ${SEND_TOKEN}`;

/** Where the upstream APIs are (Mercado Pago's base URL is process-wide, set by the server). */
export interface Upstreams {
  mlApiUrl: string;
  idempotency: IdempotencyStore;
  /** The HMAC key of caller identities: the same on every gateway that shares a Redis. */
  identitySecret: string;
  /** Each upstream read attempt's timeout, in ms (the clients' READ_TIMEOUT_MS when absent). */
  readTimeoutMs?: number;
  /** Each upstream write's timeout, in ms (WRITE_TIMEOUT_MS when absent). */
  writeTimeoutMs?: number;
}

export const createContext = (headers: IncomingHttpHeaders, log: Logger, upstreams: Upstreams): Context => {
  const token = bearerToken(headers);
  let mp: MercadoPagoClient | null = null;
  let ml: MercadoLibreClient | null = null;
  return {
    mercadoPago: (): MercadoPagoClient => {
      if (token === null) throw gqlError('UNAUTHENTICATED', NO_TOKEN_MESSAGE);
      mp ??= createMercadoPagoClient(token, upstreams.readTimeoutMs, upstreams.writeTimeoutMs);
      return mp;
    },
    mercadoLibre: (): MercadoLibreClient => {
      if (token === null) throw gqlError('UNAUTHENTICATED', NO_TOKEN_MESSAGE_ML);
      ml ??= createMercadoLibreClient(upstreams.mlApiUrl, token, upstreams.readTimeoutMs);
      return ml;
    },
    authenticate: (does: string): void => {
      if (token === null) throw gqlError('UNAUTHENTICATED', noTokenFor(does));
    },
    callerId: (): string => {
      if (token === null) throw gqlError('UNAUTHENTICATED', NO_TOKEN_MESSAGE);
      return callerIdentity(token, upstreams.identitySecret);
    },
    idempotency: upstreams.idempotency,
    loaders: new Map(),
    log,
  };
};
