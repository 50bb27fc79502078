import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { enumReader, upperCaseTable } from '../common/enums';
import { Money } from '../common/money';
import { DateTimeScalar } from '../common/scalars';

export enum RefundStatus {
  APPROVED = 'APPROVED',
  IN_PROCESS = 'IN_PROCESS',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  AUTHORIZED = 'AUTHORIZED',
}

registerEnumType(RefundStatus, {
  name: 'RefundStatus',
  description: "Where a refund stands, as Mercado Pago's refund `status` says it.",
  valuesConfig: {
    APPROVED: { description: 'Done: the money is on its way back to the buyer.' },
    IN_PROCESS: { description: 'Being processed.' },
    REJECTED: { description: 'Refused.' },
    CANCELLED: { description: 'Cancelled.' },
    AUTHORIZED: { description: 'Authorized, not yet processed.' },
  },
});

export const readRefundStatus = enumReader(upperCaseTable(RefundStatus));

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
