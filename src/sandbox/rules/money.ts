// Money in the sandbox is decimal, never float: amounts are summed and compared as Decimals and
// only turned into JSON numbers (as Mercado Pago sends them) at the edge.
import Decimal from 'decimal.js';

export const dec = (value: Decimal.Value): Decimal => new Decimal(value);

/** Round to the currency's cents (every site we emulate uses 2 decimals) and return a JSON number. */
export const toNumber = (value: Decimal.Value, decimals = 2): number =>
  new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toNumber();

export const sum = (values: Decimal.Value[]): Decimal =>
  values.reduce<Decimal>((acc, v) => acc.plus(v), new Decimal(0));
