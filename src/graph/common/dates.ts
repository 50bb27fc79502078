// DateTime filters on their way upstream. The DateTime scalar takes any RFC 3339 instant, up to
// nanoseconds; Mercado Pago and Mercado Libre keep milliseconds and refuse a finer date in a search.
// Their timestamps have no more than milliseconds, so rounding a bound to milliseconds outwards
// would change the answer and rounding it inwards does not: a lower bound goes up to the next
// millisecond, an upper bound down to its millisecond. The offset the client wrote is kept.

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

const offsetMinutes = (offset: string): number =>
  offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));

/** `value` (a valid DateTime) with at most three fraction digits, rounded inwards for a `from` or a `to` bound. */
export const dateFilter = (value: string, bound: 'from' | 'to'): string => {
  const m = RFC3339.exec(value);
  if (!m || (m[2] ?? '').length <= 3) return value;
  const [, seconds, fraction, offset] = m;
  const extra = /[1-9]/.test(fraction.slice(3)) && bound === 'from' ? 1 : 0;
  const epoch = Date.parse(`${seconds}.${fraction.slice(0, 3)}${offset}`) + extra;
  // The same instant written in the client's offset: shift, print as UTC, then name the offset.
  const local = new Date(epoch + offsetMinutes(offset) * 60_000).toISOString().slice(0, -1);
  return `${local}${offset}`;
};
