// The one mapper for Card: a payment's card and a saved card are the same REST shape, the saved
// one with more of it filled in.
import type { MpCard } from '../../upstream/mercadopago';
import { toIdentification } from '../common/identification';
import { int, str, text } from '../common/values';
import type { Card } from './card.type';

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
