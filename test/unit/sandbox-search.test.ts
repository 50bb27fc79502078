import { parseSearchDate } from '../../src/sandbox/rules/searchDates';

const NOW = Date.parse('2026-03-15T13:45:30.250Z');
const DAY = 86_400_000;

describe('parseSearchDate', () => {
  it.each([
    ['NOW', NOW],
    ['now', NOW],
    ['NOW-30DAYS', NOW - 30 * DAY],
    ['NOW-1DAY', NOW - DAY],
    ['NOW+2HOURS', NOW + 2 * 3_600_000],
    ['NOW-1WEEK', NOW - 7 * DAY],
    ['NOW-15MINUTES', NOW - 15 * 60_000],
    ['NOW-1MONTH', Date.parse('2026-02-15T13:45:30.250Z')],
    ['NOW-1YEAR', Date.parse('2025-03-15T13:45:30.250Z')],
    ['NOW-1MONTH-2DAYS', Date.parse('2026-02-13T13:45:30.250Z')],
    ['NOW/DAY', Date.parse('2026-03-15T00:00:00.000Z')],
    ['NOW-1DAY/DAY', Date.parse('2026-03-14T00:00:00.000Z')],
    ['NOW/MONTH', Date.parse('2026-03-01T00:00:00.000Z')],
  ])('reads %s', (raw, expected) => {
    expect(parseSearchDate(raw, NOW)).toBe(expected);
  });

  it.each([
    ['2018-03-05T10:06:54.000-04:00', Date.parse('2018-03-05T14:06:54.000Z')],
    ['2018-03-05T10:06:54-04:00', Date.parse('2018-03-05T14:06:54.000Z')],
    ['2018-03-05T14:06:54Z', Date.parse('2018-03-05T14:06:54.000Z')],
    ['2018-03-05T14:06:54.5+00:00', Date.parse('2018-03-05T14:06:54.500Z')],
  ])('reads the absolute date %s', (raw, expected) => {
    expect(parseSearchDate(raw, NOW)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    'NOW-30',
    'NOW-30FORTNIGHTS',
    'NOW/CENTURY',
    '2018-03-05',
    '2018-03-05 10:06:54',
    '2018-13-45T99:00:00Z',
    'NOW 30DAYS',
  ])('refuses %p', (raw) => {
    expect(parseSearchDate(raw, NOW)).toBeNull();
  });
});
