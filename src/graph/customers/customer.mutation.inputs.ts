// Inputs and payload of the customer mutations (DESIGN §3), and the checks that turn each input
// into Mercado Pago's body before any upstream call. These inputs move no money, so they carry no
// idempotencyKey. Every violation is a userError naming its field (issue 6).
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { MpCustomerWrite } from '../../upstream/mercadopago';
import { CARD_ID, CUSTOMER_ID } from '../common/ids';
import { IdentificationInput } from '../common/identification';
import { Checks, checked, type Checked } from '../common/inputChecks';
import { UserError } from '../common/userError';
import { Customer } from './customer.type';

// Limits of the Customers API as the sandbox applies them (src/sandbox/README.md); Mercado Pago
// publishes none, and a value over them would only be refused upstream.
export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 256;
const AREA_CODE = /^[0-9]{1,10}$/;
const PHONE_NUMBER = /^[0-9](?:[0-9 -]{0,18}[0-9])?$/;
const CUSTOMER_ID_SAYS = 'a customer id: digits, a hyphen, then letters and digits (like "123456789-jxOV430go9fx2e")';
const CARD_ID_SAYS = 'a card id: 1 to 19 digits';

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
      "The customer's e-mail (at most 254 characters); unique among the seller's customers, in any case (CUSTOMER_EXISTS otherwise).",
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
    "Changes to one of the seller's customers: at least one field besides customerId. A field omitted (or null) is left as it is.",
})
export class UpdateCustomerInput {
  @Field(() => ID, { description: 'The customer to change, like "123456789-jxOV430go9fx2e".' })
  customerId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The customer\'s e-mail. Mercado Pago keeps the e-mail a customer was created with: any other address is refused (REFUSED, upstreamCode "126").',
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
      'The customer as Mercado Pago answered the change (after deleteCustomer: as it was, with the cards deleted with it); null when userErrors say why nothing was done.',
  })
  customer!: Customer | null;

  @Field(() => [UserError], { description: 'Bad input or refusals; empty on success.' })
  userErrors!: UserError[];
}

/** A well-formed customer id; checked before it is put in a URL (DESIGN §1: `..` never reaches one). */
export const checkCustomerId = (c: Checks, field: string[], value: string): string =>
  c.matches(field, value, CUSTOMER_ID, CUSTOMER_ID_SAYS);

export const checkCardId = (c: Checks, field: string[], value: string): string =>
  c.matches(field, value, CARD_ID, CARD_ID_SAYS);

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
    const customerId = checkCustomerId(c, ['input', 'customerId'], input.customerId);
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
      body.default_card = checkCardId(c, ['input', 'defaultCardId'], input.defaultCardId);
    }
    c.done();
    return { customerId, body };
  });

/** `DELETE /v1/customers/{id}`: the id. */
export const deleteCustomerId = (input: DeleteCustomerInput): Checked<string> =>
  checked(() => {
    const c = new Checks();
    const customerId = checkCustomerId(c, ['input', 'customerId'], input.customerId);
    c.done();
    return customerId;
  });
