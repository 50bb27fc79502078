// The checkout view: the cart the shop's backend fixed, a card form, and the payment's result as it changes.
// Paying is two steps: the card becomes a token at Mercado Pago (cardTokens.ts), then `createPayment` with that
// token, the cart's amount and a fresh idempotency key (PayCart, schema/operations/checkout-page.graphql). The
// result stays live through `paymentUpdated` (an in-process payment approved, a refund made from the back office).
import './style.css';
import type { CheckoutSession } from './api';
import { brandOf, cardFieldRefused } from './cardRules';
import { CardDataError, createCardToken, type CardData } from './cardTokens';
import {
  CheckoutOptionsDocument,
  CheckoutReceiptDocument,
  PayCartDocument,
  WatchCheckoutPaymentDocument,
  type CheckoutOptionsQuery,
  type CheckoutPaymentFragment,
  type CreatePaymentInput,
  type PayCartMutation,
} from './gql/graphql';
import { GraphQLError, request, subscriptions, TransportError, watch, type Gateway } from './graphql';
import { localeOf, money } from './i18n';
import { byId, session, setUpTexts } from './page';

type State = 'loading' | 'ready' | 'paying' | 'done' | 'failed';

const { lang, t } = setUpTexts();
const locale = localeOf(lang);
const form = byId<HTMLFormElement>('card-form');
const payButton = byId<HTMLButtonElement>('pay');
const formError = byId('form-error');
const state = (value: State): void => {
  document.body.dataset.checkout = value;
};

/** Retries of one attempt whose answer was lost: the same key, so it is never charged twice. */
const RETRY_DELAYS_MS = [500, 1500];
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether an error leaves the payment's outcome unknown, so that the same attempt may be sent again. */
const unknownOutcome = (err: unknown): boolean =>
  err instanceof TransportError || (err instanceof GraphQLError && /^UPSTREAM_/.test(err.code ?? ''));

const pay = async (gateway: Gateway, input: CreatePaymentInput): Promise<PayCartMutation['createPayment']> => {
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await request(gateway, PayCartDocument, { input, locale });
      const inProgress = answer.createPayment.userErrors.some((e) => e.code === 'IDEMPOTENCY_IN_PROGRESS');
      if (!inProgress || attempt >= RETRY_DELAYS_MS.length) return answer.createPayment;
    } catch (err) {
      if (!unknownOutcome(err) || attempt >= RETRY_DELAYS_MS.length) throw err;
    }
    await sleep(RETRY_DELAYS_MS[attempt]);
  }
};

/** Shows the payment as it stands now. */
const show = (payment: CheckoutPaymentFragment): void => {
  const result = byId('result');
  result.hidden = false;
  result.dataset.status = payment.status ?? '';
  result.dataset.payment = payment.id;
  byId('result-status').textContent = payment.status ? t.status[payment.status] : '';
  byId('result-message').textContent = payment.statusMessage ?? '';
  const amount = payment.amount ? money(lang, payment.amount.amount, payment.amount.currency) : '';
  const details = [t.payment(payment.id), amount];
  if (payment.card?.lastFourDigits) details.push(t.card(payment.card.lastFourDigits));
  if (payment.installments && payment.installments > 1 && payment.installmentAmount)
    details.push(
      t.installments(
        payment.installments,
        money(lang, payment.installmentAmount.amount, payment.installmentAmount.currency),
      ),
    );
  byId('result-details').textContent = details.filter(Boolean).join(' · ');
  const pending = payment.status === 'IN_PROCESS' || payment.status === 'PENDING';
  byId('result-note').textContent = pending ? t.waiting : payment.status === 'REJECTED' ? t.tryAgain : '';
};

/** Keeps the result live until the page goes. */
const follow = (gateway: Gateway, id: string): void => {
  const refresh = (): void => {
    request(gateway, CheckoutReceiptDocument, { id, locale }).then(
      (answer) => answer.payment && show(answer.payment),
      () => undefined, // the next change arrives through the subscription anyway
    );
  };
  const client = subscriptions(gateway, refresh);
  client.on('connected', () => {
    document.body.dataset.watching = 'on';
  });
  client.on('closed', () => {
    document.body.dataset.watching = 'off';
  });
  watch(
    client,
    WatchCheckoutPaymentDocument,
    { id, locale },
    {
      next: (data) => show(data.paymentUpdated),
      error: () => {
        document.body.dataset.watching = 'off';
      },
    },
  );
  addEventListener('pagehide', () => void client.dispose());
};

const readCard = (): CardData & { email: string } => {
  const data = new FormData(form);
  const field = (name: string): string => String(data.get(name) ?? '').trim();
  return {
    number: field('number'),
    cardholderName: field('cardholderName'),
    expirationMonth: field('expirationMonth'),
    expirationYear: field('expirationYear'),
    securityCode: field('securityCode'),
    email: field('email'),
  };
};

