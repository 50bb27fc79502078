// Who may call: a bearer credential → a Caller, or an AuthRefusal. The credential's shape says what it
// is: `mpg_` and 43 base64url characters is a gateway key, three base64url parts separated by dots is
// a session JWT, anything else is an upstream token passed through. Without an auth file every bearer
// is passed through (each caller brings its own Mercado Pago token, README.md "Configuration"); with
// one, passthrough is refused unless the file says `"passthrough": true`.
import { caller, refuse, type AuthRefusal, type Caller } from './caller';
import type { AuthConfig, JwtConfig } from './file';
import { verifySessionJwt } from './jwt';
import { findKey, isGatewayKey } from './keys';

export type CredentialKind = 'key' | 'jwt' | 'passthrough';

/** A JWS in compact form; the signature may be empty (`alg: none`), so that it is refused as a JWT. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** What a credential is, by its shape alone. */
export const classifyCredential = (credential: string): CredentialKind =>
  isGatewayKey(credential) ? 'key' : JWT_SHAPE.test(credential) ? 'jwt' : 'passthrough';

/** A token sent upstream in an Authorization header: visible ASCII, no spaces. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

export interface AuthenticateOptions {
  /** The clock, in milliseconds since the epoch (default Date.now); tests move it. */
  now?: () => number;
}

const passthrough = (token: string): Caller =>
  caller({
    kind: 'passthrough',
    seller: null,
    subject: token,
    scopes: 'all',
    upstream: { mercadoPago: token, mercadoLibre: token },
    checkout: null,
  });

/**
 * `bearer` is the credential of `Authorization: Bearer <credential>` (the scheme already removed), or
 * null when the request has none. `config` is the auth file in force, or null when there is none
 * (passthrough mode: every bearer is forwarded upstream and holds every scope). Never throws for a
 * bad credential; the refusal's reason is a fixed text for the log, never the credential.
 */
export const authenticate = async (
  bearer: string | null,
  config: AuthConfig | null,
  options: AuthenticateOptions = {},
): Promise<Caller | AuthRefusal> => {
  if (bearer === null || bearer === '') return refuse('no credential');
  if (!HEADER_SAFE.test(bearer)) return refuse('malformed credential');
  if (config === null) return passthrough(bearer);

  switch (classifyCredential(bearer)) {
    case 'key': {
      const entry = findKey(bearer, config.keys);
      if (entry === null) return refuse('unknown key');
      const seller = config.sellers.get(entry.seller);
      if (seller === undefined) return refuse('unknown key'); // the loader makes this impossible
      return caller({
        kind: 'key',
        seller: entry.seller,
        subject: entry.name,
        scopes: entry.scopes,
        upstream: { mercadoPago: seller.mercadoPago.accessToken, mercadoLibre: seller.mercadoLibre.accessToken },
        checkout: null,
      });
    }
    case 'jwt':
      if (config.jwt === null) return refuse('jwt not accepted');
      return verifySessionJwt(bearer, config as AuthConfig & { jwt: JwtConfig }, (options.now ?? Date.now)());
    case 'passthrough':
      return config.passthrough ? passthrough(bearer) : refuse('passthrough refused');
  }
};
