// Where customers and saved cards come from (docs/architecture.md, "From a field to its data"): the
// per-request loaders, each naming the Mercado Pago route it reads, and the REST→GraphQL mappers.
// A customer's saved cards come embedded in it (`GET /v1/customers/{id}` and the search both carry
// `cards`), so `Customer.cards` costs no call of its own. One `GET /v1/customers/{id}` per distinct
// id (Mercado Pago has no multi-get); a customer a search of the same request returned is not read again.
import type { MpCard, MpCustomer, MpCustomerSearch, MpPhone } from '../../upstream/mercadopago';
import { unexpectedBody } from '../../upstream/errors';
import { toIdentification } from '../common/identification';
import { answerFor, byIdLoader, perRequest, searchLoader, searchRows, Sightings, type Page } from '../common/loader';
import { int, str, text } from '../common/values';
import type { Context } from '../context';
import type { Card } from './card.type';
import type { Customer, Phone } from './customer.type';

/** What this request's customer searches returned: `customerById` serves those without a call. */
const searched = perRequest(() => new Sightings<Customer>());

/** Customer by id, saved cards included; null when absent or another seller's. */
export const customerById = byIdLoader(async (ctx, id) => {
  // GET /v1/customers/{id}
  return toCustomer(answerFor('mercadoPago', 'customer', id, await ctx.mercadoPago().getCustomer(id)));
}, searched);

/** A page of the caller's customers, saved cards included. */
export const customerSearch = searchLoader({
  read: async (ctx: Context, search: MpCustomerSearch): Promise<Page<Customer>> => {
    // GET /v1/customers/search
    const { rows, total } = searchRows('mercadoPago', 'customers', await ctx.mercadoPago().searchCustomers(search));
    // One answer, one unit: a row we cannot serve fails the page (UPSTREAM_ERROR), it is not dropped.
    return { items: rows.map(toCustomer), offset: search.offset, total };
  },
  key: (s) => JSON.stringify([s.offset, s.limit, s.email ?? null]),
  sightings: searched,
  idOf: (c) => c.id,
});

// ---- REST → GraphQL ----

/** Null when Mercado Pago knows no phone (it sends `{area_code: null, number: null}`). */
export const toPhone = (p: MpPhone | null | undefined): Phone | null => {
  const out = { areaCode: text(p?.area_code), number: text(p?.number) };
  return out.areaCode === null && out.number === null ? null : out;
};

/** A payment's card and a saved card are the same REST shape, the saved one with more of it filled in. */
export const toCard = (c: MpCard | null | undefined): Card | null => {
  if (!c) return null;
  const pm = c.payment_method;
  const sc = c.security_code;
  return {
    id: text(c.id),
    customerId: text(c.customer_id),
    firstSixDigits: str(c.first_six_digits),
    lastFourDigits: str(c.last_four_digits),
    expirationMonth: int(c.expiration_month),
    expirationYear: int(c.expiration_year),
    paymentMethod: pm
      ? { id: str(pm.id), name: str(pm.name), paymentTypeId: str(pm.payment_type_id), thumbnail: str(pm.thumbnail) }
      : null,
    issuer: c.issuer ? { id: text(c.issuer.id), name: str(c.issuer.name) } : null,
    securityCode: sc ? { length: int(sc.length), cardLocation: str(sc.card_location), mode: null } : null,
    cardholder: c.cardholder
      ? { name: str(c.cardholder.name), identification: toIdentification(c.cardholder.identification) }
      : null,
    dateCreated: str(c.date_created),
    dateLastUpdated: str(c.date_last_updated),
  };
};

export const toCustomer = (r: MpCustomer): Customer => {
  const id = text(r.id);
  if (id === null) throw unexpectedBody('mercadoPago', 'a customer without an id');
  const cards = (r.cards ?? []).map(toCard).filter((c): c is Card => c !== null);
  const defaultId = text(r.default_card);
  return {
    id,
    email: text(r.email),
    firstName: text(r.first_name),
    lastName: text(r.last_name),
    phone: toPhone(r.phone),
    identification: toIdentification(r.identification),
    description: str(r.description),
    // The default card is one of the embedded cards; an id that matches none is served as null.
    defaultCard: defaultId === null ? null : (cards.find((c) => c.id === defaultId) ?? null),
    cards,
    dateCreated: str(r.date_created),
    dateLastUpdated: str(r.date_last_updated),
  };
};
