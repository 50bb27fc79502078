import { Field, ID, ObjectType } from 'type-graphql';
import { Card } from '../cards/card.type';
import { Connection } from '../common/connection';
import { listCost } from '../common/cost';
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

  @Field(() => Card, {
    nullable: true,
    description:
      'The card used by default, one of `cards`; null when the customer has no cards (read from the customer itself: no extra upstream call).',
  })
  defaultCard!: Card | null;

  // Embedded in the customer: a wallet holds a handful of cards.
  @Field(() => [Card], {
    complexity: listCost(5),
    description: 'Cards saved for this customer (embedded in the customer: no extra upstream call).',
  })
  cards!: Card[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the customer was created.' })
  dateCreated!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the customer last changed; null if never.' })
  dateLastUpdated!: string | null;
}

@ObjectType({ description: 'A page of customers.' })
export class CustomerConnection extends Connection(Customer, 'Customer') {}
