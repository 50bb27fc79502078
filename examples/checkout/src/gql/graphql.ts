/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Cancel a pending, in-process or authorized payment. */
export type CancelPaymentInput = {
  /** Your key for this operation (1 to 255 characters, e.g. a UUID per checkout attempt). The same key with the same input returns the first result and never charges twice; with other input it is refused (IDEMPOTENCY_KEY_REUSED). Kept at least 24 hours. */
  idempotencyKey: string;
  /** The payment to cancel. */
  paymentId: string | number;
};

/** Capture an authorized payment, for all of it or less. */
export type CapturePaymentInput = {
  /** Capture this much (at most what was authorized); all of it when omitted. */
  amount?: string | null | undefined;
  /** Your key for this operation (1 to 255 characters, e.g. a UUID per checkout attempt). The same key with the same input returns the first result and never charges twice; with other input it is refused (IDEMPOTENCY_KEY_REUSED). Kept at least 24 hours. */
  idempotencyKey: string;
  /** The authorized payment. */
  paymentId: string | number;
};

/** A card payment: a card token (from MercadoPago.js, or from a saved card with its security code) and an amount. */
export type CreatePaymentInput = {
  /** What to charge, as a decimal string ("3500" or "10.50"); at most 2 decimals. */
  amount: string;
  /** True to get only approved or rejected, never in process. */
  binaryMode?: boolean | null | undefined;
  /** False to authorize only, and capture later with capturePayment; true (the default) to charge now. */
  capture?: boolean | null | undefined;
  /** What is being paid for (at most 600 characters). */
  description?: string | null | undefined;
  /** Your reference for this payment, such as an order id (at most 256 characters). */
  externalReference?: string | null | undefined;
  /** Your key for this operation (1 to 255 characters, e.g. a UUID per checkout attempt). The same key with the same input returns the first result and never charges twice; with other input it is refused (IDEMPOTENCY_KEY_REUSED). Kept at least 24 hours. */
  idempotencyKey: string;
  /** Number of installments, 1 to 36; the card issuer decides which are offered. */
  installments: number;
  /** The card issuer, when the payer chose one. */
  issuerId?: string | number | null | undefined;
  /** Where Mercado Pago should send this payment's webhooks (an http(s) URL, at most 500 characters). */
  notificationUrl?: string | null | undefined;
  /** Who pays; an e-mail or a customerId is required. */
  payer?: PaymentPayerInput | null | undefined;
  /** The card brand, such as "visa" or "master"; checked against the site's methods and their amount limits when given. */
  paymentMethodId?: string | null | undefined;
  /** How the charge shows on the buyer's card statement (at most 22 characters). */
  statementDescriptor?: string | null | undefined;
  /** The card token. Single use: a token a payment used cannot pay again. */
  token: string;
};

/** A customer's phone, split as Mercado Pago keeps it. */
export type CustomerPhoneInput = {
  /** Area code: 1 to 10 digits. */
  areaCode?: string | null | undefined;
  /** Number without the area code: digits, with spaces or hyphens between them; at most 20 characters. */
  number: string;
};

/** Who bears a fee. */
export type FeePayer =
  /** The seller (it is taken from what the seller receives). */
  | 'COLLECTOR'
  /** The buyer (it is added to what the buyer pays). */
  | 'PAYER';

/** What a fee of a payment is for. */
export type FeeType =
  /** The marketplace's (the integrating application's) fee. */
  | 'APPLICATION_FEE'
  /** A discount coupon. */
  | 'COUPON_FEE'
  /** A discount granted on the payment. */
  | 'DISCOUNT_FEE'
  /** The cost of paying in installments. */
  | 'FINANCING_FEE'
  /** Mercado Pago's processing fee. */
  | 'MERCADOPAGO_FEE'
  /** Shipping cost. */
  | 'SHIPPING_FEE';

/** An identity document: a payer's or a customer's. */
export type IdentificationInput = {
  /** Document number; checked against the type where its shape is known (a CPF has 11 digits, a DNI 7 or 8). */
  number: string;
  /** Document type, as in `Query.identificationTypes` (e.g. "CPF", "DNI"). */
  type: string;
};

/** A language for buyer-facing texts. */
export type Locale =
  /** English. */
  | 'EN'
  /** Spanish. */
  | 'ES'
  /** Portuguese. */
  | 'PT';

/** Which of the caller's orders to list, and in which order. */
export type OrderFilter = {
  /** Only those created at or after this instant. */
  dateCreatedFrom?: string | null | undefined;
  /** Only those created at or before this instant. */
  dateCreatedTo?: string | null | undefined;
  /** Sales (SELLER, the default) or purchases (BUYER). */
  role?: OrderRole | null | undefined;
  /** Order by creation date: DESC (newest first) when omitted, or ASC. */
  sortDirection?: SortDirection | null | undefined;
  /** Only orders in one of these statuses. */
  statuses?: Array<OrderStatus> | null | undefined;
};

/** The caller's side of the orders to list. */
export type OrderRole =
  /** The caller's purchases. */
  | 'BUYER'
  /** The caller's sales. */
  | 'SELLER';

/** Where a Mercado Libre order stands, as its `status` says it. */
export type OrderStatus =
  /** Cancelled. */
  | 'CANCELLED'
  /** Created outside the mandatory Mercado Pago flow; visible to the seller, not paid yet. */
  | 'CONFIRMED'
  /** Invalidated by Mercado Libre (a malicious buyer, for instance). */
  | 'INVALID'
  /** Approved payments cover the total. */
  | 'PAID'
  /** Approved payments cover part of the total. */
  | 'PARTIALLY_PAID'
  /** Paid, then part of the money was refunded. */
  | 'PARTIALLY_REFUNDED'
  /** A payment is under review. */
  | 'PAYMENT_IN_PROCESS'
  /** Created in the mandatory Mercado Pago flow and not paid yet; only its buyer sees it. */
  | 'PAYMENT_REQUIRED'
  /** Cancelled; the refund is still pending. */
  | 'PENDING_CANCEL';

/** Who the payer is to Mercado Pago. */
export type PayerType =
  /** One of the seller's saved customers. */
  | 'CUSTOMER'
  /** Someone without an account, known by the e-mail given. */
  | 'GUEST'
  /** A Mercado Pago (or Mercado Libre) user. */
  | 'REGISTERED';

/** Which of the caller's payments (as seller) to list, and in which order. */
export type PaymentFilter = {
  /** Only those created at or after this instant. */
  dateCreatedFrom?: string | null | undefined;
  /** Only those created at or before this instant. */
  dateCreatedTo?: string | null | undefined;
  /** Only payments with this external reference (exact match; at most 256 characters). */
  externalReference?: string | null | undefined;
  /** Order by creation date: DESC (newest first) when omitted, or ASC. */
  sortDirection?: SortDirection | null | undefined;
  /** Only payments with this status. */
  status?: PaymentStatus | null | undefined;
};

/** Whether a payment method can be used now, as Mercado Pago's `status` says it (its own spelling kept). */
export type PaymentMethodStatus =
  /** Available. */
  | 'ACTIVE'
  /** Not available. */
  | 'DEACTIVE'
  /** Not available for now. */
  | 'TEMPORALLY_DEACTIVE';

/** Who pays: an e-mail for a new payer, or a saved customer (whose card token was made from a saved card). */
export type PaymentPayerInput = {
  /** A saved customer (`123456789-jxOV430go9fx2e`): pay with one of its saved cards. */
  customerId?: string | number | null | undefined;
  /** The payer's e-mail; required unless customerId is given. */
  email?: string | null | undefined;
  /** The payer's identity document. */
  identification?: IdentificationInput | null | undefined;
};

