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
