// The arguments and inputs of the customer and saved-card fields, their payloads, and the checks
// that turn them into Mercado Pago's search or body before any upstream call (docs/architecture.md,
// "The life of a mutation"). These inputs move no money, so they carry no idempotencyKey; saving
// the same card again returns the card already saved. Every violation is a userError naming its field.
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import type { MpCustomerSearch, MpCustomerWrite } from '../../upstream/mercadopago';
import { PageArgs, pageWindow } from '../common/connection';
import { IdentificationInput } from '../common/identification';
import { Checks, checked, type Checked } from '../common/inputChecks';
import { UserError } from '../common/userError';
import { badArgument } from '../errors';
import { Card } from './card.type';
import { Customer } from './customer.type';

export const MAX_EMAIL_LENGTH = 254;

@ArgsType()
export class CustomersArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "Only the customer with this e-mail (exact match, any case). All of the caller's customers when omitted.",
  })
  email?: string | null;
}

/** The upstream search for these arguments; BAD_USER_INPUT before any call when they cannot be right. */
export const toCustomerSearch = (args: CustomersArgs): MpCustomerSearch => {
  const { offset, limit } = pageWindow(args);
  if (args.email === null || args.email === undefined) return { offset, limit };
  const email = args.email.trim();
  if (email === '' || email.length > MAX_EMAIL_LENGTH || !email.includes('@')) {
    throw badArgument('email', `Argument "email" must be an e-mail address of at most ${MAX_EMAIL_LENGTH} characters.`);
  }
  return { offset, limit, email };
};

// Limits of the Customers API as the sandbox applies them (src/sandbox/README.md); Mercado Pago
// publishes none, and a value over them would only be refused upstream.
export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 256;
const AREA_CODE = /^[0-9]{1,10}$/;
const PHONE_NUMBER = /^[0-9](?:[0-9 -]{0,18}[0-9])?$/;

@InputType({ description: "A customer's phone, split as Mercado Pago keeps it." })
export class CustomerPhoneInput {
  @Field(() => String, { nullable: true, description: 'Area code: 1 to 10 digits.' })
  areaCode?: string | null;

  @Field(() => String, {
    description: 'Number without the area code: digits, with spaces or hyphens between them; at most 20 characters.',
  })
  number!: string;
}

@InputType({ description: 'A new customer of the seller, to save cards for.' })
export class CreateCustomerInput {
  @Field(() => String, {
    description:
      "The customer's e-mail (at most 254 characters); unique among the seller's customers, in any case " +
      '(CUSTOMER_EXISTS otherwise).',
  })
  email!: string;

  @Field(() => String, { nullable: true, description: `First name (1 to ${NAME_MAX} characters).` })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: `Last name (1 to ${NAME_MAX} characters).` })
  lastName?: string | null;

  @Field(() => CustomerPhoneInput, { nullable: true, description: 'Phone.' })
  phone?: CustomerPhoneInput | null;

  @Field(() => IdentificationInput, { nullable: true, description: 'Identity document.' })
  identification?: IdentificationInput | null;

  @Field(() => String, {
    nullable: true,
    description: `The seller's note about the customer (1 to ${DESCRIPTION_MAX} characters).`,
  })
  description?: string | null;
}

@InputType({
  description:
    "Changes to one of the seller's customers: at least one field besides customerId. A field omitted (or null) " +
    'is left as it is.',
})
export class UpdateCustomerInput {
  @Field(() => ID, { description: 'The customer to change, like "123456789-jxOV430go9fx2e".' })
  customerId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The customer's e-mail. Mercado Pago keeps the e-mail a customer was created with: any other address is " +
      'refused (REFUSED, upstreamCode "126").',
  })
  email?: string | null;

  @Field(() => String, { nullable: true, description: `First name (1 to ${NAME_MAX} characters).` })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: `Last name (1 to ${NAME_MAX} characters).` })
  lastName?: string | null;

  @Field(() => CustomerPhoneInput, { nullable: true, description: 'Phone, replacing the one kept.' })
  phone?: CustomerPhoneInput | null;

  @Field(() => IdentificationInput, { nullable: true, description: 'Identity document, replacing the one kept.' })
  identification?: IdentificationInput | null;

  @Field(() => String, {
    nullable: true,
    description: `The seller's note about the customer (1 to ${DESCRIPTION_MAX} characters).`,
  })
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "One of the customer's saved cards, to become its default card (NOT_FOUND when it is not one of them).",
  })
  defaultCardId?: string | null;
}

@InputType({ description: 'A customer to delete, with its saved cards.' })
export class DeleteCustomerInput {
  @Field(() => ID, { description: 'The customer to delete, like "123456789-jxOV430go9fx2e".' })
  customerId!: string;
}

@ObjectType({ description: 'The customer a mutation created, changed or deleted, or why it did not.' })
export class CustomerPayload {
  @Field(() => Customer, {
    nullable: true,
    description:
      'The customer as Mercado Pago answered the change (after deleteCustomer: as it was, with the cards deleted ' +
      'with it); null when userErrors say why nothing was done.',
  })
  customer!: Customer | null;