/** Where a payment stands, as Mercado Pago's `status` says it. */
export type PaymentStatus =
  /** Approved and credited. */
  | 'APPROVED'
  /** Authorized but not captured yet (created with capture: false). */
  | 'AUTHORIZED'
  /** Cancelled by a party, or expired. */
  | 'CANCELLED'
  /** A chargeback was placed on the buyer's card. */
  | 'CHARGED_BACK'
  /** The buyer started a dispute. */
  | 'IN_MEDIATION'
  /** Under review. */
  | 'IN_PROCESS'
  /** The buyer has not completed the payment yet. */
  | 'PENDING'
  /** Refunded in full. */
  | 'REFUNDED'
  /** Rejected; `statusDetail` says why. */
  | 'REJECTED';

/** Refund an approved payment, all that is left or part of it. */
export type RefundPaymentInput = {
  /** Refund this much (at most what is left to refund); everything left when omitted. */
  amount?: string | null | undefined;
  /** Your key for this operation (1 to 255 characters, e.g. a UUID per checkout attempt). The same key with the same input returns the first result and never charges twice; with other input it is refused (IDEMPOTENCY_KEY_REUSED). Kept at least 24 hours. */
  idempotencyKey: string;
  /** The payment to refund. */
  paymentId: string | number;
};

/** Where a refund stands, as Mercado Pago's refund `status` says it. */
export type RefundStatus =
  /** Done: the money is on its way back to the buyer. */
  | 'APPROVED'
  /** Authorized, not yet processed. */
  | 'AUTHORIZED'
  /** Cancelled. */
  | 'CANCELLED'
  /** Being processed. */
  | 'IN_PROCESS'
  /** Refused. */
  | 'REJECTED';

/** Which end of the list comes first. */
export type SortDirection =
  /** Oldest (smallest) first. */
  | 'ASC'
  /** Newest (largest) first. */
  | 'DESC';

/** Why a mutation refused (part of) its input; stable, for clients to switch on. */
export type UserErrorCode =
  /** This checkout session has used all its payment attempts. */
  | 'ATTEMPTS_EXHAUSTED'
  /** The card token does not exist, was already used, or has expired: tokenize the card again. */
  | 'CARD_TOKEN_INVALID'
  /** A customer with this e-mail already exists for this seller. */
  | 'CUSTOMER_EXISTS'
  /** A call with this idempotency key is still running: retry shortly with the same key. */
  | 'IDEMPOTENCY_IN_PROGRESS'
  /** The idempotency key is empty or longer than 255 characters. */
  | 'IDEMPOTENCY_KEY_INVALID'
  /** This idempotency key was used with other input: nothing was done. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** An amount is not a positive decimal with at most the currency's decimals, or is outside the allowed range. */
  | 'INVALID_AMOUNT'
  /** An identity document number does not fit its type. */
  | 'INVALID_IDENTIFICATION'
  /** The number of installments is not a whole number from 1 to 36, or Mercado Pago refused it for the method. */
  | 'INVALID_INSTALLMENTS'
  /** A field is malformed: an id, an e-mail, a URL, a length, a boolean. */
  | 'INVALID_VALUE'
  /** This credential may not set this field (a checkout session may not choose what its cart fixes). */
  | 'NOT_ALLOWED'
  /** Only a pending, in-process or authorized payment can be cancelled. */
  | 'NOT_CANCELLABLE'
  /** Only an authorized payment can be captured (more than was authorized is INVALID_AMOUNT). */
  | 'NOT_CAPTURABLE'
  /** The payment, customer or card does not exist, or is not visible to this access token. */
  | 'NOT_FOUND'
  /** The payment cannot be refunded in its state, or nothing is left to refund. */
  | 'NOT_REFUNDABLE'
  /** The refund is larger than what is left to refund. */
  | 'REFUND_EXCEEDS_REMAINING'
  /** Mercado Pago refused the request; `upstreamCode` says why. */
  | 'REFUSED';

export type PayCartMutationVariables = Exact<{
  input: CreatePaymentInput;
  locale: Locale;
}>;


export type PayCartMutation = { createPayment: { payment: { id: string, status: PaymentStatus | null, statusDetail: string | null, statusMessage: string | null, installments: number | null, dateCreated: string | null, dateApproved: string | null, amount: { amount: string, currency: string } | null, installmentAmount: { amount: string, currency: string } | null, card: { lastFourDigits: string | null } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null }> } };

export type CheckoutReceiptQueryVariables = Exact<{
  id: string | number;
  locale: Locale;
}>;


export type CheckoutReceiptQuery = { payment: { id: string, status: PaymentStatus | null, statusDetail: string | null, statusMessage: string | null, installments: number | null, dateCreated: string | null, dateApproved: string | null, amount: { amount: string, currency: string } | null, installmentAmount: { amount: string, currency: string } | null, card: { lastFourDigits: string | null } | null } | null };

export type WatchCheckoutPaymentSubscriptionVariables = Exact<{
  id: string | number;
  locale: Locale;
}>;


export type WatchCheckoutPaymentSubscription = { paymentUpdated: { id: string, status: PaymentStatus | null, statusDetail: string | null, statusMessage: string | null, installments: number | null, dateCreated: string | null, dateApproved: string | null, amount: { amount: string, currency: string } | null, installmentAmount: { amount: string, currency: string } | null, card: { lastFourDigits: string | null } | null } };

export type CheckoutPaymentFragment = { id: string, status: PaymentStatus | null, statusDetail: string | null, statusMessage: string | null, installments: number | null, dateCreated: string | null, dateApproved: string | null, amount: { amount: string, currency: string } | null, installmentAmount: { amount: string, currency: string } | null, card: { lastFourDigits: string | null } | null };

export type WatchOrderSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type WatchOrderSubscription = { orderUpdated: { id: string, status: OrderStatus | null, statusDetail: string | null, dateCreated: string | null, dateClosed: string | null, lastUpdated: string | null, fullyPaid: boolean | null, tags: Array<string>, packId: string | null, payments: Array<{ id: string, status: PaymentStatus | null, statusDetail: string | null, installments: number | null, amount: { amount: string, currency: string } | null, amountRefunded: { amount: string, currency: string } | null, totalPaidAmount: { amount: string, currency: string } | null, payer: { id: string | null, firstName: string | null } | null, card: { lastFourDigits: string | null } | null, refunds: Array<{ id: string, status: RefundStatus | null, amount: { amount: string, currency: string } }> } | null>, totalAmount: { amount: string, currency: string } | null, paidAmount: { amount: string, currency: string } | null, balanceDue: { amount: string, currency: string } | null } };

export type CheckoutOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CheckoutOptionsQuery = { paymentMethods: Array<{ id: string, name: string | null, paymentTypeId: string | null, status: PaymentMethodStatus | null, secureThumbnail: string | null, minAllowedAmount: string | null, maxAllowedAmount: string | null, additionalInfoNeeded: Array<string>, settings: Array<{ cardNumber: { length: number | null, validation: string | null } | null, bin: { pattern: string | null, exclusionPattern: string | null } | null, securityCode: { length: number | null, cardLocation: string | null, mode: string | null } | null }> }>, identificationTypes: Array<{ id: string, name: string | null, type: string | null, minLength: number | null, maxLength: number | null }> };

export type PaymentMethodsTwiceQueryVariables = Exact<{ [key: string]: never; }>;


export type PaymentMethodsTwiceQuery = { cards: Array<{ id: string, paymentTypeId: string | null }>, all: Array<{ id: string }> };

