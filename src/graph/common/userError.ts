// Mutations answer bad input and business refusals with `userErrors`, not GraphQL errors: the
// payload says which field, why, and a stable code a client can switch on (docs/architecture.md,
// "One error model"). Upstream refusals become userErrors through one rule (`refusal` below), each
// mutation giving its table of Mercado Pago cause codes.
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { UpstreamError } from '../../upstream/errors';

/** Every code a `UserError` may carry, with when it is used: the enum's descriptions in the schema. */
export const USER_ERROR_CODES = {
  INVALID_VALUE: 'A field is malformed: an id, an e-mail, a URL, a length, a boolean.',
  INVALID_AMOUNT:
    "An amount is not a positive decimal with at most the currency's decimals, or is outside the allowed range.",
  INVALID_INSTALLMENTS:
    'The number of installments is not a whole number from 1 to 36, or Mercado Pago refused it for the method.',
  INVALID_IDENTIFICATION: 'An identity document number does not fit its type.',
  IDEMPOTENCY_KEY_INVALID: 'The idempotency key is empty or longer than 255 characters.',
  IDEMPOTENCY_KEY_REUSED: 'This idempotency key was used with other input: nothing was done.',
  IDEMPOTENCY_IN_PROGRESS: 'A call with this idempotency key is still running: retry shortly with the same key.',
  CARD_TOKEN_INVALID: 'The card token does not exist, was already used, or has expired: tokenize the card again.',
  NOT_FOUND: 'The payment, customer or card does not exist, or is not visible to this access token.',
  NOT_REFUNDABLE: 'The payment cannot be refunded in its state, or nothing is left to refund.',
  REFUND_EXCEEDS_REMAINING: 'The refund is larger than what is left to refund.',
  NOT_CAPTURABLE: 'Only an authorized payment can be captured (more than was authorized is INVALID_AMOUNT).',
  NOT_CANCELLABLE: 'Only a pending, in-process or authorized payment can be cancelled.',
  CUSTOMER_EXISTS: 'A customer with this e-mail already exists for this seller.',
  NOT_ALLOWED: 'This credential may not set this field (a checkout session may not choose what its cart fixes).',
  ATTEMPTS_EXHAUSTED: 'This checkout session has used all its payment attempts.',
  REFUSED: 'Mercado Pago refused the request; `upstreamCode` says why.',
} as const;

export type UserErrorCode = keyof typeof USER_ERROR_CODES;

/** The GraphQL enum `UserErrorCode`: its values are the keys above (the enum object type-graphql needs). */
export const UserErrorCode = Object.fromEntries(Object.keys(USER_ERROR_CODES).map((k) => [k, k])) as {
  [K in UserErrorCode]: K;
};

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation refused (part of) its input; stable, for clients to switch on.',
  valuesConfig: Object.fromEntries(
    Object.entries(USER_ERROR_CODES).map(([code, description]) => [code, { description }]),
  ),
});

@ObjectType({
  description: 'Why a mutation did not do (all of) what was asked: bad input, or a refusal by Mercado Pago.',
})
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field at fault, such as ["input", "amount"]; null when no one field is.',
  })
  field!: string[] | null;

  @Field(() => String, { description: 'What went wrong, for a person.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'A stable code to switch on.' })
  code!: UserErrorCode;

  @Field(() => String, {
    nullable: true,
    description: 'Mercado Pago\'s cause code when the refusal came from it (e.g. "2006", "101"); null otherwise.',
  })
  upstreamCode!: string | null;
}

export const userError = (
  code: UserErrorCode,
  message: string,
  field: string[] | null = null,
  upstreamCode: string | null = null,
): UserError => ({ field, message, code, upstreamCode });

/** Thrown by input checks, caught by the mutation: the payload gets these userErrors and nothing is called. */
export class InputRefused extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.message).join('; '));
  }
}

/** How one Mercado Pago cause code reads as a userError: its code, the input field at fault, the sentence. */
export type RefusalRule = [UserErrorCode, string[] | null, string];

/**
 * One userError for an upstream refusal (`err.refused`): the first cause code the mutation's table
 * knows, else `byStatus` (a 404 is NOT_FOUND at the field the mutation names), else REFUSED. The
 * cause code, or the service's error name, is kept as `upstreamCode`.
 */
export const refusal = (
  err: UpstreamError,
  causes: Readonly<Record<string, RefusalRule>>,
  notFound: { field: string[] | null; message: string },
): UserError => {
  for (const cause of err.causes) {
    const rule = causes[cause];
    if (rule) return userError(rule[0], rule[2], rule[1], cause);
  }
  const first = err.causes[0] ?? err.error;
  if (err.status === 404) return userError('NOT_FOUND', notFound.message, notFound.field, first);
  return userError('REFUSED', 'Mercado Pago refused the request.', null, first);
};

/** A write's value, or its upstream refusal; any other failure is thrown on (the outcome is unknown). */
export const refusedOr = async <T>(
  write: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; refusal: UpstreamError }> => {
  try {
    return { ok: true, value: await write };
  } catch (err) {
    if (err instanceof UpstreamError && err.refused) return { ok: false, refusal: err };
    throw err;
  }
};
