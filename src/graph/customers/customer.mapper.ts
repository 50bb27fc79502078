// The one REST→GraphQL mapper for Customer. `GET /v1/customers/{id}` and the search embed the saved
// cards, so cards and the default card come from the customer itself.
import { UnexpectedUpstreamBody } from '../../upstream/errors';
import type { MpCustomer, MpPhone } from '../../upstream/mercadopago';
import { toCard } from '../cards/card.mapper';
import type { Card } from '../cards/card.type';
import { toIdentification } from '../common/identification';
import { str, text } from '../common/values';
import type { Customer, Phone } from './customer.type';

/** Null when Mercado Pago knows no phone (it sends `{area_code: null, number: null}`). */
export const toPhone = (p: MpPhone | null | undefined): Phone | null => {
  const out = { areaCode: text(p?.area_code), number: text(p?.number) };
  return out.areaCode === null && out.number === null ? null : out;
};

export const toCustomer = (r: MpCustomer): Customer => {
  const id = text(r.id);
  if (id === null) throw new UnexpectedUpstreamBody('a customer without an id');
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
