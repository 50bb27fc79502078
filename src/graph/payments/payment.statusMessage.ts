// Payment.statusMessage: the buyer-facing text of Mercado Pago's guide for a payment's
// (status, status_detail), in the asked language, its placeholders filled from the payment.
import { Locale } from '../common/locale';
import type { Money } from '../common/money';
import { PaymentStatus } from './payment.enums';

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

// Built on first use: the table is declared at the end of this file.
let byKey: Map<string, StatusMessageRow> | null = null;
const rowFor = (status: PaymentStatus, statusDetail: string): StatusMessageRow | undefined =>
  (byKey ??= new Map(STATUS_MESSAGES.map((row) => [`${row.status}/${row.statusDetail}`, row]))).get(
    `${status}/${statusDetail}`,
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
  const row = rowFor(p.status, p.statusDetail);
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

// Buyer-facing texts for each payment result (status, status_detail), in Spanish, English and
// Portuguese: Mercado Pago's response-handling guide ("collection results"), copied verbatim from
// mercadopago/devsite-docs guides/checkout-api-v2/collection-results.{es,en,pt}.md
// (https://www.mercadopago.com.mx/developers/en/docs/checkout-api-payments/response-handling/collection-results).
// The guide writes placeholders in backticks; here they are {amount}, {payment_method_id},
// {installments} and {statement_descriptor}, filled by `statusMessage` above. Two sentences the guide
// splits with <br/><br/> are joined by one space. In pt, `accredited` and `call_for_authorize` say
// "do valor" with no {amount}, as the guide does.
//
// Left out, as the source table leaves them out: the newer "order status" rows (partially_refunded,
// pending_capture, pending_waiting_*, cancelled/*, refunded/*, charged_back/*, 3DS, …). For those
// details `Payment.statusMessage` is null. `cc_rejected_card_type_not_allowed` appears only on the
// guide's Brazil pages and speaks of "the user" (a note to the merchant more than to the buyer); it
// is served as the guide writes it.

export interface StatusMessageRow {
  status: PaymentStatus;
  statusDetail: string;
  es: string;
  en: string;
  pt: string;
}

export const STATUS_MESSAGES: readonly StatusMessageRow[] = [
  {
    status: PaymentStatus.APPROVED,
    statusDetail: 'accredited',
    es: '¡Listo! Se acreditó tu pago. En tu resumen verás el cargo de {amount} como {statement_descriptor}.',
    en: 'Done! Your payment was credited. Your statement will show the {amount} charge as {statement_descriptor}.',
    pt: 'Pronto, seu pagamento foi aprovado! No resumo, você verá a cobrança do valor como {statement_descriptor}.',
  },
  {
    status: PaymentStatus.IN_PROCESS,
    statusDetail: 'pending_contingency',
    es: 'Estamos procesando tu pago. No te preocupes, menos de 2 días hábiles te avisaremos por e-mail si se acreditó.',
    en:
      "We are processing your payment. Don't worry! You will be notified via e-mail if the payment was credited in " +
      'less than 2 business days.',
    pt:
      'Estamos processando o pagamento. Não se preocupe, em menos de 2 dias úteis informaremos por e-mail se foi ' +
      'creditado.',
  },
  {
    status: PaymentStatus.IN_PROCESS,
    statusDetail: 'pending_review_manual',
    es:
      'Estamos procesando tu pago. No te preocupes, menos de 2 días hábiles te avisaremos por e-mail si se acreditó ' +
      'o si necesitamos más información.',
    en:
      "We are processing your payment. Don't worry! You will be notified via e-mail if it is credited or if we need " +
      'more information in less than 2 business days.',
    pt:
      'Estamos processando seu pagamento. Não se preocupe, em menos de 2 dias úteis informaremos por e-mail se foi ' +
      'creditado ou se necessitamos de mais informação.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_bad_filled_card_number',
    es: 'Revisa el número de tarjeta.',
    en: 'Check card number.',
    pt: 'Revise o número do cartão.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_bad_filled_date',
    es: 'Revisa la fecha de vencimiento.',
    en: 'Check expiration date.',
    pt: 'Revise a data de vencimento.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_bad_filled_other',
    es: 'Revisa los datos.',
    en: 'Check data.',
    pt: 'Revise os dados.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_bad_filled_security_code',
    es: 'Revisa el código de seguridad de la tarjeta.',
    en: 'Check card security code.',
    pt: 'Revise o código de segurança do cartão.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_blacklist',
    es: 'No pudimos procesar tu pago.',
    en: "Your payment couldn't be processed.",
    pt: 'Não pudemos processar seu pagamento.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_call_for_authorize',
    es: 'Debes autorizar ante {payment_method_id} el pago de {amount}.',
    en: 'Authorize the {amount} payment to {payment_method_id}.',
    pt: 'Você deve autorizar ao {payment_method_id} o pagamento do valor ao Mercado Pago.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_card_disabled',
    es:
      'Llama a {payment_method_id} para activar tu tarjeta o usa otro medio de pago. El teléfono está al dorso de ' +
      'tu tarjeta.',
    en:
      'Call {payment_method_id} to activate your card, or use a different payment method. The phone is on the back ' +
      'of your card.',
    pt: 'Ligue para o {payment_method_id} para ativar seu cartão. O telefone está no verso do seu cartão.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_card_error',
    es: 'No pudimos procesar tu pago.',
    en: "Your payment couldn't be processed.",
    pt: 'Não conseguimos processar seu pagamento.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_duplicated_payment',
    es: 'Ya hiciste un pago por ese valor. Si necesitas volver a pagar usa otra tarjeta u otro medio de pago.',
    en:
      'You have already made a payment for that value. If you need to pay again, use a different card or payment ' +
      'method.',
    pt:
      'Você já efetuou um pagamento com esse valor. Caso precise pagar novamente, utilize outro cartão ou outra ' +
      'forma de pagamento.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_high_risk',
    es: 'Tu pago fue rechazado. Elige otro de los medios de pago, te recomendamos con medios en efectivo.',
    en: 'Your payment was rejected. Select a different payment method; we recommend cash methods.',
    pt: 'Seu pagamento foi recusado. Escolha outra forma de pagamento. Recomendamos meios de pagamento em dinheiro.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_insufficient_amount',
    es: 'Tu {payment_method_id} no tiene fondos suficientes.',
    en: 'Your {payment_method_id} does not have enough funds.',
    pt: 'O {payment_method_id} possui saldo insuficiente.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_invalid_installments',
    es: '{payment_method_id} no procesa pagos en {installments} cuotas.',
    en: '{payment_method_id} does not process payments in {installments} installments.',
    pt: 'O {payment_method_id} não processa pagamentos em {installments} parcelas.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_max_attempts',
    es: 'Llegaste al límite de intentos permitidos. Elige otra tarjeta u otro medio de pago.',
    en: 'You reached the allowed attempt limit. Select a different card or payment method.',
    pt: 'Você atingiu o limite de tentativas permitido. Escolha outro cartão ou outra forma de pagamento.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_other_reason',
    es: '{payment_method_id} no procesó el pago.',
    en: '{payment_method_id} did not process payment.',
    pt: '{payment_method_id} não processa o pagamento.',
  },
  {
    status: PaymentStatus.REJECTED,
    statusDetail: 'cc_rejected_card_type_not_allowed',
    es:
      'El pago fue rechazado porque el usuario no tiene habilitada la función crédito en su tarjeta múltiple ' +
      '(débito y crédito).',
    en:
      'The payment was rejected because the user does not have the credit function enabled on their multiple card ' +
      '(debit and credit).',
    pt:
      'O pagamento foi rejeitado porque o usuário não tem a função crédito habilitada em seu cartão multiplo ' +
      '(débito e crédito).',
  },
];
