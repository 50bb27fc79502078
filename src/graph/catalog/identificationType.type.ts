import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "An identity document type accepted on the caller's site (e.g. CPF and CNPJ in Brazil, DNI in Argentina).",
})
export class IdentificationType {
  @Field(() => ID, { description: 'Document type id, what `Identification.type` holds, such as "CPF" or "DNI".' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Display name.' })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What its numbers are made of: "number" (digits only) or "string".',
  })
  type!: string | null;

  @Field(() => Int, { nullable: true, description: 'Fewest characters a number may have.' })
  minLength!: number | null;

  @Field(() => Int, { nullable: true, description: 'Most characters a number may have.' })
  maxLength!: number | null;
}
