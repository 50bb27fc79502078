// Card tokens: POST /v1/card_tokens (from card data, or from a saved card with card_id +
// security_code) and GET /v1/card_tokens/{id}. A token is single use and lives 7 days; the control
// call POST /__sandbox/card_tokens/{id}/expire ends its life now.
// Reference: https://www.mercadopago.com/developers/en/reference/card_tokens/_card_tokens/post
// Cause codes are MercadoPago.js's tokenization codes where it has one (listed in TOKEN_ERRORS).
import { createHash } from 'node:crypto';
import { addDays, mpDate } from '../clock';
import { ApiError, cause, notFound } from '../errors';
import type { SandboxUser } from '../fixtures/users';
import type { SandboxContext, SandboxRouter } from '../http';
import type { CardBrand } from '../rules/paymentMethods';
import { brandById, luhnValid, siteOfTestCard, testCardBrand } from '../rules/paymentMethods';
import type { Store } from '../store';
import type { CardTokenRecord, CustomerRecord, JsonObject } from '../types';

export const TOKEN_LIFETIME_DAYS = 7;

// One block for every message the tokenizer answers with (code → description).
export const TOKEN_ERRORS = {
  cardNumberEmpty: [205, 'parameter cardNumber can not be null/empty'],
  expirationMonthEmpty: [208, 'parameter cardExpirationMonth can not be null/empty'],
  expirationYearEmpty: [209, 'parameter cardExpirationYear can not be null/empty'],
  cardholderNameEmpty: [221, 'parameter cardholderName can not be null/empty'],
  securityCodeEmpty: [224, 'parameter securityCode can not be null/empty'],
  invalidCardNumber: ['E301', 'invalid card number'],
  invalidSecurityCode: ['E302', 'invalid security code'],
  invalidCardholderName: [316, 'invalid cardholder name'],
  invalidExpirationMonth: [325, 'invalid parameter cardExpirationMonth'],
  invalidExpirationYear: [326, 'invalid parameter cardExpirationYear'],
  invalidIdentificationNumber: [324, 'invalid parameter docNumber'],
} as const satisfies Record<string, readonly [number | string, string]>;

type TokenError = keyof typeof TOKEN_ERRORS;

/** A 400 whose cause is the tokenizer's code; `detail`, when given, says exactly what was wrong. */
const tokenError = (which: TokenError, detail?: string): ApiError => {
  const [code, description] = TOKEN_ERRORS[which];
  return new ApiError(400, detail ?? description, [cause(code, description)]);
};

export const cardTokenNotFound = () => notFound('Card Token not found', 2006);

const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/** Month 1–12, as the SDK sends it ("01") or as MercadoPago.js does (1). */
const parseMonth = (v: unknown): number | null => {
  const s = str(v)?.trim();
  if (!s) return null;
  return /^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 12 ? Number(s) : NaN;
};

/** Four digits, or two (MercadoPago.js accepts "30" for 2030). */
const parseYear = (v: unknown): number | null => {
  const s = str(v)?.trim();
  if (!s) return null;
  if (/^\d{4}$/.test(s)) return Number(s);
  if (/^\d{2}$/.test(s)) return 2000 + Number(s);
  return NaN;
};

