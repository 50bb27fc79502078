import { Field, ObjectType } from 'type-graphql';
import { Money } from '../common/money';
import { FeePayer, FeeType } from './payment.enums';

@ObjectType({ description: 'One fee charged on a payment.' })
export class FeeDetail {
  @Field(() => FeeType, {
    nullable: true,
    description: 'What the fee is for. Null when Mercado Pago sends a fee type this gateway does not know yet.',
  })
  type!: FeeType | null;

  @Field(() => FeePayer, {
    nullable: true,
    description: 'Who bears the fee. Null when Mercado Pago sends a value this gateway does not know yet.',
  })
  feePayer!: FeePayer | null;

  @Field(() => Money, { description: "The fee, in the payment's currency." })
  amount!: Money;
}
