// Shared by the card token, payment and refund suites: tokenize a test card and pay with it
// through the official SDK, as a backend would.
import { randomUUID } from 'node:crypto';
import { CardToken, Payment } from 'mercadopago';
import { TOKENS, mp } from '../support/sandbox';

/** Mercado Pago's published test cards (src/sandbox/README.md, "Test cards"), by the site of the seller. */
export const CARDS = {
  MLB: { visa: '4235647728025682', master: '5031433215406351', amex: '375365153556885', debelo: '5067766783888311' },
  MLM: { visa: '4075595716483764', master: '5474925432670366', debmaster: '5579053461482647' },
  MLA: { visa: '4509953566233704' },
} as const;

export const cardData = (cardNumber: string, name = 'APRO', overrides: Record<string, unknown> = {}) => ({
  card_number: cardNumber,
  expiration_month: '11',
  expiration_year: '2030',
  security_code: cardNumber.startsWith('37') ? '1234' : '123',
  cardholder: { name, identification: { type: 'CPF', number: '12345678909' } },
  ...overrides,
});

/** A fresh card token for `accessToken`'s user (the SDK's way: an access token, not a public key). */
export const tokenize = async (
  accessToken: string,
  cardNumber: string,
  name = 'APRO',
  overrides: Record<string, unknown> = {},
): Promise<string> => {
  const t = await new CardToken(mp(accessToken)).create({ body: cardData(cardNumber, name, overrides) as any });
  return t.id as string;
};

export const PAYER_EMAIL = 'test_payer_12345@testuser.com';

/** Creates a payment for the MLB seller with a new token; returns the SDK's body. */
export const pay = async (
  options: {
    name?: string;
    amount?: number;
    installments?: number;
    card?: string;
    body?: Record<string, unknown>;
    key?: string;
    accessToken?: string;
  } = {},
): Promise<any> => {
  const accessToken = options.accessToken ?? TOKENS.sellerMLB;
  const card = options.card ?? CARDS.MLB.visa;
  const token = await tokenize(accessToken, card, options.name ?? 'APRO');
  return new Payment(mp(accessToken)).create({
    body: {
      transaction_amount: options.amount ?? 100,
      token,
      installments: options.installments ?? 1,
      payer: { email: PAYER_EMAIL },
      ...(options.body ?? {}),
    } as any,
    requestOptions: { idempotencyKey: options.key ?? randomUUID() },
  });
};

/** Runs an SDK call that must fail, and returns the SDK's error. */
export const failure = async (call: Promise<unknown>): Promise<any> => {
  const out = await call.then(
    (v) => ({ ok: true as const, v }),
    (e: unknown) => ({ ok: false as const, e }),
  );
  if (out.ok) throw new Error(`expected the call to fail, got ${JSON.stringify(out.v).slice(0, 300)}`);
  return out.e;
};