/** The calendar month Mercado Pago's clock is in (UTC−4, like its dates). */
const currentMonth = (now: number): { year: number; month: number } => {
  const d = new Date(now - 4 * 3_600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
};

const newTokenId = (store: Store): string => {
  const n = store.nextId('card_token', 1);
  return createHash('md5').update(`card_token:${n}`).digest('hex');
};

const checkSecurityCode = (raw: unknown, brand: CardBrand): void => {
  const code = str(raw)?.trim();
  if (!code) throw tokenError('securityCodeEmpty');
  if (!/^\d+$/.test(code) || code.length !== brand.security_code.length) {
    throw tokenError(
      'invalidSecurityCode',
      `invalid security code: ${brand.name} takes ${brand.security_code.length} digits`,
    );
  }
};

interface Cardholder {
  name: string;
  identification: { type: string | null; number: string | null };
}

const readCardholder = (raw: unknown): Cardholder => {
  const h = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const name = str(h.name)?.trim();
  if (!name) throw tokenError('cardholderNameEmpty');
  if (!/^[\p{L} .'-]+$/u.test(name)) throw tokenError('invalidCardholderName');
  const id = (h.identification && typeof h.identification === 'object' ? h.identification : {}) as Record<
    string,
    unknown
  >;
  const number = str(id.number)?.trim() || null;
  if (number !== null && !/^[0-9A-Za-z.-]{1,20}$/.test(number)) throw tokenError('invalidIdentificationNumber');
  return { name, identification: { type: str(id.type)?.trim() || null, number } };
};

export interface TokenCard {
  card_number: string;
  brand: CardBrand;
  expiration_month: number;
  expiration_year: number;
  cardholder: Cardholder;
  card_id: string | null;
  customer_id: string | null;
  /** A saved card keeps the issuer it was saved with; typed card data gets the brand's. */
  issuer_id: number;
}

/** Card data typed by the payer: only the caller's site's test cards tokenize. */
const fromCardData = (b: Record<string, unknown>, caller: SandboxUser, now: number): TokenCard => {
  const number = str(b.card_number)?.replace(/[\s-]/g, '');
  if (!number) throw tokenError('cardNumberEmpty');
  if (!/^\d{13,19}$/.test(number) || !luhnValid(number))
    throw tokenError('invalidCardNumber', 'invalid card number: it fails the Luhn check');
  const brand = testCardBrand(caller.site_id, number);
  if (!brand) {
    const other = siteOfTestCard(number);
    throw tokenError(
      'invalidCardNumber',
      other
        ? `invalid card number: it is a ${other} test card, and this account (site ${caller.site_id}) ` +
            `tokenizes ${caller.site_id} test cards only`
        : `invalid card number: the sandbox tokenizes Mercado Pago's ${caller.site_id} test cards only`,
    );
  }
  const month = parseMonth(b.expiration_month);
  if (month === null) throw tokenError('expirationMonthEmpty');
  if (Number.isNaN(month)) throw tokenError('invalidExpirationMonth');
  const year = parseYear(b.expiration_year);
  if (year === null) throw tokenError('expirationYearEmpty');
  if (Number.isNaN(year)) throw tokenError('invalidExpirationYear');
  const today = currentMonth(now);
  if (year < today.year)
    throw tokenError('invalidExpirationYear', 'invalid parameter cardExpirationYear: the card has expired');
  if (year === today.year && month < today.month)
    throw tokenError('invalidExpirationMonth', 'invalid parameter cardExpirationMonth: the card has expired');
  checkSecurityCode(b.security_code, brand);
  return {
    card_number: number,
    brand,
    expiration_month: month,
    expiration_year: year,
    cardholder: readCardholder(b.cardholder),
    card_id: null,
    customer_id: null,
    issuer_id: brand.issuer.id,
  };
};

/** A saved card of one of the caller's customers; the payer types only its security code. */
const fromSavedCard = (b: Record<string, unknown>, caller: SandboxUser, store: Store): TokenCard => {
  const cardId = str(b.card_id)?.trim() ?? '';
  const wantedCustomer = str(b.customer_id)?.trim() || null;
  let found: { customer: CustomerRecord; card: JsonObject } | null = null;
  for (const customer of store.customers.values()) {
    if (customer.owner_id !== caller.id) continue;
    if (wantedCustomer && customer.body.id !== wantedCustomer) continue;
    const card = customer.cards.find((c) => String(c.id) === cardId);
    if (card) {
      found = { customer, card };
      break;
    }
  }
  if (!found) throw notFound('card not found', 'card_not_found');
  const { customer, card } = found;
  const pm = (card.payment_method ?? {}) as JsonObject;
  const brand = brandById(caller.site_id, String(pm.id ?? ''));
  if (!brand)
    throw tokenError(
      'invalidCardNumber',
      `invalid card number: ${String(pm.id)} is not a card brand of ${caller.site_id}`,
    );
  checkSecurityCode(b.security_code, brand);
  const first6 = String(card.first_six_digits ?? '');
  const last4 = String(card.last_four_digits ?? '');
  const digits =
    customer.card_numbers.get(cardId) ?? `${first6}${'0'.repeat(Math.max(0, brand.card_number_length - 10))}${last4}`;
  const holder = (card.cardholder ?? {}) as JsonObject;
  const holderId = (holder.identification ?? {}) as JsonObject;
  return {
    card_number: digits,
    brand,
    expiration_month: Number(card.expiration_month),
    expiration_year: Number(card.expiration_year),
    cardholder: {
      name: String(holder.name ?? ''),
      identification: {
        type: (holderId.type as string | null) ?? null,
        number: (holderId.number as string | null) ?? null,
      },
    },
    card_id: cardId,
    customer_id: customer.body.id,
    issuer_id: Number((card.issuer as JsonObject | undefined)?.id ?? brand.issuer.id),
  };
};

/** `expired` is a matter of time, so it is computed when the token is read. */
export const tokenStatus = (t: CardTokenRecord, now: number): 'active' | 'used' | 'expired' =>
  t.status === 'used' ? 'used' : t.status === 'expired' || now > t.expires_at ? 'expired' : 'active';

export const cardTokenView = (t: CardTokenRecord, now: number) => ({
  id: t.id,
  card_id: t.card_id,
  first_six_digits: t.card_number.slice(0, 6),
  last_four_digits: t.card_number.slice(-4),
  expiration_month: t.expiration_month,
  expiration_year: t.expiration_year,
  cardholder: {
    identification: { number: t.cardholder.identification.number, type: t.cardholder.identification.type },
    name: t.cardholder.name,
  },
  status: tokenStatus(t, now),
  date_created: t.date_created,
  date_last_updated: t.date_last_updated,
  date_due: t.date_due,
  date_used: t.date_used,
  luhn_validation: t.luhn_validation,
  live_mode: false,
  require_esc: false,
  card_number_length: t.card_number_length,
  security_code_length: t.security_code_length,
});

/**
 * The caller's token, ready to pay with, or the payments API's error: 2006 when it does not
 * exist (or is another user's), 2062 when it was used or has expired.
 */
export const usableToken = (ctx: SandboxContext, caller: SandboxUser, id: unknown): CardTokenRecord => {
  const token = typeof id === 'string' ? ctx.store.cardTokens.get(id) : undefined;
  if (!token || token.user_id !== caller.id)
    throw new ApiError(400, 'Card Token not found', [cause(2006, 'Card Token not found')]);
  const status = tokenStatus(token, ctx.now());
  if (status !== 'active') {
    throw new ApiError(400, `Invalid card token: the token was ${status === 'used' ? 'already used' : 'expired'}`, [
      cause(2062, 'Invalid card token'),
    ]);
  }
  return token;
};

/** Marks a token used by a payment (single use, whatever the payment's outcome). */
export const consumeToken = (token: CardTokenRecord, now: number): void => {
  token.status = 'used';
  token.date_used = mpDate(now);
  token.date_last_updated = token.date_used;
};

/**
 * Expires an active token now, as its 7 days running out would: `status: "expired"`, `date_due` now.
 * A used or already expired token is left as it is (a spent token reads "used" whatever its age).
 */
export const expireToken = (token: CardTokenRecord, now: number): void => {
  if (tokenStatus(token, now) !== 'active') return;
  token.status = 'expired';
  token.expires_at = now;
  token.date_due = mpDate(now);
};

/** Stores a new single-use token for `card`, owned by `owner` (whose key or token created it). */
export const issueToken = (store: Store, owner: SandboxUser, card: TokenCard, now: number): CardTokenRecord => {
  const created = mpDate(now);
  const expiresAt = addDays(now, TOKEN_LIFETIME_DAYS);
  const token: CardTokenRecord = {
    id: newTokenId(store),
    user_id: owner.id,
    site_id: owner.site_id,
    card_number: card.card_number,
    payment_method_id: card.brand.id,
    payment_type_id: card.brand.payment_type_id,
    issuer_id: card.issuer_id,
    card_id: card.card_id,
    customer_id: card.customer_id,
    expiration_month: card.expiration_month,
    expiration_year: card.expiration_year,
    cardholder: card.cardholder,
    status: 'active',
    date_created: created,
    date_last_updated: created,
    date_due: mpDate(expiresAt),
    date_used: null,
    expires_at: expiresAt,
    luhn_validation: true,
    card_number_length: card.card_number.length,
    security_code_length: card.brand.security_code.length,
  };
  store.cardTokens.set(token.id, token);
  return token;
};

export const registerCardTokens = (router: SandboxRouter): void => {
  // https://www.mercadopago.com/developers/en/reference/card_tokens/_card_tokens/post
  router.post(
    '/v1/card_tokens',
    (req, ctx) => {
      const b = (req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {}) as Record<
        string,
        unknown
      >;
      const now = ctx.now();
      const card =
        b.card_id !== undefined && b.card_id !== null
          ? fromSavedCard(b, req.caller, ctx.store)
          : fromCardData(b, req.caller, now);
      const token = issueToken(ctx.store, req.caller, card, now);
      return { status: 201, body: cardTokenView(token, now) };
    },
    { auth: 'publicKey' },
  );

  // https://www.mercadopago.com/developers/en/reference/card_tokens/_card_tokens_id/get
  router.get(
    '/v1/card_tokens/{id}',
    (req, ctx) => {
      const token = ctx.store.cardTokens.get(req.params.id);
      if (!token || token.user_id !== req.caller.id) throw cardTokenNotFound();
      return { status: 200, body: cardTokenView(token, ctx.now()) };
    },
    { auth: 'publicKey' },
  );

  // Control (src/sandbox/README.md, "Control API (`/__sandbox/`)"): any user's token, by id.
  router.control('POST', '/card_tokens/{id}/expire', (req, ctx) => {
    const token = ctx.store.cardTokens.get(req.params.id);
    if (!token) throw cardTokenNotFound();
    const now = ctx.now();
    expireToken(token, now);
    return { status: 200, body: cardTokenView(token, now) };
  });
};
