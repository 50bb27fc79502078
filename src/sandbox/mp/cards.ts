// /v1/customers/{id}/cards: cards saved from card tokens. The full number stays in the customer's
// `card_numbers` (never returned) so that a token can later be made from `card_id` + `security_code`.
// Saving a card does not consume its token: the same token can still pay once (see README).
import { isObject } from '../../lib/json';
import { mpDate } from '../clock';
import type { SandboxUser } from '../fixtures/users';
import type { SandboxContext, SandboxRouter } from '../http';
import { idempotent } from '../idempotency';
import { DIGITS_ID } from '../ids';
import { brandById, cardExpired, thumbnails, type CardBrand } from '../rules/paymentMethods';
import type { Store } from '../store';
import type { CardRecord, CardTokenRecord, CustomerRecord } from '../types';
import { cardNotFound, customerError } from './customerErrors';
import { readCustomerInput } from './customerInput';
import { ownedCustomer, touch } from './customers';

/** The sandbox's cap for code 129 (the reference names the error, not the number). */
export const MAX_CARDS_PER_CUSTOMER = 10;

/** The numeric part of a customer id: what Mercado Pago prints as a card's `user_id`. */
export const cardUserId = (customerId: string): string => customerId.split('-')[0];

/** The JSON of a saved card, built from a brand and the card's own facts. */
export const cardBody = (p: {
  id: string;
  customerId: string;
  brand: CardBrand;
  issuer: { id: number; name: string };
  number: string;
  expiration_month: number;
  expiration_year: number;
  cardholder: CardRecord['cardholder'];
  date_created: string;
  date_last_updated?: string;
}): CardRecord => ({
  id: p.id,
  expiration_month: p.expiration_month,
  expiration_year: p.expiration_year,
  first_six_digits: p.number.slice(0, 6),
  last_four_digits: p.number.slice(-4),
  // The customers and cards page prints the brand id as the name ("master"), as the reference's examples do ("visa").
  payment_method: {
    id: p.brand.id,
    name: p.brand.id,
    payment_type_id: p.brand.payment_type_id,
    ...thumbnails(p.brand.id),
  },
  security_code: { length: p.brand.security_code.length, card_location: p.brand.security_code.card_location },
  issuer: { id: p.issuer.id, name: p.issuer.name },
  cardholder: p.cardholder,
  date_created: p.date_created,
  date_last_updated: p.date_last_updated ?? p.date_created,
  customer_id: p.customerId,
  user_id: cardUserId(p.customerId),
  live_mode: false,
});

/** For card tokens from a saved card (`card_id` + `security_code`): the card, its customer and number. */
export const findSavedCard = (
  store: Store,
  cardId: string,
  ownerId?: number,
): { customer: CustomerRecord; card: CardRecord; cardNumber: string } | null => {
  for (const customer of store.customers.values()) {
    if (ownerId !== undefined && customer.owner_id !== ownerId) continue;
    const card = customer.cards.find((c) => c.id === cardId);
    if (card) return { customer, card, cardNumber: customer.card_numbers.get(cardId) as string };
  }
  return null;
};

/**
 * A token that may be saved to this customer: the caller's own, active and unexpired, and not made
 * from another customer's saved card. Unknown and other users' tokens read alike.
 */
const usableToken = (
  ctx: SandboxContext,
  caller: SandboxUser,
  customer: CustomerRecord,
  tokenId: unknown,
): CardTokenRecord => {
  if (tokenId === undefined || tokenId === null || tokenId === '') throw customerError('119', 'token is required');
  if (typeof tokenId !== 'string') throw customerError('121', 'token must be a string');
  const token = ctx.store.cardTokens.get(tokenId);
  if (!token || token.user_id !== caller.id) throw customerError('121', `card token not found: ${tokenId}`);
  // Read as a plain string: the token record's status values belong to mp/cardTokens.ts.
  const status: string = token.status;
  if (status === 'expired' || ctx.now() > token.expires_at) throw customerError('121', 'card token expired');
  // A token a payment already spent can still save its card while it lives: the customers and cards
  // page advises saving the card after a successful payment, with the token that payment used.
  if (token.customer_id && token.customer_id !== customer.body.id)
    throw customerError('140', "the card token was made from another customer's card");
  if (!token.luhn_validation) throw customerError('122', 'the card number is invalid');
  if (cardExpired(token.expiration_month, token.expiration_year, ctx.now()))
    throw customerError('122', 'the card is expired');
  return token;
};

const cardholderOf = (t: CardTokenRecord): CardRecord['cardholder'] => ({
  name: t.cardholder.name,
  identification: { number: t.cardholder.identification.number, type: t.cardholder.identification.type },
});

const ownedCard = (customer: CustomerRecord, cardId: string | undefined): CardRecord => {
  const card = cardId && DIGITS_ID.test(cardId) ? customer.cards.find((c) => c.id === cardId) : undefined;
  if (!card) throw cardNotFound();
  return card;
};

const month = (v: unknown): number => {
  const n = typeof v === 'string' && /^\d{1,2}$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 12)
    throw customerError('122', 'expiration_month must be 1 to 12');
  return n;
};

const year = (v: unknown): number => {
  const n = typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1000 || n > 9999)
    throw customerError('122', 'expiration_year must have 4 digits');
  return n;
};

