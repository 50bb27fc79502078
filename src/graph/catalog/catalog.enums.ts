// The enums of the catalog, UPPER_CASE mirrors of Mercado Pago's values (common/enums.ts reads them).
import { registerEnumType } from 'type-graphql';
import { enumReader, upperCaseTable } from '../common/enums';

export enum PaymentMethodStatus {
  ACTIVE = 'ACTIVE',
  DEACTIVE = 'DEACTIVE',
  TEMPORALLY_DEACTIVE = 'TEMPORALLY_DEACTIVE',
}

registerEnumType(PaymentMethodStatus, {
  name: 'PaymentMethodStatus',
  description: "Whether a payment method can be used now, as Mercado Pago's `status` says it (its own spelling kept).",
  valuesConfig: {
    ACTIVE: { description: 'Available.' },
    DEACTIVE: { description: 'Not available.' },
    TEMPORALLY_DEACTIVE: { description: 'Not available for now.' },
  },
});

export const readPaymentMethodStatus = enumReader(upperCaseTable(PaymentMethodStatus));
