// Where the checkout catalog comes from (docs/architecture.md, "From a field to its data"): the
// payment methods and identification types of the caller's site, each read at most once per
// request whatever asks for them, and their REST→GraphQL mappers. Each list is one answer: a row we
// cannot serve fails the list (UPSTREAM_ERROR), it is not dropped.
import type { MpIdentificationType, MpPaymentMethod, MpPaymentMethodSetting } from '../../upstream/mercadopago';
import { redactText, unexpectedBody } from '../../upstream/errors';
import type { OnUnknown } from '../common/enums';
import { onceLoader } from '../common/loader';
import { toDecimal } from '../common/scalars';
import { int, str, strings, text } from '../common/values';
import { readPaymentMethodStatus } from './catalog.enums';
import type { IdentificationType, PaymentMethod, PaymentMethodSetting } from './catalog.type';

const listOf = <T>(what: string, rows: T[]): T[] => {
  if (!Array.isArray(rows)) throw unexpectedBody('mercadoPago', `${what}: the answer is not a list`);
  return rows;
};

/** The payment methods of the caller's site (the access token's country). */
export const paymentMethods = onceLoader(async (ctx) =>
  // GET /v1/payment_methods
  listOf('payment methods', await ctx.mercadoPago().listPaymentMethods()).map((row) =>
    toPaymentMethod(row, (field, value) =>
      ctx.log.warn('payment method: unknown upstream value, served as null', {
        paymentMethodId: redactText(String(row.id), 64),
        field,
        value,
      }),
    ),
  ),
);

/** The identity document types of the caller's site. */
export const identificationTypes = onceLoader(async (ctx) =>
  // GET /v1/identification_types
  listOf('identification types', await ctx.mercadoPago().listIdentificationTypes()).map(toIdentificationType),
);

// ---- REST → GraphQL ----

const decimal = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? toDecimal(n) : null);

export const toPaymentMethodSetting = (s: MpPaymentMethodSetting): PaymentMethodSetting => ({
  cardNumber: s.card_number ? { length: int(s.card_number.length), validation: str(s.card_number.validation) } : null,
  bin: s.bin
    ? {
        pattern: str(s.bin.pattern),
        installmentsPattern: str(s.bin.installments_pattern),
        exclusionPattern: str(s.bin.exclusion_pattern),
      }
    : null,
  securityCode: s.security_code
    ? {
        length: int(s.security_code.length),
        cardLocation: str(s.security_code.card_location),
        mode: str(s.security_code.mode),
      }
    : null,
});

export const toPaymentMethod = (r: MpPaymentMethod, onUnknown: OnUnknown): PaymentMethod => {
  const id = text(r.id);
  if (id === null) throw unexpectedBody('mercadoPago', 'a payment method without an id');
  return {
    id,
    name: str(r.name),
    paymentTypeId: str(r.payment_type_id),
    status: readPaymentMethodStatus(r.status, 'status', onUnknown),
    thumbnail: str(r.thumbnail),
    secureThumbnail: str(r.secure_thumbnail),
    deferredCapture: str(r.deferred_capture),
    minAllowedAmount: decimal(r.min_allowed_amount),
    maxAllowedAmount: decimal(r.max_allowed_amount),
    accreditationTime: int(r.accreditation_time),
    additionalInfoNeeded: strings(r.additional_info_needed),
    processingModes: strings(r.processing_modes),
    settings: (Array.isArray(r.settings) ? r.settings : []).map(toPaymentMethodSetting),
  };
};

export const toIdentificationType = (r: MpIdentificationType): IdentificationType => {
  const id = text(r.id);
  if (id === null) throw unexpectedBody('mercadoPago', 'an identification type without an id');
  return { id, name: str(r.name), type: str(r.type), minLength: int(r.min_length), maxLength: int(r.max_length) };
};
