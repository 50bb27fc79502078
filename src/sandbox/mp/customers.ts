// /v1/customers: a seller's customers, each with its saved cards (mp/cards.ts).
// A customer belongs to the seller whose token created it (`owner_id`); any other token gets the
// same 404 as an unknown id, never a 403. Writes honour X-Idempotency-Key (optional), so an SDK
// retry of a create cannot make two customers.
import { createHash } from 'node:crypto';
import { mpDate } from '../clock';
import type { SandboxUser } from '../fixtures/users';
import type { SandboxContext, SandboxRouter } from '../http';
import { idempotent } from '../idempotency';
import { CUSTOMER_ID } from '../ids';
import type { Store } from '../store';
import type { CustomerAddress, CustomerBody, CustomerRecord } from '../types';
import { customerError, customerNotFound } from './customerErrors';
import { readCustomerInput, type AddressInput, type CustomerInput } from './customerInput';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 14 letters and digits derived from a seed, so ids repeat from run to run. */
export const idSuffix = (seed: string): string => {
  const hash = createHash('sha256').update(seed).digest();
  let out = '';
  for (let i = 0; i < 14; i++) out += ALNUM[hash[i] % ALNUM.length];
  return out;
};

export const newCustomerId = (store: Store): string => {
  const n = store.nextId('customer', 300_000_001);
  return `${n}-${idSuffix(`customer:${n}`)}`;
};

const nullAddress = (): CustomerAddress => ({ id: null, street_name: null, street_number: null, zip_code: null });

/** A customer known by its e-mail alone, as created: every other field null or empty. */
export const emptyCustomerBody = (id: string, email: string, date_created: string): CustomerBody => ({
  id,
  email,
  first_name: null,
  last_name: null,
  phone: { area_code: null, number: null },
  identification: { number: null, type: null },
  address: nullAddress(),
  addresses: [],
  date_registered: null,
  description: null,
  date_created,
  // The reference's create response prints null here; any later change sets it.
  date_last_updated: null,
  metadata: {},
  default_card: null,
  default_address: null,
  live_mode: false,
});

/** The JSON Mercado Pago returns for a customer (field order of the reference's create response). */
export const customerView = (c: CustomerRecord) => {
  const b = c.body;
  return structuredClone({
    id: b.id,
    email: b.email,
    first_name: b.first_name,
    last_name: b.last_name,
    phone: b.phone,
    identification: b.identification,
    address: b.address,
    date_registered: b.date_registered,
    description: b.description,
    date_created: b.date_created,
    date_last_updated: b.date_last_updated,
    metadata: b.metadata,
    default_card: b.default_card,
    default_address: b.default_address,
    cards: c.cards,
    addresses: b.addresses,
    live_mode: b.live_mode,
  });
};

/** The caller's customer with this id, or the customers API's 400/404. */
export const ownedCustomer = (ctx: SandboxContext, caller: SandboxUser, id: string | undefined): CustomerRecord => {
  if (!id) throw customerError('102');
  if (!CUSTOMER_ID.test(id)) throw customerError('105', `the customer id is invalid: ${id}`);
  const c = ctx.store.customers.get(id);
  if (!c || c.owner_id !== caller.id) throw customerNotFound();
  return c;
};

export const touch = (c: CustomerRecord, now: number): void => {
  c.body.date_last_updated = mpDate(now);
};

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const emailTaken = (store: Store, ownerId: number, email: string, except?: string): boolean => {
  for (const c of store.customers.values()) {
    if (c.owner_id === ownerId && c.body.id !== except && sameEmail(c.body.email, email)) return true;
  }
  return false;
};

const toAddress = (store: Store, a: AddressInput): CustomerAddress => ({
  id: String(store.nextId('customer-address', 1_162_600_094)),
  street_name: a.street_name,
  street_number: a.street_number,
  zip_code: a.zip_code,
});

/** Applies checked input to a customer body (mutates `b`); the caller has validated everything. */
const apply = (store: Store, b: CustomerBody, input: CustomerInput): void => {
  if (input.email !== undefined) b.email = input.email;
  if (input.first_name !== undefined) b.first_name = input.first_name;
  if (input.last_name !== undefined) b.last_name = input.last_name;
  if (input.phone !== undefined) b.phone = input.phone;
  if (input.identification !== undefined) b.identification = input.identification;
  if (input.date_registered !== undefined) b.date_registered = input.date_registered;
  if (input.description !== undefined) b.description = input.description;
  if (input.metadata !== undefined) b.metadata = input.metadata;
  if (input.address !== undefined) {
    // A new address becomes the default one and is listed in `addresses`; null clears the default.
    if (input.address === null) {
      b.address = nullAddress();
    } else {
      const a = toAddress(store, input.address);
      b.address = a;
      b.addresses = [...b.addresses, structuredClone(a)];
      if (input.default_address === undefined) b.default_address = a.id;
    }
  }
  if (input.default_address !== undefined) b.default_address = input.default_address;
};

