// Dates as Mercado Pago prints them: millisecond ISO-8601 with the -04:00 offset its APIs use
// ("2018-03-05T10:06:54.000-04:00").
const OFFSET_MINUTES = -4 * 60;

export const mpDate = (date: Date | number = Date.now(), offsetMinutes = OFFSET_MINUTES): string => {
  const ms = typeof date === 'number' ? date : date.getTime();
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
};

export const addDays = (ms: number, days: number): number => ms + days * 86_400_000;

// An RFC 3339 date-time, the OpenAPI file's `format: date-time`: Mercado Pago writes
// "2022-11-17T09:37:52.000-04:00" (its references' yyyy-MM-dd'T'HH:mm:ss.SSSZ); `Z` and no fraction also read.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Epoch ms of a date-time with an offset that names a real instant (no 30 February, no hour 24), or null. */
export const parseDateTime = (raw: string): number | null => {
  const m = DATE_TIME.exec(raw);
  if (!m) return null;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = m.slice(1).map((v) => Number(v ?? 0));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const valid =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
  return valid && offsetHours <= 23 && offsetMinutes <= 59 ? Date.parse(raw) : null;
};
