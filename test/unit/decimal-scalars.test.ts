import Decimal from 'decimal.js';
import { GraphQLError, Kind } from 'graphql';
import { DateTimeScalar, DecimalScalar, toDecimal } from '../../src/graph/common/scalars';
import { money } from '../../src/graph/common/money';

describe('Decimal scalar', () => {
  it.each([
    [3500, '3500'],
    [3987.2, '3987.2'],
    [443.02, '443.02'],
    [0.1, '0.1'],
    [1e21, '1000000000000000000000'],
    [-12.5, '-12.5'],
    ['3987.20', '3987.2'],
  ])('serializes %p as %p', (input, output) => {
    expect(DecimalScalar.serialize(input)).toBe(output);
  });

  it('serializes a Decimal exactly', () => {
    expect(DecimalScalar.serialize(new Decimal('0.1').plus('0.2'))).toBe('0.3');
  });

  it('refuses NaN, Infinity and non-numbers from upstream as UPSTREAM_ERROR', () => {
    for (const bad of [NaN, Infinity, 'abc', {}, null]) {
      expect(() => DecimalScalar.serialize(bad)).toThrow(GraphQLError);
    }
  });

  it('parses strings and literals without going through a float', () => {
    expect((DecimalScalar.parseValue('10.50') as Decimal).toFixed()).toBe('10.5');
    expect(
      (DecimalScalar.parseLiteral({ kind: Kind.FLOAT, value: '0.30000000000000000001' }) as Decimal).toFixed(),
    ).toBe('0.30000000000000000001');
    expect(() => DecimalScalar.parseValue('1e3')).toThrow(/Decimal/);
    expect(() => DecimalScalar.parseValue(10.5)).toThrow(/string/);
  });

  it('builds Money only when both the amount and the currency are there', () => {
    expect(money(3987.2, 'MXN')).toEqual({ amount: toDecimal('3987.2'), currency: 'MXN' });
    expect(money(null, 'MXN')).toBeNull();
    expect(money(undefined, 'MXN')).toBeNull();
    expect(money(10, null)).toBeNull();
    expect(money(0, 'BRL')?.amount.toFixed()).toBe('0');
  });
});

describe('DateTime scalar', () => {
  it('keeps the upstream offset', () => {
    expect(DateTimeScalar.serialize('2018-03-05T10:06:54.000-04:00')).toBe('2018-03-05T10:06:54.000-04:00');
    expect(DateTimeScalar.serialize('2018-03-05T14:06:54Z')).toBe('2018-03-05T14:06:54Z');
  });

  it('refuses a date without an offset or that is not a date', () => {
    expect(() => DateTimeScalar.serialize('2018-03-05T10:06:54')).toThrow(GraphQLError);
    expect(() => DateTimeScalar.serialize('2018-13-45T10:06:54Z')).toThrow(GraphQLError);
    expect(() => DateTimeScalar.parseValue('yesterday')).toThrow(/ISO-8601/);
  });
});

describe('scalar specifications', () => {
  it('names the specification of each scalar with @specifiedBy, for clients and their code generators', async () => {
    const { printGatewaySchema } = await import('../../src/gateway/schema');
    const sdl = await printGatewaySchema();
    expect(sdl).toContain('scalar Decimal @specifiedBy(url: "https://www.w3.org/TR/xmlschema11-2/#decimal")');
    expect(sdl).toContain(
      'scalar DateTime @specifiedBy(url: "https://datatracker.ietf.org/doc/html/rfc3339#section-5.6")',
    );
  });
});
