import type Decimal from 'decimal.js';
import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar, toDecimal } from './scalars';

@ObjectType({ description: 'An amount of money in one currency.' })
export class Money {
  @Field(() => DecimalScalar, { description: 'The amount, exact, as a decimal string such as "3987.2".' })
  amount!: Decimal;

  @Field(() => String, { description: 'ISO 4217 currency code, such as "MXN", "BRL" or "ARS".' })
  currency!: string;
}

/**
 * Money from an upstream number and currency, or null when either is missing from the caller's
 * view: a currency is never guessed or borrowed from elsewhere.
 */
export const money = (amount: number | string | null | undefined, currency: string | null | undefined): Money | null =>
  amount === null || amount === undefined || !currency ? null : { amount: toDecimal(amount), currency };
