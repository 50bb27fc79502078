import { Field, ID, ObjectType } from 'type-graphql';
import type { Card } from './card.type';
import { Connection } from '../common/connection';
import { Identification } from '../common/identification';
import { DateTimeScalar } from '../common/scalars';

@ObjectType({ description: 'A phone number, split as Mercado Pago keeps it.' })
export class Phone {
  @Field(() => String, { nullable: true, description: 'Area code.' })
  areaCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Number without the area code.' })
  number!: string | null;
}

@ObjectType({
  description: "One of the seller's saved customers (Mercado Pago's Customers API), with the cards saved for it.",
})
export class Customer {
  @Field(() => ID, { description: 'Customer id, like "123456789-jxOV430go9fx2e".' })
  id!: string;

  @Field(() => String, { nullable: true, description: "The customer's e-mail (unique among the seller's customers)." })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'First name.' })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'Last name.' })
  lastName!: string | null;

  @Field(() => Phone, { nullable: true, description: 'Phone; null when none is known.' })
  phone!: Phone | null;

  @Field(() => Identification, { nullable: true, description: 'Identity document; null when none is known.' })
  identification!: Identification | null;

  @Field(() => String, { nullable: true, description: "The seller's note about the customer." })
  description!: string | null;

  /** The default card, one of `cards`: served by `defaultCard` in customer.resolver.ts. */
  defaultCard!: Card | null;

  /** The saved cards embedded in the customer: served by `cards` in customer.resolver.ts. */
  cards!: Card[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the customer was created.' })
  dateCreated!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the customer last changed; null if never.' })
  dateLastUpdated!: string | null;
}

@ObjectType({ description: 'A page of customers.' })
export class CustomerConnection extends Connection(Customer, 'Customer') {}
