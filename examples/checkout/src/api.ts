// What the shop's backend (server/backend.ts) answers the page: the one contract between the two.

export interface CartItem {
  title: string;
  quantity: number;
  /** Decimal string, as the graph writes money. */
  unitPrice: string;
}

export interface Cart {
  externalReference: string;
  currency: string;
  /** The total: the only amount the checkout session may pay. */
  amount: string;
  items: CartItem[];
}

/** `POST /api/checkout-session`: a new cart, and the session JWT that may pay it. */
export interface CheckoutSession {
  credential: string;
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  /** Where the page tokenizes cards (Mercado Pago's API, or the sandbox) and the seller's public key. */
  cardTokens: { api: string; publicKey: string };
  cart: Cart;
}

/** `POST /api/back-office-session`: a staff member's session JWT (orders:read, payments:read). */
export interface BackOfficeSession {
  credential: string;
  gatewayUrl: string;
}
