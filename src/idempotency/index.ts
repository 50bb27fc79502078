// Idempotency for money-moving mutations (Stripe's rules; docs/architecture.md, "The life of a
// mutation"): records per caller and key, in memory or on Redis, and the derived keys sent
// upstream.
import { RedisIdempotencyStore } from './redis';
import { MemoryIdempotencyStore, type IdempotencyStore } from './store';

export { idempotent, LOCK_MS, RETAIN_MS } from './idempotent';
export type { Attempt, Idempotent, IdempotentArgs } from './idempotent';
export { canonicalJson, fingerprint, idempotencyScope, upstreamIdempotencyKey } from './keys';
export {
  DEFAULT_REDIS_COMMAND_TIMEOUT_MS,
  DEFAULT_REDIS_CONNECT_TIMEOUT_MS,
  DEFAULT_REDIS_KEY_PREFIX,
  RedisIdempotencyStore,
} from './redis';
export type { RedisIdempotencyOptions } from './redis';
export { DEFAULT_IDEMPOTENCY_MAX_ENTRIES, IdempotencyStoreError, MemoryIdempotencyStore } from './store';
export type { ClaimResult, IdempotencyStore, MemoryIdempotencyOptions } from './store';

/** Redis when REDIS_URL is set (several gateways share the records), otherwise this process's memory. */
export const createIdempotencyStore = (redisUrl: string | null): IdempotencyStore =>
  redisUrl === null ? new MemoryIdempotencyStore() : new RedisIdempotencyStore(redisUrl);
