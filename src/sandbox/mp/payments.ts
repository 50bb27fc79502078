// Payments: POST /v1/payments, GET|PUT /v1/payments/{id}, GET /v1/payments/search (and its
// legacy alias GET /v1/payments), plus the control API's payment moves.
// Reference pages are named above each handler.
import Decimal from 'decimal.js';
import { isObject } from '../../lib/json';
import { mpDate, parseDateTime } from '../clock';
import type { SandboxUser } from '../fixtures/users';
import type { SandboxContext, SandboxRequest, SandboxRouter } from '../http';
import { idempotent } from '../idempotency';
import { mercadopagoFee, moneyReleaseDate } from '../rules/fees';
import { financing } from '../rules/installments';
import { dec } from '../rules/money';
import { outcomeFor, settle } from '../rules/outcomes';
import { brandById, cardExpired } from '../rules/paymentMethods';
import type { CardTokenRecord, CustomerRecord, JsonObject, PaymentRecord } from '../types';
import { consumeToken, usableToken } from './cardTokens';
import { isValidEmail } from './customerInput';
import { buildPaymentBody, payerView } from './paymentBody';
import { paymentErrors as E } from './paymentErrors';
import { registerPaymentMoves } from './paymentMoves';
import { searchPayments } from './paymentSearch';
import { CANCELLABLE, approvePayment, cancelPayment, newAuthorizationCode, statusOf } from './paymentStates';
import { findOwned, findVisible, sellerView } from './paymentViews';

/** Ids of payments created here; far from the fixtures' ids (885920310, 3506756222). */
const PAYMENT_ID_START = 1_320_000_001;

/** A JSON number that is a positive amount with at most two decimals, as a Decimal. */
const readAmount = (v: unknown): Decimal => {
  if (v === undefined || v === null) throw E.transactionAmountNull();
  if (typeof v !== 'number' || !Number.isFinite(v)) throw E.transactionAmountNotNumeric();
  const d = dec(v);
  if (d.lte(0)) throw E.invalidTransactionAmount('Invalid value for transaction_amount: it must be greater than 0');
  if (d.decimalPlaces() > 2)
    throw E.invalidTransactionAmount('Invalid value for transaction_amount: at most 2 decimals');
  return d;
};

const readNotificationUrl = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || v.length > 500) throw E.invalidNotificationUrl();
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw E.invalidNotificationUrl();
  }
  return v;
};

const optionalString = (b: Record<string, unknown>, name: string, max: number): string | null => {
  const v = b[name];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || v.length > max)
    throw E.paramsError(`${name} must be a string of at most ${max} characters`);
  return v;
};

interface Payer {
  view: JsonObject;
  user_id: number | null;
  customer_id: string | null;
}

const identificationOf = (v: unknown, fallback: { type: string | null; number: string | null }) => {
  const id = isObject(v) ? v : {};
  return {
    number: typeof id.number === 'string' ? id.number : fallback.number,
    type: typeof id.type === 'string' ? id.type : fallback.type,
  };
};

