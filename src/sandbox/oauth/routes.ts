// OAuth (src/sandbox/README.md, "OAuth"): both services' token endpoint on one route, and the control
// call that stands in for a seller authorizing the application.
//   POST /oauth/token              authorization_code, refresh_token, client_credentials (JSON or form body)
//   POST /__sandbox/oauth/codes    { user_id, client_id, redirect_uri? } → 201 { code }
// Errors are Mercado Pago's OAuth errors: 400 with `error` naming the OAuth error and no cause.
import { isObject } from '../../lib/json';
import { ApiError, badRequest } from '../errors';
import { OAUTH_APPLICATION } from '../fixtures/application';
import type { SandboxContext, SandboxRouter } from '../http';
import { digitsId } from '../ids';
import type { Grant, GrantRefusal } from './grants';

const REQUIRED = ['grant_type', 'client_id', 'client_secret'] as const;
const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'] as const;
/** What the real API answers for every refused code or refresh token, whatever the reason. */
const INVALID_GRANT =
  'Error validating grant. Your authorization code or refresh token may be expired or it was already used';

const oauthError = (error: string, message: string): ApiError => new ApiError(400, message, [], error);

const missing = (required: readonly string[], absent: string[]): ApiError =>
  oauthError(
    'invalid_request',
    `the following parameters are required: ${required.join(', ')}. Missing parameters: ${absent.join(', ')}`,
  );

/** A parameter as the client sent it: a non-empty string, or a number (ids sent as JSON numbers). */
const param = (body: Record<string, unknown>, name: string): string | null => {
  const v = body[name];
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v !== '' ? v : null;
};

const required = (body: Record<string, unknown>, names: readonly string[]): string[] => {
  const absent = names.filter((n) => param(body, n) === null);
  if (absent.length > 0) throw missing(names, absent);
  return names.map((n) => param(body, n) as string);
};

const tokenBody = (ctx: SandboxContext, grant: Grant) => {
  const user = ctx.store.users.get(grant.userId);
  return {
    access_token: grant.accessToken,
    token_type: 'bearer',
    expires_in: ctx.tokenTtlS,
    scope: grant.refreshToken === null ? 'read write' : 'offline_access read write',
    user_id: grant.userId,
    ...(grant.refreshToken === null ? {} : { refresh_token: grant.refreshToken }),
    public_key: user?.public_key ?? null,
    // Nothing the sandbox does moves money.
    live_mode: false,
  };
};

const granted = (ctx: SandboxContext, out: Grant | GrantRefusal) => {
  if (typeof out === 'string') throw oauthError('invalid_grant', INVALID_GRANT);
  return { status: 200, body: tokenBody(ctx, out) };
};

export const registerOAuth = (router: SandboxRouter): void => {
  router.postClientAuth('/oauth/token', (req, ctx) => {
    const body = isObject(req.body) ? req.body : {};
    const [grantType, clientId, clientSecret] = required(body, REQUIRED);
    if (!(GRANT_TYPES as readonly string[]).includes(grantType))
      throw oauthError(
        'unsupported_grant_type',
        `Allowed values for grant_type are ${GRANT_TYPES.join(', ')}; got "${grantType}"`,
      );
    if (clientId !== OAUTH_APPLICATION.client_id || clientSecret !== OAUTH_APPLICATION.client_secret)
      throw oauthError('invalid_client', 'invalid client_id or client_secret.');
    const { oauth } = ctx.store;
    const ttlS = ctx.tokenTtlS;
    const now = ctx.now();
    switch (grantType) {
      case 'authorization_code': {
        const [code] = required(body, ['code']);
        return granted(ctx, oauth.redeemCode(code, clientId, param(body, 'redirect_uri'), ttlS, now));
      }
      case 'refresh_token': {
        const [token] = required(body, ['refresh_token']);
        return granted(ctx, oauth.refresh(token, clientId, ttlS, now));
      }
      default:
        return granted(ctx, oauth.clientCredentials(OAUTH_APPLICATION.owner_id, clientId, ttlS, now));
    }
  });

  router.control('POST', '/oauth/codes', (req, ctx) => {
    const body = req.body ?? {};
    if (!isObject(body)) throw badRequest('invalid_code_request', 'the body must be a JSON object');
    const userId = typeof body.user_id === 'number' ? body.user_id : digitsId(body.user_id);
    if (userId === null || !ctx.store.users.has(userId))
      throw badRequest('invalid_code_request', 'user_id must be the id of a sandbox user');
    const clientId = param(body, 'client_id');
    if (clientId === null) throw badRequest('invalid_code_request', 'client_id is required');
    const redirectUri = body.redirect_uri ?? null;
    if (redirectUri !== null && (typeof redirectUri !== 'string' || redirectUri === ''))
      throw badRequest('invalid_code_request', 'redirect_uri must be a non-empty string');
    return { status: 201, body: { code: ctx.store.oauth.issueCode(userId, clientId, redirectUri, ctx.now()) } };
  });
};
