// The catalog of the caller's site: payment methods, installment options, identification types.
// Each route also takes `?public_key=` (MercadoPago.js calls them from the browser).
import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import { ApiError } from '../errors';
import type { SandboxRouter } from '../http';
import { payerCosts, type Financing } from '../rules/installments';
import { toNumber } from '../rules/money';
import { BRANDS, TEST_CARDS, brandById, thumbnails, type CardBrand } from '../rules/paymentMethods';
import { SITES, type SiteId } from '../rules/sites';
import type { JsonObject } from '../types';
import {
  CARD_INFO_NEEDED,
  IDENTIFICATION_TYPES,
  INSTALLMENT_WORDING,
  OTHER_METHODS,
  type OtherMethod,
} from './catalogData';

/** BINs of the site's other brands that this brand's pattern would also match (debit inside credit). */
export const exclusionPattern = (site: SiteId, brand: CardBrand): string | null => {
  const re = new RegExp(brand.bin_pattern);
  const bins = Object.entries(TEST_CARDS[site])
    .filter(([number, id]) => id !== brand.id && re.test(number))
    .map(([number]) => number.slice(0, 6));
  return bins.length ? `^(${[...new Set(bins)].join('|')})` : null;
};

/** The site's brand for a BIN: its pattern matches and its exclusion pattern does not. */
export const brandForBin = (site: SiteId, bin: string): CardBrand | null =>
  BRANDS[site].find((b) => {
    const exclusion = exclusionPattern(site, b);
    return new RegExp(b.bin_pattern).test(bin) && !(exclusion && new RegExp(exclusion).test(bin));
  }) ?? null;

/** One method of GET /v1/payment_methods, keys in the real answer's order. */
const methodBody = (
  m: Omit<OtherMethod, 'payment_type_id'> & { payment_type_id: string },
  deferred_capture: 'supported' | 'unsupported' | 'does_not_apply',
  settings: JsonObject[],
) => ({
  id: m.id,
  name: m.name,
  payment_type_id: m.payment_type_id,
  status: 'active',
  ...thumbnails(m.id),
  deferred_capture,
  settings,
  additional_info_needed: m.additional_info_needed,
  min_allowed_amount: m.min_allowed_amount,
  max_allowed_amount: m.max_allowed_amount,
  accreditation_time: m.accreditation_time,
  financial_institutions: [],
  processing_modes: ['aggregator'],
});

const cardMethod = (site: SiteId, b: CardBrand) =>
  methodBody(
    { ...b, accreditation_time: 2880, additional_info_needed: CARD_INFO_NEEDED[site] },
    b.payment_type_id === 'credit_card' ? 'supported' : 'unsupported',
    // An array, as the real API and the SDK's PaymentMethodSettings[] have it (the OpenAPI file says object).
    [
      {
        card_number: { validation: 'standard', length: b.card_number_length },
        bin: {
          pattern: b.bin_pattern,
          installments_pattern: b.bin_pattern,
          exclusion_pattern: exclusionPattern(site, b),
        },
        security_code: {
          length: b.security_code.length,
          card_location: b.security_code.card_location,
          mode: b.security_code.mode,
        },
      },
    ],
  );

const otherMethod = (m: OtherMethod) =>
  methodBody(m, m.payment_type_id === 'account_money' ? 'does_not_apply' : 'unsupported', []);

export const paymentMethods = (site: SiteId) => [
  ...BRANDS[site].map((b) => cardMethod(site, b)),
  ...OTHER_METHODS[site].map(otherMethod),
];

const money = (site: SiteId, d: Decimal): string => {
  const w = INSTALLMENT_WORDING[site];
  const [int, frac] = d.toFixed(2, Decimal.ROUND_HALF_UP).split('.');
  return `${SITES[site].currency_symbol} ${int.replace(/\B(?=(\d{3})+(?!\d))/g, w.thousands)}${w.decimal}${frac}`;
};

