// Every field of the customer graph: Query.customer and Query.customers, the Customer fields
// (cards, defaultCard), the customer and saved-card mutations, and CardPayload.customer. Each field
// says where its data comes from: a loader of customer.loader.ts, which names the upstream route
// (docs/architecture.md, "From a field to its data").
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Scope } from '../../auth';
import type { MpCard, MpCustomer } from '../../upstream/mercadopago';
import { unexpectedBody } from '../../upstream/errors';
import { toConnection } from '../common/connection';
import { connectionCost, listCost } from '../common/cost';
import { answerFor } from '../common/loader';
import { idArgument } from '../common/ids';
import { refusedOr, type UserError } from '../common/userError';
import type { Context } from '../context';
import { notFound } from '../errors';
import { Card } from './card.type';
import {
  AddCardInput,
  addCardArgs,
  CardPayload,
  CreateCustomerInput,
  createCustomerBody,
  CustomerPayload,
  CustomersArgs,
  DeleteCustomerInput,
  deleteCustomerId,
  RemoveCardInput,
  removeCardArgs,
  toCustomerSearch,
  UpdateCustomerInput,
  updateCustomerBody,
} from './customer.inputs';
import { customerById, customerSearch, toCard, toCustomer } from './customer.loader';
import { cardRefusal, customerRefusal } from './customer.refusals';
import { Customer, CustomerConnection } from './customer.type';

const customerPayload = (customer: Customer | null, userErrors: UserError[] = []): CustomerPayload => ({
  customer,
  userErrors,
});
const cardRefused = (userErrors: UserError[]): CardPayload => ({ card: null, userErrors, customerId: null });

/** Mercado Pago's answer about `id`, mapped; another customer in it is an upstream fault, never served. */
const answeredCustomer = (row: MpCustomer, id: string): Customer =>
  toCustomer(answerFor('mercadoPago', 'customer', id, row));

/**
 * Mercado Pago's answer about a card of `customerId`; a card without an id, or another customer's, is an upstream
 * fault.
 */
const answeredCard = (row: MpCard, customerId: string, cardId?: string): Card => {
  const card = toCard(row);
  if (!card || card.id === null || (cardId !== undefined && card.id !== cardId)) {
    throw unexpectedBody('mercadoPago', `customer ${customerId}: the answer is not the card asked for`);
  }
  if (card.customerId !== null && card.customerId !== customerId) {
    throw unexpectedBody('mercadoPago', `customer ${customerId}: the answer is another customer's card`);
  }
  return card;
};

/**
 * Customer fields without a resolver here (email, names, phone, identification, …) are data of the
 * customer itself: `toCustomer` in customer.loader.ts fills them from `GET /v1/customers/{id}` or the
 * search's rows; Card's come from `toCard` there.
 */
