// The shapes of Mercado Pago's and Mercado Libre's ids and tokens: the one copy of each rule, used
// by the graph (arguments and mapped bodies), the clients here (before an id is put in a path) and
// the notification receivers (ids inside webhook bodies). An id is checked before it reaches the
// SDK or a URL: the SDK's encodeURIComponent leaves `..` alone, so a loose id could address another
// resource (docs/architecture.md, "Security rules every layer keeps").

export interface IdRule {
  pattern: RegExp;
  /** What a well-formed one looks like, for error messages: "1 to 19 digits". */
  says: string;
}

export const IDS = {
  /** Mercado Pago payment ids: digits (they exceed 32 bits). */
  payment: { pattern: /^[0-9]{1,19}$/, says: '1 to 19 digits' },
  /** Mercado Libre order ids: digits (today's have 16). */
  order: { pattern: /^[0-9]{1,19}$/, says: '1 to 19 digits' },
  /** Mercado Libre and Mercado Pago user ids: the same number on both sides. */
  user: { pattern: /^[0-9]{1,19}$/, says: '1 to 19 digits' },
  /** Customer ids: the owner's user id, a hyphen, letters and digits (`123456789-jxOV430go9fx2e`). */
  customer: {
    pattern: /^[0-9]{1,19}-[A-Za-z0-9]{1,40}$/,
    says: 'digits, a hyphen, then letters and digits (like "123456789-jxOV430go9fx2e")',
  },
  /** Saved card ids: 13 digits (`1490022319978`); up to 19 allowed. */
  card: { pattern: /^[0-9]{1,19}$/, says: '1 to 19 digits' },
  /**
   * Card tokens: Mercado Pago's are 32 hex characters; the rule leaves room for other lengths and
   * keeps out what could never be one (a path separator, a dot, white space).
   */
  cardToken: { pattern: /^[A-Za-z0-9]{8,64}$/, says: '8 to 64 letters and digits' },
} as const satisfies Record<string, IdRule>;

export type IdKind = keyof typeof IDS;

export const isId = (kind: IdKind, value: unknown): value is string =>
  typeof value === 'string' && IDS[kind].pattern.test(value);

/** A positive id sent as a JSON number or a digit string, as a string; undefined when absent, null when malformed. */
export const numericId = (v: unknown): string | null | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return Number.isSafeInteger(v) && v > 0 ? String(v) : null;
  if (typeof v === 'string') return IDS.user.pattern.test(v) ? v : null;
  return null;
};

/**
 * Guards an id on its way into a path (the SDK encodes it, the Mercado Libre client too): callers
 * check ids first, with an error naming the argument, so a failure here is a bug of ours.
 */
export const assertId = (kind: IdKind, value: string): string => {
  if (!isId(kind, value))
    throw new TypeError(`expected a ${kind} id (${IDS[kind].says}), got ${JSON.stringify(value)}`);
  return value;
};
