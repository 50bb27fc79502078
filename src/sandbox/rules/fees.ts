// What Mercado Pago keeps and when the seller gets the money, per site. Sandbox values: the
// real rates depend on the seller's plan. The order payments page (docs/sources.md) fixes one fact:
// an MLM payment approved on 2018-03-05 is released on 2018-03-26 (21 days). Fixture payments carry
// no mercadopago_fee (the page prints net_received_amount = transaction_amount); new approved payments do.
import Decimal from 'decimal.js';
import type { SiteId } from './sites';
import { addDays, mpDate } from '../clock';

/** Percent of transaction_amount charged to the collector as `mercadopago_fee`. */
export const MERCADOPAGO_FEE_PERCENT: Record<SiteId, number> = { MLA: 6.29, MLB: 4.98, MLM: 3.49 };

/** Days from approval to `money_release_date`. */
export const MONEY_RELEASE_DAYS: Record<SiteId, number> = { MLA: 18, MLB: 30, MLM: 21 };

export const mercadopagoFee = (site: SiteId, amount: Decimal.Value): Decimal =>
  new Decimal(amount).times(MERCADOPAGO_FEE_PERCENT[site]).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** `money_release_date` for a payment approved at `approved` (ms or a Mercado Pago date string). */
export const moneyReleaseDate = (site: SiteId, approved: number | string): string =>
  mpDate(addDays(typeof approved === 'number' ? approved : Date.parse(approved), MONEY_RELEASE_DAYS[site]));
