// Payment.statusMessage: the buyer-facing text of Mercado Pago's guide for a payment's
// (status, status_detail), in the asked language, its placeholders filled from the payment.
import { Locale } from '../common/locale';
import type { Money } from '../common/money';
import type { PaymentStatus } from './payment.enums';
import { STATUS_MESSAGES, type StatusMessageRow } from './statusMessages';

/** The payment facts a text may need. */
export interface StatusMessageFacts {
  status: PaymentStatus | null;
  statusDetail: string | null;
  amount: Money | null;
  paymentMethodId: string | null;
  installments: number | null;
  statementDescriptor: string | null;
}

const COLUMN: Readonly<Record<Locale, 'es' | 'en' | 'pt'>> = {
  [Locale.ES]: 'es',
  [Locale.EN]: 'en',
  [Locale.PT]: 'pt',
};

const BY_KEY = new Map<string, StatusMessageRow>(
  STATUS_MESSAGES.map((row) => [`${row.status}/${row.statusDetail}`, row]),
);

/**
 * Amounts in texts are the ISO currency code, a space, and the amount with two decimals, rounded
 * half up: "MXN 3500.00", "BRL 296.00". The same in every language: the locale names a language,
 * not a country, so it cannot tell "3.500,00" (es-AR) from "3,500.00" (es-MX); the code leaves no
 * doubt which currency is meant, and no float or ICU version is involved.
 */
export const formatMoneyForText = (m: Money): string => `${m.currency} ${m.amount.toFixed(2)}`;

const placeholderValue = (name: string, p: StatusMessageFacts): string | null => {
  switch (name) {
    case 'amount':
      return p.amount ? formatMoneyForText(p.amount) : null;
    case 'payment_method_id':
      return p.paymentMethodId;
    case 'installments':
      return p.installments === null ? null : String(p.installments);
    case 'statement_descriptor':
      return p.statementDescriptor;
    default:
      return null;
  }
};

/**
 * The text, or null when the guide has none for this (status, status_detail), or when the text
 * needs a value the caller's view of the payment lacks (a text is never served with a hole in it).
 */
export const statusMessage = (p: StatusMessageFacts, locale: Locale): string | null => {
  if (p.status === null || p.statusDetail === null) return null;
  const row = BY_KEY.get(`${p.status}/${p.statusDetail}`);
  if (!row) return null;
  const template = row[COLUMN[locale]];
  let missing = false;
  const filled = template.replace(/\{([a-z_]+)\}/g, (_match, name: string) => {
    const value = placeholderValue(name, p);
    if (value === null || value === '') missing = true;
    return value ?? '';
  });
  return missing ? null : filled;
};
