// createCustomer, updateCustomer, deleteCustomer (DESIGN §3): input checked, one Mercado Pago
// write, its refusal as a userError. The request's customer loader then holds what Mercado Pago
// answered, so nothing later in the operation serves the customer as it was.
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { UnexpectedUpstreamBody } from '../../upstream/errors';
import type { MpCustomer } from '../../upstream/mercadopago';
import type { Context } from '../context';
import { toCustomer } from './customer.mapper';
import {
  CreateCustomerInput,
  createCustomerBody,
  CustomerPayload,
  DeleteCustomerInput,
  deleteCustomerId,
  UpdateCustomerInput,
  updateCustomerBody,
} from './customer.mutation.inputs';
import { customerRefusal } from './customer.refusals';
import type { Customer } from './customer.type';

const done = (customer: Customer): CustomerPayload => ({ customer, userErrors: [] });

/** Mercado Pago's answer about `id`, mapped; another customer in it is an upstream fault, never served. */
const answered = (row: MpCustomer, id: string): Customer => {
  const customer = toCustomer(row);
  if (customer.id !== id) throw new UnexpectedUpstreamBody(`customer ${id}: the answer is not this customer`);
  return customer;
};

@Resolver(() => CustomerPayload)
export class CustomerMutationResolver {
  @Mutation(() => CustomerPayload, {
    description:
      "Creates a customer of the seller (Mercado Pago's Customers API), to save cards for with addCard. One upstream call.",
  })
  async createCustomer(
    @Arg('input', () => CreateCustomerInput, { description: 'Who the customer is; only the e-mail is required.' })
    input: CreateCustomerInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerPayload> {
    const mp = ctx.mercadoPago();
    const body = createCustomerBody(input);
    if (!body.ok) return { customer: null, userErrors: body.userErrors };
    const result = await mp.createCustomer(body.value);
    if (!result.ok) return { customer: null, userErrors: [customerRefusal('createCustomer', result.refusal)] };
    const customer = toCustomer(result.value);
    ctx.loaders.customer.clear(customer.id).prime(customer.id, customer);
    return done(customer);
  }

  @Mutation(() => CustomerPayload, {
    description:
      "Changes a customer's details or default card. One upstream call; the customer in the payload is Mercado Pago's answer, cards included.",
  })
  async updateCustomer(
    @Arg('input', () => UpdateCustomerInput, { description: 'The customer and what to change.' })
    input: UpdateCustomerInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerPayload> {
    const mp = ctx.mercadoPago();
    const checked = updateCustomerBody(input);
    if (!checked.ok) return { customer: null, userErrors: checked.userErrors };
    const { customerId, body } = checked.value;
    const result = await mp.updateCustomer(customerId, body);
    if (!result.ok) return { customer: null, userErrors: [customerRefusal('updateCustomer', result.refusal)] };
    const customer = answered(result.value, customerId);
    ctx.loaders.customer.clear(customerId).prime(customerId, customer);
    return done(customer);
  }

  @Mutation(() => CustomerPayload, {
    description:
      'Deletes a customer and every card saved for it. One upstream call; the payload has the customer as it was.',
  })
  async deleteCustomer(
    @Arg('input', () => DeleteCustomerInput, { description: 'The customer to delete.' }) input: DeleteCustomerInput,
    @Ctx() ctx: Context,
  ): Promise<CustomerPayload> {
    const mp = ctx.mercadoPago();
    const customerId = deleteCustomerId(input);
    if (!customerId.ok) return { customer: null, userErrors: customerId.userErrors };
    const result = await mp.deleteCustomer(customerId.value);
    if (!result.ok) return { customer: null, userErrors: [customerRefusal('deleteCustomer', result.refusal)] };
    // Gone: a later read of it in this operation is null, with no upstream call.
    ctx.loaders.customer.clear(customerId.value).prime(customerId.value, null);
    return done(answered(result.value, customerId.value));
  }
}