/**
 * An attempt whose outcome is unknown (its answers lost, or still running at the gateway): the next press of pay
 * sends it again, same token and same key, rather than a new attempt that could charge the card a second time.
 */
let unsettled: CreatePaymentInput | null = null;

/** The card methods the seller takes, with the rules a card form checks (empty until read, or if unreadable). */
let paymentMethods: CheckoutOptionsQuery['paymentMethods'] = [];

const digitsOf = (number: string): string => number.replace(/[\s-]/g, '');

/** A new card token and a new idempotency key, or null when the card was refused (the form says why). */
const newAttempt = async (checkout: CheckoutSession): Promise<CreatePaymentInput | null> => {
  const card = readCard();
  if (paymentMethods.length > 0) {
    // Checked here first, as MercadoPago.js's card form does: a typo costs no request.
    const digits = digitsOf(card.number);
    const brand = brandOf(paymentMethods, digits);
    const refused = brand ? cardFieldRefused(brand, digits, card.securityCode) : 'number';
    if (refused) {
      formError.textContent = t.badCard[refused];
      return null;
    }
  }
  let token: string;
  try {
    token = await createCardToken(checkout.cardTokens.api, checkout.cardTokens.publicKey, card);
  } catch (err) {
    formError.textContent = err instanceof CardDataError ? t.badCard[err.field] : t.unreachable;
    return null;
  }
  return {
    idempotencyKey: crypto.randomUUID(),
    token,
    amount: checkout.cart.amount,
    installments: 1,
    payer: { email: card.email },
  };
};

/** One press of pay. */
const attempt = async (checkout: CheckoutSession, gateway: Gateway): Promise<void> => {
  const input = unsettled ?? (await newAttempt(checkout));
  if (!input) return;
  let result: PayCartMutation['createPayment'];
  try {
    result = await pay(gateway, input);
  } catch (err) {
    unsettled = unknownOutcome(err) ? input : null;
    const expired = err instanceof GraphQLError && err.code === 'UNAUTHENTICATED';
    const reason = err instanceof Error ? err.message : String(err);
    formError.textContent = expired ? t.sessionExpired : unsettled ? t.unreachable : t.failed(reason);
    return;
  }
  unsettled = result.userErrors.some((e) => e.code === 'IDEMPOTENCY_IN_PROGRESS') ? input : null;
  if (unsettled) {
    formError.textContent = t.unreachable;
    return;
  }
  const [refusal] = result.userErrors;
  if (refusal) {
    if (refusal.code === 'CARD_TOKEN_INVALID') formError.textContent = t.tokenExpired;
    else if (refusal.code === 'ATTEMPTS_EXHAUSTED') {
      formError.textContent = t.attemptsExhausted;
      form.dataset.closed = 'true';
    } else formError.textContent = t.failed(refusal.message);
    return;
  }
  const payment = result.payment;
  if (!payment) {
    formError.textContent = t.failed('no payment');
    return;
  }
  show(payment);
  if (payment.status === 'REJECTED') return; // nothing more will happen to it: another card, another attempt
  form.hidden = true;
  form.dataset.closed = 'true';
  follow(gateway, payment.id);
};

const start = async (): Promise<void> => {
  const checkout = await session<CheckoutSession>('/api/checkout-session');
  const gateway: Gateway = { url: checkout.gatewayUrl, credential: checkout.credential };
  const { cart } = checkout;
  const list = byId('cart-items');
  list.replaceChildren(
    ...cart.items.map((item) => {
      const row = document.createElement('li');
      row.textContent = `${item.quantity} × ${item.title} — ${money(lang, item.unitPrice, cart.currency)}`;
      return row;
    }),
  );
  // The brand as the number is typed; the rules for the checks above.
  request(gateway, CheckoutOptionsDocument, {}).then(
    (options) => {
      paymentMethods = options.paymentMethods;
    },
    () => undefined, // without them Mercado Pago still checks the card when it tokenizes it
  );
  const number = form.elements.namedItem('number') as HTMLInputElement;
  number.addEventListener('input', () => {
    byId('card-brand').textContent = brandOf(paymentMethods, digitsOf(number.value))?.name ?? '';
  });
  const total = money(lang, cart.amount, cart.currency);
  byId('cart-total').textContent = total;
  payButton.textContent = t.pay(total);
  payButton.disabled = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (form.dataset.closed) return;
    formError.textContent = '';
    payButton.disabled = true;
    payButton.textContent = t.paying;
    state('paying');
    attempt(checkout, gateway)
      .catch((err: unknown) => {
        formError.textContent = t.failed(err instanceof Error ? err.message : String(err));
      })
      .finally(() => {
        payButton.textContent = t.pay(total);
        payButton.disabled = Boolean(form.dataset.closed);
        state('done');
      });
  });
  state('ready');
};

start().catch((err: unknown) => {
  state('failed');
  formError.textContent = t.failed(err instanceof Error ? err.message : String(err));
});
