// Mutations answer bad input and business refusals with `userErrors` (DESIGN §3), not GraphQL
// errors: the payload says which field, why, and a stable code a client can switch on.
import { Field, ObjectType } from 'type-graphql';

/** Every code a `UserError` may carry, with when it is used (README lists them too). */
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
  NOT_CAPTURABLE: 'Only an authorized payment can be captured, for at most the authorized amount.',
  NOT_CANCELLABLE: 'Only a pending, in-process or authorized payment can be cancelled.',
  CUSTOMER_EXISTS: 'A customer with this e-mail already exists for this seller.',
  REFUSED: 'Mercado Pago refused the request; `upstreamCode` says why.',
} as const;

export type UserErrorCode = keyof typeof USER_ERROR_CODES;

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

  @Field(() => String, { description: `A stable code to switch on: ${Object.keys(USER_ERROR_CODES).join(', ')}.` })
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
): UserError => ({
  field,
  message,
  code,
  upstreamCode,
});

/** Thrown by input checks, caught by the mutation: the payload gets these userErrors and nothing is called. */
export class InputRefused extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.message).join('; '));
  }
}