  @Field(() => [UserError], { description: 'Bad input or refusals; empty on success.' })
  userErrors!: UserError[];
}

const checkPhone = (
  c: Checks,
  field: string[],
  phone: CustomerPhoneInput | null | undefined,
): MpCustomerWrite['phone'] => {
  if (!phone) return undefined;
  const number = phone.number.trim();
  const areaCode = phone.areaCode?.trim();
  let ok = true;
  if (areaCode !== undefined && !AREA_CODE.test(areaCode)) {
    c.fail('INVALID_VALUE', [...field, 'areaCode'], 'areaCode must be 1 to 10 digits.');
    ok = false;
  }
  if (!PHONE_NUMBER.test(number)) {
    c.fail(
      'INVALID_VALUE',
      [...field, 'number'],
      'number must be digits, with spaces or hyphens between them, at most 20 characters.',
    );
    ok = false;
  }
  return ok ? { ...(areaCode !== undefined ? { area_code: areaCode } : {}), number } : undefined;
};

type CustomerFields = Omit<CreateCustomerInput, 'email'> & { email?: string | null };

/** The fields both inputs share, in Mercado Pago's names; only those given. */
const customerBody = (c: Checks, input: CustomerFields): MpCustomerWrite => {
  const email = c.email(['input', 'email'], input.email?.trim());
  const firstName = c.text(['input', 'firstName'], input.firstName, NAME_MAX)?.trim();
  const lastName = c.text(['input', 'lastName'], input.lastName, NAME_MAX)?.trim();
  const phone = checkPhone(c, ['input', 'phone'], input.phone);
  const identification = c.identification(['input', 'identification'], input.identification);
  const description = c.text(['input', 'description'], input.description, DESCRIPTION_MAX)?.trim();
  return {
    ...(email !== undefined ? { email } : {}),
    ...(firstName !== undefined ? { first_name: firstName } : {}),
    ...(lastName !== undefined ? { last_name: lastName } : {}),
    ...(phone !== undefined ? { phone } : {}),
    ...(identification !== undefined ? { identification } : {}),
    ...(description !== undefined ? { description } : {}),
  };
};

/** `POST /v1/customers`'s body. */
export const createCustomerBody = (input: CreateCustomerInput): Checked<MpCustomerWrite> =>
  checked(() => {
    const c = new Checks();
    // Required, and never blank: Checks.email refuses "" like any malformed address.
    const body = customerBody(c, input);
    c.done();
    return body;
  });

/** `PUT /v1/customers/{id}`: the id and the changes. */
export const updateCustomerBody = (
  input: UpdateCustomerInput,
): Checked<{ customerId: string; body: MpCustomerWrite }> =>
  checked(() => {
    const c = new Checks();
    const customerId = c.id(['input', 'customerId'], input.customerId, 'customer');
    const body = customerBody(c, input);
    const given = [
      input.email,
      input.firstName,
      input.lastName,
      input.phone,
      input.identification,
      input.description,
      input.defaultCardId,
    ];
    if (given.every((v) => v === null || v === undefined)) {
      c.fail('INVALID_VALUE', ['input'], 'Nothing to change: give at least one field besides customerId.');
    }
    if (input.defaultCardId !== null && input.defaultCardId !== undefined) {
      body.default_card = c.id(['input', 'defaultCardId'], input.defaultCardId, 'card');
    }
    c.done();
    return { customerId, body };
  });

/** `DELETE /v1/customers/{id}`: the id. */
export const deleteCustomerId = (input: DeleteCustomerInput): Checked<string> =>
  checked(() => {
    const c = new Checks();
    const customerId = c.id(['input', 'customerId'], input.customerId, 'customer');
    c.done();
    return customerId;
  });

@InputType({ description: 'A card to save for a customer, as a card token.' })
export class AddCardInput {
  @Field(() => ID, { description: 'The customer to save the card for, like "123456789-jxOV430go9fx2e".' })
  customerId!: string;

  @Field(() => String, {
    description:
      "A card token made from the card's data (MercadoPago.js, or POST /v1/card_tokens) with this seller's " +
      'credentials. A token a payment used may still save its card; saving the same card again returns the card ' +
      'already saved.',
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
    const customerId = c.id(['input', 'customerId'], input.customerId, 'customer');
    const token = c.id(['input', 'token'], input.token.trim(), 'cardToken');
    c.done();
    return { customerId, token };
  });

/** `DELETE /v1/customers/{id}/cards/{card_id}`: the customer and the card. */
export const removeCardArgs = (input: RemoveCardInput): Checked<{ customerId: string; cardId: string }> =>
  checked(() => {
    const c = new Checks();
    const customerId = c.id(['input', 'customerId'], input.customerId, 'customer');
    const cardId = c.id(['input', 'cardId'], input.cardId, 'card');
    c.done();
    return { customerId, cardId };
  });