export type OrderDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderDetailsQuery = { order: { id: string, status: OrderStatus | null, statusDetail: string | null, dateCreated: string | null, dateClosed: string | null, lastUpdated: string | null, fullyPaid: boolean | null, tags: Array<string>, packId: string | null, items: Array<{ itemId: string | null, title: string | null, quantity: number | null, variationId: string | null, unitPrice: { amount: string, currency: string } | null }>, buyer: { id: string, nickname: string | null, firstName: string | null, lastName: string | null, email: string | null } | null, seller: { id: string, nickname: string | null, firstName: string | null, lastName: string | null, email: string | null } | null, payments: Array<{ id: string, status: PaymentStatus | null, statusDetail: string | null, installments: number | null, amount: { amount: string, currency: string } | null, amountRefunded: { amount: string, currency: string } | null, totalPaidAmount: { amount: string, currency: string } | null, payer: { id: string | null, firstName: string | null } | null, card: { lastFourDigits: string | null } | null, refunds: Array<{ id: string, status: RefundStatus | null, amount: { amount: string, currency: string } }> } | null>, totalAmount: { amount: string, currency: string } | null, paidAmount: { amount: string, currency: string } | null, balanceDue: { amount: string, currency: string } | null } | null };

export type OrderDetailsTwiceQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderDetailsTwiceQuery = { order: { id: string, status: OrderStatus | null, statusDetail: string | null, dateCreated: string | null, dateClosed: string | null, lastUpdated: string | null, fullyPaid: boolean | null, tags: Array<string>, packId: string | null, summary: Array<{ id: string, status: PaymentStatus | null } | null>, detail: Array<{ id: string, status: PaymentStatus | null, statusDetail: string | null, installments: number | null, amount: { amount: string, currency: string } | null, amountRefunded: { amount: string, currency: string } | null, totalPaidAmount: { amount: string, currency: string } | null, payer: { id: string | null, firstName: string | null } | null, card: { lastFourDigits: string | null } | null, refunds: Array<{ id: string, status: RefundStatus | null, amount: { amount: string, currency: string } }> } | null>, totalAmount: { amount: string, currency: string } | null, paidAmount: { amount: string, currency: string } | null, balanceDue: { amount: string, currency: string } | null } | null };

export type PaymentWithOrderQueryVariables = Exact<{
  id: string | number;
}>;


export type PaymentWithOrderQuery = { payment: { id: string, amount: { amount: string, currency: string } | null, order: { id: string, status: OrderStatus | null, statusDetail: string | null, dateCreated: string | null, dateClosed: string | null, lastUpdated: string | null, fullyPaid: boolean | null, tags: Array<string>, packId: string | null, payments: Array<{ id: string, status: PaymentStatus | null } | null>, totalAmount: { amount: string, currency: string } | null, paidAmount: { amount: string, currency: string } | null, balanceDue: { amount: string, currency: string } | null } | null } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { siteId: string | null, id: string, nickname: string | null, firstName: string | null, lastName: string | null, email: string | null } | null };

export type OrdersPageQueryVariables = Exact<{
  filter?: OrderFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrdersPageQuery = { orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, status: OrderStatus | null, dateCreated: string | null, tags: Array<string>, totalAmount: { amount: string, currency: string } | null, paidAmount: { amount: string, currency: string } | null, buyer: { nickname: string | null } | null } }> } };

export type OrdersPageAndOrderQueryVariables = Exact<{
  first?: number | null | undefined;
  id: string | number;
}>;


export type OrdersPageAndOrderQuery = { orders: { totalCount: number, nodes: Array<{ id: string }> }, order: { id: string, status: OrderStatus | null, statusDetail: string | null, dateCreated: string | null, dateClosed: string | null, lastUpdated: string | null, fullyPaid: boolean | null, tags: Array<string>, packId: string | null, totalAmount: { amount: string, currency: string } | null, paidAmount: { amount: string, currency: string } | null, balanceDue: { amount: string, currency: string } | null } | null };

export type OrderHeaderFragment = { id: string, status: OrderStatus | null, statusDetail: string | null, dateCreated: string | null, dateClosed: string | null, lastUpdated: string | null, fullyPaid: boolean | null, tags: Array<string>, packId: string | null, totalAmount: { amount: string, currency: string } | null, paidAmount: { amount: string, currency: string } | null, balanceDue: { amount: string, currency: string } | null };

export type UserPartsFragment = { id: string, nickname: string | null, firstName: string | null, lastName: string | null, email: string | null };

export type OrderPaymentFragment = { id: string, status: PaymentStatus | null, statusDetail: string | null, installments: number | null, amount: { amount: string, currency: string } | null, amountRefunded: { amount: string, currency: string } | null, totalPaidAmount: { amount: string, currency: string } | null, payer: { id: string | null, firstName: string | null } | null, card: { lastFourDigits: string | null } | null, refunds: Array<{ id: string, status: RefundStatus | null, amount: { amount: string, currency: string } }> };

export type CheckoutMutationVariables = Exact<{
  input: CreatePaymentInput;
}>;


export type CheckoutMutation = { createPayment: { payment: { id: string, status: PaymentStatus | null, statusDetail: string | null, statusMessage: string | null, captured: boolean | null, installments: number | null, paymentMethodId: string | null, externalReference: string | null, amount: { amount: string, currency: string } | null, amountRefunded: { amount: string, currency: string } | null, card: { firstSixDigits: string | null, lastFourDigits: string | null } | null, payer: { id: string | null, email: string | null } | null, refunds: Array<{ id: string, amount: { amount: string, currency: string } }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null }> } };

export type CapturePaymentMutationVariables = Exact<{
  input: CapturePaymentInput;
}>;


export type CapturePaymentMutation = { capturePayment: { payment: { id: string, status: PaymentStatus | null, statusDetail: string | null, statusMessage: string | null, captured: boolean | null, installments: number | null, paymentMethodId: string | null, externalReference: string | null, amount: { amount: string, currency: string } | null, amountRefunded: { amount: string, currency: string } | null, card: { firstSixDigits: string | null, lastFourDigits: string | null } | null, payer: { id: string | null, email: string | null } | null, refunds: Array<{ id: string, amount: { amount: string, currency: string } }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null }> } };

export type CancelPaymentMutationVariables = Exact<{
  input: CancelPaymentInput;
}>;


export type CancelPaymentMutation = { cancelPayment: { payment: { id: string, status: PaymentStatus | null, statusDetail: string | null, statusMessage: string | null, captured: boolean | null, installments: number | null, paymentMethodId: string | null, externalReference: string | null, amount: { amount: string, currency: string } | null, amountRefunded: { amount: string, currency: string } | null, card: { firstSixDigits: string | null, lastFourDigits: string | null } | null, payer: { id: string | null, email: string | null } | null, refunds: Array<{ id: string, amount: { amount: string, currency: string } }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null }> } };

export type RefundPaymentMutationVariables = Exact<{
  input: RefundPaymentInput;
}>;


export type RefundPaymentMutation = { refundPayment: { refund: { id: string, paymentId: string, status: RefundStatus | null, amount: { amount: string, currency: string } } | null, payment: { id: string, status: PaymentStatus | null, statusDetail: string | null, statusMessage: string | null, captured: boolean | null, installments: number | null, paymentMethodId: string | null, externalReference: string | null, amount: { amount: string, currency: string } | null, amountRefunded: { amount: string, currency: string } | null, card: { firstSixDigits: string | null, lastFourDigits: string | null } | null, payer: { id: string | null, email: string | null } | null, refunds: Array<{ id: string, amount: { amount: string, currency: string } }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null }> } };

export type MovedPaymentFragment = { id: string, status: PaymentStatus | null, statusDetail: string | null, statusMessage: string | null, captured: boolean | null, installments: number | null, paymentMethodId: string | null, externalReference: string | null, amount: { amount: string, currency: string } | null, amountRefunded: { amount: string, currency: string } | null, card: { firstSixDigits: string | null, lastFourDigits: string | null } | null, payer: { id: string | null, email: string | null } | null, refunds: Array<{ id: string, amount: { amount: string, currency: string } }> };

