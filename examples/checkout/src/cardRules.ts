// What a card form checks before the card leaves the page, from the payment methods the graph lists
// (CheckoutOptions, schema/operations/checkout.graphql), as MercadoPago.js's card form does: the brand from the
// number's first digits (each method's BIN pattern), the number's length and check digit, the security code's
// length. Mercado Pago checks it all again when it tokenizes; this only answers sooner, without a request.
import type { CheckoutOptionsQuery } from './gql/graphql';
import type { CardField } from './cardTokens';

type PaymentMethod = CheckoutOptionsQuery['paymentMethods'][number];

export interface CardBrand {
  id: string;
  name: string;
  /** Digits of the number, when the method says. */
  numberLength: number | null;
  /** Whether the number carries a Luhn check digit ("standard" validation). */
  luhn: boolean;
  securityCodeLength: number | null;
}

const CARD_TYPES = new Set(['credit_card', 'debit_card', 'prepaid_card']);

const matches = (pattern: string | null | undefined, digits: string): boolean => {
  if (!pattern) return false;
  try {
    return new RegExp(pattern).test(digits);
  } catch {
    return false; // a pattern this browser cannot read decides nothing
  }
};

/** The brand of a card number (its digits), or null when no active card method's BIN pattern takes it. */
export const brandOf = (methods: readonly PaymentMethod[], digits: string): CardBrand | null => {
  if (digits.length < 6) return null;
  for (const method of methods) {
    if (method.status !== 'ACTIVE' || !CARD_TYPES.has(method.paymentTypeId ?? '')) continue;
    for (const setting of method.settings) {
      if (!matches(setting.bin?.pattern, digits) || matches(setting.bin?.exclusionPattern, digits)) continue;
      return {
        id: method.id,
        name: method.name ?? method.id,
        numberLength: setting.cardNumber?.length ?? null,
        luhn: setting.cardNumber?.validation === 'standard',
        securityCodeLength: setting.securityCode?.length ?? null,
      };
    }
  }
  return null;
};

/** Whether the digits pass the Luhn check. */
export const luhnValid = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
};

/** The first field the brand's rules refuse, or null. */
export const cardFieldRefused = (brand: CardBrand, digits: string, securityCode: string): CardField | null => {
  if (!/^\d+$/.test(digits)) return 'number';
  if (brand.numberLength !== null && digits.length !== brand.numberLength) return 'number';
  if (brand.luhn && !luhnValid(digits)) return 'number';
  if (brand.securityCodeLength !== null && !new RegExp(`^\\d{${brand.securityCodeLength}}$`).test(securityCode))
    return 'securityCode';
  return null;
};