export const registerCards = (router: SandboxRouter): void => {
  // https://www.mercadopago.com.br/developers/en/reference/cards/_customers_customer_id_cards/post
  router.post('/v1/customers/{id}/cards', (req, ctx) =>
    idempotent(req, ctx, { required: false }, () => {
      const customer = ownedCustomer(ctx, req.caller, req.params.id);
      if (!isObject(req.body)) throw customerError('118');
      const token = usableToken(ctx, req.caller, customer, req.body.token);
      const brand = brandById(token.site_id, token.payment_method_id);
      if (!brand) throw customerError('122', `unknown payment method ${token.payment_method_id}`);
      const now = mpDate(ctx.now());

      // The same number saved again is the same card: its id is kept, its expiry and holder refreshed.
      const existing = customer.cards.find((c) => customer.card_numbers.get(c.id) === token.card_number);
      if (existing) {
        existing.expiration_month = token.expiration_month;
        existing.expiration_year = token.expiration_year;
        existing.cardholder = cardholderOf(token);
        existing.date_last_updated = now;
        touch(customer, ctx.now());
        return { status: 201, body: structuredClone(existing) };
      }
      if (customer.cards.length >= MAX_CARDS_PER_CUSTOMER) throw customerError('129');

      const card = cardBody({
        id: String(ctx.store.nextId('card', 1_700_000_000_001)),
        customerId: customer.body.id,
        brand,
        issuer: { id: token.issuer_id, name: brand.issuer.name },
        number: token.card_number,
        expiration_month: token.expiration_month,
        expiration_year: token.expiration_year,
        cardholder: cardholderOf(token),
        date_created: now,
      });
      customer.cards.push(card);
      customer.card_numbers.set(card.id, token.card_number);
      if (!customer.body.default_card) customer.body.default_card = card.id;
      touch(customer, ctx.now());
      return { status: 201, body: structuredClone(card) };
    }),
  );

  // https://www.mercadopago.com.br/developers/en/reference/cards/_customers_customer_id_cards/get
  // The customers and cards page asks for …/cards/ (trailing slash); the route table (routeTable.ts)
  // treats both alike and logs one route.
  router.get('/v1/customers/{id}/cards', (req, ctx) => ({
    status: 200,
    body: structuredClone(ownedCustomer(ctx, req.caller, req.params.id).cards),
  }));

  // https://www.mercadopago.com.br/developers/en/reference/cards/_customers_customer_id_cards_id/get
  router.get('/v1/customers/{id}/cards/{card_id}', (req, ctx) => {
    const customer = ownedCustomer(ctx, req.caller, req.params.id);
    return { status: 200, body: structuredClone(ownedCard(customer, req.params.card_id)) };
  });

  // https://www.mercadopago.com.br/developers/en/reference/cards/_customers_customer_id_cards_id/put
  // Updates expiration_month/year and cardholder, or renews them from a new token of the same card.
  router.put('/v1/customers/{id}/cards/{card_id}', (req, ctx) =>
    idempotent(req, ctx, { required: false }, () => {
      const customer = ownedCustomer(ctx, req.caller, req.params.id);
      const card = ownedCard(customer, req.params.card_id);
      const body = req.body;
      if (!isObject(body)) throw customerError('118');
      const next = {
        expiration_month: card.expiration_month,
        expiration_year: card.expiration_year,
        cardholder: structuredClone(card.cardholder),
      };

      if (body.token !== undefined) {
        const token = usableToken(ctx, req.caller, customer, body.token);
        if (token.card_number !== customer.card_numbers.get(card.id))
          throw customerError('121', 'the card token is for another card');
        Object.assign(next, {
          expiration_month: token.expiration_month,
          expiration_year: token.expiration_year,
          cardholder: cardholderOf(token),
        });
      }
      const datesGiven = body.expiration_month !== undefined || body.expiration_year !== undefined;
      if (body.expiration_month !== undefined) next.expiration_month = month(body.expiration_month);
      if (body.expiration_year !== undefined) next.expiration_year = year(body.expiration_year);
      if (datesGiven && cardExpired(next.expiration_month, next.expiration_year, ctx.now()))
        throw customerError('122', 'the card is expired');
      if (body.cardholder !== undefined) {
        if (!isObject(body.cardholder)) throw customerError('103', 'cardholder must be an object');
        const { name, identification } = body.cardholder;
        if (name !== undefined) {
          if (typeof name !== 'string' || name.trim() === '' || name.length > 100)
            throw customerError('122', 'cardholder.name is invalid');
          next.cardholder.name = name;
        }
        // Same rules (and codes 103/111/112) as a customer's identification.
        if (identification !== undefined)
          next.cardholder.identification = readCustomerInput({ identification }).identification ?? {
            number: null,
            type: null,
          };
      }

      Object.assign(card, next, { date_last_updated: mpDate(ctx.now()) });
      touch(customer, ctx.now());
      return { status: 200, body: structuredClone(card) };
    }),
  );

  // https://www.mercadopago.com.br/developers/en/reference/cards/_customers_customer_id_cards_id/delete
  router.delete('/v1/customers/{id}/cards/{card_id}', (req, ctx) =>
    idempotent(req, ctx, { required: false }, () => {
      const customer = ownedCustomer(ctx, req.caller, req.params.id);
      const card = ownedCard(customer, req.params.card_id);
      customer.cards = customer.cards.filter((c) => c.id !== card.id);
      customer.card_numbers.delete(card.id);
      // The default moves to the oldest remaining card, or to null when none is left.
      if (customer.body.default_card === card.id) customer.body.default_card = customer.cards[0]?.id ?? null;
      touch(customer, ctx.now());
      return { status: 200, body: structuredClone(card) };
    }),
  );
};