export type UserErrorPartsFragment = { field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null };

export type PaymentDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type PaymentDetailsQuery = { payment: { id: string, status: PaymentStatus | null, statusDetail: string | null, installments: number | null, paymentMethodId: string | null, paymentTypeId: string | null, description: string | null, externalReference: string | null, statementDescriptor: string | null, captured: boolean | null, liveMode: boolean | null, dateCreated: string | null, dateApproved: string | null, dateLastUpdated: string | null, amount: { amount: string, currency: string } | null, installmentAmount: { amount: string, currency: string } | null, totalPaidAmount: { amount: string, currency: string } | null, netReceivedAmount: { amount: string, currency: string } | null, card: { firstSixDigits: string | null, lastFourDigits: string | null, expirationMonth: number | null, expirationYear: number | null, cardholder: { name: string | null } | null } | null } | null };

export type MoneyPartsFragment = { amount: string, currency: string };

export type PaymentPairQueryVariables = Exact<{
  first: string | number;
  second: string | number;
}>;


export type PaymentPairQuery = { first: { id: string, status: PaymentStatus | null, amount: { amount: string, currency: string } | null, card: { lastFourDigits: string | null } | null } | null, second: { id: string, status: PaymentStatus | null, amount: { amount: string, currency: string } | null, card: { lastFourDigits: string | null } | null } | null };

export type PaymentSummaryFragment = { id: string, status: PaymentStatus | null, amount: { amount: string, currency: string } | null, card: { lastFourDigits: string | null } | null };

export type PaymentReceiptQueryVariables = Exact<{
  id: string | number;
}>;


export type PaymentReceiptQuery = { payment: { id: string, status: PaymentStatus | null, statusDetail: string | null, installments: number | null, issuerId: string | null, messageEs: string | null, messageEn: string | null, messagePt: string | null, defaultMessage: string | null, amount: { amount: string, currency: string } | null, amountRefunded: { amount: string, currency: string } | null, totalPaidAmount: { amount: string, currency: string } | null, installmentAmount: { amount: string, currency: string } | null, payer: { id: string | null, email: string | null, firstName: string | null, lastName: string | null, type: PayerType | null, identification: { type: string | null, number: string | null } | null } | null, collector: { id: string | null, firstName: string | null, lastName: string | null, email: string | null } | null, card: { id: string | null, customerId: string | null, firstSixDigits: string | null, lastFourDigits: string | null, paymentMethod: { id: string | null } | null, cardholder: { name: string | null, identification: { type: string | null, number: string | null } | null } | null } | null, refunds: Array<{ id: string, paymentId: string, status: RefundStatus | null, dateCreated: string | null, amount: { amount: string, currency: string } }>, feeDetails: Array<{ type: FeeType | null, feePayer: FeePayer | null, amount: { amount: string, currency: string } }> } | null };

export type PaymentStatusMessageQueryVariables = Exact<{
  id: string | number;
  locale: Locale;
}>;


export type PaymentStatusMessageQuery = { payment: { id: string, status: PaymentStatus | null, statusDetail: string | null, statusMessage: string | null } | null };

export type PaymentsPageQueryVariables = Exact<{
  filter?: PaymentFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PaymentsPageQuery = { payments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, status: PaymentStatus | null, statusDetail: string | null, externalReference: string | null, dateCreated: string | null, amount: { amount: string, currency: string } | null, payer: { id: string | null, email: string | null } | null } }>, nodes: Array<{ id: string }> } };

export type PaymentRowFragment = { id: string, status: PaymentStatus | null, statusDetail: string | null, externalReference: string | null, dateCreated: string | null, amount: { amount: string, currency: string } | null, payer: { id: string | null, email: string | null } | null };

export type PaymentsPageAndDetailsQueryVariables = Exact<{
  first?: number | null | undefined;
  a: string | number;
  b: string | number;
}>;


export type PaymentsPageAndDetailsQuery = { payments: { totalCount: number, nodes: Array<{ id: string }> }, a: { id: string, status: PaymentStatus | null, statusDetail: string | null, externalReference: string | null, dateCreated: string | null, amount: { amount: string, currency: string } | null, payer: { id: string | null, email: string | null } | null } | null, b: { id: string, status: PaymentStatus | null, statusDetail: string | null, externalReference: string | null, dateCreated: string | null, amount: { amount: string, currency: string } | null, payer: { id: string | null, email: string | null } | null } | null };

export type CreateCustomerMutationVariables = Exact<{
  email: string;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  phone?: CustomerPhoneInput | null | undefined;
  identification?: IdentificationInput | null | undefined;
  description?: string | null | undefined;
}>;


export type CreateCustomerMutation = { createCustomer: { customer: { dateCreated: string | null, dateLastUpdated: string | null, id: string, email: string | null, firstName: string | null, lastName: string | null, description: string | null, defaultCard: { id: string | null } | null, cards: Array<{ id: string | null }>, phone: { areaCode: string | null, number: string | null } | null, identification: { type: string | null, number: string | null } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null }> } };

export type UpdateCustomerMutationVariables = Exact<{
  customerId: string | number;
  email?: string | null | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  phone?: CustomerPhoneInput | null | undefined;
  identification?: IdentificationInput | null | undefined;
  description?: string | null | undefined;
  defaultCardId?: string | number | null | undefined;
}>;


export type UpdateCustomerMutation = { updateCustomer: { customer: { dateLastUpdated: string | null, id: string, email: string | null, firstName: string | null, lastName: string | null, description: string | null, defaultCard: { id: string | null } | null, phone: { areaCode: string | null, number: string | null } | null, identification: { type: string | null, number: string | null } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null }> } };

export type SetDefaultCardMutationVariables = Exact<{
  customerId: string | number;
  cardId: string | number;
}>;


