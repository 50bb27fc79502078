// Control API for orders (src/sandbox/README.md, "Control API (`/__sandbox/`)"): what a buyer does on
// Mercado Libre, for tests and demos.
//   POST /__sandbox/orders              a purchase: the order, in the flow its site and items imply
//   POST /__sandbox/orders/{id}/pay      the buyer pays (part of) it: a real Mercado Pago payment
//   POST /__sandbox/orders/{id}/cancel   the purchase is cancelled: refunded to the card (default),
//                                        left pending_cancel ("none"), or refunded in account money
// Answers use the Mercado Pago error body (400 with a cause) like the rest of the control API.
import Decimal from 'decimal.js';
import { isObject } from '../../lib/json';
import { mpDate } from '../clock';
import { badRequest } from '../errors';
import type { SandboxUser } from '../fixtures/users';
import type { ControlHandler, SandboxContext, SandboxRouter } from '../http';
import { digitsId, isItemIdOf } from '../ids';
import { dec, toNumber } from '../rules/money';
import { PAYABLE, orderTotal, paidAmount } from '../rules/orders';
import { TEST_CARDS, TEST_CARD_EXPIRY, brandById } from '../rules/paymentMethods';
import type { ItemRecord, OrderItemRecord, OrderRecord } from '../types';
import { issueToken } from '../mp/cardTokens';
import { createCardPayment } from '../mp/payments';
import { CANCELLABLE, cancelPayment, statusOf } from '../mp/paymentStates';
import { sellerView } from '../mp/paymentViews';
import { refundPayment } from '../mp/refunds';
import { openOrder, refreshOrder } from './orderLifecycle';
import { findOrder, viewForCaller } from './orders';
import { orderPayments, paymentFacts } from './orderViews';

const ORDER_ID_START = 2_000_004_000_000_001;
/** Stock of a listing the control API creates on the fly for an item id it does not know. */
export const NEW_LISTING_STOCK = 100;

const invalid = (description: string) => badRequest('invalid_order', description);
const invalidMove = (description: string) => badRequest('invalid_move', description);

/** A body that may be left out (read as `{}`), or must be a JSON object. */
const optionalBody = (raw: unknown): Record<string, unknown> => {
  const b = raw ?? {};
  if (!isObject(b)) throw invalid('the body must be a JSON object');
  return b;
};

const userParam = (ctx: SandboxContext, v: unknown, name: string): SandboxUser => {
  const user = ctx.store.users.get(typeof v === 'number' ? v : (digitsId(v) ?? NaN));
  if (!user) throw invalid(`${name} must be the id of a sandbox user`);
  return user;
};

const amountParam = (v: unknown, name: string): Decimal => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || dec(v).decimalPlaces() > 2)
    throw invalid(`${name} must be a positive number with at most 2 decimals`);
  return dec(v);
};

/** One order line; a listing the store does not know is created for the seller. */
const readItem = (
  ctx: SandboxContext,
  raw: unknown,
  i: number,
  seller: SandboxUser,
  now: string,
): { line: OrderItemRecord; listing: ItemRecord } => {
  if (!isObject(raw)) throw invalid(`items[${i}] must be an object`);
  if (typeof raw.id !== 'string' || !isItemIdOf(seller.site_id, raw.id))
    throw invalid(`items[${i}].id must be a ${seller.site_id} item id, e.g. ${seller.site_id}600034093`);
  const quantity = raw.quantity ?? 1;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 999)
    throw invalid(`items[${i}].quantity must be a whole number from 1 to 999`);
  const known = ctx.store.items.get(raw.id);
  if (known && known.seller_id !== seller.id) throw invalid(`items[${i}]: ${raw.id} is another seller's listing`);
  if (known && known.available_quantity < quantity)
    throw invalid(`items[${i}]: ${raw.id} has ${known.available_quantity} left`);
  if (raw.title !== undefined && (typeof raw.title !== 'string' || !raw.title.trim() || raw.title.length > 256))
    throw invalid(`items[${i}].title must be a non-empty string of at most 256 characters`);
  const title = (raw.title as string | undefined) ?? known?.title;
  if (!title) throw invalid(`items[${i}].title is required for a new listing`);
  const price =
    raw.unit_price === undefined && known ? dec(known.price) : amountParam(raw.unit_price, `items[${i}].unit_price`);
  const listing: ItemRecord = known ?? {
    id: raw.id,
    site_id: seller.site_id,
    seller_id: seller.id,
    title,
    category_id: null,
    price: price.toString(),
    currency_id: seller.currency_id,
    initial_quantity: Math.max(NEW_LISTING_STOCK, quantity),
    available_quantity: Math.max(NEW_LISTING_STOCK, quantity),
    sold_quantity: 0,
    condition: 'new',
    date_created: now,
    last_updated: now,
  };
  return {
    line: {
      id: raw.id,
      title,
      category_id: listing.category_id,
      variation_id: null,
      quantity,
      unit_price: price.toString(),
    },
    listing,
  };
};

