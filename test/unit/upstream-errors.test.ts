// The one error model: every SDK failure becomes an UpstreamError (src/upstream/errors.ts), and
// every UpstreamError one GraphQL code and sentence (src/graph/errors.ts).
import { GraphQLError } from 'graphql';
import { buildError, MercadoPagoError, MPConnectionError } from 'mercadopago';
import { gqlError, isNotFound, MESSAGES, upstreamCode, upstreamError } from '../../src/graph/errors';
import { fromMercadoPagoSdk, unexpectedBody, UpstreamError } from '../../src/upstream/errors';

const body = (status: number) => ({
  message: `secret detail from https://api.mercadopago.com/v1/payments/1 for TEST-SELLER-1`,
  error: 'some_error',
  status,
  cause: [{ code: 2000, description: 'payment not found' }],
});

/** What the Mercado Pago client throws for an SDK error. */
const fromSdk = (err: unknown): UpstreamError => {
  const out = fromMercadoPagoSdk(err);
  if (!(out instanceof UpstreamError)) throw new Error(`expected an UpstreamError, got ${String(out)}`);
  return out;
};

describe('upstream error mapping', () => {
  it.each([
    [400, 'BAD_USER_INPUT'],
    [401, 'UNAUTHENTICATED'],
    [402, 'UPSTREAM_ERROR'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'UPSTREAM_ERROR'],
    [422, 'BAD_USER_INPUT'],
    [423, 'UPSTREAM_UNAVAILABLE'],
    [424, 'UPSTREAM_UNAVAILABLE'],
    [429, 'RATE_LIMITED'],
    [418, 'UPSTREAM_ERROR'],
    [500, 'UPSTREAM_ERROR'],
    [502, 'UPSTREAM_UNAVAILABLE'],
    [503, 'UPSTREAM_UNAVAILABLE'],
    [504, 'UPSTREAM_TIMEOUT'],
  ])('maps HTTP %i from Mercado Pago to %s', (status, code) => {
    expect(upstreamCode(fromSdk(buildError(status, body(status))))).toBe(code);
    expect(upstreamError(fromSdk(buildError(status, body(status)))).extensions.code).toBe(code);
  });

  it('keeps the status, error name and cause codes, never the message', () => {
    const err = fromSdk(buildError(400, body(400)));
    expect(err).toMatchObject({ service: 'mercadoPago', failure: 'status', status: 400, error: 'some_error' });
    expect(err.causes).toEqual(['2000']);
    expect(err.message).not.toMatch(/secret|mercadopago\.com|TEST-SELLER/);
  });

  it('maps our own abort on timeout to UPSTREAM_TIMEOUT', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    const err = fromSdk(new MPConnectionError(abort));
    expect(err.failure).toBe('timeout');
    expect(upstreamCode(err)).toBe('UPSTREAM_TIMEOUT');
  });

  it('maps a refused or reset connection to UPSTREAM_UNAVAILABLE', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const err = fromSdk(new MPConnectionError(refused));
    expect(err.failure).toBe('connection');
    expect(upstreamCode(err)).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('maps an unexpected body to UPSTREAM_ERROR naming the service', () => {
    const err = unexpectedBody('mercadoLibre', 'order 1: the answer is not this order');
    expect(upstreamCode(err)).toBe('UPSTREAM_ERROR');
    expect(upstreamError(err).message).toBe('Mercado Libre answered with an unexpected error.');
    expect(err.detail()).toEqual({
      service: 'mercadoLibre',
      failure: 'unexpected_body',
      what: 'order 1: the answer is not this order',
    });
  });

  it('leaves anything that is not an SDK error as it is (a bug of ours)', () => {
    const bug = new TypeError('x is undefined');
    expect(fromMercadoPagoSdk(bug)).toBe(bug);
    expect(fromMercadoPagoSdk('a string')).toBe('a string');
  });

  it('tells the client our message only: no upstream URL, token or body', () => {
    const err = upstreamError(fromSdk(buildError(404, body(404))));
    expect(err).toBeInstanceOf(GraphQLError);
    expect(err.message).toBe(MESSAGES.NOT_FOUND);
    expect(JSON.stringify(err.toJSON())).not.toMatch(/mercadopago\.com|TEST-SELLER|secret|2000/);
  });

  it('passes Retry-After of a 429 on as extensions.retryAfter', () => {
    const err = upstreamError(fromSdk(buildError(429, body(429), 7)));
    expect(err.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 7 });
  });

  it('keeps the original for the log, and what the log may show', () => {
    const original = fromSdk(buildError(500, body(500)));
    expect(upstreamError(original).originalError).toBe(original);
    expect(original.detail()).toEqual({
      service: 'mercadoPago',
      failure: 'status',
      status: 500,
      error: 'some_error',
      causes: ['2000'],
    });
  });

  it('treats an SDK error of an unknown kind by its status', () => {
    expect(upstreamCode(fromSdk(new MercadoPagoError({ status: 503 })))).toBe('UPSTREAM_UNAVAILABLE');
  });

  it.each([
    [400, true],
    [402, true],
    [403, true],
    [404, true],
    [409, true],
    [422, true],
    [401, false],
    [429, false],
    [500, false],
    [503, false],
  ])('HTTP %i is a refusal a mutation answers with a userError: %s', (status, refused) => {
    expect(fromSdk(buildError(status, body(status))).refused).toBe(refused);
  });

  it('says no timeout, connection failure or unexpected body is a refusal', () => {
    for (const failure of ['timeout', 'connection', 'unexpected_body'] as const) {
      expect(new UpstreamError('mercadoPago', failure).refused).toBe(false);
    }
  });

  it('tells a lookup of something absent or not visible (served as null) from other failures', () => {
    expect(isNotFound(fromSdk(buildError(404, body(404))))).toBe(true);
    expect(isNotFound(new UpstreamError('mercadoLibre', 'status', { status: 403, error: 'not_owned_order' }))).toBe(
      true,
    );
    expect(isNotFound(gqlError('NOT_FOUND'))).toBe(true);
    expect(isNotFound(fromSdk(buildError(403, body(403))))).toBe(false);
    expect(isNotFound(new TypeError('bug'))).toBe(false);
  });
});
