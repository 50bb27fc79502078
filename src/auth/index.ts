// src/auth: who may call the gateway. A layer of its own that imports only src/lib (docs/architecture.md,
// "Layers"); the gateway builds on it. The whole API:
//
//   loadAuthFile(path, env): AuthConfig            the auth file (GATEWAY_KEYS_FILE), checked; throws AuthFileError
//   parseAuthFile(text, env): AuthConfig           the same from its text
//   watchAuthFile(path, env, { log, onChange?, intervalMs? }): { current(), close() }
//                                                  the file in force, reloaded when it changes
//   authenticate(bearer, config, options?): Promise<Caller | AuthRefusal>
//                                                  a bearer credential → who calls, or why not
//   isAuthRefusal(result)                          tells the two apart
//   classifyCredential(credential): 'key' | 'jwt' | 'passthrough'
//   callerIdentity(caller, secret): string         HMAC-SHA256 of [kind, seller, subject], hex
//   newKey(), keyHash(key), findKey(key, entries), isGatewayKey(value)
//   parseCheckoutClaim(value): CheckoutClaim | null, CLOCK_SKEW_SECONDS (30), MAX_LIFETIME_SECONDS (24 h)
//   SCOPES, isScope, KEY_SCOPES, DEFAULT_JWT_SCOPES
//
// `npm run keys` (keysCli.ts) makes keys and their entries; it is a program, not part of this API.
export { authenticate, classifyCredential, type AuthenticateOptions, type CredentialKind } from './authenticate';
export {
  callerIdentity,
  isAuthRefusal,
  type AuthRefusal,
  type Caller,
  type CheckoutClaim,
  type RefusalReason,
} from './caller';
export {
  AuthFileError,
  loadAuthFile,
  parseAuthFile,
  type AuthConfig,
  type Env,
  type JwtAlgorithm,
  type JwtConfig,
  type KeyEntry,
  type SellerConfig,
  type UpstreamCredentials,
} from './file';
export { CLOCK_SKEW_SECONDS, MAX_LIFETIME_SECONDS, parseCheckoutClaim } from './jwt';
export { findKey, isGatewayKey, keyHash, newKey } from './keys';
export { DEFAULT_JWT_SCOPES, isScope, KEY_SCOPES, SCOPES, type Scope } from './scopes';
export { watchAuthFile, type AuthFileWatcher, type WatchAuthFileOptions } from './watch';
