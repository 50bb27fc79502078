// The OAuth state (src/sandbox/README.md, "OAuth"): authorization codes, refresh tokens and issued
// access tokens, with their lifetimes. Pure rules over a clock value passed in: no HTTP, no timers.
// Strings are reproducible: the n-th token of a kind since the last reset is always the same string.
import { createHash } from 'node:crypto';

/** An authorization code lives 10 minutes (Mercado Pago's reference, `code`). */
export const CODE_TTL_MS = 10 * 60_000;
/** A refresh token lives six months (Mercado Libre's authentication page). */
export const REFRESH_TTL_MS = 180 * 86_400_000;
/** Mercado Libre's six hours; `SANDBOX_TOKEN_TTL_S` and `startSandbox({ tokenTtlS })` change it. */
export const DEFAULT_TOKEN_TTL_S = 21_600;

export interface IssuedAccess {
  userId: number;
  expiresAt: number;
}

interface Code {
  userId: number;
  clientId: string;
  redirectUri: string | null;
  expiresAt: number;
}

interface Refresh {
  userId: number;
  clientId: string;
  expiresAt: number;
}

/** What a grant gives: an access token for `userId`, and a refresh token unless it was client_credentials. */
export interface Grant {
  userId: number;
  accessToken: string;
  refreshToken: string | null;
}

/** Why a code or refresh token is refused: all of them are `invalid_grant` on the wire. */
export type GrantRefusal = 'unknown' | 'used' | 'expired' | 'other_client' | 'redirect_uri';

const hex = (kind: string, n: number, length: number): string =>
  createHash('sha256').update(`${kind}:${n}`).digest('hex').slice(0, length);

/** MMddHH of `ms` at Mercado Pago's -04:00, the creation date inside its access tokens. */
const creationStamp = (ms: number): string => {
  const d = new Date(ms - 4 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}`;
};

export class OAuthGrants {
  private codes = new Map<string, Code>();
  private usedCodes = new Set<string>();
  private refreshTokens = new Map<string, Refresh>();
  private usedRefreshTokens = new Set<string>();
  private accessTokens = new Map<string, IssuedAccess>();
  private counters = { code: 0, refresh: 0, access: 0 };

  /** Forgets every code and token; the next ones are the same strings as after the previous reset. */
  reset(): void {
    this.codes.clear();
    this.usedCodes.clear();
    this.refreshTokens.clear();
    this.usedRefreshTokens.clear();
    this.accessTokens.clear();
    this.counters = { code: 0, refresh: 0, access: 0 };
  }

  /** A seller clicking "authorize" for `clientId`: a single-use code, `TG-<24 hex>-<user id>`. */
  issueCode(userId: number, clientId: string, redirectUri: string | null, now: number): string {
    const code = `TG-${hex('code', ++this.counters.code, 24)}-${userId}`;
    this.codes.set(code, { userId, clientId, redirectUri, expiresAt: now + CODE_TTL_MS });
    return code;
  }

  /** The user an issued access token acts as, `expired` past its lifetime, or null when never issued. */
  accessUser(token: string, now: number): number | 'expired' | null {
    const issued = this.accessTokens.get(token);
    if (!issued) return null;
    return now >= issued.expiresAt ? 'expired' : issued.userId;
  }

  /** authorization_code: the code is spent whatever happens next, once it was found and is this client's. */
  redeemCode(
    code: string,
    clientId: string,
    redirectUri: string | null,
    clientTtlS: number,
    now: number,
  ): Grant | GrantRefusal {
    if (this.usedCodes.has(code)) return 'used';
    const found = this.codes.get(code);
    if (!found) return 'unknown';
    if (found.clientId !== clientId) return 'other_client';
    if (now >= found.expiresAt) return 'expired';
    if (found.redirectUri !== null && redirectUri !== found.redirectUri) return 'redirect_uri';
    this.codes.delete(code);
    this.usedCodes.add(code);
    return this.grant(found.userId, clientId, clientTtlS, now, true);
  }

  /** refresh_token: a new access token and a new refresh token; the old refresh token is spent. */
  refresh(token: string, clientId: string, clientTtlS: number, now: number): Grant | GrantRefusal {
    if (this.usedRefreshTokens.has(token)) return 'used';
    const found = this.refreshTokens.get(token);
    if (!found) return 'unknown';
    if (found.clientId !== clientId) return 'other_client';
    if (now >= found.expiresAt) return 'expired';
    this.refreshTokens.delete(token);
    this.usedRefreshTokens.add(token);
    return this.grant(found.userId, clientId, clientTtlS, now, true);
  }

  /** client_credentials: an access token acting as the application's owner, without a refresh token. */
  clientCredentials(ownerId: number, clientId: string, ttlS: number, now: number): Grant {
    return this.grant(ownerId, clientId, ttlS, now, false);
  }

  private grant(userId: number, clientId: string, ttlS: number, now: number, withRefresh: boolean): Grant {
    const n = ++this.counters.access;
    // Mercado Pago's shape: APP_USR-<client id>-<MMddHH>-<security hash>-<user id>.
    const accessToken = `APP_USR-${clientId}-${creationStamp(now)}-${hex('access', n, 32)}-${userId}`;
    this.accessTokens.set(accessToken, { userId, expiresAt: now + ttlS * 1000 });
    if (!withRefresh) return { userId, accessToken, refreshToken: null };
    const refreshToken = `TG-${hex('refresh', ++this.counters.refresh, 24)}-${userId}`;
    this.refreshTokens.set(refreshToken, { userId, clientId, expiresAt: now + REFRESH_TTL_MS });
    return { userId, accessToken, refreshToken };
  }
}