/** The payer as the collector will see it, and who that is (a sandbox user, a customer, a guest). */
const readPayer = (ctx: SandboxContext, caller: SandboxUser, raw: unknown, token: CardTokenRecord): Payer => {
  if (raw !== undefined && !isObject(raw)) throw E.invalidEmail('payer must be an object with an email');
  const p = (raw ?? {}) as Record<string, unknown>;
  if (p.type === 'customer') {
    if (typeof p.id !== 'string' || !p.id) throw E.payerIdNull();
    const customer: CustomerRecord | undefined = ctx.store.customers.get(p.id);
    if (!customer || customer.owner_id !== caller.id) throw E.customerNotFound();
    if (token.customer_id !== customer.body.id) throw E.cardTokenNotOfCustomer();
    const c = customer.body as JsonObject;
    const user = [...ctx.store.users.values()].find((u) => u.email === customer.body.email) ?? null;
    const phone = isObject(c.phone) ? c.phone : {};
    return {
      view: payerView({
        id: customer.body.id.split('-')[0],
        first_name: (c.first_name as string | null) ?? null,
        phone: {
          area_code: (phone.area_code as string | null) ?? null,
          number: (phone.number as string | null) ?? null,
        },
        email: customer.body.email,
        identification: identificationOf(c.identification, { type: null, number: null }),
        last_name: (c.last_name as string | null) ?? null,
        entity_type: null,
        type: 'customer',
      }),
      user_id: user && user.id !== caller.id ? user.id : null,
      customer_id: customer.body.id,
    };
  }
  if (p.type !== undefined && p.type !== null && p.type !== 'registered' && p.type !== 'guest')
    throw E.invalidPayerType();
  // A token made from a saved card pays as that customer (customers and cards page, "Usa las tarjetas guardadas").
  if (token.card_id) throw E.payerIdNull();
  if (typeof p.email !== 'string' || !p.email)
    throw E.invalidEmail('payer.email must be a valid email: it is required unless payer.type is "customer"');
  if (p.email.length > 254 || !isValidEmail(p.email)) throw E.invalidEmail();
  if (p.email.toLowerCase() === caller.email.toLowerCase())
    throw E.invalidUsers('Invalid users involved: the payer cannot be the collector');
  const user =
    [...ctx.store.users.values()].find((u) => u.email.toLowerCase() === (p.email as string).toLowerCase()) ?? null;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    view: payerView({
      id: user ? String(user.id) : String(ctx.store.nextId('guest_payer', 1_500_000_001)),
      first_name: str(p.first_name) ?? user?.first_name ?? null,
      phone: { area_code: user?.phone.area_code ?? null, number: user?.phone.number ?? null },
      email: p.email,
      identification: identificationOf(p.identification, user?.identification ?? { type: null, number: null }),
      last_name: str(p.last_name) ?? user?.last_name ?? null,
      entity_type: str(p.entity_type),
      type: user ? 'registered' : 'guest',
    }),
    user_id: user?.id ?? null,
    customer_id: null,
  };
};

/**
 * What links a payment to something outside Mercado Pago's create request: the Mercado Libre
 * order a buyer pays through the marketplace (`POST /__sandbox/orders/{id}/pay`). Set before the
 * payment's first event, so its notifications already carry the order.
 */
export interface PaymentLink {
  order: JsonObject;
}

/**
 * Creates a card payment for `caller` (the collector) from a create-payment body, as
 * `POST /v1/payments` does; throws the API's error, having changed nothing, on bad input.
 */
