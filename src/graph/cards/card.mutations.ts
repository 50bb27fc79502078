// addCard and removeCard (DESIGN §3): input checked, one Mercado Pago write, its refusal as a
// userError. Saving or removing a card changes the customer too (its cards, maybe its default
// card), so the request's customer loader forgets it: `CardPayload.customer` reads it afresh.
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { UnexpectedUpstreamBody } from '../../upstream/errors';
import type { MpCard } from '../../upstream/mercadopago';
import type { Context } from '../context';
import { Customer } from '../customers/customer.type';
import { toCard } from './card.mapper';
import { AddCardInput, addCardArgs, CardPayload, RemoveCardInput, removeCardArgs } from './card.mutation.inputs';
import { cardRefusal } from './card.refusals';
import type { Card } from './card.type';

const refused = (userErrors: CardPayload['userErrors']): CardPayload => ({ card: null, userErrors, customerId: null });

/** Mercado Pago's answer about a card of `customerId`; a card without an id, or another customer's, is an upstream fault. */
const answered = (row: MpCard, customerId: string, cardId?: string): Card => {
  const card = toCard(row);
  if (!card || card.id === null || (cardId !== undefined && card.id !== cardId))
    throw new UnexpectedUpstreamBody(`customer ${customerId}: the answer is not the card asked for`);
  if (card.customerId !== null && card.customerId !== customerId)
    throw new UnexpectedUpstreamBody(`customer ${customerId}: the answer is another customer's card`);
  return card;
};

@Resolver(() => CardPayload)
export class CardMutationResolver {
  @Mutation(() => CardPayload, {
    description:
      "Saves a card for a customer from a card token (the first card saved becomes the default). One upstream call, and one more when the payload's `customer` is selected.",
  })
  async addCard(
    @Arg('input', () => AddCardInput, { description: 'The customer and the card token.' }) input: AddCardInput,
    @Ctx() ctx: Context,
  ): Promise<CardPayload> {
    const mp = ctx.mercadoPago();
    const args = addCardArgs(input);
    if (!args.ok) return refused(args.userErrors);
    const { customerId, token } = args.value;
    const result = await mp.addCard(customerId, token);
    if (!result.ok) return refused([cardRefusal(result.refusal)]);
    ctx.loaders.customer.clear(customerId);
    return { card: answered(result.value, customerId), userErrors: [], customerId };
  }

  @Mutation(() => CardPayload, {
    description:
      "Removes a saved card from a customer (when it was the default, Mercado Pago makes the oldest remaining card the default). One upstream call, and one more when the payload's `customer` is selected.",
  })
  async removeCard(
    @Arg('input', () => RemoveCardInput, { description: 'The customer and the card to remove.' })
    input: RemoveCardInput,
    @Ctx() ctx: Context,
  ): Promise<CardPayload> {
    const mp = ctx.mercadoPago();
    const args = removeCardArgs(input);
    if (!args.ok) return refused(args.userErrors);
    const { customerId, cardId } = args.value;
    const result = await mp.removeCard(customerId, cardId);
    if (!result.ok) return refused([cardRefusal(result.refusal)]);
    ctx.loaders.customer.clear(customerId);
    return { card: answered(result.value, customerId, cardId), userErrors: [], customerId };
  }

  @FieldResolver(() => Customer, {
    nullable: true,
    description:
      'The customer after the change, with its cards and default card as they are now (read again from Mercado Pago: one upstream call). Null when userErrors say nothing was done.',
  })
  async customer(@Root() payload: CardPayload, @Ctx() ctx: Context): Promise<Customer | null> {
    return payload.customerId === null ? null : ctx.loaders.customer.load(payload.customerId);
  }
}