/** e.g. "3 parcelas de R$ 105,21 (R$ 315,62)", "9 mensualidades de $ 443.02 ($ 3,987.20)". */
export const recommendedMessage = (site: SiteId, f: Financing): string => {
  const w = INSTALLMENT_WORDING[site];
  const count = `${f.installments} ${f.installments === 1 ? w.one : w.many}`;
  return `${count} de ${money(site, f.installment_amount)} (${money(site, f.total_amount)})`;
};

const optionId = (site: SiteId, brand: CardBrand, n: number): string =>
  createHash('sha256').update(`${site}:${brand.id}:${n}`).digest('base64url').slice(0, 40);

const bad = (message: string) => new ApiError(400, message);

const AMOUNT = /^\d+(\.\d{1,2})?$/;

export const registerCatalog = (router: SandboxRouter): void => {
  // https://www.mercadopago.com.br/developers/en/reference/payment_methods/_payment_methods/get
  router.get('/v1/payment_methods', (req) => ({ status: 200, body: paymentMethods(req.caller.site_id) }), {
    auth: 'publicKey',
  });

  // https://www.mercadopago.com.br/developers/en/reference/payment_methods/_payment_methods_installments/get
  router.get(
    '/v1/payment_methods/installments',
    (req) => {
      const site = req.caller.site_id;
      const q = req.query;
      const methodId = q.get('payment_method_id');
      const rawAmount = q.get('amount');
      if (!methodId) throw bad('payment_method_id is required');
      if (rawAmount === null || rawAmount === '') throw bad('amount is required');
      if (!AMOUNT.test(rawAmount) || Number(rawAmount) <= 0) throw bad(`invalid amount: ${rawAmount}`);
      const bin = q.get('bin');
      if (bin !== null && !/^\d{6,8}$/.test(bin)) throw bad(`invalid bin: ${bin}`);
      const issuerId = q.get('issuer_id');
      if (issuerId !== null && !/^\d+$/.test(issuerId)) throw bad(`invalid issuer_id: ${issuerId}`);

      const brand = brandById(site, methodId);
      if (!brand) {
        // A known method without installments (pix, tickets, account_money) has no options.
        if (OTHER_METHODS[site].some((m) => m.id === methodId)) return { status: 200, body: [] };
        throw bad(`invalid payment_method_id: ${methodId}`);
      }
      const amount = new Decimal(rawAmount);
      if (amount.lt(brand.min_allowed_amount) || amount.gt(brand.max_allowed_amount)) {
        throw bad(`amount must be between ${brand.min_allowed_amount} and ${brand.max_allowed_amount} for ${brand.id}`);
      }
      // A BIN of another brand, or another issuer, gets no options (an empty list, not an error).
      if (bin !== null && brandForBin(site, bin)?.id !== brand.id) return { status: 200, body: [] };
      if (issuerId !== null && Number(issuerId) !== brand.issuer.id) return { status: 200, body: [] };

      const body = [
        {
          payment_method_id: brand.id,
          payment_type_id: brand.payment_type_id,
          issuer: { id: brand.issuer.id, name: brand.issuer.name, ...thumbnails(brand.id) },
          processing_mode: 'aggregator',
          merchant_account_id: null,
          payer_costs: payerCosts(site, brand, amount).map((f) => ({
            installments: f.installments,
            installment_rate: f.installment_rate,
            discount_rate: 0,
            reimbursement_rate: null,
            labels: f.installments === 1 ? ['recommended_installment'] : [],
            installment_rate_collector: ['MERCADOPAGO'],
            min_allowed_amount: brand.min_allowed_amount,
            max_allowed_amount: brand.max_allowed_amount,
            recommended_message: recommendedMessage(site, f),
            installment_amount: toNumber(f.installment_amount),
            total_amount: toNumber(f.total_amount),
            payment_method_option_id: optionId(site, brand, f.installments),
          })),
          agreements: null,
        },
      ];
      return { status: 200, body };
    },
    { auth: 'publicKey' },
  );

  // https://www.mercadopago.com.br/developers/en/reference/identification_types/_identification_types/get
  router.get('/v1/identification_types', (req) => ({ status: 200, body: IDENTIFICATION_TYPES[req.caller.site_id] }), {
    auth: 'publicKey',
  });
};
