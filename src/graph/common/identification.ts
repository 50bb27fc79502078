import { Field, ObjectType } from 'type-graphql';
import type { MpIdentification } from '../../upstream/mercadopago';
import { str } from './values';

@ObjectType({ description: 'An identity document, such as a CPF, DNI or RFC.' })
export class Identification {
  @Field(() => String, { nullable: true, description: 'Document type, as in `Query.identificationTypes` (e.g. "CPF", "DNI").' })
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'Document number, as given.' })
  number!: string | null;
}

/** Null when Mercado Pago knows no document (it sends `{type: null, number: null}`). */
export const toIdentification = (i: MpIdentification | null | undefined): Identification | null => {
  if (!i) return null;
  const out = { type: str(i.type), number: str(i.number) };
  return out.type === null && out.number === null ? null : out;
};
