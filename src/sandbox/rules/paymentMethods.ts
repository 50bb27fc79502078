// Card brands per site and Mercado Pago's published test cards (src/sandbox/README.md, "Test cards";
// CVV 123, Amex 1234, expiry 11/30). A card is known by its number: the sandbox tokenizes its site's
// test cards, and the fixture cards of the documentation samples keep their printed digits.
// Reference: https://www.mercadopago.com.br/developers/es/docs/checkout-api/integration-test/test-cards
import type { SiteId } from './sites';

export interface CardBrand {
  /** payment_method_id, e.g. `visa`, `master`, `amex`, `debvisa`, `debmaster`, `debelo`. */
  id: string;
  name: string;
  payment_type_id: 'credit_card' | 'debit_card';
  issuer: { id: number; name: string };
  security_code: { length: 3 | 4; card_location: 'back' | 'front'; mode: 'mandatory' };
  card_number_length: 15 | 16;
  /** BIN pattern Mercado Pago publishes in the method's settings. */
  bin_pattern: string;
  /** Largest number of installments the brand offers on this site (debit: 1). */
  max_installments: number;
  min_allowed_amount: number;
  max_allowed_amount: number;
}

const logo = (id: string) => ({
  thumbnail: `http://img.mlstatic.com/org-img/MP3/API/logos/${id}.gif`,
  secure_thumbnail: `https://www.mercadopago.com/org-img/MP3/API/logos/${id}.gif`,
});
export const thumbnails = logo;

const back3 = { length: 3, card_location: 'back', mode: 'mandatory' } as const;
const front4 = { length: 4, card_location: 'front', mode: 'mandatory' } as const;

type Issuer = CardBrand['issuer'];

/** A brand as a site offers it; the amount limits are the site's. */
const brand = (
  payment_type_id: CardBrand['payment_type_id'],
  id: string,
  name: string,
  issuer: Issuer,
  bin: string,
  max_installments: number,
  limits: [number, number],
): CardBrand => ({
  id,
  name,
  payment_type_id,
  issuer,
  security_code: id === 'amex' ? front4 : back3,
  card_number_length: id === 'amex' ? 15 : 16,
  bin_pattern: bin,
  max_installments,
  min_allowed_amount: limits[0],
  max_allowed_amount: limits[1],
});

/** Credit cards go up to 12 installments; debit cards pay at once. */
const credit = (id: string, name: string, issuer: Issuer, bin: string, limits: [number, number]) =>
  brand('credit_card', id, name, issuer, bin, 12, limits);
const debit = (id: string, name: string, issuer: Issuer, bin: string, limits: [number, number]) =>
  brand('debit_card', id, name, issuer, bin, 1, limits);

/** Each site's amount limits, the same for all its brands. */
const LIMITS: Record<SiteId, [number, number]> = { MLA: [0.5, 5_000_000], MLB: [0.5, 60_000], MLM: [5, 500_000] };
const { MLA, MLB, MLM } = LIMITS;

// Issuer ids follow the documentation samples (docs/sources.md) where they print one (MLB visa "25",
// MLM amex "157", master 3).
export const BRANDS: Record<SiteId, CardBrand[]> = {
  MLA: [
    credit('visa', 'Visa', { id: 310, name: 'Visa' }, '^4', MLA),
    credit('master', 'Mastercard', { id: 3, name: 'Mastercard' }, '^(5[1-5]|503175|2[2-7])', MLA),
    credit('amex', 'American Express', { id: 311, name: 'American Express' }, '^(34|37)', MLA),
    debit('debmaster', 'Mastercard Débito', { id: 3, name: 'Mastercard' }, '^(528733|5287)', MLA),
    debit('debvisa', 'Visa Débito', { id: 310, name: 'Visa' }, '^(400276|4002)', MLA),
  ],
  MLB: [
    credit('visa', 'Visa', { id: 25, name: 'Visa' }, '^4', MLB),
    credit('master', 'Mastercard', { id: 24, name: 'Mastercard' }, '^(5[1-5]|503143|2[2-7])', MLB),
    credit('amex', 'American Express', { id: 26, name: 'American Express' }, '^(34|37)', MLB),
    debit('debelo', 'Elo Debito', { id: 687, name: 'Elo' }, '^(506776|5067)', MLB),
  ],
  MLM: [
    credit('visa', 'Visa', { id: 155, name: 'Visa' }, '^4', MLM),
    credit('master', 'Mastercard', { id: 156, name: 'Mastercard' }, '^(5[1-5]|2[2-7])', MLM),
    credit('amex', 'American Express', { id: 157, name: 'American Express' }, '^(34|37)', MLM),
    debit('debmaster', 'Mastercard Débito', { id: 156, name: 'Mastercard' }, '^(557905|5579)', MLM),
    debit('debvisa', 'Visa Débito', { id: 155, name: 'Visa' }, '^(418914|4189)', MLM),
  ],
};

/** The published test cards, by site: number → payment_method_id. */
export const TEST_CARDS: Record<SiteId, Record<string, string>> = {
  MLA: {
    '5031755734530604': 'master',
    '4509953566233704': 'visa',
    '371180303257522': 'amex',
    '5287338310253304': 'debmaster',
    '4002768694395619': 'debvisa',
  },
  MLB: {
    '5031433215406351': 'master',
    '4235647728025682': 'visa',
    '375365153556885': 'amex',
    '5067766783888311': 'debelo',
  },
  MLM: {
    '5474925432670366': 'master',
    '4075595716483764': 'visa',
    '5579053461482647': 'debmaster',
    '4189141221267633': 'debvisa',
  },
};

/** Test cards expire 11/30 (src/sandbox/README.md, "Test cards"). */
export const TEST_CARD_EXPIRY = { month: 11, year: 2030 } as const;

/** A card is good through the last day of its expiry month (UTC). */
export const cardExpired = (month: number, year: number, now: number): boolean => {
  const d = new Date(now);
  const y = d.getUTCFullYear();
  return year < y || (year === y && month < d.getUTCMonth() + 1);
};

export const luhnValid = (digits: string): boolean => {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  return total % 10 === 0;
};

export const brandById = (site: SiteId, id: string): CardBrand | null => BRANDS[site].find((b) => b.id === id) ?? null;

/** The brand of one of the site's test cards, or null when the number is not one of them. */
export const testCardBrand = (site: SiteId, cardNumber: string): CardBrand | null => {
  const id = TEST_CARDS[site][cardNumber];
  return id ? brandById(site, id) : null;
};

/** The site whose test table holds this number, if any (for a clear "wrong site" error). */
export const siteOfTestCard = (cardNumber: string): SiteId | null =>
  (Object.keys(TEST_CARDS) as SiteId[]).find((s) => cardNumber in TEST_CARDS[s]) ?? null;
