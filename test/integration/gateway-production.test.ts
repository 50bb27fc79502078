// The gateway with NODE_ENV=production, over real HTTP (real gateway, real sandbox): no error names
// what the schema has that the client did not ask for ("Did you mean …?"), for every kind of
// request error graphql-js suggests in, and the landing page a browser gets is self-contained, under
// a Content-Security-Policy that allows nothing from anywhere else.
import { createHash } from 'node:crypto';
import { TOKENS } from '../support/sandbox';
import { useStack } from '../support/stack';

describe('gateway in production', () => {
  const stack = useStack({ NODE_ENV: 'production' });

  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${stack.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKENS.sellerMLM}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  describe('errors without suggestions', () => {
    // Each of these answers "Did you mean …?" in development; production keeps the rest of the message.
    it.each([
      [
        'an unknown field',
        '{ paymen(id: "1") { id } }',
        {},
        'GRAPHQL_VALIDATION_FAILED',
        'Cannot query field "paymen" on type "Query".',
      ],
      [
        'an unknown argument',
        '{ payment(di: "1", id: "1") { id } }',
        {},
        'GRAPHQL_VALIDATION_FAILED',
        'Unknown argument "di" on field "Query.payment".',
      ],
      [
        'an unknown type in a variable definition',
        'query($f: PaymentFiltr) { payments(filter: $f) { totalCount } }',
        {},
        'GRAPHQL_VALIDATION_FAILED',
        'Unknown type "PaymentFiltr".',
      ],
      [
        'a wrong enum value, written in the document',
        '{ payments(filter: { status: APROVED }) { totalCount } }',
        {},
        'GRAPHQL_VALIDATION_FAILED',
        'Value "APROVED" does not exist in "PaymentStatus" enum.',
      ],
      [
        'a wrong enum value, in the variables',
        'query($s: PaymentStatus) { payments(filter: { status: $s }) { totalCount } }',
        { s: 'APROVED' },
        'BAD_USER_INPUT',
        'Variable "$s" got invalid value "APROVED"; Value "APROVED" does not exist in "PaymentStatus" enum.',
      ],
      [
        'an unknown input field, written in the document',
        '{ payments(filter: { statuss: APPROVED }) { totalCount } }',
        {},
        'GRAPHQL_VALIDATION_FAILED',
        'Field "statuss" is not defined by type "PaymentFilter".',
      ],
      [
        'an unknown input field, in the variables',
        'query($f: PaymentFilter) { payments(filter: $f) { totalCount } }',
        { f: { statuss: 'APPROVED' } },
        'BAD_USER_INPUT',
        'Variable "$f" got invalid value { statuss: "APPROVED" }; ' +
          'Field "statuss" is not defined by type "PaymentFilter".',
      ],
      [
        "an unknown type in a fragment's type condition",
        '{ payment(id: "1") { ... on Paymnt { id } } }',
        {},
        'GRAPHQL_VALIDATION_FAILED',
        'Unknown type "Paymnt".',
      ],
      [
        'an unknown argument of a directive',
        '{ payment(id: "1") @include(iff: true, if: true) { id } }',
        {},
        'GRAPHQL_VALIDATION_FAILED',
        'Unknown argument "iff" on directive "@include".',
      ],
    ])('for %s', async (_kind, query, variables, code, message) => {
      const { status, body } = await post(query, variables);
      expect(status).toBe(400);
      expect(body.errors[0]).toMatchObject({ message, extensions: { code } });
      expect(JSON.stringify(body)).not.toMatch(/did you mean/i);
    });
  });

  describe('the landing page', () => {
    const page = async (path = '/graphql') => {
      const res = await fetch(`${stack.gatewayUrl}${path}`, { headers: { Accept: 'text/html,application/xhtml+xml' } });
      return { res, html: await res.text() };
    };

    it('is a short page of its own: what the endpoint is and how to send a query', async () => {
      const { res, html } = await page();
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(html).toMatch(/^<!doctype html>/i);
      expect(html).toContain('GraphQL endpoint');
      expect(html).toContain('Authorization: Bearer');
      expect(html).toContain(`-d '{"query":`);
      expect(html.length).toBeLessThan(4_000);
    });

    it('references no resource of another host: no script, no stylesheet, font or image to load', async () => {
      const { html } = await page();
      expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(|\bsrc=|srcset=/i);
      // Any absolute URL must be this gateway's own.
      for (const url of html.match(/\bhttps?:\/\/[^\s"'<>)]+/gi) ?? [])
        expect(url.startsWith(stack.gatewayUrl)).toBe(true);
    });

    it('is served under a Content-Security-Policy that allows its own inline style and nothing else', async () => {
      const { res, html } = await page();
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')];
        }),
      );
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
      expect(directives).toEqual({
        'default-src': "'none'",
        'style-src': `'sha256-${createHash('sha256').update(style).digest('base64')}'`,
        'base-uri': "'none'",
        'form-action': "'none'",
        'frame-ancestors': "'none'",
      });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('is where / leads a browser', async () => {
      const { res, html } = await page('/');
      expect(res.url).toBe(`${stack.gatewayUrl}/graphql`);
      expect(html).toContain('GraphQL endpoint');
    });

    it('leaves GraphQL over GET to clients that do not ask for HTML', async () => {
      const res = await fetch(`${stack.gatewayUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { 'apollo-require-preflight': 'true', Accept: '*/*' },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as any).data).toEqual({ __typename: 'Query' });
    });
  });
});
