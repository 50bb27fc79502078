// The refresh of a seller's access token (`POST /oauth/token`, grant_type=refresh_token), the one
// call of each service that this layer makes with an application's credentials rather than a
// seller's token. Mercado Pago through the SDK's OAuth client, Mercado Libre with fetch, both at the
// configured base URLs (MP_API_URL through the SDK's process-wide base URL, ML_API_URL given).
//
// A refresh token is single use: a refresh that is resent after its answer was lost may be refused,
// and the first answer's pair is lost with it. So neither call is ever retried here (the SDK's
// default retries are turned off with maxRetries: 0), and each has one timeout for its whole
// answer. Every failure is an UpstreamError (errors.ts), which holds no token.
import { OAuth } from 'mercadopago';
import { fromMercadoPagoSdk, unexpectedBody, UpstreamError, type UpstreamService } from './errors';
import { mercadoPagoConfig } from './mercadopago';

/** The longest a refresh may take, answer included. */
export const REFRESH_TIMEOUT_MS = 10_000;

/** What a refresh sends: the application's id and secret, and the seller's current refresh token. */
export interface RefreshRequest {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

/** What a refresh answers: the new pair, and the access token's lifetime in seconds when it was said. */
export interface RefreshedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number | null;
}

/** A token travels in an HTTP header: visible ASCII without spaces, as the auth file requires. */
const TOKEN = /^[\x21-\x7e]{1,4096}$/;

/** The answer's pair, checked; anything else is an unexpected body that names no value of it. */
const refreshed = (service: UpstreamService, body: unknown): RefreshedTokens => {
  const o = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = o;
  if (typeof accessToken !== 'string' || !TOKEN.test(accessToken))
    throw unexpectedBody(service, 'oauth/token: an answer without an access token');
  if (typeof refreshToken !== 'string' || !TOKEN.test(refreshToken))
    throw unexpectedBody(service, 'oauth/token: an answer without a refresh token');
  const lifetime =
    typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0 ? Math.floor(expiresIn) : null;
  return { accessToken, refreshToken, expiresIn: lifetime };
};

/**
 * Mercado Pago: the SDK's `OAuth.refresh`, once, within `timeoutMs`. The SDK sends a bearer with
 * every request; here it is the application's secret (the body carries it anyway), never a seller's
 * access token, which may be the expired one being replaced.
 */
export const refreshMercadoPagoToken = async (
  request: RefreshRequest,
  timeoutMs: number = REFRESH_TIMEOUT_MS,
): Promise<RefreshedTokens> => {
  let answer: unknown;
  try {
    answer = await new OAuth(mercadoPagoConfig(request.clientSecret, { timeout: timeoutMs, maxRetries: 0 })).refresh({
      body: { client_id: request.clientId, client_secret: request.clientSecret, refresh_token: request.refreshToken },
    });
  } catch (err) {
    throw fromMercadoPagoSdk(err);
  }
  return refreshed('mercadoPago', answer);
};

/** The transport failed (no whole answer): told by the error's name, as mercadolibre.ts does. */
const transportFailure = (err: unknown): UpstreamError => {
  const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
  return new UpstreamError('mercadoLibre', name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'connection');
};

/**
 * Mercado Libre: `POST {baseUrl}/oauth/token`, a form body, once, within `timeoutMs` for the whole
 * answer. An error answer keeps its status and error name (`invalid_grant`), nothing else of it.
 */
export const refreshMercadoLibreToken = async (
  baseUrl: string,
  request: RefreshRequest,
  timeoutMs: number = REFRESH_TIMEOUT_MS,
): Promise<RefreshedTokens> => {
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: request.clientId,
    client_secret: request.clientSecret,
    refresh_token: request.refreshToken,
  });
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.status;
    text = await res.text();
  } catch (err) {
    throw transportFailure(err);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (status < 200 || status > 299) {
    const error = typeof parsed === 'object' && parsed !== null ? (parsed as { error?: unknown }).error : null;
    throw new UpstreamError('mercadoLibre', 'status', { status, error: typeof error === 'string' ? error : null });
  }
  // Never the text itself, nor the parser's message: the body holds tokens.
  if (parsed === undefined) throw unexpectedBody('mercadoLibre', 'oauth/token: the answer is not JSON');
  return refreshed('mercadoLibre', parsed);
};