@Resolver(() => Customer)
export class CustomerResolver {
  @Authorized<Scope>('customers:read')
  @Query(() => Customer, {
    nullable: true,
    description:
      "One of the caller's customers, with its saved cards. Null, with a NOT_FOUND error, when it does not exist " +
      'or belongs to another seller.',
  })
  async customer(
    @Arg('id', () => ID, { description: 'Customer id, like "123456789-jxOV430go9fx2e".' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Customer> {
    const found = await customerById(ctx).load(idArgument('customer', id));
    if (!found) throw notFound('Customer', id);
    return found;
  }

  @Authorized<Scope>('customers:read')
  @Query(() => CustomerConnection, {
    complexity: connectionCost,
    description:
      "The caller's customers, oldest first, optionally only the one with an e-mail (Mercado Pago's customer " +
      'search). Each customer listed is also cached for `customer(id)` in the same operation.',
  })
  async customers(@Args(() => CustomersArgs) args: CustomersArgs, @Ctx() ctx: Context): Promise<CustomerConnection> {
    return toConnection(await customerSearch(ctx).load(toCustomerSearch(args)));
  }

  // A wallet holds a handful of cards.
  @FieldResolver(() => [Card], {
    complexity: listCost(5),
    description: 'Cards saved for this customer (embedded in the customer: no extra upstream call).',
  })
  cards(@Root() customer: Customer): Card[] {
    // Embedded in `GET /v1/customers/{id}` (and in the search's rows); mapped by toCard in customer.loader.ts.
    return customer.cards;
  }

  @FieldResolver(() => Card, {
    nullable: true,
    description:
      'The card used by default, one of `cards`; null when the customer has no cards (read from the customer ' +
      'itself: no extra upstream call).',
  })
  defaultCard(@Root() customer: Customer): Card | null {
    // The customer's `default_card`, found among its embedded cards by toCustomer in customer.loader.ts.
    return customer.defaultCard;
  }

  @Authorized<Scope>('customers:write')
  @Mutation(() => CustomerPayload, {
    description:
      "Creates a customer of the seller (Mercado Pago's Customers API), to save cards for with addCard. One " +
      'upstream call.',
  })
  async createCustomer(
    @Arg('input', () => CreateCustomerInput, { description: 'Who the customer is; only the e-mail is required.' })
    input: CreateCustomerInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerPayload> {
    ctx.authenticate('createCustomer saves a customer in Mercado Pago');
    const body = createCustomerBody(input);
    if (!body.ok) return customerPayload(null, body.userErrors);
    // POST /v1/customers
    const result = await refusedOr(ctx.mercadoPago().createCustomer(body.value));
    if (!result.ok) return customerPayload(null, [customerRefusal('createCustomer', result.refusal)]);
    const customer = toCustomer(result.value);
    customerById(ctx).clear(customer.id).prime(customer.id, customer);
    return customerPayload(customer);
  }

  @Authorized<Scope>('customers:write')
  @Mutation(() => CustomerPayload, {
    description:
      "Changes a customer's details or default card. One upstream call; the customer in the payload is Mercado " +
      "Pago's answer, cards included.",
  })
  async updateCustomer(
    @Arg('input', () => UpdateCustomerInput, { description: 'The customer and what to change.' })
    input: UpdateCustomerInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerPayload> {
    ctx.authenticate('updateCustomer changes a customer in Mercado Pago');
    const checked = updateCustomerBody(input);
    if (!checked.ok) return customerPayload(null, checked.userErrors);
    const { customerId, body } = checked.value;
    // PUT /v1/customers/{id}
    const result = await refusedOr(ctx.mercadoPago().updateCustomer(customerId, body));
    if (!result.ok) return customerPayload(null, [customerRefusal('updateCustomer', result.refusal)]);
    const customer = answeredCustomer(result.value, customerId);
    customerById(ctx).clear(customerId).prime(customerId, customer);
    return customerPayload(customer);
  }

  @Authorized<Scope>('customers:write')
  @Mutation(() => CustomerPayload, {
    description:
      'Deletes a customer and every card saved for it. One upstream call; the payload has the customer as it was.',
  })
  async deleteCustomer(
    @Arg('input', () => DeleteCustomerInput, { description: 'The customer to delete.' }) input: DeleteCustomerInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerPayload> {
    ctx.authenticate('deleteCustomer deletes a customer and its saved cards in Mercado Pago');
    const customerId = deleteCustomerId(input);
    if (!customerId.ok) return customerPayload(null, customerId.userErrors);
    // DELETE /v1/customers/{id}
    const result = await refusedOr(ctx.mercadoPago().deleteCustomer(customerId.value));
    if (!result.ok) return customerPayload(null, [customerRefusal('deleteCustomer', result.refusal)]);
    // Gone: a later read of it in this operation is null, with no upstream call.
    customerById(ctx).clear(customerId.value).prime(customerId.value, null);
    return customerPayload(answeredCustomer(result.value, customerId.value));
  }

  @Authorized<Scope>('customers:write')
  @Mutation(() => CardPayload, {
    description:
      'Saves a card for a customer from a card token (the first card saved becomes the default). One upstream ' +
      "call, and one more when the payload's `customer` is selected.",
  })
  async addCard(
    @Arg('input', () => AddCardInput, { description: 'The customer and the card token.' }) input: AddCardInput,
    @Ctx() ctx: Context,
  ): Promise<CardPayload> {
    ctx.authenticate("addCard saves a card in a Mercado Pago customer's wallet");
    const args = addCardArgs(input);
    if (!args.ok) return cardRefused(args.userErrors);
    const { customerId, token } = args.value;
    // POST /v1/customers/{id}/cards
    const result = await refusedOr(ctx.mercadoPago().addCard(customerId, token));
    if (!result.ok) return cardRefused([cardRefusal(result.refusal)]);
    // The customer changed too (its cards, maybe its default card): CardPayload.customer reads it afresh.
    customerById(ctx).clear(customerId);
    return { card: answeredCard(result.value, customerId), userErrors: [], customerId };
  }

  @Authorized<Scope>('customers:write')
  @Mutation(() => CardPayload, {
    description:
      'Removes a saved card from a customer (when it was the default, Mercado Pago makes the oldest remaining ' +
      "card the default). One upstream call, and one more when the payload's `customer` is selected.",
  })
  async removeCard(
    @Arg('input', () => RemoveCardInput, { description: 'The customer and the card to remove.' })
    input: RemoveCardInput,
    @Ctx() ctx: Context,
  ): Promise<CardPayload> {
    ctx.authenticate("removeCard removes a card from a Mercado Pago customer's wallet");
    const args = removeCardArgs(input);
    if (!args.ok) return cardRefused(args.userErrors);
    const { customerId, cardId } = args.value;
    // DELETE /v1/customers/{id}/cards/{card_id}
    const result = await refusedOr(ctx.mercadoPago().removeCard(customerId, cardId));
    if (!result.ok) return cardRefused([cardRefusal(result.refusal)]);
    customerById(ctx).clear(customerId);
    return { card: answeredCard(result.value, customerId, cardId), userErrors: [], customerId };
  }
}

@Resolver(() => CardPayload)
export class CardPayloadResolver {
  @Authorized<Scope>('customers:read')
  @FieldResolver(() => Customer, {
    nullable: true,
    description:
      'The customer after the change, with its cards and default card as they are now (read again from Mercado ' +
      'Pago: one upstream call). Null when userErrors say nothing was done.',
  })
  async customer(@Root() payload: CardPayload, @Ctx() ctx: Context): Promise<Customer | null> {
    return payload.customerId === null ? null : customerById(ctx).load(payload.customerId);
  }
}
