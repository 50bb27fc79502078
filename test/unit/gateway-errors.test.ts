// What a client may see of an error (src/gateway/errors.ts): in production, graphql-js's "Did you
// mean …?" suggestions are cut from every message, whatever produced it, and the rest of the message
// stays; in development they stay. The messages here are graphql-js's own, on the real schema.
import {
  GraphQLError,
  parse,
  validate,
  getVariableValues,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { createFormatError, withoutSuggestions } from '../../src/gateway/errors';
import { buildGatewaySchema } from '../../src/gateway/schema';
import { createLogger } from '../../src/lib/logger';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

const validationMessages = (source: string): string[] => validate(schema, parse(source)).map((e) => e.message);
const variableMessages = (source: string, values: Record<string, unknown>): string[] => {
  const operation = parse(source).definitions[0] as OperationDefinitionNode;
  return (getVariableValues(schema, operation.variableDefinitions ?? [], values).errors ?? []).map((e) => e.message);
};

describe('withoutSuggestions', () => {
  it('cuts the suggestion of each kind of request error graphql-js suggests in, and keeps the rest', () => {
    const cases: [string[], string][] = [
      [validationMessages('{ paymen(id: "1") { id } }'), 'Cannot query field "paymen" on type "Query".'],
      [validationMessages('{ payment(di: "1", id: "1") { id } }'), 'Unknown argument "di" on field "Query.payment".'],
      [
        validationMessages('query($f: PaymentFiltr) { payments(filter: $f) { totalCount } }'),
        'Unknown type "PaymentFiltr".',
      ],
      [
        validationMessages('{ payments(filter: { status: APROVED }) { totalCount } }'),
        'Value "APROVED" does not exist in "PaymentStatus" enum.',
      ],
      [
        variableMessages('query($s: PaymentStatus) { __typename }', { s: 'APROVED' }),
        'Variable "$s" got invalid value "APROVED"; Value "APROVED" does not exist in "PaymentStatus" enum.',
      ],
      [
        validationMessages('{ payments(filter: { statuss: APPROVED }) { totalCount } }'),
        'Field "statuss" is not defined by type "PaymentFilter".',
      ],
      [
        variableMessages('query($f: PaymentFilter) { __typename }', { f: { statuss: 'APPROVED' } }),
        'Variable "$f" got invalid value { statuss: "APPROVED" }; ' +
          'Field "statuss" is not defined by type "PaymentFilter".',
      ],
    ];
    for (const [messages, expected] of cases) {
      expect(messages[0]).toMatch(/ Did you mean .*\?$/);
      expect(withoutSuggestions(messages[0])).toBe(expected);
    }
  });

  it('cuts lists of suggestions: two, and three or more', () => {
    expect(withoutSuggestions('Unknown type "Paymnt". Did you mean "Payment" or "Payer"?')).toBe(
      'Unknown type "Paymnt".',
    );
    expect(withoutSuggestions('Cannot query field "x" on type "Q". Did you mean "a", "b", or "c"?')).toBe(
      'Cannot query field "x" on type "Q".',
    );
    expect(
      withoutSuggestions('Cannot query field "x" on type "I". Did you mean to use an inline fragment on "T"?'),
    ).toBe('Cannot query field "x" on type "I".');
  });

  it('leaves a message without a suggestion as it is, even when a value the client sent reads like one', () => {
    const message = 'Variable "$s" got invalid value "Did you mean \\"APPROVED\\"?"; String cannot represent it.';
    expect(withoutSuggestions(message)).toBe(message);
    expect(withoutSuggestions('Syntax Error: Expected Name, found "}".')).toBe(
      'Syntax Error: Expected Name, found "}".',
    );
  });
});

describe('createFormatError', () => {
  const log = createLogger('error', () => undefined);
  const validationError = new GraphQLError('Cannot query field "paymen" on type "Query". Did you mean "payment"?', {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
  const variableError = new GraphQLError(
    'Variable "$s" got invalid value "APROVED"; Value "APROVED" does not exist in "PaymentStatus" enum. ' +
      'Did you mean the enum value "APPROVED"?',
    { extensions: { code: 'BAD_USER_INPUT' } },
  );

  it('cuts suggestions from request errors and from variable errors when told to (production)', () => {
    const format = createFormatError(log, { hideSuggestions: true });
    expect(format(validationError.toJSON(), validationError)).toEqual({
      message: 'Cannot query field "paymen" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(format(variableError.toJSON(), variableError).message).toBe(
      'Variable "$s" got invalid value "APROVED"; Value "APROVED" does not exist in "PaymentStatus" enum.',
    );
  });

  it('keeps them otherwise (development)', () => {
    const format = createFormatError(log);
    expect(format(validationError.toJSON(), validationError).message).toBe(validationError.message);
    expect(format(variableError.toJSON(), variableError).message).toBe(variableError.message);
  });

  it('lets a client read how many upstream calls an operation may make', () => {
    const error = new GraphQLError('budget', {
      extensions: { code: 'BAD_USER_INPUT', maxUpstreamCalls: 100, other: 1 },
    });
    expect(createFormatError(log)(error.toJSON(), error).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      maxUpstreamCalls: 100,
    });
  });
});
