// Which browser pages may call the gateway: CORS with the `cors` package on /graphql. Allowed: the
// origins of CORS_ORIGINS (exact `scheme://host[:port]`), and, in development only, any loopback
// origin (a page a developer serves on localhost). In production nothing is allowed unless
// configured. A page from any other origin gets no CORS headers: its browser refuses to send it the
// preflighted POST, and keeps any answer from it (a "simple" request that needs no preflight is
// refused by Apollo's CSRF prevention before it runs).
import cors from 'cors';
import type { RequestHandler } from 'express';

/** What a page may send: the credential, JSON, Apollo's CSRF header and operation name, a trace. */
export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'traceparent',
] as const;

/** How long a browser may keep a preflight's answer (Chrome caps it at 2 hours). */
export const CORS_MAX_AGE_SECONDS = 600;

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Whether a page served from `origin` may read the gateway's answers. */
export const originAllowed = (origin: string, configured: readonly string[], production: boolean): boolean =>
  configured.includes(origin) || (!production && LOOPBACK.test(origin));

export const corsMiddleware = (configured: readonly string[], production: boolean): RequestHandler =>
  cors({
    origin: (origin, callback) => callback(null, origin !== undefined && originAllowed(origin, configured, production)),
    methods: ['GET', 'POST'],
    allowedHeaders: [...CORS_ALLOWED_HEADERS],
    maxAge: CORS_MAX_AGE_SECONDS,
  });
