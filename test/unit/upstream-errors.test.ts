import { GraphQLError } from 'graphql';
import { buildError, MercadoPagoError, MPConnectionError } from 'mercadopago';
import { gqlError, toGraphQLError, upstreamDetail, upstreamErrorCode, MESSAGES } from '../../src/upstream/errors';

const body = (status: number) => ({
  message: `secret detail from https://api.mercadopago.com/v1/payments/1 for TEST-SELLER-1`,
  error: 'some_error',
  status,
  cause: [{ code: 2000, description: 'payment not found' }],
});

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
    expect(upstreamErrorCode(buildError(status, body(status)))).toBe(code);
    expect(toGraphQLError(buildError(status, body(status))).extensions.code).toBe(code);
  });

  it('maps our own abort on timeout to UPSTREAM_TIMEOUT', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(upstreamErrorCode(new MPConnectionError(abort))).toBe('UPSTREAM_TIMEOUT');
  });

  it('maps a refused or reset connection to UPSTREAM_UNAVAILABLE', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(upstreamErrorCode(new MPConnectionError(refused))).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('maps anything that is not an SDK error to INTERNAL_SERVER_ERROR', () => {
    expect(upstreamErrorCode(new TypeError('x is undefined'))).toBe('INTERNAL_SERVER_ERROR');
    expect(upstreamErrorCode('a string')).toBe('INTERNAL_SERVER_ERROR');
  });

  it('tells the client our message only: no upstream URL, token or body', () => {
    const err = toGraphQLError(buildError(404, body(404)));
    expect(err).toBeInstanceOf(GraphQLError);
    expect(err.message).toBe(MESSAGES.NOT_FOUND);
    expect(JSON.stringify(err.toJSON())).not.toMatch(/mercadopago\.com|TEST-SELLER|secret|2000/);
  });

  it('passes Retry-After of a 429 on as extensions.retryAfter', () => {
    const err = toGraphQLError(buildError(429, body(429), 7));
    expect(err.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 7 });
  });

  it('keeps the original for the log', () => {
    const original = buildError(500, body(500));
    expect(toGraphQLError(original).originalError).toBe(original);
    expect(upstreamDetail(original)).toEqual({
      kind: 'MPServerError',
      status: 500,
      error: 'some_error',
      causes: ['2000'],
    });
  });

  it('leaves an error that already has one of our codes alone', () => {
    const ours = gqlError('UNAUTHENTICATED', 'no token');
    expect(toGraphQLError(ours)).toBe(ours);
  });

  it('treats an SDK error of an unknown kind by its status', () => {
    expect(upstreamErrorCode(new MercadoPagoError({ status: 503 }))).toBe('UPSTREAM_UNAVAILABLE');
  });
});
