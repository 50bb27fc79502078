// The page's language: `?lang=es|pt|en`, else the browser's first language the page speaks, else Spanish. The
// gateway writes the payment's buyer-facing text (statusMessage) in the same language; these are the page's own.
import type { Locale, OrderStatus, PaymentStatus } from './gql/graphql';

export type Lang = 'es' | 'pt' | 'en';

const LANGS: readonly Lang[] = ['es', 'pt', 'en'];

export const pageLang = (): Lang => {
  const asked = new URLSearchParams(location.search).get('lang');
  const wanted = [asked, ...navigator.languages].map((tag) => tag?.slice(0, 2).toLowerCase());
  return wanted.find((tag): tag is Lang => LANGS.includes(tag as Lang)) ?? 'es';
};

/** The GraphQL `Locale` of a page language. */
export const localeOf = (lang: Lang): Locale => (lang === 'pt' ? 'PT' : lang === 'en' ? 'EN' : 'ES');

export interface Texts {
  checkoutTitle: string;
  cart: string;
  total: string;
  cardNumber: string;
  cardholder: string;
  expiry: string;
  month: string;
  year: string;
  securityCode: string;
  email: string;
  pay: (amount: string) => string;
  paying: string;
  testCards: string;
  payment: (id: string) => string;
  card: (last4: string) => string;
  installments: (n: number, each: string) => string;
  status: Record<PaymentStatus, string>;
  waiting: string;
  tryAgain: string;
  /** Why the card form was refused (the card-token service said which field). */
  badCard: Record<'number' | 'expiry' | 'securityCode' | 'cardholder' | 'identification' | 'other', string>;
  tokenExpired: string;
  attemptsExhausted: string;
  sessionExpired: string;
  unreachable: string;
  failed: (reason: string) => string;
  backOfficeTitle: string;
  orderId: string;
  show: string;
  orderStatus: Record<OrderStatus, string>;
  paid: string;
  balanceDue: string;
  fullyPaid: string;
  payments: string;
  paymentColumn: string;
  statusColumn: string;
  detailColumn: string;
  amountColumn: string;
  refundedColumn: string;
  noPayments: string;
  orderNotFound: string;
  live: string;
}

const es: Texts = {
  checkoutTitle: 'Pagar tu compra',
  cart: 'Tu carrito',
  total: 'Total',
  cardNumber: 'Número de tarjeta',
  cardholder: 'Nombre del titular',
  expiry: 'Vencimiento',
  month: 'Mes',
  year: 'Año',
  securityCode: 'Código de seguridad',
  email: 'E-mail',
  pay: (amount) => `Pagar ${amount}`,
  paying: 'Procesando…',
  testCards: 'Tarjeta de prueba: 5031 4332 1540 6351, 11/30, 123. El nombre decide el resultado: APRO, FUND, CONT…',
  payment: (id) => `Pago ${id}`,
  card: (last4) => `Tarjeta terminada en ${last4}`,
  installments: (n, each) => `${n} × ${each}`,
  status: {
    APPROVED: 'Pago aprobado',
    AUTHORIZED: 'Pago autorizado',
    CANCELLED: 'Pago cancelado',
    CHARGED_BACK: 'Contracargo',
    IN_MEDIATION: 'En disputa',
    IN_PROCESS: 'Pago en proceso',
    PENDING: 'Pago pendiente',
    REFUNDED: 'Pago devuelto',
    REJECTED: 'Pago rechazado',
  },
  waiting: 'Te avisamos aquí en cuanto cambie.',
  tryAgain: 'Prueba con otra tarjeta.',
  badCard: {
    number: 'Revisa el número de tarjeta.',
    expiry: 'Revisa la fecha de vencimiento.',
    securityCode: 'Revisa el código de seguridad.',
    cardholder: 'Revisa el nombre del titular.',
    identification: 'Revisa el documento.',
    other: 'Revisa los datos de la tarjeta.',
  },
  tokenExpired: 'Los datos de tu tarjeta vencieron antes del pago. Ingrésalos de nuevo: no se cobró nada.',
  attemptsExhausted: 'Llegaste al límite de intentos para este carrito.',
  sessionExpired: 'Tu sesión de pago venció. Recarga la página.',
  unreachable: 'No pudimos comunicarnos con el servicio de pagos. Vuelve a intentar: no se cobrará dos veces.',
  failed: (reason) => `No se pudo pagar: ${reason}`,
  backOfficeTitle: 'Back office: pedido',
  orderId: 'Número de pedido',
  show: 'Ver',
  orderStatus: {
    CANCELLED: 'Cancelado',
    CONFIRMED: 'Confirmado',
    INVALID: 'Inválido',
    PAID: 'Pagado',
    PARTIALLY_PAID: 'Pagado en parte',
    PARTIALLY_REFUNDED: 'Devuelto en parte',
    PAYMENT_IN_PROCESS: 'Pago en proceso',
    PAYMENT_REQUIRED: 'Pago pendiente',
    PENDING_CANCEL: 'Cancelación pendiente',
  },
  paid: 'Pagado',
  balanceDue: 'Saldo pendiente',
  fullyPaid: 'Pagado por completo',
  payments: 'Pagos',
  paymentColumn: 'Pago',
  statusColumn: 'Estado',
  detailColumn: 'Detalle',
  amountColumn: 'Monto',
  refundedColumn: 'Devuelto',
  noPayments: 'Sin pagos todavía.',
  orderNotFound: 'No hay un pedido con ese número.',
  live: 'En vivo',
};

