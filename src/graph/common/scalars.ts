// The graph's two scalars: Decimal (money as a string, never a float) and DateTime (ISO-8601 with
// the upstream's own offset, which graphql-scalars' DateTime would rewrite to UTC). Each names the
// specification of its text with @specifiedBy, so clients' code generators can map both to strings.
import Decimal from 'decimal.js';
import { GraphQLScalarType, Kind } from 'graphql';
import { gqlError } from '../errors';

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/**
 * A decimal from a JSON number without float drift: a JSON number is parsed to the nearest double,
 * and the shortest string naming that double (`String(3987.2)` → "3987.2") is what the upstream
 * wrote. Decimal keeps it exactly from there on; no arithmetic ever happens on the double.
 */
export const toDecimal = (n: number | string): Decimal => {
  if (typeof n === 'number' && !Number.isFinite(n)) throw new TypeError(`expected a finite number, got ${n}`);
  const text = typeof n === 'number' ? String(n) : n.trim();
  const d = new Decimal(text);
  if (!d.isFinite()) throw new TypeError(`expected a finite decimal, got "${text}"`);
  return d;
};

/** Plain notation, no exponent: 1e21 → "1000000000000000000000", 3987.20 → "3987.2". */
export const formatDecimal = (d: Decimal): string => d.toFixed();

const parseDecimalInput = (text: string): Decimal => {
  if (!DECIMAL_PATTERN.test(text.trim())) {
    throw gqlError(
      'BAD_USER_INPUT',
      `Decimal expects a string of digits with an optional fraction, like "10.50"; got "${text.slice(0, 40)}"`,
    );
  }
  return new Decimal(text.trim());
};

export const DecimalScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Decimal',
  // XML Schema's decimal: an optional sign, digits, an optional fraction; we never write an exponent.
  specifiedByURL: 'https://www.w3.org/TR/xmlschema11-2/#decimal',
  description:
    'An exact decimal number serialized as a string, such as "3987.2" or "3500". Money amounts use it so that no ' +
    'client ever parses them as a float. As input, a string like "10.50".',
  serialize(value) {
    if (value instanceof Decimal) return formatDecimal(value);
    if (typeof value === 'number' || typeof value === 'string') {
      try {
        return formatDecimal(toDecimal(value));
      } catch {
        /* reported below */
      }
    }
    throw gqlError('UPSTREAM_ERROR', 'Mercado Pago or Mercado Libre sent an amount that is not a number.');
  },
  parseValue(value) {
    if (typeof value === 'string') return parseDecimalInput(value);
    throw gqlError('BAD_USER_INPUT', 'Decimal expects a string, like "10.50".');
  },
  parseLiteral(ast) {
    // A literal keeps the client's own digits, so 10.50 written unquoted is still exact.
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT)
      return parseDecimalInput(ast.value);
    throw gqlError('BAD_USER_INPUT', 'Decimal expects a string, like "10.50".');
  },
});

// RFC 3339 date-time: a date, a time and an explicit offset (Z or ±hh:mm).
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export const isDateTime = (value: string): boolean => DATE_TIME_PATTERN.test(value) && !Number.isNaN(Date.parse(value));

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
  description:
    'A date and time in ISO-8601 (RFC 3339) with its offset, such as "2018-03-05T10:06:54.000-04:00". Served with ' +
    'the offset Mercado Pago or Mercado Libre gave it.',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string' && isDateTime(value)) return value;
    throw gqlError('UPSTREAM_ERROR', 'Mercado Pago or Mercado Libre sent a date that is not ISO-8601.');
  },
  parseValue(value) {
    if (typeof value === 'string' && isDateTime(value)) return value;
    throw gqlError(
      'BAD_USER_INPUT',
      'DateTime expects an ISO-8601 string with an offset, like "2024-01-31T12:00:00-03:00".',
    );
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && isDateTime(ast.value)) return ast.value;
    throw gqlError(
      'BAD_USER_INPUT',
      'DateTime expects an ISO-8601 string with an offset, like "2024-01-31T12:00:00-03:00".',
    );
  },
});
