import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A Mercado Libre user: the caller (`me`), or a party of an order. Names and e-mail are null where Mercado ' +
    "Libre does not share them with the caller (an order's counterpart before it is paid, another user's public " +
    'profile).',
})
export class MarketplaceUser {
  @Field(() => ID, { description: 'Mercado Libre user id (the same number as the Mercado Pago user id).' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Public nickname, such as "TETE6072468".' })
  nickname!: string | null;

  @Field(() => String, { nullable: true, description: 'First name.' })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'Last name.' })
  lastName!: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Mercado Libre site, such as "MLB" (Brazil) or "MLM" (Mexico); only known for `me`.',
  })
  siteId!: string | null;
}