export type SetDefaultCardMutation = { updateCustomer: { customer: { id: string, defaultCard: { id: string | null, lastFourDigits: string | null } | null, cards: Array<{ id: string | null, lastFourDigits: string | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null }> } };

export type AddCardMutationVariables = Exact<{
  customerId: string | number;
  token: string;
  withCustomer?: boolean | null | undefined;
}>;


export type AddCardMutation = { addCard: { card: { id: string | null, customerId: string | null, firstSixDigits: string | null, lastFourDigits: string | null, expirationMonth: number | null, expirationYear: number | null, dateCreated: string | null, paymentMethod: { id: string | null, name: string | null, paymentTypeId: string | null, thumbnail: string | null } | null, issuer: { id: string | null, name: string | null } | null, securityCode: { length: number | null, cardLocation: string | null } | null, cardholder: { name: string | null, identification: { type: string | null, number: string | null } | null } | null } | null, customer?: { id: string, defaultCard: { id: string | null } | null, cards: Array<{ id: string | null, lastFourDigits: string | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null }> } };

export type RemoveCardMutationVariables = Exact<{
  customerId: string | number;
  cardId: string | number;
  withCustomer?: boolean | null | undefined;
}>;


export type RemoveCardMutation = { removeCard: { card: { id: string | null, lastFourDigits: string | null } | null, customer?: { id: string, defaultCard: { id: string | null } | null, cards: Array<{ id: string | null, lastFourDigits: string | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null }> } };

export type DeleteCustomerMutationVariables = Exact<{
  customerId: string | number;
}>;


export type DeleteCustomerMutation = { deleteCustomer: { customer: { id: string, email: string | null, cards: Array<{ id: string | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null }> } };

export type ReplaceCardMutationVariables = Exact<{
  customerId: string | number;
  token: string;
  oldCardId: string | number;
}>;


export type ReplaceCardMutation = { addCard: { card: { id: string | null } | null, customer: { id: string, defaultCard: { id: string | null } | null, cards: Array<{ id: string | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null }> }, removeCard: { card: { id: string | null } | null, customer: { id: string, defaultCard: { id: string | null } | null, cards: Array<{ id: string | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, upstreamCode: string | null }> } };

export type CustomerWalletQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerWalletQuery = { customer: { dateCreated: string | null, dateLastUpdated: string | null, id: string, email: string | null, firstName: string | null, lastName: string | null, description: string | null, defaultCard: { id: string | null, customerId: string | null, firstSixDigits: string | null, lastFourDigits: string | null, expirationMonth: number | null, expirationYear: number | null, dateCreated: string | null, paymentMethod: { id: string | null, name: string | null, paymentTypeId: string | null, thumbnail: string | null } | null, issuer: { id: string | null, name: string | null } | null, securityCode: { length: number | null, cardLocation: string | null } | null, cardholder: { name: string | null, identification: { type: string | null, number: string | null } | null } | null } | null, cards: Array<{ id: string | null, customerId: string | null, firstSixDigits: string | null, lastFourDigits: string | null, expirationMonth: number | null, expirationYear: number | null, dateCreated: string | null, paymentMethod: { id: string | null, name: string | null, paymentTypeId: string | null, thumbnail: string | null } | null, issuer: { id: string | null, name: string | null } | null, securityCode: { length: number | null, cardLocation: string | null } | null, cardholder: { name: string | null, identification: { type: string | null, number: string | null } | null } | null }>, phone: { areaCode: string | null, number: string | null } | null, identification: { type: string | null, number: string | null } | null } | null };

export type CustomerIdentityFragment = { id: string, email: string | null, firstName: string | null, lastName: string | null, description: string | null, phone: { areaCode: string | null, number: string | null } | null, identification: { type: string | null, number: string | null } | null };

export type SavedCardFragment = { id: string | null, customerId: string | null, firstSixDigits: string | null, lastFourDigits: string | null, expirationMonth: number | null, expirationYear: number | null, dateCreated: string | null, paymentMethod: { id: string | null, name: string | null, paymentTypeId: string | null, thumbnail: string | null } | null, issuer: { id: string | null, name: string | null } | null, securityCode: { length: number | null, cardLocation: string | null } | null, cardholder: { name: string | null, identification: { type: string | null, number: string | null } | null } | null };

export type CustomersPageQueryVariables = Exact<{
  email?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CustomersPageQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, email: string | null, defaultCard: { id: string | null, lastFourDigits: string | null } | null } }> } };

export type CustomerSearchAndWalletQueryVariables = Exact<{
  email: string;
  id: string | number;
}>;


export type CustomerSearchAndWalletQuery = { customers: { nodes: Array<{ id: string }> }, customer: { id: string, cards: Array<{ id: string | null }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const MoneyPartsFragmentDoc = new TypedDocumentString(`
    fragment MoneyParts on Money {
  amount
  currency
}
    `, {"fragmentName":"MoneyParts"}) as unknown as TypedDocumentString<MoneyPartsFragment, unknown>;
export const CheckoutPaymentFragmentDoc = new TypedDocumentString(`
    fragment CheckoutPayment on Payment {
  id
  status
  statusDetail
  statusMessage(locale: $locale)
  amount {
    ...MoneyParts
  }
  installments
  installmentAmount {
    ...MoneyParts
  }
  card {
    lastFourDigits
  }
  dateCreated
  dateApproved
}
    fragment MoneyParts on Money {
  amount
  currency
}`, {"fragmentName":"CheckoutPayment"}) as unknown as TypedDocumentString<CheckoutPaymentFragment, unknown>;
export const OrderHeaderFragmentDoc = new TypedDocumentString(`
    fragment OrderHeader on Order {
  id
  status
  statusDetail
  dateCreated
  dateClosed
  lastUpdated
  totalAmount {
    ...MoneyParts
  }
  paidAmount {
    ...MoneyParts
  }
  balanceDue {
    ...MoneyParts
  }
  fullyPaid
  tags
  packId
}
    fragment MoneyParts on Money {
  amount
  currency
}`, {"fragmentName":"OrderHeader"}) as unknown as TypedDocumentString<OrderHeaderFragment, unknown>;
export const UserPartsFragmentDoc = new TypedDocumentString(`
    fragment UserParts on MarketplaceUser {
  id
  nickname
  firstName
  lastName
  email
}
    `, {"fragmentName":"UserParts"}) as unknown as TypedDocumentString<UserPartsFragment, unknown>;
export const OrderPaymentFragmentDoc = new TypedDocumentString(`
    fragment OrderPayment on Payment {
  id
  status
  statusDetail
  amount {
    ...MoneyParts
  }
  amountRefunded {
    ...MoneyParts
  }
  installments
  totalPaidAmount {
    ...MoneyParts
  }
  payer {
    id
    firstName
  }
  card {
    lastFourDigits
  }
  refunds {
    id
    amount {
      ...MoneyParts
    }
    status
  }
}
    fragment MoneyParts on Money {
  amount
  currency
}`, {"fragmentName":"OrderPayment"}) as unknown as TypedDocumentString<OrderPaymentFragment, unknown>;
export const MovedPaymentFragmentDoc = new TypedDocumentString(`
    fragment MovedPayment on Payment {
  id
  status
  statusDetail
  statusMessage(locale: EN)
  captured
  amount {
    ...MoneyParts
  }
  amountRefunded {
    ...MoneyParts
  }
  installments
  paymentMethodId
  externalReference
  card {
    firstSixDigits
    lastFourDigits
  }
  payer {
    id
    email
  }
  refunds {
    id
    amount {
      ...MoneyParts
    }
  }
}
    fragment MoneyParts on Money {
  amount
  currency
}`, {"fragmentName":"MovedPayment"}) as unknown as TypedDocumentString<MovedPaymentFragment, unknown>;
export const UserErrorPartsFragmentDoc = new TypedDocumentString(`
    fragment UserErrorParts on UserError {
  field
  message
  code
  upstreamCode
}
    `, {"fragmentName":"UserErrorParts"}) as unknown as TypedDocumentString<UserErrorPartsFragment, unknown>;
export const PaymentSummaryFragmentDoc = new TypedDocumentString(`
    fragment PaymentSummary on Payment {
  id
  status
  amount {
    ...MoneyParts
  }
  card {
    lastFourDigits
  }
}
    fragment MoneyParts on Money {
  amount
  currency
}`, {"fragmentName":"PaymentSummary"}) as unknown as TypedDocumentString<PaymentSummaryFragment, unknown>;
export const PaymentRowFragmentDoc = new TypedDocumentString(`
    fragment PaymentRow on Payment {
  id
  status
  statusDetail
  externalReference
  dateCreated
  amount {
    ...MoneyParts
  }
  payer {
    id
    email
  }
}
    fragment MoneyParts on Money {
  amount
  currency
}`, {"fragmentName":"PaymentRow"}) as unknown as TypedDocumentString<PaymentRowFragment, unknown>;
export const CustomerIdentityFragmentDoc = new TypedDocumentString(`
    fragment CustomerIdentity on Customer {
  id
  email
  firstName
  lastName
  phone {
    areaCode
    number
  }
  identification {
    type
    number
  }
  description
}
    `, {"fragmentName":"CustomerIdentity"}) as unknown as TypedDocumentString<CustomerIdentityFragment, unknown>;
export const SavedCardFragmentDoc = new TypedDocumentString(`
    fragment SavedCard on Card {
  id
  customerId
  firstSixDigits
  lastFourDigits
  expirationMonth
  expirationYear
  paymentMethod {
    id
    name
    paymentTypeId
    thumbnail
  }
  issuer {
    id
    name
  }
  securityCode {
    length
    cardLocation
  }
  cardholder {
    name
    identification {
      type
      number
    }
  }
  dateCreated
}
    `, {"fragmentName":"SavedCard"}) as unknown as TypedDocumentString<SavedCardFragment, unknown>;
export const PayCartDocument = new TypedDocumentString(`
    mutation PayCart($input: CreatePaymentInput!, $locale: Locale!) {
  createPayment(input: $input) {
    payment {
      ...CheckoutPayment
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment CheckoutPayment on Payment {
  id
  status
  statusDetail
  statusMessage(locale: $locale)
  amount {
    ...MoneyParts
  }
  installments
  installmentAmount {
    ...MoneyParts
  }
  card {
    lastFourDigits
  }
  dateCreated
  dateApproved
}
fragment UserErrorParts on UserError {
  field
  message
  code
  upstreamCode
}
fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<PayCartMutation, PayCartMutationVariables>;
export const CheckoutReceiptDocument = new TypedDocumentString(`
    query CheckoutReceipt($id: ID!, $locale: Locale!) {
  payment(id: $id) {
    ...CheckoutPayment
  }
}
    fragment CheckoutPayment on Payment {
  id
  status
  statusDetail
  statusMessage(locale: $locale)
  amount {
    ...MoneyParts
  }
  installments
  installmentAmount {
    ...MoneyParts
  }
  card {
    lastFourDigits
  }
  dateCreated
  dateApproved
}
fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<CheckoutReceiptQuery, CheckoutReceiptQueryVariables>;
export const WatchCheckoutPaymentDocument = new TypedDocumentString(`
    subscription WatchCheckoutPayment($id: ID!, $locale: Locale!) {
  paymentUpdated(id: $id) {
    ...CheckoutPayment
  }
}
    fragment CheckoutPayment on Payment {
  id
  status
  statusDetail
  statusMessage(locale: $locale)
  amount {
    ...MoneyParts
  }
  installments
  installmentAmount {
    ...MoneyParts
  }
  card {
    lastFourDigits
  }
  dateCreated
  dateApproved
}
fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<WatchCheckoutPaymentSubscription, WatchCheckoutPaymentSubscriptionVariables>;
export const WatchOrderDocument = new TypedDocumentString(`
    subscription WatchOrder($id: ID!) {
  orderUpdated(id: $id) {
    ...OrderHeader
    payments {
      ...OrderPayment
    }
  }
}
    fragment OrderHeader on Order {
  id
  status
  statusDetail
  dateCreated
  dateClosed
  lastUpdated
  totalAmount {
    ...MoneyParts
  }
  paidAmount {
    ...MoneyParts
  }
  balanceDue {
    ...MoneyParts
  }
  fullyPaid
  tags
  packId
}
fragment OrderPayment on Payment {
  id
  status
  statusDetail
  amount {
    ...MoneyParts
  }
  amountRefunded {
    ...MoneyParts
  }
  installments
  totalPaidAmount {
    ...MoneyParts
  }
  payer {
    id
    firstName
  }
  card {
    lastFourDigits
  }
  refunds {
    id
    amount {
      ...MoneyParts
    }
    status
  }
}
fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<WatchOrderSubscription, WatchOrderSubscriptionVariables>;
export const CheckoutOptionsDocument = new TypedDocumentString(`
    query CheckoutOptions {
  paymentMethods {
    id
    name
    paymentTypeId
    status
    secureThumbnail
    minAllowedAmount
    maxAllowedAmount
    additionalInfoNeeded
    settings {
      cardNumber {
        length
        validation
      }
      bin {
        pattern
        exclusionPattern
      }
      securityCode {
        length
        cardLocation
        mode
      }
    }
  }
  identificationTypes {
    id
    name
    type
    minLength
    maxLength
  }
}
    `) as unknown as TypedDocumentString<CheckoutOptionsQuery, CheckoutOptionsQueryVariables>;
export const PaymentMethodsTwiceDocument = new TypedDocumentString(`
    query PaymentMethodsTwice {
  cards: paymentMethods {
    id
    paymentTypeId
  }
  all: paymentMethods {
    id
  }
}
    `) as unknown as TypedDocumentString<PaymentMethodsTwiceQuery, PaymentMethodsTwiceQueryVariables>;
export const OrderDetailsDocument = new TypedDocumentString(`
    query OrderDetails($id: ID!) {
  order(id: $id) {
    ...OrderHeader
    items {
      itemId
      title
      quantity
      unitPrice {
        ...MoneyParts
      }
      variationId
    }
    buyer {
      ...UserParts
    }
    seller {
      ...UserParts
    }
    payments {
      ...OrderPayment
    }
  }
}
    fragment OrderHeader on Order {
  id
  status
  statusDetail
  dateCreated
  dateClosed
  lastUpdated
  totalAmount {
    ...MoneyParts
  }
  paidAmount {
    ...MoneyParts
  }
  balanceDue {
    ...MoneyParts
  }
  fullyPaid
  tags
  packId
}
fragment UserParts on MarketplaceUser {
  id
  nickname
  firstName
  lastName
  email
}
fragment OrderPayment on Payment {
  id
  status
  statusDetail
  amount {
    ...MoneyParts
  }
  amountRefunded {
    ...MoneyParts
  }
  installments
  totalPaidAmount {
    ...MoneyParts
  }
  payer {
    id
    firstName
  }
  card {
    lastFourDigits
  }
  refunds {
    id
    amount {
      ...MoneyParts
    }
    status
  }
}
fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<OrderDetailsQuery, OrderDetailsQueryVariables>;
export const OrderDetailsTwiceDocument = new TypedDocumentString(`
    query OrderDetailsTwice($id: ID!) {
  order(id: $id) {
    ...OrderHeader
    summary: payments {
      id
      status
    }
    detail: payments {
      ...OrderPayment
    }
  }
}
    fragment OrderHeader on Order {
  id
  status
  statusDetail
  dateCreated
  dateClosed
  lastUpdated
  totalAmount {
    ...MoneyParts
  }
  paidAmount {
    ...MoneyParts
  }
  balanceDue {
    ...MoneyParts
  }
  fullyPaid
  tags
  packId
}
fragment OrderPayment on Payment {
  id
  status
  statusDetail
  amount {
    ...MoneyParts
  }
  amountRefunded {
    ...MoneyParts
  }
  installments
  totalPaidAmount {
    ...MoneyParts
  }
  payer {
    id
    firstName
  }
  card {
    lastFourDigits
  }
  refunds {
    id
    amount {
      ...MoneyParts
    }
    status
  }
}
fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<OrderDetailsTwiceQuery, OrderDetailsTwiceQueryVariables>;
export const PaymentWithOrderDocument = new TypedDocumentString(`
    query PaymentWithOrder($id: ID!) {
  payment(id: $id) {
    id
    amount {
      ...MoneyParts
    }
    order {
      ...OrderHeader
      payments {
        id
        status
      }
    }
  }
}
    fragment OrderHeader on Order {
  id
  status
  statusDetail
  dateCreated
  dateClosed
  lastUpdated
  totalAmount {
    ...MoneyParts
  }
  paidAmount {
    ...MoneyParts
  }
  balanceDue {
    ...MoneyParts
  }
  fullyPaid
  tags
  packId
}
fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<PaymentWithOrderQuery, PaymentWithOrderQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...UserParts
    siteId
  }
}
    fragment UserParts on MarketplaceUser {
  id
  nickname
  firstName
  lastName
  email
}`) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const OrdersPageDocument = new TypedDocumentString(`
    query OrdersPage($filter: OrderFilter, $first: Int, $after: String) {
  orders(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        status
        dateCreated
        totalAmount {
          ...MoneyParts
        }
        paidAmount {
          ...MoneyParts
        }
        tags
        buyer {
          nickname
        }
      }
    }
  }
}
    fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<OrdersPageQuery, OrdersPageQueryVariables>;
export const OrdersPageAndOrderDocument = new TypedDocumentString(`
    query OrdersPageAndOrder($first: Int, $id: ID!) {
  orders(first: $first) {
    totalCount
    nodes {
      id
    }
  }
  order(id: $id) {
    ...OrderHeader
  }
}
    fragment OrderHeader on Order {
  id
  status
  statusDetail
  dateCreated
  dateClosed
  lastUpdated
  totalAmount {
    ...MoneyParts
  }
  paidAmount {
    ...MoneyParts
  }
  balanceDue {
    ...MoneyParts
  }
  fullyPaid
  tags
  packId
}
fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<OrdersPageAndOrderQuery, OrdersPageAndOrderQueryVariables>;
export const CheckoutDocument = new TypedDocumentString(`
    mutation Checkout($input: CreatePaymentInput!) {
  createPayment(input: $input) {
    payment {
      ...MovedPayment
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment MovedPayment on Payment {
  id
  status
  statusDetail
  statusMessage(locale: EN)
  captured
  amount {
    ...MoneyParts
  }
  amountRefunded {
    ...MoneyParts
  }
  installments
  paymentMethodId
  externalReference
  card {
    firstSixDigits
    lastFourDigits
  }
  payer {
    id
    email
  }
  refunds {
    id
    amount {
      ...MoneyParts
    }
  }
}
fragment UserErrorParts on UserError {
  field
  message
  code
  upstreamCode
}
fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<CheckoutMutation, CheckoutMutationVariables>;
export const CapturePaymentDocument = new TypedDocumentString(`
    mutation CapturePayment($input: CapturePaymentInput!) {
  capturePayment(input: $input) {
    payment {
      ...MovedPayment
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment MovedPayment on Payment {
  id
  status
  statusDetail
  statusMessage(locale: EN)
  captured
  amount {
    ...MoneyParts
  }
  amountRefunded {
    ...MoneyParts
  }
  installments
  paymentMethodId
  externalReference
  card {
    firstSixDigits
    lastFourDigits
  }
  payer {
    id
    email
  }
  refunds {
    id
    amount {
      ...MoneyParts
    }
  }
}
fragment UserErrorParts on UserError {
  field
  message
  code
  upstreamCode
}
fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<CapturePaymentMutation, CapturePaymentMutationVariables>;
export const CancelPaymentDocument = new TypedDocumentString(`
    mutation CancelPayment($input: CancelPaymentInput!) {
  cancelPayment(input: $input) {
    payment {
      ...MovedPayment
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment MovedPayment on Payment {
  id
  status
  statusDetail
  statusMessage(locale: EN)
  captured
  amount {
    ...MoneyParts
  }
  amountRefunded {
    ...MoneyParts
  }
  installments
  paymentMethodId
  externalReference
  card {
    firstSixDigits
    lastFourDigits
  }
  payer {
    id
    email
  }
  refunds {
    id
    amount {
      ...MoneyParts
    }
  }
}
fragment UserErrorParts on UserError {
  field
  message
  code
  upstreamCode
}
fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<CancelPaymentMutation, CancelPaymentMutationVariables>;
export const RefundPaymentDocument = new TypedDocumentString(`
    mutation RefundPayment($input: RefundPaymentInput!) {
  refundPayment(input: $input) {
    refund {
      id
      paymentId
      amount {
        ...MoneyParts
      }
      status
    }
    payment {
      ...MovedPayment
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment MovedPayment on Payment {
  id
  status
  statusDetail
  statusMessage(locale: EN)
  captured
  amount {
    ...MoneyParts
  }
  amountRefunded {
    ...MoneyParts
  }
  installments
  paymentMethodId
  externalReference
  card {
    firstSixDigits
    lastFourDigits
  }
  payer {
    id
    email
  }
  refunds {
    id
    amount {
      ...MoneyParts
    }
  }
}
fragment UserErrorParts on UserError {
  field
  message
  code
  upstreamCode
}
fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<RefundPaymentMutation, RefundPaymentMutationVariables>;
export const PaymentDetailsDocument = new TypedDocumentString(`
    query PaymentDetails($id: ID!) {
  payment(id: $id) {
    id
    status
    statusDetail
    amount {
      ...MoneyParts
    }
    installments
    installmentAmount {
      ...MoneyParts
    }
    totalPaidAmount {
      ...MoneyParts
    }
    netReceivedAmount {
      ...MoneyParts
    }
    paymentMethodId
    paymentTypeId
    description
    externalReference
    statementDescriptor
    captured
    liveMode
    dateCreated
    dateApproved
    dateLastUpdated
    card {
      firstSixDigits
      lastFourDigits
      expirationMonth
      expirationYear
      cardholder {
        name
      }
    }
  }
}
    fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<PaymentDetailsQuery, PaymentDetailsQueryVariables>;
export const PaymentPairDocument = new TypedDocumentString(`
    query PaymentPair($first: ID!, $second: ID!) {
  first: payment(id: $first) {
    ...PaymentSummary
  }
  second: payment(id: $second) {
    ...PaymentSummary
  }
}
    fragment MoneyParts on Money {
  amount
  currency
}
fragment PaymentSummary on Payment {
  id
  status
  amount {
    ...MoneyParts
  }
  card {
    lastFourDigits
  }
}`) as unknown as TypedDocumentString<PaymentPairQuery, PaymentPairQueryVariables>;
export const PaymentReceiptDocument = new TypedDocumentString(`
    query PaymentReceipt($id: ID!) {
  payment(id: $id) {
    id
    status
    statusDetail
    messageEs: statusMessage(locale: ES)
    messageEn: statusMessage(locale: EN)
    messagePt: statusMessage(locale: PT)
    defaultMessage: statusMessage
    amount {
      ...MoneyParts
    }
    amountRefunded {
      ...MoneyParts
    }
    totalPaidAmount {
      ...MoneyParts
    }
    installments
    installmentAmount {
      ...MoneyParts
    }
    issuerId
    payer {
      id
      email
      firstName
      lastName
      identification {
        type
        number
      }
      type
    }
    collector {
      id
      firstName
      lastName
      email
    }
    card {
      id
      customerId
      firstSixDigits
      lastFourDigits
      paymentMethod {
        id
      }
      cardholder {
        name
        identification {
          type
          number
        }
      }
    }
    refunds {
      id
      paymentId
      amount {
        ...MoneyParts
      }
      status
      dateCreated
    }
    feeDetails {
      type
      feePayer
      amount {
        ...MoneyParts
      }
    }
  }
}
    fragment MoneyParts on Money {
  amount
  currency
}`) as unknown as TypedDocumentString<PaymentReceiptQuery, PaymentReceiptQueryVariables>;
export const PaymentStatusMessageDocument = new TypedDocumentString(`
    query PaymentStatusMessage($id: ID!, $locale: Locale!) {
  payment(id: $id) {
    id
    status
    statusDetail
    statusMessage(locale: $locale)
  }
}
    `) as unknown as TypedDocumentString<PaymentStatusMessageQuery, PaymentStatusMessageQueryVariables>;
export const PaymentsPageDocument = new TypedDocumentString(`
    query PaymentsPage($filter: PaymentFilter, $first: Int, $after: String) {
  payments(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...PaymentRow
      }
    }
    nodes {
      id
    }
  }
}
    fragment MoneyParts on Money {
  amount
  currency
}
fragment PaymentRow on Payment {
  id
  status
  statusDetail
  externalReference
  dateCreated
  amount {
    ...MoneyParts
  }
  payer {
    id
    email
  }
}`) as unknown as TypedDocumentString<PaymentsPageQuery, PaymentsPageQueryVariables>;
export const PaymentsPageAndDetailsDocument = new TypedDocumentString(`
    query PaymentsPageAndDetails($first: Int, $a: ID!, $b: ID!) {
  payments(first: $first) {
    totalCount
    nodes {
      id
    }
  }
  a: payment(id: $a) {
    ...PaymentRow
  }
  b: payment(id: $b) {
    ...PaymentRow
  }
}
    fragment MoneyParts on Money {
  amount
  currency
}
fragment PaymentRow on Payment {
  id
  status
  statusDetail
  externalReference
  dateCreated
  amount {
    ...MoneyParts
  }
  payer {
    id
    email
  }
}`) as unknown as TypedDocumentString<PaymentsPageAndDetailsQuery, PaymentsPageAndDetailsQueryVariables>;
export const CreateCustomerDocument = new TypedDocumentString(`
    mutation CreateCustomer($email: String!, $firstName: String, $lastName: String, $phone: CustomerPhoneInput, $identification: IdentificationInput, $description: String) {
  createCustomer(
    input: {email: $email, firstName: $firstName, lastName: $lastName, phone: $phone, identification: $identification, description: $description}
  ) {
    customer {
      ...CustomerIdentity
      dateCreated
      dateLastUpdated
      defaultCard {
        id
      }
      cards {
        id
      }
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment UserErrorParts on UserError {
  field
  message
  code
  upstreamCode
}
fragment CustomerIdentity on Customer {
  id
  email
  firstName
  lastName
  phone {
    areaCode
    number
  }
  identification {
    type
    number
  }
  description
}`) as unknown as TypedDocumentString<CreateCustomerMutation, CreateCustomerMutationVariables>;
export const UpdateCustomerDocument = new TypedDocumentString(`
    mutation UpdateCustomer($customerId: ID!, $email: String, $firstName: String, $lastName: String, $phone: CustomerPhoneInput, $identification: IdentificationInput, $description: String, $defaultCardId: ID) {
  updateCustomer(
    input: {customerId: $customerId, email: $email, firstName: $firstName, lastName: $lastName, phone: $phone, identification: $identification, description: $description, defaultCardId: $defaultCardId}
  ) {
    customer {
      ...CustomerIdentity
      dateLastUpdated
      defaultCard {
        id
      }
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment UserErrorParts on UserError {
  field
  message
  code
  upstreamCode
}
fragment CustomerIdentity on Customer {
  id
  email
  firstName
  lastName
  phone {
    areaCode
    number
  }
  identification {
    type
    number
  }
  description
}`) as unknown as TypedDocumentString<UpdateCustomerMutation, UpdateCustomerMutationVariables>;
export const SetDefaultCardDocument = new TypedDocumentString(`
    mutation SetDefaultCard($customerId: ID!, $cardId: ID!) {
  updateCustomer(input: {customerId: $customerId, defaultCardId: $cardId}) {
    customer {
      id
      defaultCard {
        id
        lastFourDigits
      }
      cards {
        id
        lastFourDigits
      }
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment UserErrorParts on UserError {
  field
  message
  code
  upstreamCode
}`) as unknown as TypedDocumentString<SetDefaultCardMutation, SetDefaultCardMutationVariables>;
export const AddCardDocument = new TypedDocumentString(`
    mutation AddCard($customerId: ID!, $token: String!, $withCustomer: Boolean = true) {
  addCard(input: {customerId: $customerId, token: $token}) {
    card {
      ...SavedCard
    }
    customer @include(if: $withCustomer) {
      id
      defaultCard {
        id
      }
      cards {
        id
        lastFourDigits
      }
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment UserErrorParts on UserError {
  field
  message
  code
  upstreamCode
}
fragment SavedCard on Card {
  id
  customerId
  firstSixDigits
  lastFourDigits
  expirationMonth
  expirationYear
  paymentMethod {
    id
    name
    paymentTypeId
    thumbnail
  }
  issuer {
    id
    name
  }
  securityCode {
    length
    cardLocation
  }
  cardholder {
    name
    identification {
      type
      number
    }
  }
  dateCreated
}`) as unknown as TypedDocumentString<AddCardMutation, AddCardMutationVariables>;
export const RemoveCardDocument = new TypedDocumentString(`
    mutation RemoveCard($customerId: ID!, $cardId: ID!, $withCustomer: Boolean = true) {
  removeCard(input: {customerId: $customerId, cardId: $cardId}) {
    card {
      id
      lastFourDigits
    }
    customer @include(if: $withCustomer) {
      id
      defaultCard {
        id
      }
      cards {
        id
        lastFourDigits
      }
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment UserErrorParts on UserError {
  field
  message
  code
  upstreamCode
}`) as unknown as TypedDocumentString<RemoveCardMutation, RemoveCardMutationVariables>;
export const DeleteCustomerDocument = new TypedDocumentString(`
    mutation DeleteCustomer($customerId: ID!) {
  deleteCustomer(input: {customerId: $customerId}) {
    customer {
      id
      email
      cards {
        id
      }
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment UserErrorParts on UserError {
  field
  message
  code
  upstreamCode
}`) as unknown as TypedDocumentString<DeleteCustomerMutation, DeleteCustomerMutationVariables>;
export const ReplaceCardDocument = new TypedDocumentString(`
    mutation ReplaceCard($customerId: ID!, $token: String!, $oldCardId: ID!) {
  addCard(input: {customerId: $customerId, token: $token}) {
    card {
      id
    }
    customer {
      id
      defaultCard {
        id
      }
      cards {
        id
      }
    }
    userErrors {
      ...UserErrorParts
    }
  }
  removeCard(input: {customerId: $customerId, cardId: $oldCardId}) {
    card {
      id
    }
    customer {
      id
      defaultCard {
        id
      }
      cards {
        id
      }
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment UserErrorParts on UserError {
  field
  message
  code
  upstreamCode
}`) as unknown as TypedDocumentString<ReplaceCardMutation, ReplaceCardMutationVariables>;
export const CustomerWalletDocument = new TypedDocumentString(`
    query CustomerWallet($id: ID!) {
  customer(id: $id) {
    ...CustomerIdentity
    dateCreated
    dateLastUpdated
    defaultCard {
      ...SavedCard
    }
    cards {
      ...SavedCard
    }
  }
}
    fragment CustomerIdentity on Customer {
  id
  email
  firstName
  lastName
  phone {
    areaCode
    number
  }
  identification {
    type
    number
  }
  description
}
fragment SavedCard on Card {
  id
  customerId
  firstSixDigits
  lastFourDigits
  expirationMonth
  expirationYear
  paymentMethod {
    id
    name
    paymentTypeId
    thumbnail
  }
  issuer {
    id
    name
  }
  securityCode {
    length
    cardLocation
  }
  cardholder {
    name
    identification {
      type
      number
    }
  }
  dateCreated
}`) as unknown as TypedDocumentString<CustomerWalletQuery, CustomerWalletQueryVariables>;
export const CustomersPageDocument = new TypedDocumentString(`
    query CustomersPage($email: String, $first: Int, $after: String) {
  customers(email: $email, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        email
        defaultCard {
          id
          lastFourDigits
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CustomersPageQuery, CustomersPageQueryVariables>;
export const CustomerSearchAndWalletDocument = new TypedDocumentString(`
    query CustomerSearchAndWallet($email: String!, $id: ID!) {
  customers(email: $email) {
    nodes {
      id
    }
  }
  customer(id: $id) {
    id
    cards {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerSearchAndWalletQuery, CustomerSearchAndWalletQueryVariables>;