// What a caller may do, by scope. A gateway key holds the scopes its entry in the auth file lists; a
// session JWT holds the scopes of its `scope` claim that the file's `jwt.allowedScopes` allows;
// passthrough holds them all. `checkout` is for session JWTs only (one purchase, bounded by the
// token's `checkout` claim), never for a gateway key.

export const SCOPES = [
  'payments:read',
  'payments:write',
  'customers:read',
  'customers:write',
  'orders:read',
  'checkout',
] as const;

export type Scope = (typeof SCOPES)[number];

export const isScope = (value: unknown): value is Scope => (SCOPES as readonly unknown[]).includes(value);

/** The scopes a gateway key may hold: all but `checkout`. */
export const KEY_SCOPES: readonly Scope[] = SCOPES.filter((scope) => scope !== 'checkout');

/** What a session JWT's scopes may include when the file does not say (`jwt.allowedScopes`). */
export const DEFAULT_JWT_SCOPES: readonly Scope[] = ['checkout', 'payments:read'];

/**
 * A key name, a seller name: 1 to 64 letters, digits, `_`, `.` or `-`, starting with a letter or a
 * digit. They reach logs and caller identities, so they are plain names, never free text.
 */
export const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const NAME_RULE = '1 to 64 letters, digits, "_", "." or "-", starting with a letter or a digit';
