// Inputs and payload of addCard and removeCard (DESIGN §3), and their checks: ids by pattern
// before they reach a URL, the token's shape. No idempotencyKey: saving a card moves no money,
// and saving the same card again returns the card already saved.
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Checks, checked, type Checked } from '../common/inputChecks';
import { UserError } from '../common/userError';
import { checkCardId, checkCustomerId } from '../customers/customer.mutation.inputs';
import { Card } from './card.type';

// Mercado Pago's card tokens are 32 hex characters; the pattern leaves room for other lengths and
// keeps out what could never be one.
const CARD_TOKEN = /^[A-Za-z0-9-]{1,64}$/;

@InputType({ description: 'A card to save for a customer, as a card token.' })
export class AddCardInput {
  @Field(() => ID, { description: 'The customer to save the card for, like "123456789-jxOV430go9fx2e".' })
  customerId!: string;

  @Field(() => String, {
    description:
      "A card token made from the card's data (MercadoPago.js, or POST /v1/card_tokens) with this seller's credentials. A token a payment used may still save its card; saving the same card again returns the card already saved.",
  })
  token!: string;
}

@InputType({ description: 'A saved card to remove from a customer.' })
export class RemoveCardInput {
  @Field(() => ID, { description: 'The customer the card is saved for.' })
  customerId!: string;

  @Field(() => ID, { description: 'The saved card, like "1490022319978".' })
  cardId!: string;
}

@ObjectType({ description: 'The card a mutation saved or removed, or why it did not.' })
export class CardPayload {
  @Field(() => Card, {
    nullable: true,
    description: 'The card saved, or the card removed as it was; null when userErrors say why nothing was done.',
  })
  card!: Card | null;

  @Field(() => [UserError], { description: 'Bad input or refusals; empty on success.' })
  userErrors!: UserError[];

  /** Whose wallet changed, for `CardPayload.customer`; null when nothing did. */
  customerId!: string | null;
}

/** `POST /v1/customers/{id}/cards`: the customer and the token. */
export const addCardArgs = (input: AddCardInput): Checked<{ customerId: string; token: string }> =>
  checked(() => {
    const c = new Checks();
    const customerId = checkCustomerId(c, ['input', 'customerId'], input.customerId);
    const token = c.matches(
      ['input', 'token'],
      input.token.trim(),
      CARD_TOKEN,
      'a card token: 1 to 64 letters and digits',
    );
    c.done();
    return { customerId, token };
  });

/** `DELETE /v1/customers/{id}/cards/{card_id}`: the customer and the card. */
export const removeCardArgs = (input: RemoveCardInput): Checked<{ customerId: string; cardId: string }> =>
  checked(() => {
    const c = new Checks();
    const customerId = checkCustomerId(c, ['input', 'customerId'], input.customerId);
    const cardId = checkCardId(c, ['input', 'cardId'], input.cardId);
    c.done();
    return { customerId, cardId };
  });
