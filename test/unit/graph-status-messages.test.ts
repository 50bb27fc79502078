// Payment.statusMessage: every (status, status_detail) of Mercado Pago's response guide, in the three
// languages, with its placeholders filled from the payment.
import { toDecimal } from '../../src/graph/common/scalars';
import { Locale } from '../../src/graph/common/locale';
import { PaymentStatus } from '../../src/graph/payments/payment.enums';
import {
  formatMoneyForText,
  STATUS_MESSAGES,
  statusMessage,
  type StatusMessageFacts,
} from '../../src/graph/payments/payment.statusMessage';

const facts = (
  status: PaymentStatus,
  statusDetail: string,
  over: Partial<StatusMessageFacts> = {},
): StatusMessageFacts => ({
  status,
  statusDetail,
  amount: { amount: toDecimal(3500), currency: 'MXN' },
  paymentMethodId: 'amex',
  installments: 9,
  statementDescriptor: 'MERCADOPAGO',
  ...over,
});

// Every status_detail the sandbox's test-card outcomes produce (src/sandbox/README.md), and the two in_process ones.
const DETAILS: [PaymentStatus, string][] = [
  [PaymentStatus.APPROVED, 'accredited'],
  [PaymentStatus.IN_PROCESS, 'pending_contingency'],
  [PaymentStatus.IN_PROCESS, 'pending_review_manual'],
  ...[
    'cc_rejected_bad_filled_card_number',
    'cc_rejected_bad_filled_date',
    'cc_rejected_bad_filled_other',
    'cc_rejected_bad_filled_security_code',
    'cc_rejected_blacklist',
    'cc_rejected_call_for_authorize',
    'cc_rejected_card_disabled',
    'cc_rejected_card_error',
    'cc_rejected_duplicated_payment',
    'cc_rejected_high_risk',
    'cc_rejected_insufficient_amount',
    'cc_rejected_invalid_installments',
    'cc_rejected_max_attempts',
    'cc_rejected_other_reason',
    'cc_rejected_card_type_not_allowed',
  ].map((d): [PaymentStatus, string] => [PaymentStatus.REJECTED, d]),
];

describe('statusMessage', () => {
  it('has the 18 rows of the guide, each (status, detail) once', () => {
    expect(STATUS_MESSAGES).toHaveLength(18);
    expect(new Set(STATUS_MESSAGES.map((r) => `${r.status}/${r.statusDetail}`)).size).toBe(18);
    expect(STATUS_MESSAGES.map((r): [PaymentStatus, string] => [r.status, r.statusDetail]).sort()).toEqual(
      [...DETAILS].sort(),
    );
  });

  describe.each(DETAILS)('%s / %s', (status, detail) => {
    it.each([Locale.ES, Locale.EN, Locale.PT])('has a complete text in %s', (locale) => {
      const text = statusMessage(facts(status, detail), locale);
      expect(typeof text).toBe('string');
      expect(text!.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/[{}`]/);
    });

    it('differs between the languages', () => {
      const texts = [Locale.ES, Locale.EN, Locale.PT].map((l) => statusMessage(facts(status, detail), l));
      expect(new Set(texts).size).toBe(3);
    });
  });

  it('fills amount and statement descriptor (approved/accredited)', () => {
    const p = facts(PaymentStatus.APPROVED, 'accredited');
    expect(statusMessage(p, Locale.ES)).toBe(
      '¡Listo! Se acreditó tu pago. En tu resumen verás el cargo de MXN 3500.00 como MERCADOPAGO.',
    );
    expect(statusMessage(p, Locale.EN)).toBe(
      'Done! Your payment was credited. Your statement will show the MXN 3500.00 charge as MERCADOPAGO.',
    );
    // The guide's pt text says "do valor" in words: no amount in it.
    expect(statusMessage(p, Locale.PT)).toBe(
      'Pronto, seu pagamento foi aprovado! No resumo, você verá a cobrança do valor como MERCADOPAGO.',
    );
  });

  it('fills payment method and installments (rejected/cc_rejected_invalid_installments)', () => {
    const p = facts(PaymentStatus.REJECTED, 'cc_rejected_invalid_installments', {
      paymentMethodId: 'visa',
      installments: 12,
    });
    expect(statusMessage(p, Locale.ES)).toBe('visa no procesa pagos en 12 cuotas.');
    expect(statusMessage(p, Locale.EN)).toBe('visa does not process payments in 12 installments.');
    expect(statusMessage(p, Locale.PT)).toBe('O visa não processa pagamentos em 12 parcelas.');
  });

  it('fills amount and method (rejected/cc_rejected_call_for_authorize)', () => {
    const p = facts(PaymentStatus.REJECTED, 'cc_rejected_call_for_authorize', {
      amount: { amount: toDecimal(296), currency: 'BRL' },
      paymentMethodId: 'visa',
    });
    expect(statusMessage(p, Locale.ES)).toBe('Debes autorizar ante visa el pago de BRL 296.00.');
    expect(statusMessage(p, Locale.EN)).toBe('Authorize the BRL 296.00 payment to visa.');
  });

  it('is null for a detail the guide has no text for', () => {
    expect(statusMessage(facts(PaymentStatus.APPROVED, 'partially_refunded'), Locale.ES)).toBeNull();
    expect(statusMessage(facts(PaymentStatus.AUTHORIZED, 'pending_capture'), Locale.EN)).toBeNull();
    expect(statusMessage(facts(PaymentStatus.REFUNDED, 'refunded'), Locale.PT)).toBeNull();
  });

  it('is null when the detail belongs to another status, or either is unknown', () => {
    expect(statusMessage(facts(PaymentStatus.APPROVED, 'cc_rejected_other_reason'), Locale.ES)).toBeNull();
    expect(statusMessage({ ...facts(PaymentStatus.APPROVED, 'accredited'), status: null }, Locale.ES)).toBeNull();
    expect(statusMessage({ ...facts(PaymentStatus.APPROVED, 'accredited'), statusDetail: null }, Locale.ES)).toBeNull();
  });

  it('is null rather than a text with a hole when the view lacks a value it needs', () => {
    const p = facts(PaymentStatus.APPROVED, 'accredited', { statementDescriptor: null });
    expect(statusMessage(p, Locale.ES)).toBeNull();
    expect(
      statusMessage(
        facts(PaymentStatus.REJECTED, 'cc_rejected_insufficient_amount', { paymentMethodId: null }),
        Locale.EN,
      ),
    ).toBeNull();
    // A text without placeholders needs nothing from the payment.
    expect(
      statusMessage(
        facts(PaymentStatus.REJECTED, 'cc_rejected_bad_filled_date', { amount: null, paymentMethodId: null }),
        Locale.EN,
      ),
    ).toBe('Check expiration date.');
  });
});

describe('formatMoneyForText', () => {
  it.each([
    [3500, 'MXN', 'MXN 3500.00'],
    [3987.2, 'MXN', 'MXN 3987.20'],
    [296, 'BRL', 'BRL 296.00'],
    [0.1 + 0.2, 'ARS', 'ARS 0.30'],
    [443.025, 'MXN', 'MXN 443.03'],
  ])('%p %s → %s', (amount, currency, text) => {
    expect(formatMoneyForText({ amount: toDecimal(amount), currency })).toBe(text);
  });
});