const pt: Texts = {
  checkoutTitle: 'Pagar sua compra',
  cart: 'Seu carrinho',
  total: 'Total',
  cardNumber: 'Número do cartão',
  cardholder: 'Nome do titular',
  expiry: 'Vencimento',
  month: 'Mês',
  year: 'Ano',
  securityCode: 'Código de segurança',
  email: 'E-mail',
  pay: (amount) => `Pagar ${amount}`,
  paying: 'Processando…',
  testCards: 'Cartão de teste: 5031 4332 1540 6351, 11/30, 123. O nome decide o resultado: APRO, FUND, CONT…',
  payment: (id) => `Pagamento ${id}`,
  card: (last4) => `Cartão terminado em ${last4}`,
  installments: (n, each) => `${n} × ${each}`,
  status: {
    APPROVED: 'Pagamento aprovado',
    AUTHORIZED: 'Pagamento autorizado',
    CANCELLED: 'Pagamento cancelado',
    CHARGED_BACK: 'Estorno (chargeback)',
    IN_MEDIATION: 'Em disputa',
    IN_PROCESS: 'Pagamento em processamento',
    PENDING: 'Pagamento pendente',
    REFUNDED: 'Pagamento devolvido',
    REJECTED: 'Pagamento recusado',
  },
  waiting: 'Avisaremos aqui assim que mudar.',
  tryAgain: 'Tente outro cartão.',
  badCard: {
    number: 'Revise o número do cartão.',
    expiry: 'Revise a data de vencimento.',
    securityCode: 'Revise o código de segurança.',
    cardholder: 'Revise o nome do titular.',
    identification: 'Revise o documento.',
    other: 'Revise os dados do cartão.',
  },
  tokenExpired: 'Os dados do seu cartão expiraram antes do pagamento. Digite-os de novo: nada foi cobrado.',
  attemptsExhausted: 'Você atingiu o limite de tentativas para este carrinho.',
  sessionExpired: 'Sua sessão de pagamento expirou. Recarregue a página.',
  unreachable: 'Não conseguimos falar com o serviço de pagamentos. Tente de novo: não será cobrado duas vezes.',
  failed: (reason) => `Não foi possível pagar: ${reason}`,
  backOfficeTitle: 'Back office: pedido',
  orderId: 'Número do pedido',
  show: 'Ver',
  orderStatus: {
    CANCELLED: 'Cancelado',
    CONFIRMED: 'Confirmado',
    INVALID: 'Inválido',
    PAID: 'Pago',
    PARTIALLY_PAID: 'Pago em parte',
    PARTIALLY_REFUNDED: 'Devolvido em parte',
    PAYMENT_IN_PROCESS: 'Pagamento em processamento',
    PAYMENT_REQUIRED: 'Pagamento pendente',
    PENDING_CANCEL: 'Cancelamento pendente',
  },
  paid: 'Pago',
  balanceDue: 'Saldo devedor',
  fullyPaid: 'Pago por completo',
  payments: 'Pagamentos',
  paymentColumn: 'Pagamento',
  statusColumn: 'Status',
  detailColumn: 'Detalhe',
  amountColumn: 'Valor',
  refundedColumn: 'Devolvido',
  noPayments: 'Nenhum pagamento ainda.',
  orderNotFound: 'Não há pedido com esse número.',
  live: 'Ao vivo',
};

