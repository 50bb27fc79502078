// The one error model: every SDK failure becomes an UpstreamError (src/upstream/errors.ts), and
// every UpstreamError one GraphQL code and sentence (src/graph/errors.ts).
import { GraphQLError } from 'graphql';
import { buildError, MercadoPagoError, MPConnectionError } from 'mercadopago';
import { gqlError, isNotFound, MESSAGES, upstreamCode, upstreamError } from '../../src/graph/errors';
import {
  causeCodes,
  fromMercadoPagoSdk,
  redactText,
  safeCauseCodes,
  safeErrorName,
  unexpectedBody,
  UpstreamError,
} from '../../src/upstream/errors';

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

  describe('what an upstream sends is kept only in a safe shape', () => {
    const TOKEN = 'TEST-SELLER-277582551';
    const ECHO = `Authorization: Bearer ${TOKEN}`;
    const TOKEN_PARTS = /TEST|SELLER|277582551|Bearer|Authorization/i;

    it.each([
      ['bad_request', 'bad_request'],
      ['order_not_found', 'order_not_found'],
      ['invalid.parameter:amount-1', 'invalid.parameter:amount-1'],
      ['', null],
      [null, null],
      [undefined, null],
      [ECHO, '<redacted>'],
      [TOKEN, '<redacted>'],
      ['APP_USR-1234567890123456-070815-abcdef', '<redacted>'],
      ['bearer', '<redacted>'],
      ['x'.repeat(65), '<redacted>'],
      ['has space', '<redacted>'],
      ['<script>', '<redacted>'],
      ['9f86d081884c7d659a2feaa0c55ad015', '<redacted>'],
      ['dGhpcyBpcyBhIHNlY3JldCB2YWx1ZTEy', '<redacted>'],
      ['user_277582551', '<redacted>'],
      [{ nested: ECHO }, '<redacted>'],
      [42, '<redacted>'],
    ])('error name %p is kept as %p', (name, kept) => {
      expect(safeErrorName(name)).toBe(kept);
    });

    it('keeps cause codes of a safe shape, redacts the others, and keeps at most ten', () => {
      expect(safeCauseCodes(['2006', 'E301', 'invalid_card-1.2', ECHO, TOKEN, 'x'.repeat(65), '277582551'])).toEqual([
        '2006',
        'E301',
        'invalid_card-1.2',
        '<redacted>',
        '<redacted>',
        '<redacted>',
        '<redacted>',
      ]);
      expect(safeCauseCodes(Array.from({ length: 50 }, (_, i) => String(i)))).toHaveLength(10);
      expect(causeCodes([{ code: 2006 }, { code: ECHO }, { code: { a: 1 } }, { description: ECHO }, 'x'])).toEqual([
        '2006',
        ECHO,
        '<redacted>',
      ]);
      expect(causeCodes(Array.from({ length: 50 }, (_, i) => ({ code: i })))).toHaveLength(10);
    });

    it('an SDK error echoing the Authorization header in every field keeps nothing of it', () => {
      const err = fromSdk(
        buildError(400, {
          message: ECHO,
          error: ECHO,
          status: 400,
          cause: [{ code: ECHO, description: ECHO }, { code: TOKEN }, { code: 2006, description: ECHO }],
        }),
      );
      expect(err).toMatchObject({ status: 400, error: '<redacted>', causes: ['<redacted>', '<redacted>', '2006'] });
      expect(JSON.stringify([err.message, err.detail()])).not.toMatch(TOKEN_PARTS);
      expect(err.message).toBe('Mercado Pago answered 400 <redacted>');
    });

    it('a Retry-After that is not a whole number of seconds is dropped', () => {
      const answer = (retryAfter: number) => new UpstreamError('mercadoPago', 'status', { status: 429, retryAfter });
      expect(answer(7).retryAfter).toBe(7);
      expect(answer(NaN).retryAfter).toBeNull();
      expect(answer(-1).retryAfter).toBeNull();
      expect(answer(1.5).retryAfter).toBeNull();
      expect(answer(1e12).retryAfter).toBeNull();
    });

    it('our own description is kept with ids, cut to 200 characters, and with any credential redacted', () => {
      expect(unexpectedBody('mercadoLibre', '/orders/2000003508419013: the answer is not JSON').message).toBe(
        '/orders/2000003508419013: the answer is not JSON',
      );
      expect(unexpectedBody('mercadoPago', 'customer 123456789-jxOV430go9fx2e: not the card').message).toBe(
        'customer 123456789-jxOV430go9fx2e: not the card',
      );
      const echoed = unexpectedBody('mercadoPago', `payment ${ECHO}: a refund without an id`);
      expect(echoed.message).toBe('payment <redacted>: a refund without an id');
      expect(unexpectedBody('mercadoPago', `payment ${TOKEN}`).message).toBe('payment <redacted>');
      expect(unexpectedBody('mercadoPago', 'x'.repeat(1_000)).message).toHaveLength(200);
      expect(redactText('id abcdef0123456789abcdef0123456789 and Bearer TES')).toBe('id <redacted> and <redacted>');
    });
  });
});