export const createCardPayment = (
  ctx: SandboxContext,
  caller: SandboxUser,
  rawBody: unknown,
  link?: PaymentLink,
): PaymentRecord => {
  if (!isObject(rawBody)) throw E.paramsError('the body must be a JSON object');
  const b = rawBody;
  // Everything is checked before the token is spent: a refused request changes nothing.
  const amount = readAmount(b.transaction_amount);
  const installments = b.installments;
  if (typeof installments !== 'number' || !Number.isInteger(installments) || installments < 1)
    throw E.invalidInstallments();
  if (b.token === undefined || b.token === null || b.token === '') throw E.invalidCardTokenId();
  const token = usableToken(ctx, caller, b.token);
  const brand = brandById(caller.site_id, token.payment_method_id);
  if (!brand)
    throw E.invalidPaymentMethod(
      `Invalid payment_method_id: ${token.payment_method_id} is not offered in ${caller.site_id}`,
    );
  if (b.payment_method_id !== undefined && b.payment_method_id !== null && b.payment_method_id !== brand.id) {
    throw E.invalidPaymentMethod(
      `Invalid payment_method_id: the card token is a ${brand.id} card, not ${String(b.payment_method_id)}`,
    );
  }
  if (amount.lt(brand.min_allowed_amount) || amount.gt(brand.max_allowed_amount)) {
    throw E.invalidTransactionAmount(
      `Invalid value for transaction_amount: ${brand.id} takes ${brand.min_allowed_amount} ` +
        `to ${brand.max_allowed_amount} ${caller.currency_id}`,
    );
  }
  const payer = readPayer(ctx, caller, b.payer, token);
  const notificationUrl = readNotificationUrl(b.notification_url);
  if (b.metadata !== undefined && b.metadata !== null && !isObject(b.metadata)) throw E.invalidMetadata();
  if (b.additional_info !== undefined && b.additional_info !== null && !isObject(b.additional_info))
    throw E.paramsError('additional_info must be an object');
  const description = optionalString(b, 'description', 600);
  const externalReference = optionalString(b, 'external_reference', 256);
  const statementDescriptor = optionalString(b, 'statement_descriptor', 22);
  for (const flag of ['capture', 'binary_mode'] as const) {
    if (b[flag] !== undefined && b[flag] !== null && typeof b[flag] !== 'boolean')
      throw E.paramsError(`${flag} must be a boolean`);
  }
  const capture = b.capture !== false;
  const binaryMode = b.binary_mode === true;
  if (!capture && brand.payment_type_id === 'debit_card') throw E.deferredCaptureNotSupported();

  const now = ctx.now();
  const created = mpDate(now);
  const pricing = financing(caller.site_id, brand, installments, amount);
  const outcome = settle(outcomeFor(token.cardholder.name), {
    capture,
    binary_mode: binaryMode,
    installments_offered: pricing !== null,
    card_expired: cardExpired(token.expiration_month, token.expiration_year, now),
  });
  const approved = outcome.status === 'approved';
  const id = ctx.store.nextId('payment', PAYMENT_ID_START);
  const body = buildPaymentBody({
    id,
    collector_id: caller.id,
    site_id: caller.site_id,
    currency_id: caller.currency_id,
    brand,
    issuer_id: String(token.issuer_id),
    amount,
    installments,
    pricing,
    status: outcome.status,
    status_detail: outcome.status_detail,
    captured: outcome.status !== 'authorized',
    binary_mode: binaryMode,
    date_created: created,
    date_approved: approved ? created : null,
    date_last_updated: created,
    money_release_date: approved ? moneyReleaseDate(caller.site_id, now) : null,
    authorization_code: approved || outcome.status === 'authorized' ? newAuthorizationCode(ctx.store) : null,
    mercadopago_fee: mercadopagoFee(caller.site_id, amount),
    card: {
      id: token.card_id,
      first_six_digits: token.card_number.slice(0, 6),
      expiration_month: token.expiration_month,
      cardholder: {
        identification: { number: token.cardholder.identification.number, type: token.cardholder.identification.type },
        name: token.cardholder.name,
      },
      date_last_updated: created,
      date_created: created,
      expiration_year: token.expiration_year,
      last_four_digits: token.card_number.slice(-4),
    },
    payer: payer.view,
    description,
    external_reference: externalReference,
    statement_descriptor: statementDescriptor,
    notification_url: notificationUrl,
    metadata: (b.metadata as JsonObject | undefined) ?? {},
    additional_info: (b.additional_info as JsonObject | undefined) ?? {},
    order: link?.order ?? {},
    live_mode: false,
  });
  consumeToken(token, now);
  const record: PaymentRecord = {
    id,
    collector_id: caller.id,
    site_id: caller.site_id,
    payer_user_id: payer.user_id,
    customer_id: payer.customer_id,
    body,
    refunds: [],
  };
  ctx.store.payments.set(id, record);
  ctx.store.emitPayment('payment.created', record);
  return record;
};

// https://www.mercadopago.com/developers/en/reference/payments/_payments/post
const createPayment = (req: SandboxRequest, ctx: SandboxContext) => ({
  status: 201,
  body: sellerView(createCardPayment(ctx, req.caller, req.body)),
});

const UPDATABLE = new Set([
  'capture',
  'transaction_amount',
  'status',
  'date_of_expiration',
  'metadata',
  'external_reference',
  'description',
]);

/** date_of_expiration in Mercado Pago's own date format (the instant as sent, on the sandbox's offset). */
const readDateOfExpiration = (v: unknown): string => {
  const ms = typeof v === 'string' ? parseDateTime(v) : null;
  if (ms === null) throw E.badDateOfExpiration();
  return mpDate(ms);
};

