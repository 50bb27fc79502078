// Who sees what of a payment (src/sandbox/README.md, "Behaviour": Views; the order payments page,
// "Obtener información del pago siendo vendedor"):
// - the collector (seller) sees the record's body: `payer` and `collector_id`;
// - the payer, when a registered user, sees `payer_id` and `collector {…}` instead, plus
//   `differential_pricing_id`, exactly as the page prints the buyer's view of 3506756222;
// - anyone else sees nothing: the caller gets 404, never 403, so ids cannot be probed.
import type { SandboxUser } from '../fixtures/users';
import { digitsId } from '../ids';
import type { Store } from '../store';
import type { Json, JsonObject, PaymentRecord } from '../types';
import { ApiError, cause, notFound } from '../errors';

export const paymentNotFound = () => notFound('Payment not found', 2000);

export const sellerView = (record: PaymentRecord): JsonObject => {
  const body = structuredClone(record.body);
  body.refunds = structuredClone(record.refunds);
  return body;
};

const collectorOf = (store: Store, collectorId: number): JsonObject => {
  const u = store.users.get(collectorId);
  return {
    id: collectorId,
    first_name: u?.first_name ?? null,
    phone: {
      extension: u?.phone.extension ?? null,
      area_code: u?.phone.area_code ?? null,
      number: u?.phone.number ?? null,
    },
    // Mercado Pago never shows the collector's e-mail to the payer.
    email: null,
    identification: { number: u?.identification.number ?? null, type: u?.identification.type ?? null },
    last_name: u?.last_name ?? null,
  };
};

/** The buyer's view, built key by key from the seller's so the page's key order is kept. */
export const buyerView = (record: PaymentRecord, store: Store): JsonObject => {
  const seller = sellerView(record);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(seller)) {
    if (key === 'payer' || key === 'collector_id') continue;
    out[key] = value as Json;
    if (key === 'merchant_account_id') {
      out.payer_id = record.payer_user_id;
      out.collector = collectorOf(store, record.collector_id);
    }
    if (key === 'installments') out.differential_pricing_id = null;
  }
  return out;
};

/** The view `caller` may see, or null when the payment is not theirs to see. */
export const viewFor = (record: PaymentRecord, caller: SandboxUser, store: Store): JsonObject | null => {
  if (record.collector_id === caller.id) return sellerView(record);
  if (record.payer_user_id !== null && record.payer_user_id === caller.id) return buyerView(record, store);
  return null;
};

export const findVisible = (
  store: Store,
  rawId: string,
  caller: SandboxUser,
): { record: PaymentRecord; view: JsonObject } => {
  const id = digitsId(rawId);
  const record = id === null ? undefined : store.payments.get(id);
  const view = record ? viewFor(record, caller, store) : null;
  if (!record || !view) throw paymentNotFound();
  return { record, view };
};

/** The record when `caller` is its collector (writes); the payer gets 403, others 404. */
export const findOwned = (store: Store, rawId: string, caller: SandboxUser): PaymentRecord => {
  const { record } = findVisible(store, rawId, caller);
  if (record.collector_id !== caller.id) throw forbiddenForPayer();
  return record;
};

// The real API answers a write by a user who is not the collector with its policy agent's 403.
const forbiddenForPayer = () =>
  new ApiError(403, 'At least one policy returned UNAUTHORIZED.', [
    cause('PA_UNAUTHORIZED_RESULT_FROM_POLICIES', 'At least one policy returned UNAUTHORIZED.'),
  ]);
