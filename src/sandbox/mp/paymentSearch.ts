// GET /v1/payments/search: the caller's payments as collector, filtered, sorted and paged.
// Reference: https://www.mercadopago.com/developers/en/reference/payments/_payments_search/get
import type { SandboxContext, SandboxRequest } from '../http';
import { parseSearchDate } from '../rules/searchDates';
import type { JsonObject, PaymentRecord } from '../types';
import { paymentErrors as E } from './paymentErrors';
import { sellerView } from './paymentViews';

export const SEARCH_MAX_LIMIT = 1000;
export const SEARCH_DEFAULT_LIMIT = 30;
const DATE_FIELDS = ['date_created', 'date_approved', 'date_last_updated', 'money_release_date'] as const;
const SORTS = new Set<string>([...DATE_FIELDS, 'id', 'transaction_amount']);

/** Exact-match filters: query name → how to read it from a payment. */
const FILTERS: Record<string, (p: PaymentRecord) => unknown> = {
  id: (p) => p.id,
  status: (p) => p.body.status,
  status_detail: (p) => p.body.status_detail,
  external_reference: (p) => p.body.external_reference,
  payment_method_id: (p) => p.body.payment_method_id,
  payment_type_id: (p) => p.body.payment_type_id,
  operation_type: (p) => p.body.operation_type,
  currency_id: (p) => p.body.currency_id,
  installments: (p) => p.body.installments,
  'collector.id': (p) => p.collector_id,
  'payer.id': (p) => (p.body.payer as JsonObject | null)?.id,
  'payer.email': (p) => (p.body.payer as JsonObject | null)?.email,
  'order.id': (p) => (p.body.order as JsonObject | null)?.id,
};

const int = (raw: string | null, name: string, fallback: number, min: number): number => {
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw E.paramsError(`${name} must be a whole number from ${min}`);
  return Number(raw);
};

const dateMs = (p: PaymentRecord, field: string): number | null => {
  const v = p.body[field];
  return typeof v === 'string' ? Date.parse(v) : null;
};

export const searchPayments = (req: SandboxRequest, ctx: SandboxContext) => {
  const q = req.query;
  const sort = q.get('sort') || 'date_created';
  if (!SORTS.has(sort)) throw E.paramsError(`sort must be one of ${[...SORTS].join(', ')}`);
  const criteria = q.get('criteria') || 'desc';
  if (criteria !== 'asc' && criteria !== 'desc') throw E.paramsError('criteria must be asc or desc');
  const offset = int(q.get('offset'), 'offset', 0, 0);
  const limit = int(q.get('limit'), 'limit', SEARCH_DEFAULT_LIMIT, 1);
  if (limit > SEARCH_MAX_LIMIT) throw E.tooManyRows(SEARCH_MAX_LIMIT);

  const begin = q.get('begin_date');
  const end = q.get('end_date');
  const range = q.get('range') || (begin || end ? 'date_created' : null);
  if (range !== null && !(DATE_FIELDS as readonly string[]).includes(range))
    throw E.paramsError(`range must be one of ${DATE_FIELDS.join(', ')}`);
  const now = ctx.now();
  const from = begin ? parseSearchDate(begin, now) : null;
  if (begin && from === null) throw E.badDate('begin_date');
  const to = end ? parseSearchDate(end, now) : null;
  if (end && to === null) throw E.badDate('end_date');

  const filters = Object.keys(FILTERS).filter((k) => q.get(k) !== null);
  const matches = [...ctx.store.payments.values()].filter((p) => {
    if (p.collector_id !== req.caller.id) return false;
    for (const k of filters) if (String(FILTERS[k](p) ?? '') !== q.get(k)) return false;
    if (range && (from !== null || to !== null)) {
      const ms = dateMs(p, range);
      if (ms === null) return false;
      if (from !== null && ms < from) return false;
      if (to !== null && ms > to) return false;
    }
    return true;
  });

  const key = (p: PaymentRecord): number | null =>
    sort === 'id' ? p.id : sort === 'transaction_amount' ? Number(p.body.transaction_amount) : dateMs(p, sort);
  const sign = criteria === 'asc' ? 1 : -1;
  matches.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    // Payments without the date (not approved yet) come last either way.
    if (ka === null || kb === null) return ka === kb ? a.id - b.id : ka === null ? 1 : -1;
    return ka === kb ? sign * (a.id - b.id) : sign * (ka - kb);
  });

  return {
    paging: { total: matches.length, limit, offset },
    results: matches.slice(offset, offset + limit).map(sellerView),
  };
};
