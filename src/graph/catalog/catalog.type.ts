import type Decimal from 'decimal.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { listCost } from '../common/cost';
import { DecimalScalar } from '../common/scalars';
import { SecurityCode } from '../customers/card.type';
import { PaymentMethodStatus } from './catalog.enums';

@ObjectType({ description: 'How long card numbers of a method are and how they are checked.' })
export class CardNumberRules {
  @Field(() => Int, { nullable: true, description: 'Number of digits.' })
  length!: number | null;

  @Field(() => String, { nullable: true, description: 'Check applied: "standard" (Luhn) or "none".' })
  validation!: string | null;
}

@ObjectType({ description: 'Which card numbers (by their first digits) belong to a method.' })
export class BinRules {
  @Field(() => String, { nullable: true, description: 'Regular expression the BIN matches.' })
  pattern!: string | null;

  @Field(() => String, { nullable: true, description: 'Regular expression of the BINs that may pay in installments.' })
  installmentsPattern!: string | null;

  @Field(() => String, { nullable: true, description: 'Regular expression of the BINs excluded from the method.' })
  exclusionPattern!: string | null;
}

@ObjectType({ description: 'Card rules of a payment method, one entry per BIN range.' })
export class PaymentMethodSetting {
  @Field(() => CardNumberRules, { nullable: true, description: 'Card number length and check.' })
  cardNumber!: CardNumberRules | null;

  @Field(() => BinRules, { nullable: true, description: 'BIN patterns.' })
  bin!: BinRules | null;

  @Field(() => SecurityCode, { nullable: true, description: 'Security code rules.' })
  securityCode!: SecurityCode | null;
}

@ObjectType({
  description:
    "A way to pay offered on the caller's site: a card brand, a cash voucher, a bank transfer, account money.",
})
export class PaymentMethod {
  @Field(() => ID, {
    description: 'Payment method id, such as "visa", "pix" or "oxxo"; what `Payment.paymentMethodId` holds.',
  })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Display name.' })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Payment type, such as "credit_card", "debit_card", "ticket" or "bank_transfer".',
  })
  paymentTypeId!: string | null;

  @Field(() => PaymentMethodStatus, {
    nullable: true,
    description: 'Whether it can be used now. Null when Mercado Pago sends a status this gateway does not know yet.',
  })
  status!: PaymentMethodStatus | null;

  @Field(() => String, { nullable: true, description: 'Logo URL (http).' })
  thumbnail!: string | null;

  @Field(() => String, { nullable: true, description: 'Logo URL (https); use this one in pages.' })
  secureThumbnail!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Whether a payment may be authorized now and captured later: "supported", "unsupported" or "does_not_apply".',
  })
  deferredCapture!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Smallest amount it accepts, in the site's currency (Mercado Pago does not name the currency here).",
  })
  minAllowedAmount!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: "Largest amount it accepts, in the site's currency." })
  maxAllowedAmount!: Decimal | null;

  @Field(() => Int, { nullable: true, description: 'Minutes until a payment with it is credited.' })
  accreditationTime!: number | null;

  @Field(() => [String], {
    description: 'Data a payment with it must carry, such as "cardholder_name" or "cardholder_identification_number".',
  })
  additionalInfoNeeded!: string[];

  @Field(() => [String], { description: 'Processing modes it supports ("aggregator", "gateway").' })
  processingModes!: string[];

  // Embedded in the method: one entry per BIN range, usually one, two for some brands.
  @Field(() => [PaymentMethodSetting], {
    complexity: listCost(2),
    description: 'Card rules, one entry per BIN range; empty for methods that are not cards.',
  })
  settings!: PaymentMethodSetting[];
}

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
