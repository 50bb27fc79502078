// What happens to a card payment, decided by the cardholder name on its token, as in Mercado Pago's
// test environment (src/sandbox/README.md, "Card payments: the cardholder name decides";
// https://www.mercadopago.com/developers/en/docs/checkout-api/integration-test/test-cards).
// The name's first word is the code ("APRO", "APRO Test" and "apro" all approve); a name that
// is not a code approves, as a real card with a good balance would.

export type PaymentStatus =
  'approved' | 'authorized' | 'in_process' | 'pending' | 'rejected' | 'cancelled' | 'refunded' | 'charged_back';

export interface Outcome {
  status: PaymentStatus;
  status_detail: string;
}

const rejected = (status_detail: string): Outcome => ({ status: 'rejected', status_detail });

export const OUTCOMES = {
  APRO: { status: 'approved', status_detail: 'accredited' },
  CONT: { status: 'in_process', status_detail: 'pending_contingency' },
  OTHE: rejected('cc_rejected_other_reason'),
  CALL: rejected('cc_rejected_call_for_authorize'),
  FUND: rejected('cc_rejected_insufficient_amount'),
  SECU: rejected('cc_rejected_bad_filled_security_code'),
  EXPI: rejected('cc_rejected_bad_filled_date'),
  FORM: rejected('cc_rejected_bad_filled_other'),
  CARD: rejected('cc_rejected_bad_filled_card_number'),
  INST: rejected('cc_rejected_invalid_installments'),
  DUPL: rejected('cc_rejected_duplicated_payment'),
  LOCK: rejected('cc_rejected_card_disabled'),
  CTNA: rejected('cc_rejected_card_type_not_allowed'),
  ATTE: rejected('cc_rejected_max_attempts'),
  BLAC: rejected('cc_rejected_blacklist'),
} as const satisfies Record<string, Outcome>;

export type OutcomeName = keyof typeof OUTCOMES;

/** The issuer's answer for a cardholder name. */
export const outcomeFor = (cardholderName: string): Outcome => {
  const code = cardholderName.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
  return code in OUTCOMES ? { ...OUTCOMES[code as OutcomeName] } : { ...OUTCOMES.APRO };
};

export interface Settlement {
  capture: boolean;
  binary_mode: boolean;
  /** False when the brand does not offer the requested installments on the site. */
  installments_offered: boolean;
  /** True when the card's expiry date has passed (a saved card can outlive its expiry). */
  card_expired?: boolean;
}

/**
 * The payment's status once the request's options apply to the issuer's answer:
 * an expired card is declined for its date (EXPI's detail), installments the brand does not
 * offer as the issuer would (INST's detail);
 * `capture: false` turns an approval into authorized/pending_capture; `binary_mode` allows no
 * in-between state, so a payment that would wait in_process is rejected at once.
 */
export const settle = (outcome: Outcome, s: Settlement): Outcome => {
  if (s.card_expired) return OUTCOMES.EXPI;
  if (!s.installments_offered) return OUTCOMES.INST;
  if (outcome.status === 'approved' && !s.capture) return { status: 'authorized', status_detail: 'pending_capture' };
  if (outcome.status === 'in_process' && s.binary_mode) return rejected('cc_rejected_other_reason');
  return outcome;
};
