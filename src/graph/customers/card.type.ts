import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import type { Scope } from '../../auth';
import { Identification } from '../common/identification';
import { DateTimeScalar } from '../common/scalars';

@ObjectType({ description: 'The holder of a card as printed on it.' })
export class Cardholder {
  @Field(() => String, { nullable: true, description: 'Name as printed on the card.' })
  name!: string | null;

  @Field(() => Identification, {
    nullable: true,
    description: "The holder's identity document; null when Mercado Pago knows none.",
  })
  identification!: Identification | null;
}

@ObjectType({ description: "A saved card's payment method (its brand)." })
export class CardPaymentMethod {
  @Field(() => String, { nullable: true, description: 'Payment method id, such as "visa" or "master".' })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'Name Mercado Pago gives the method.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Payment type, such as "credit_card" or "debit_card".' })
  paymentTypeId!: string | null;

  @Field(() => String, { nullable: true, description: "URL of the brand's logo." })
  thumbnail!: string | null;
}

@ObjectType({ description: 'The bank or company that issued a card.' })
export class CardIssuer {
  @Field(() => ID, { nullable: true, description: 'Mercado Pago issuer id.' })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'Issuer name.' })
  name!: string | null;
}

@ObjectType({ description: "Where a card's security code is and how long it is." })
export class SecurityCode {
  @Field(() => Int, { nullable: true, description: 'Number of digits (3, or 4 for Amex).' })
  length!: number | null;

  @Field(() => String, { nullable: true, description: 'Where it is printed: "back" or "front".' })
  cardLocation!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Whether a payment must send it ("mandatory", "optional"); set on payment methods, null on saved cards.',
  })
  mode!: string | null;
}

@ObjectType({
  description:
    'A payment card, as much of it as Mercado Pago discloses. Saved cards (`Customer.cards`) carry every field; ' +
    'the card of a payment (`Payment.card`) has no customerId, paymentMethod, issuer or securityCode (see the ' +
    "payment's paymentMethodId and issuerId).",
})
export class Card {
  @Authorized<Scope>('payments:read', 'customers:read')
  @Field(() => ID, {
    nullable: true,
    description: 'Saved card id (13 digits); null on a payment made with a card that was not saved.',
  })
  id!: string | null;

  @Authorized<Scope>('payments:read', 'customers:read')
  @Field(() => ID, { nullable: true, description: "The customer the card is saved for; null on a payment's card." })
  customerId!: string | null;

  @Authorized<Scope>('payments:read', 'customers:read')
  @Field(() => String, { nullable: true, description: 'First six digits of the card number (the BIN).' })
  firstSixDigits!: string | null;

  @Field(() => String, { nullable: true, description: 'Last four digits of the card number.' })
  lastFourDigits!: string | null;

  @Authorized<Scope>('payments:read', 'customers:read')
  @Field(() => Int, { nullable: true, description: 'Expiration month, 1 to 12.' })
  expirationMonth!: number | null;

  @Authorized<Scope>('payments:read', 'customers:read')
  @Field(() => Int, { nullable: true, description: 'Expiration year, four digits.' })
  expirationYear!: number | null;

  @Field(() => CardPaymentMethod, { nullable: true, description: "The card's brand; null on a payment's card." })
  paymentMethod!: CardPaymentMethod | null;

  @Authorized<Scope>('payments:read', 'customers:read')
  @Field(() => CardIssuer, { nullable: true, description: "The card's issuer; null on a payment's card." })
  issuer!: CardIssuer | null;

  @Authorized<Scope>('payments:read', 'customers:read')
  @Field(() => SecurityCode, {
    nullable: true,
    description: "The card's security code rules; null on a payment's card.",
  })
  securityCode!: SecurityCode | null;

  @Authorized<Scope>('payments:read', 'customers:read')
  @Field(() => Cardholder, { nullable: true, description: 'The cardholder.' })
  cardholder!: Cardholder | null;

  @Authorized<Scope>('payments:read', 'customers:read')
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the card was saved (or first used in the payment).',
  })
  dateCreated!: string | null;

  @Authorized<Scope>('payments:read', 'customers:read')
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the card data last changed.' })
  dateLastUpdated!: string | null;
}
