import { Field, InputType, ObjectType } from 'type-graphql';
import type { MpIdentification } from '../../upstream/mercadopago';
import { str } from './values';

@ObjectType({ description: 'An identity document, such as a CPF, DNI or RFC.' })
export class Identification {
  @Field(() => String, {
    nullable: true,
    description: 'Document type, as in `Query.identificationTypes` (e.g. "CPF", "DNI").',
  })
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'Document number, as given.' })
  number!: string | null;
}

@InputType({ description: "An identity document: a payer's or a customer's." })
export class IdentificationInput {
  @Field(() => String, { description: 'Document type, as in `Query.identificationTypes` (e.g. "CPF", "DNI").' })
  type!: string;

  @Field(() => String, {
    description:
      'Document number; checked against the type where its shape is known (a CPF has 11 digits, a DNI 7 or 8).',
  })
  number!: string;
}

/** Null when Mercado Pago knows no document (it sends `{type: null, number: null}`). */
export const toIdentification = (i: MpIdentification | null | undefined): Identification | null => {
  if (!i) return null;
  const out = { type: str(i.type), number: str(i.number) };
  return out.type === null && out.number === null ? null : out;
};
