// The shapes of the ids the sandbox reads from paths and bodies, in one place. An id without its
// shape never reaches the store: `..`, `1e3` or `12abc` are refused or not found before any lookup.
import type { SiteId } from './rules/sites';

/** Payments, refunds, orders, users and saved cards: 1 to 19 digits, as both APIs write them. */
export const DIGITS_ID = /^\d{1,19}$/;

/** Customers: digits, a hyphen, then letters and digits (`123456789-jxOV430go9fx2e`, `000000001-sT93QZFAsfxU9P5`). */
export const CUSTOMER_ID = /^\d{1,19}-[A-Za-z0-9]{1,32}$/;

/** The number a digits id names, or null when `raw` is not one. */
export const digitsId = (raw: unknown): number | null =>
  typeof raw === 'string' && DIGITS_ID.test(raw) ? Number(raw) : null;

/** A Mercado Libre listing of the site: its id, then digits (`MLB600034093`). */
export const isItemIdOf = (site: SiteId, raw: string): boolean => new RegExp(`^${site}\\d{1,18}$`).test(raw);
