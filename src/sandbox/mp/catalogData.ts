// What the catalog routes list besides the card brands of rules/paymentMethods.ts: each site's usual
// non-card methods, and its identification types. Limits and accreditation times are plausible
// sandbox values, not copies of production.
// References: https://www.mercadopago.com.br/developers/en/reference/payment_methods/_payment_methods/get
// https://www.mercadopago.com.ar/developers/en/guides/resources/localization/identification-types
import type { SiteId } from '../rules/sites';

export interface OtherMethod {
  id: string;
  name: string;
  payment_type_id: 'ticket' | 'bank_transfer' | 'account_money' | 'atm';
  min_allowed_amount: number;
  max_allowed_amount: number;
  /** Minutes until the money is credited. */
  accreditation_time: number;
  additional_info_needed: string[];
}

const accountMoney = (max: number): OtherMethod => ({
  id: 'account_money',
  name: 'Dinero en cuenta',
  payment_type_id: 'account_money',
  min_allowed_amount: 0.01,
  max_allowed_amount: max,
  accreditation_time: 0,
  additional_info_needed: [],
});

export const OTHER_METHODS: Record<SiteId, OtherMethod[]> = {
  MLA: [
    {
      id: 'rapipago',
      name: 'Rapipago',
      payment_type_id: 'ticket',
      min_allowed_amount: 1,
      max_allowed_amount: 500_000,
      accreditation_time: 2880,
      additional_info_needed: [],
    },
    {
      id: 'pagofacil',
      name: 'Pago Fácil',
      payment_type_id: 'ticket',
      min_allowed_amount: 1,
      max_allowed_amount: 500_000,
      accreditation_time: 2880,
      additional_info_needed: [],
    },
    accountMoney(5_000_000),
  ],
  MLB: [
    {
      id: 'pix',
      name: 'PIX',
      payment_type_id: 'bank_transfer',
      min_allowed_amount: 0.01,
      max_allowed_amount: 100_000,
      accreditation_time: 0,
      additional_info_needed: [],
    },
    {
      id: 'bolbradesco',
      name: 'Boleto',
      payment_type_id: 'ticket',
      min_allowed_amount: 4,
      max_allowed_amount: 100_000,
      accreditation_time: 4320,
      additional_info_needed: ['identification_type', 'identification_number'],
    },
    { ...accountMoney(60_000), name: 'Dinheiro em conta' },
  ],
  MLM: [
    {
      id: 'oxxo',
      name: 'OXXO',
      payment_type_id: 'ticket',
      min_allowed_amount: 10,
      max_allowed_amount: 10_000,
      accreditation_time: 60,
      additional_info_needed: [],
    },
    accountMoney(500_000),
  ],
};

/** The card fields Mercado Pago asks for at checkout; Mexico asks for no identification. */
export const CARD_INFO_NEEDED: Record<SiteId, string[]> = {
  MLA: ['cardholder_name', 'cardholder_identification_type', 'cardholder_identification_number'],
  MLB: ['cardholder_name', 'cardholder_identification_type', 'cardholder_identification_number'],
  MLM: ['cardholder_name'],
};

export interface IdentificationType {
  id: string;
  name: string;
  type: 'number' | 'letter';
  min_length: number;
  max_length: number;
}

const idType = (id: string, min: number, max: number): IdentificationType => ({
  id,
  name: id,
  type: 'number',
  min_length: min,
  max_length: max,
});

// "Keep in mind that this information does not apply to Mexico" (Identification types guide): the
// MLM list is empty.
export const IDENTIFICATION_TYPES: Record<SiteId, IdentificationType[]> = {
  MLA: [idType('DNI', 7, 8), idType('CI', 1, 9), idType('LC', 6, 7), idType('LE', 6, 7), idType('Otro', 5, 20)],
  MLB: [idType('CPF', 11, 11), idType('CNPJ', 14, 14)],
  MLM: [],
};

/** How amounts read in `recommended_message`, per site (es-AR, pt-BR, es-MX); the symbol is the site's. */
export const INSTALLMENT_WORDING: Record<SiteId, { one: string; many: string; thousands: string; decimal: string }> = {
  MLA: { one: 'cuota', many: 'cuotas', thousands: '.', decimal: ',' },
  MLB: { one: 'parcela', many: 'parcelas', thousands: '.', decimal: ',' },
  MLM: { one: 'mensualidad', many: 'mensualidades', thousands: ',', decimal: '.' },
};
