// The gateway with NODE_ENV=production, over real HTTP (real gateway, real sandbox): no error names
// what the schema has that the client did not ask for ("Did you mean …?"), for every kind of
// request error graphql-js suggests in.
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
});
