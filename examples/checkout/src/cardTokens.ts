// Card data goes to Mercado Pago, never to the gateway or the shop: the page turns it into a single-use card token
// as MercadoPago.js does, `POST {api}/v1/card_tokens?public_key=…` with the seller's public key, and pays with the
// token. On `npm run example` the API is the embedded sandbox; in production, https://api.mercadopago.com (or
// MercadoPago.js itself, which also collects the device fingerprint Mercado Pago's fraud checks use).

export interface CardData {
  number: string;
  cardholderName: string;
  expirationMonth: string;
  expirationYear: string;
  securityCode: string;
}

export type CardField = 'number' | 'expiry' | 'securityCode' | 'cardholder' | 'identification' | 'other';

/** The card-token service refused the data; `field` says which (from Mercado Pago's cause codes). */
export class CardDataError extends Error {
  constructor(
    readonly field: CardField,
    message: string,
  ) {
    super(message);
  }
}

// Mercado Pago's cause codes for card data (MercadoPago.js's and the API's).
const FIELDS: Record<string, CardField> = {
  '205': 'number',
  E301: 'number',
  '208': 'expiry',
  '209': 'expiry',
  '325': 'expiry',
  '326': 'expiry',
  '224': 'securityCode',
  E302: 'securityCode',
  '221': 'cardholder',
  '316': 'cardholder',
  '324': 'identification',
};

interface TokenAnswer {
  id?: unknown;
  message?: unknown;
  cause?: { code?: unknown; description?: unknown }[];
}

export const createCardToken = async (api: string, publicKey: string, card: CardData): Promise<string> => {
  const url = new URL('/v1/card_tokens', api);
  url.searchParams.set('public_key', publicKey);
  const year = card.expirationYear.trim();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      card_number: card.number.replace(/[\s-]/g, ''),
      expiration_month: Number(card.expirationMonth),
      expiration_year: Number(year.length === 2 ? `20${year}` : year),
      security_code: card.securityCode.trim(),
      cardholder: { name: card.cardholderName.trim() },
    }),
  });
  const body = (await response.json().catch(() => null)) as TokenAnswer | null;
  if (response.ok && typeof body?.id === 'string') return body.id;
  const code = String(body?.cause?.[0]?.code ?? '');
  throw new CardDataError(FIELDS[code] ?? 'other', String(body?.message ?? `card tokens answered ${response.status}`));
};
