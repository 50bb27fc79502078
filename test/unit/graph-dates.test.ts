// Date filters on their way upstream: at most milliseconds, rounded inwards, the client's offset kept.
import { dateFilter } from '../../src/graph/common/filters';

describe('dateFilter', () => {
  it.each(['2024-01-31T12:00:00Z', '2024-01-31T12:00:00.5-03:00', '2024-01-31T12:00:00.123+05:30'])(
    'leaves %s as it is when milliseconds say it all',
    (value) => {
      expect(dateFilter(value, 'from')).toBe(value);
      expect(dateFilter(value, 'to')).toBe(value);
    },
  );

  it('rounds a lower bound up and an upper bound down to the millisecond', () => {
    expect(dateFilter('2024-01-31T12:00:00.1234Z', 'from')).toBe('2024-01-31T12:00:00.124Z');
    expect(dateFilter('2024-01-31T12:00:00.1234Z', 'to')).toBe('2024-01-31T12:00:00.123Z');
    expect(dateFilter('2024-01-31T12:00:00.123000001Z', 'from')).toBe('2024-01-31T12:00:00.124Z');
  });

  it('drops trailing zeros without moving a bound', () => {
    expect(dateFilter('2024-01-31T12:00:00.1230000Z', 'from')).toBe('2024-01-31T12:00:00.123Z');
    expect(dateFilter('2024-01-31T12:00:00.1230000Z', 'to')).toBe('2024-01-31T12:00:00.123Z');
  });

  it('keeps the offset, carrying into the next second, minute and day', () => {
    expect(dateFilter('2014-10-26T22:48:45.9999995-04:00', 'from')).toBe('2014-10-26T22:48:46.000-04:00');
    expect(dateFilter('2024-12-31T23:59:59.9995+05:30', 'from')).toBe('2025-01-01T00:00:00.000+05:30');
    expect(dateFilter('2024-12-31T23:59:59.9995+05:30', 'to')).toBe('2024-12-31T23:59:59.999+05:30');
  });
});
