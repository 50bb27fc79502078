// Dates of GET /v1/payments/search's begin_date / end_date: an ISO-8601 date-time with an offset
// ("2024-01-15T10:30:00.000-04:00", "…Z"), or Mercado Pago's relative form from its reference
// examples ("NOW-30DAYS", "NOW"), read as Solr date math: NOW, then any number of ±N UNIT
// steps, then an optional /UNIT rounding down (in UTC).
// Reference: https://www.mercadopago.com/developers/en/reference/payments/_payments_search/get

const UNITS = ['MILLI', 'SECOND', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
type Unit = (typeof UNITS)[number];

const unitOf = (raw: string): Unit | null => {
  const u = raw.toUpperCase().replace(/S$/, '');
  if (u === 'MILLISECOND') return 'MILLI';
  return (UNITS as readonly string[]).includes(u) ? (u as Unit) : null;
};

const FIXED_MS: Partial<Record<Unit, number>> = {
  MILLI: 1,
  SECOND: 1000,
  MINUTE: 60_000,
  HOUR: 3_600_000,
  DAY: 86_400_000,
  WEEK: 7 * 86_400_000,
};

const step = (ms: number, n: number, unit: Unit): number => {
  const fixed = FIXED_MS[unit];
  if (fixed !== undefined) return ms + n * fixed;
  const d = new Date(ms);
  if (unit === 'MONTH') d.setUTCMonth(d.getUTCMonth() + n);
  else d.setUTCFullYear(d.getUTCFullYear() + n);
  return d.getTime();
};

const roundDown = (ms: number, unit: Unit): number => {
  const d = new Date(ms);
  switch (unit) {
    case 'YEAR':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
    case 'MONTH':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'WEEK':
    case 'DAY':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    case 'HOUR':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
    case 'MINUTE':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
    case 'SECOND':
      return Math.floor(ms / 1000) * 1000;
    default:
      return ms;
  }
};

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
const RELATIVE = /^NOW((?:[+-]\d+[A-Z]+)*)(?:\/([A-Z]+))?$/i;

/** Epoch ms for a search date, or null when it is neither form. */
export const parseSearchDate = (raw: string, now: number): number | null => {
  const s = raw.trim();
  if (ISO.test(s)) {
    const ms = Date.parse(s);
    return Number.isNaN(ms) ? null : ms;
  }
  const m = RELATIVE.exec(s);
  if (!m) return null;
  let ms = now;
  for (const part of m[1].match(/[+-]\d+[A-Z]+/gi) ?? []) {
    const p = /^([+-])(\d+)([A-Z]+)$/i.exec(part)!;
    const unit = unitOf(p[3]);
    if (!unit) return null;
    ms = step(ms, (p[1] === '-' ? -1 : 1) * Number(p[2]), unit);
  }
  if (m[2]) {
    const unit = unitOf(m[2]);
    if (!unit) return null;
    ms = roundDown(ms, unit);
  }
  return ms;
};