const createOrder: ControlHandler = (req, ctx) => {
  const b = req.body;
  if (!isObject(b)) throw invalid('the body must be a JSON object');
  const seller = userParam(ctx, b.seller_id, 'seller_id');
  const buyer = userParam(ctx, b.buyer_id, 'buyer_id');
  if (buyer.id === seller.id) throw invalid('buyer_id and seller_id must be different users');
  if (buyer.site_id !== seller.site_id)
    throw invalid(`the buyer (${buyer.site_id}) and the seller (${seller.site_id}) must be users of the same site`);
  if (!Array.isArray(b.items) || b.items.length < 1 || b.items.length > 50)
    throw invalid('items must be an array of 1 to 50 items');
  const mandatory = b.mandatory_mercadopago ?? true;
  if (typeof mandatory !== 'boolean') throw invalid('mandatory_mercadopago must be a boolean');
  if (!mandatory && seller.site_id === 'MLB')
    throw invalid(
      'every MLB order goes through the mandatory Mercado Pago flow: mandatory_mercadopago cannot be false',
    );
  const nowMs = ctx.now();
  const now = mpDate(nowMs);
  const read = (b.items as unknown[]).map((raw, i) => readItem(ctx, raw, i, seller, now));
  if (new Set(read.map((r) => r.line.id)).size !== read.length) throw invalid('each item id may appear once');
  for (const { listing } of read) ctx.store.items.set(listing.id, listing);
  const order: OrderRecord = {
    id: ctx.store.nextId('order', ORDER_ID_START),
    seller_id: seller.id,
    buyer_id: buyer.id,
    site_id: seller.site_id,
    currency_id: seller.currency_id,
    mandatory_mercadopago: mandatory,
    items: read.map((r) => r.line),
    payment_ids: [],
    status: mandatory ? 'payment_required' : 'confirmed',
    status_detail: null,
    date_created: now,
    date_closed: null,
    last_updated: now,
    was_paid: false,
    cancel_requested: false,
    refund_account_money: false,
    stock_taken: false,
    pack_id: null,
    shipping: { id: null },
  };
  openOrder(ctx.store, order, nowMs);
  return { status: 201, body: viewForCaller(ctx, order, 'buyer') };
};

