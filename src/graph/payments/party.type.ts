import { Field, ID, ObjectType } from 'type-graphql';
import { Identification } from '../common/identification';
import { PayerType } from './payment.enums';

@ObjectType({
  description:
    "Who paid. The seller's view of a payment names the payer; the buyer's view gives only the payer's id, so every other field is null there (never filled in from elsewhere).",
})
export class Payer {
  @Field(() => ID, {
    nullable: true,
    description: "The payer's Mercado Pago user id (a customer's numeric id for a saved customer).",
  })
  id!: string | null;

  @Field(() => String, { nullable: true, description: "The payer's e-mail, when Mercado Pago shares it." })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'First name.' })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'Last name.' })
  lastName!: string | null;

  @Field(() => Identification, { nullable: true, description: "The payer's identity document." })
  identification!: Identification | null;

  @Field(() => PayerType, {
    nullable: true,
    description:
      "Who the payer is to Mercado Pago. Null in the buyer's view, and when Mercado Pago sends a type this gateway does not know yet.",
  })
  type!: PayerType | null;
}

@ObjectType({
  description:
    "Who received the payment (the seller). The buyer's view of a payment names the collector; the seller's view gives only the collector's id, so every other field is null there.",
})
export class Collector {
  @Field(() => ID, { nullable: true, description: "The collector's Mercado Pago user id." })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'First name.' })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'Last name.' })
  lastName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The collector's e-mail; Mercado Pago does not show it to buyers, so usually null.",
  })
  email!: string | null;
}
