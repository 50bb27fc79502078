// Installment pricing per site: the financing rate the payer pays for n installments.
// Two rows are facts from the order payments page (docs/sources.md): MLB visa 3× turns 295 into
// 315.62 (6.99 %), and MLM amex 9× turns 3500 into 3987.20 (13.92 %, installment 443.02). The other
// rows are plausible sandbox values.
// Reference: GET /v1/payment_methods/installments.
import Decimal from 'decimal.js';
import type { SiteId } from './sites';
import type { CardBrand } from './paymentMethods';

/** Percent surcharge by number of installments; a count missing here is not offered. */
export const RATES: Record<SiteId, Record<number, number>> = {
  MLA: { 1: 0, 3: 23.51, 6: 44.04, 9: 66.12, 12: 89.55 },
  MLB: {
    1: 0,
    2: 4.59,
    3: 6.99,
    4: 8.63,
    5: 10.28,
    6: 11.95,
    7: 13.64,
    8: 15.35,
    9: 17.08,
    10: 18.83,
    11: 20.6,
    12: 22.39,
  },
  MLM: { 1: 0, 3: 5.75, 6: 9.86, 9: 13.92, 12: 18.02 },
};

export interface Financing {
  installments: number;
  installment_rate: number;
  /** What the payer pays in all: amount plus the financing fee. */
  total_amount: Decimal;
  installment_amount: Decimal;
  /** total_amount − amount; Mercado Pago lists it as a `financing_fee` paid by the payer. */
  financing_fee: Decimal;
}

const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** The counts a brand offers on a site (debit cards: only 1). */
export const offeredInstallments = (site: SiteId, brand: CardBrand): number[] =>
  Object.keys(RATES[site])
    .map(Number)
    .filter((n) => n <= brand.max_installments)
    .sort((a, b) => a - b);

/** Pricing of `installments` for `amount`, or null when that count is not offered. */
export const financing = (
  site: SiteId,
  brand: CardBrand,
  installments: number,
  amount: Decimal.Value,
): Financing | null => {
  if (!offeredInstallments(site, brand).includes(installments)) return null;
  const rate = RATES[site][installments];
  const base = new Decimal(amount);
  const total = cents(base.times(new Decimal(rate).div(100).plus(1)));
  return {
    installments,
    installment_rate: rate,
    total_amount: total,
    installment_amount: cents(total.div(installments)),
    financing_fee: total.minus(base),
  };
};

/** Every offered option for an amount, in order (the `payer_costs` of the installments API). */
export const payerCosts = (site: SiteId, brand: CardBrand, amount: Decimal.Value): Financing[] =>
  offeredInstallments(site, brand).map((n) => financing(site, brand, n, amount) as Financing);
