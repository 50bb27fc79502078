// The shop's own backend, as small as a real one can be: it serves the page, decides what is in the cart, and mints
// the session JWTs the page calls the gateway with (the gateway's README, "Calling it from a browser"). The page
// never holds a Mercado Pago access token or a gateway key: its checkout JWT lets it pay exactly this cart, a few
// times, and read only the payments it made; the back office's JWT lets it read orders and payments.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { SignJWT } from 'jose';
import type { BackOfficeSession, Cart, CartItem, CheckoutSession } from '../src/api';

export interface BackendOptions {
  /** The gateway's GraphQL endpoint, http(s)://…/graphql, as the browser reaches it. */
  gatewayUrl: string;
  /** Where the page tokenizes cards: Mercado Pago's API (or the sandbox), and the seller's public key. */
  cardTokens: { api: string; publicKey: string };
  /** The gateway's auth file `jwt` settings this backend signs for (HS256). */
  jwt: { issuer: string; audience: string; secret: string };
  /** The auth file's seller the sessions pay and read as. */
  seller: string;
  /** The built page (vite build of examples/checkout). */
  pageDir: string;
  /** What the buyer's card statement shows: the shop's to choose, so it travels in the session JWT. */
  statementDescriptor?: string;
  /** What the shop sells in every cart. */
  items?: CartItem[];
  currency?: string;
  port?: number;
  host?: string;
}

export interface RunningBackend {
  url: string;
  close(): Promise<void>;
}

/** A basket of the shop (Brazilian reais: the sandbox's seller sells on Mercado Livre Brasil). */
export const DEFAULT_ITEMS: CartItem[] = [
  { title: 'Cuia de porongo', quantity: 1, unitPrice: '150.00' },
  { title: 'Erva-mate 1 kg', quantity: 2, unitPrice: '50.00' },
];

/** The cart's total, in cents to add exactly. */
export const cartTotal = (items: readonly CartItem[]): string => {
  const cents = items.reduce((sum, item) => {
    const [whole, fraction = ''] = item.unitPrice.split('.');
    return sum + item.quantity * (Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2)));
  }, 0);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
};

/** How many payments a checkout session may try (a declined card counts). */
export const MAX_ATTEMPTS = 5;

export const startBackend = async (options: BackendOptions): Promise<RunningBackend> => {
  const secret = new TextEncoder().encode(options.jwt.secret);
  const sign = (claims: Record<string, unknown>, subject: string, lifetime: string): Promise<string> =>
    new SignJWT({ ...claims, seller: options.seller })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(options.jwt.issuer)
      .setAudience(options.jwt.audience)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(lifetime)
      .sign(secret);

  const items = options.items ?? DEFAULT_ITEMS;
  const app = express();
  app.disable('x-powered-by');

  // A new cart for each visit: in a real shop, the buyer's cart from its database.
  app.post('/api/checkout-session', async (_req, res) => {
    const cart: Cart = {
      externalReference: `cart-${randomUUID()}`,
      currency: options.currency ?? 'BRL',
      amount: cartTotal(items),
      items,
    };
    const checkout = {
      amount: cart.amount,
      externalReference: cart.externalReference,
      maxAttempts: MAX_ATTEMPTS,
      statementDescriptor: options.statementDescriptor ?? 'CASA DO MATE',
    };
    const credential = await sign({ scope: 'checkout', checkout }, `checkout-${randomUUID()}`, '30m');
    const answer: CheckoutSession = {
      credential,
      gatewayUrl: options.gatewayUrl,
      cardTokens: options.cardTokens,
      cart,
    };
    res.set('Cache-Control', 'no-store').json(answer);
  });

  // In a real shop this sits behind the staff's sign-in; the example has one demo staff member.
  app.post('/api/back-office-session', async (_req, res) => {
    const credential = await sign({ scope: 'orders:read payments:read' }, 'staff-demo', '15m');
    const answer: BackOfficeSession = { credential, gatewayUrl: options.gatewayUrl };
    res.set('Cache-Control', 'no-store').json(answer);
  });

  app.get('/back-office', (_req, res) => res.sendFile(join(options.pageDir, 'back-office.html')));
  app.use(express.static(options.pageDir, { index: 'index.html' }));

  const server = app.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