const en: Texts = {
  checkoutTitle: 'Pay for your order',
  cart: 'Your cart',
  total: 'Total',
  cardNumber: 'Card number',
  cardholder: 'Name on card',
  expiry: 'Expires',
  month: 'Month',
  year: 'Year',
  securityCode: 'Security code',
  email: 'E-mail',
  pay: (amount) => `Pay ${amount}`,
  paying: 'Processing…',
  testCards: 'Test card: 5031 4332 1540 6351, 11/30, 123. The name decides the outcome: APRO, FUND, CONT…',
  payment: (id) => `Payment ${id}`,
  card: (last4) => `Card ending in ${last4}`,
  installments: (n, each) => `${n} × ${each}`,
  status: {
    APPROVED: 'Payment approved',
    AUTHORIZED: 'Payment authorized',
    CANCELLED: 'Payment cancelled',
    CHARGED_BACK: 'Charged back',
    IN_MEDIATION: 'In dispute',
    IN_PROCESS: 'Payment in process',
    PENDING: 'Payment pending',
    REFUNDED: 'Payment refunded',
    REJECTED: 'Payment declined',
  },
  waiting: 'This page will update as soon as it changes.',
  tryAgain: 'Try another card.',
  badCard: {
    number: 'Check the card number.',
    expiry: 'Check the expiration date.',
    securityCode: 'Check the security code.',
    cardholder: 'Check the name on the card.',
    identification: 'Check the identity document.',
    other: 'Check the card details.',
  },
  tokenExpired: 'Your card details expired before the payment was made. Enter them again: nothing was charged.',
  attemptsExhausted: 'You have used every attempt for this cart.',
  sessionExpired: 'Your payment session expired. Reload the page.',
  unreachable: 'We could not reach the payment service. Try again: you will not be charged twice.',
  failed: (reason) => `The payment could not be made: ${reason}`,
  backOfficeTitle: 'Back office: order',
  orderId: 'Order number',
  show: 'Show',
  orderStatus: {
    CANCELLED: 'Cancelled',
    CONFIRMED: 'Confirmed',
    INVALID: 'Invalid',
    PAID: 'Paid',
    PARTIALLY_PAID: 'Partially paid',
    PARTIALLY_REFUNDED: 'Partially refunded',
    PAYMENT_IN_PROCESS: 'Payment in process',
    PAYMENT_REQUIRED: 'Payment required',
    PENDING_CANCEL: 'Cancellation pending',
  },
  paid: 'Paid',
  balanceDue: 'Balance due',
  fullyPaid: 'Fully paid',
  payments: 'Payments',
  paymentColumn: 'Payment',
  statusColumn: 'Status',
  detailColumn: 'Detail',
  amountColumn: 'Amount',
  refundedColumn: 'Refunded',
  noPayments: 'No payments yet.',
  orderNotFound: 'There is no order with that number.',
  live: 'Live',
};

export const TEXTS: Record<Lang, Texts> = { es, pt, en };

/** An amount as the page's language writes it, with its currency's symbol ("R$ 250,00", "250,00 R$"). */
export const money = (lang: Lang, amount: string, currency: string): string => {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(
      Number(amount),
    );
  } catch {
    return `${currency} ${amount}`;
  }
};