const searchParam = (q: URLSearchParams, name: string, fallback: number, min: number, max: number): number => {
  const raw = q.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max)
    throw customerError('125', `${name} must be an integer between ${min} and ${max}`);
  return n;
};

/** Filters of /v1/customers/search: query name → the customer's value. */
const FILTERS: Record<string, (b: CustomerBody) => string | null> = {
  id: (b) => b.id,
  email: (b) => b.email,
  first_name: (b) => b.first_name,
  last_name: (b) => b.last_name,
  description: (b) => b.description,
  'identification.type': (b) => b.identification.type,
  'identification.number': (b) => b.identification.number,
  'phone.area_code': (b) => b.phone.area_code,
  'phone.number': (b) => b.phone.number,
};

export const registerCustomers = (router: SandboxRouter): void => {
  // https://www.mercadopago.com.br/developers/en/reference/customers/_customers/post
  router.post('/v1/customers', (req, ctx) =>
    idempotent(req, ctx, { required: false }, () => {
      const input = readCustomerInput(req.body);
      if (input.email === undefined) throw customerError('106', 'email is required');
      if (emailTaken(ctx.store, req.caller.id, input.email)) throw customerError('101');
      const now = ctx.now();
      const body = emptyCustomerBody(newCustomerId(ctx.store), input.email, mpDate(now));
      // A new customer has no cards, so a default_card in the body (the reference's example sends
      // "None") is ignored.
      apply(ctx.store, body, { ...input, default_card: undefined });
      const record: CustomerRecord = { owner_id: req.caller.id, card_numbers: new Map(), body, cards: [] };
      ctx.store.customers.set(body.id, record);
      return { status: 201, body: customerView(record) };
    }),
  );

  // https://www.mercadopago.com.br/developers/en/reference/customers/_customers_search/get
  router.get('/v1/customers/search', (req, ctx) => {
    const limit = searchParam(req.query, 'limit', 10, 1, 100);
    const offset = searchParam(req.query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const filters = Object.entries(FILTERS)
      .filter(([name]) => req.query.has(name))
      .map(([name, get]) => ({ get, want: (req.query.get(name) ?? '').trim().toLowerCase() }));
    const matches = [...ctx.store.customers.values()].filter(
      (c) => c.owner_id === req.caller.id && filters.every((f) => (f.get(c.body) ?? '').toLowerCase() === f.want),
    );
    return {
      status: 200,
      body: {
        paging: { limit, offset, total: matches.length },
        results: matches.slice(offset, offset + limit).map(customerView),
      },
    };
  });

  // https://www.mercadopago.com.br/developers/en/reference/customers/_customers_id/get
  router.get('/v1/customers/{id}', (req, ctx) => ({
    status: 200,
    body: customerView(ownedCustomer(ctx, req.caller, req.params.id)),
  }));

  // https://www.mercadopago.com.br/developers/en/reference/customers/_customers_id/put
  router.put('/v1/customers/{id}', (req, ctx) =>
    idempotent(req, ctx, { required: false }, () => {
      const customer = ownedCustomer(ctx, req.caller, req.params.id);
      const input = readCustomerInput(req.body);
      // "The email field can only be modified if the customer does not already have an associated
      // email" (Modify customer guide); every customer has one, so only the same address passes.
      if (input.email !== undefined) {
        if (!sameEmail(input.email, customer.body.email)) throw customerError('126');
        delete input.email;
      }
      if (
        input.default_card !== undefined &&
        input.default_card !== null &&
        !customer.cards.some((c) => c.id === input.default_card)
      ) {
        throw customerError('120', `default_card ${input.default_card} is not a card of this customer`);
      }
      apply(ctx.store, customer.body, input);
      // null is read as "leave it": a customer with cards always has a default one.
      if (input.default_card) customer.body.default_card = input.default_card;
      touch(customer, ctx.now());
      return { status: 200, body: customerView(customer) };
    }),
  );

  // https://www.mercadopago.com.br/developers/en/reference/customers/_customers_id/delete
  // The SDK sends DELETE /v1/customers/{id} (the OpenAPI file says …/{id}/delete; the SDK wins).
  router.delete('/v1/customers/{id}', (req, ctx) =>
    idempotent(req, ctx, { required: false }, () => {
      const customer = ownedCustomer(ctx, req.caller, req.params.id);
      ctx.store.customers.delete(customer.body.id);
      return { status: 200, body: customerView(customer) };
    }),
  );
};

/** For other domains (payments with `payer.type: "customer"`): the owner's customer, or null. */
export const findCustomer = (store: Store, ownerId: number, id: string): CustomerRecord | null => {
  const c = store.customers.get(id);
  return c && c.owner_id === ownerId ? c : null;
};
