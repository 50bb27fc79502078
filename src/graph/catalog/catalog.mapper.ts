// The REST→GraphQL mappers for the catalog: payment methods and identification types.
import { UnexpectedUpstreamBody } from '../../upstream/errors';
import type { MpIdentificationType, MpPaymentMethod, MpPaymentMethodSetting } from '../../upstream/mercadopago';
import type { OnUnknown } from '../common/enums';
import { toDecimal } from '../common/scalars';
import { int, str, strings, text } from '../common/values';
import type { IdentificationType } from './identificationType.type';
import { readPaymentMethodStatus, type PaymentMethod, type PaymentMethodSetting } from './paymentMethod.type';

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
  if (id === null) throw new UnexpectedUpstreamBody('a payment method without an id');
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
  if (id === null) throw new UnexpectedUpstreamBody('an identification type without an id');
  return { id, name: str(r.name), type: str(r.type), minLength: int(r.min_length), maxLength: int(r.max_length) };
};
