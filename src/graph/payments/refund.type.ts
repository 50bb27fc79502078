import { Field, ID, ObjectType } from 'type-graphql';
import { Money } from '../common/money';
import { DateTimeScalar } from '../common/scalars';
import { RefundStatus } from './payment.enums';

@ObjectType({
  description: 'Money given back to the buyer from a payment; a payment may have several partial refunds.',
})
export class Refund {
  @Field(() => ID, { description: 'Mercado Pago refund id.' })
  id!: string;

  @Field(() => ID, { description: 'The payment refunded.' })
  paymentId!: string;

  @Field(() => Money, { description: "The amount refunded, in the payment's currency." })
  amount!: Money;

  @Field(() => RefundStatus, {
    nullable: true,
    description: 'Where the refund stands. Null when Mercado Pago sends a status this gateway does not know yet.',
  })
  status!: RefundStatus | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the refund was made.' })
  dateCreated!: string | null;
}