// https://www.mercadopago.com/developers/en/reference/payments/_payments_id/put
// The SDK's capture sends {capture: true, transaction_amount?}; its cancel sends {status: "cancelled"};
// its update sends any part of a create body. An update that changes nothing ({}, or capture: false,
// which asks for no capture) answers the payment as it is.
const updatePayment = (req: SandboxRequest, ctx: SandboxContext) => {
  const record = findOwned(ctx.store, req.params.id, req.caller);
  if (!isObject(req.body)) throw E.paramsError('the body must be a JSON object with the fields to update');
  const b = req.body;
  const unknown = Object.keys(b).filter((k) => !UPDATABLE.has(k));
  if (unknown.length) throw E.unknownParameters(unknown);
  const now = ctx.now();
  const status = statusOf(record);

  if (b.capture !== undefined && b.status !== undefined)
    throw E.paramsError('capture and status cannot be sent together');
  if (b.capture !== undefined && typeof b.capture !== 'boolean') throw E.paramsError('capture must be a boolean');
  if (b.transaction_amount !== undefined && b.transaction_amount !== null && b.capture !== true) {
    throw E.paramsError('transaction_amount can only change with capture: true');
  }
  if (b.status !== undefined && b.status !== 'cancelled') throw E.paramsError('status can only be set to cancelled');
  if (b.metadata !== undefined && !isObject(b.metadata)) throw E.invalidMetadata();
  // Every field is read before anything changes: a refused update changes nothing.
  const fields: JsonObject = {};
  if (b.metadata !== undefined) fields.metadata = b.metadata as JsonObject;
  if (b.external_reference !== undefined) fields.external_reference = optionalString(b, 'external_reference', 256);
  if (b.description !== undefined) fields.description = optionalString(b, 'description', 600);
  if (b.date_of_expiration !== undefined) fields.date_of_expiration = readDateOfExpiration(b.date_of_expiration);

  if (b.capture === true) {
    if (status !== 'authorized')
      throw E.stateConflict(`Payment ${record.id} is ${status}: only an authorized payment can be captured`);
    const authorized = dec(record.body.transaction_amount as number);
    let amount = authorized;
    if (b.transaction_amount !== undefined && b.transaction_amount !== null) {
      amount = readAmount(b.transaction_amount);
      if (amount.gt(authorized))
        throw E.invalidTransactionAmount(
          `Invalid value for transaction_amount: the capture cannot exceed the authorized ${authorized.toString()}`,
        );
    }
    approvePayment(ctx.store, record, now, amount);
  } else if (b.status === 'cancelled') {
    if (!CANCELLABLE.includes(status))
      throw E.stateConflict(
        `Payment ${record.id} is ${status}: only pending, in_process and authorized payments can be cancelled`,
      );
    cancelPayment(ctx.store, record, now);
  }
  if (Object.keys(fields).length) {
    Object.assign(record.body, fields);
    record.body.date_last_updated = mpDate(now);
  }
  return { status: 200, body: sellerView(record) };
};

export const registerPayments = (router: SandboxRouter): void => {
  router.post('/v1/payments', (req, ctx) => idempotent(req, ctx, { required: true }, () => createPayment(req, ctx)));

  // https://www.mercadopago.com/developers/en/reference/payments/_payments_search/get
  router.get('/v1/payments/search', (req, ctx) => ({ status: 200, body: searchPayments(req, ctx) }));
  // Legacy alias of search (src/sandbox/README.md, "Routes": served though the SDK never calls it).
  router.get('/v1/payments', (req, ctx) => ({ status: 200, body: searchPayments(req, ctx) }));

  // https://www.mercadopago.com/developers/en/reference/payments/_payments_id/get
  router.get('/v1/payments/{id}', (req, ctx) => ({
    status: 200,
    body: findVisible(ctx.store, req.params.id, req.caller).view,
  }));
  router.put('/v1/payments/{id}', (req, ctx) =>
    idempotent(req, ctx, { required: false }, () => updatePayment(req, ctx)),
  );

  registerPaymentMoves(router);
};