const payOrder: ControlHandler = (req, ctx) => {
  const order = findOrder(ctx, req.params.id);
  const b = optionalBody(req.body);
  if (!PAYABLE.has(order.status))
    throw invalidMove(`order ${order.id} is ${order.status}: only an order awaiting payment can be paid`);
  // An unpaid order of the mandatory flow holds no stock (order payments page): another sale may have taken it.
  if (!order.stock_taken) {
    const short = order.items.find(
      (line) => (ctx.store.items.get(line.id)?.available_quantity ?? Infinity) < line.quantity,
    );
    if (short)
      throw invalidMove(
        `order ${order.id} cannot be paid: ${short.id} has ${ctx.store.items.get(short.id)!.available_quantity} ` +
          `left, the order needs ${short.quantity}`,
      );
  }
  const seller = ctx.store.users.get(order.seller_id)!;
  const buyer = ctx.store.users.get(order.buyer_id)!;
  const due = orderTotal(order.items).minus(paidAmount(orderPayments(ctx.store, order).map(paymentFacts)));
  const amount = b.amount === undefined ? due : amountParam(b.amount, 'amount');
  if (amount.gt(due))
    throw invalid(`amount ${amount.toString()} exceeds the ${due.toFixed(2)} due on order ${order.id}`);
  const name = b.cardholder_name ?? 'APRO';
  if (typeof name !== 'string' || !/^[\p{L} .'-]{1,64}$/u.test(name))
    throw invalid('cardholder_name must be a name such as APRO, OTHE or FUND (the outcome table)');
  const method = b.payment_method_id ?? 'master';
  const card = Object.entries(TEST_CARDS[order.site_id]).find(([, id]) => id === method)?.[0];
  const brand = typeof method === 'string' ? brandById(order.site_id, method) : null;
  if (!card || !brand)
    throw invalid(
      `payment_method_id must be one of ${order.site_id}'s test cards: ` +
        [...new Set(Object.values(TEST_CARDS[order.site_id]))].join(', '),
    );
  const installments = b.installments ?? 1;
  if (typeof installments !== 'number' || !Number.isInteger(installments) || installments < 1)
    throw invalid('installments must be a whole number from 1');
  const nowMs = ctx.now();
  // The buyer types the card into the seller's checkout: the token is made with the seller's key.
  const token = issueToken(
    ctx.store,
    seller,
    {
      card_number: card,
      brand,
      expiration_month: TEST_CARD_EXPIRY.month,
      expiration_year: TEST_CARD_EXPIRY.year,
      cardholder: { name, identification: { type: buyer.identification.type, number: buyer.identification.number } },
      card_id: null,
      customer_id: null,
      issuer_id: brand.issuer.id,
    },
    nowMs,
  );
  const payment = createCardPayment(
    ctx,
    seller,
    {
      token: token.id,
      transaction_amount: toNumber(amount),
      installments,
      payment_method_id: brand.id,
      payer: { email: buyer.email },
      description: order.items[0].title,
      external_reference: String(order.id),
      statement_descriptor: 'MERCADOLIBRE',
      additional_info: {
        items: order.items.map((i) => ({
          id: i.id,
          title: i.title,
          picture_url: null,
          description: null,
          category_id: i.category_id,
          quantity: String(i.quantity),
          unit_price: i.unit_price,
        })),
      },
    },
    { order: { id: String(order.id), type: 'mercadolibre' } },
  );
  return { status: 201, body: sellerView(payment) };
};

const REFUND_MODES = ['card', 'none', 'account_money'] as const;

const cancelOrder: ControlHandler = (req, ctx) => {
  const order = findOrder(ctx, req.params.id);
  const b = optionalBody(req.body);
  const mode = b.refund ?? 'card';
  if (!(REFUND_MODES as readonly unknown[]).includes(mode))
    throw invalid(`refund must be one of ${REFUND_MODES.join(', ')}`);
  if (order.status === 'cancelled') throw invalidMove(`order ${order.id} is already cancelled`);
  if (order.refund_account_money)
    throw invalidMove(`order ${order.id} was refunded in account money: it stays paid and cannot be cancelled`);
  const nowMs = ctx.now();
  if (mode === 'account_money') {
    // The order payments page: only for sellers in Mexico (Argentina and Brazil "soon"), and only for a paid sale.
    if (order.site_id !== 'MLM')
      throw invalidMove(`refunds in account money are only available to sellers in Mexico (MLM), not ${order.site_id}`);
    if (order.status !== 'paid')
      throw invalidMove(`order ${order.id} is ${order.status}: only a paid order can be refunded in account money`);
    order.refund_account_money = true;
    refreshOrder(ctx.store, order, nowMs);
    return { status: 200, body: viewForCaller(ctx, order, 'buyer') };
  }
  order.cancel_requested = true;
  const seller = ctx.store.users.get(order.seller_id)!;
  for (const p of orderPayments(ctx.store, order)) {
    const status = statusOf(p);
    if (CANCELLABLE.includes(status)) cancelPayment(ctx.store, p, nowMs);
    else if (status === 'approved' && mode === 'card') refundPayment(ctx, p, seller, {});
  }
  refreshOrder(ctx.store, order, nowMs);
  return { status: 200, body: viewForCaller(ctx, order, 'buyer') };
};

export const registerOrderControl = (router: SandboxRouter): void => {
  router.control('POST', '/orders', createOrder);
  router.control('POST', '/orders/{id}/pay', payOrder);
  router.control('POST', '/orders/{id}/cancel', cancelOrder);
};
