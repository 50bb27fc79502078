// The catalog of the caller's site: GET /v1/payment_methods and /v1/identification_types through the
// SDK, GET /v1/payment_methods/installments over raw HTTP (the SDK has no client for it).
import { IdentificationType, PaymentMethod } from 'mercadopago';
import { TOKENS, mp, raw, useSandbox } from '../support/sandbox';

const installments = (url: string, query: string, token: string = TOKENS.sellerMLB) =>
  raw(url, 'GET', `/v1/payment_methods/installments?${query}`, { token });

describe('sandbox catalog', () => {
  const env = useSandbox();

  describe('GET /v1/payment_methods', () => {
    it('lists the MLB card brands and usual methods', async () => {
      const methods = await new PaymentMethod(mp(TOKENS.sellerMLB)).get();
      expect(methods.map((m) => m.id).sort()).toEqual([
        'account_money',
        'amex',
        'bolbradesco',
        'debelo',
        'master',
        'pix',
        'visa',
      ]);
      const visa = methods.find((m) => m.id === 'visa');
      expect(JSON.parse(JSON.stringify(visa))).toEqual({
        id: 'visa',
        name: 'Visa',
        payment_type_id: 'credit_card',
        status: 'active',
        secure_thumbnail: 'https://www.mercadopago.com/org-img/MP3/API/logos/visa.gif',
        thumbnail: 'http://img.mlstatic.com/org-img/MP3/API/logos/visa.gif',
        deferred_capture: 'supported',
        settings: [
          {
            card_number: { validation: 'standard', length: 16 },
            bin: { pattern: '^4', installments_pattern: '^4', exclusion_pattern: null },
            security_code: { length: 3, card_location: 'back', mode: 'mandatory' },
          },
        ],
        additional_info_needed: [
          'cardholder_name',
          'cardholder_identification_type',
          'cardholder_identification_number',
        ],
        min_allowed_amount: 0.5,
        max_allowed_amount: 60000,
        accreditation_time: 2880,
        financial_institutions: [],
        processing_modes: ['aggregator'],
      });
      expect(methods.find((m) => m.id === 'amex')?.settings?.[0].security_code).toEqual({
        length: 4,
        card_location: 'front',
        mode: 'mandatory',
      });
      expect(methods.find((m) => m.id === 'pix')).toMatchObject({
        payment_type_id: 'bank_transfer',
        settings: [],
        deferred_capture: 'unsupported',
      });
      expect(methods.find((m) => m.id === 'bolbradesco')).toMatchObject({ payment_type_id: 'ticket' });
    });

    it("follows the caller's site", async () => {
      const mla = (
        await raw(env.url, 'GET', '/v1/payment_methods', { headers: { Authorization: 'Bearer TEST-NOBODY' } })
      ).status;
      expect(mla).toBe(401);
      const mlm = await new PaymentMethod(mp(TOKENS.sellerMLM)).get();
      expect(mlm.map((m) => m.id).sort()).toEqual([
        'account_money',
        'amex',
        'debmaster',
        'debvisa',
        'master',
        'oxxo',
        'visa',
      ]);
      expect(mlm.find((m) => m.id === 'visa')?.settings?.[0].bin).toEqual({
        pattern: '^4',
        installments_pattern: '^4',
        exclusion_pattern: '^(418914)',
      });
      expect(mlm.find((m) => m.id === 'visa')?.additional_info_needed).toEqual(['cardholder_name']);
    });

    it("answers a public key too (MercadoPago.js's way)", async () => {
      const res = await raw(env.url, 'GET', '/v1/payment_methods?public_key=TEST-PUBLIC-277582551');
      expect(res.status).toBe(200);
      expect(res.body.map((m: any) => m.id)).toContain('oxxo');
    });
  });

  describe('GET /v1/payment_methods/installments', () => {
    it('prices MLB visa in 3 installments as the order payments page does (295 → 315.62)', async () => {
      const res = await installments(env.url, 'payment_method_id=visa&amount=295');
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(1);
      const [option] = res.body;
      expect(option).toMatchObject({
        payment_method_id: 'visa',
        payment_type_id: 'credit_card',
        issuer: { id: 25, name: 'Visa', thumbnail: expect.any(String), secure_thumbnail: expect.any(String) },
        processing_mode: 'aggregator',
        merchant_account_id: null,
        agreements: null,
      });
      expect(option.payer_costs.map((c: any) => c.installments)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(option.payer_costs[0]).toMatchObject({
        installment_rate: 0,
        total_amount: 295,
        installment_amount: 295,
        labels: ['recommended_installment'],
      });
      expect(option.payer_costs[2]).toEqual({
        installments: 3,
        installment_rate: 6.99,
        discount_rate: 0,
        reimbursement_rate: null,
        labels: [],
        installment_rate_collector: ['MERCADOPAGO'],
        min_allowed_amount: 0.5,
        max_allowed_amount: 60000,
        recommended_message: '3 parcelas de R$ 105,21 (R$ 315,62)',
        installment_amount: 105.21,
        total_amount: 315.62,
        payment_method_option_id: expect.any(String),
      });
    });

    it('prices MLM amex in 9 installments as the order payments page does (3500 → 3987.20)', async () => {
      const res = await installments(env.url, 'payment_method_id=amex&amount=3500', TOKENS.sellerMLM);
      const nine = res.body[0].payer_costs.find((c: any) => c.installments === 9);
      expect(nine).toMatchObject({
        installment_rate: 13.92,
        installment_amount: 443.02,
        total_amount: 3987.2,
        recommended_message: '9 mensualidades de $ 443.02 ($ 3,987.20)',
      });
    });

    it('offers a debit card one installment only', async () => {
      const res = await installments(env.url, 'payment_method_id=debelo&amount=100');
      expect(res.body[0].payer_costs.map((c: any) => c.installments)).toEqual([1]);
    });

    it("matches bin and issuer_id: another brand's BIN or issuer gets no options", async () => {
      expect((await installments(env.url, 'payment_method_id=visa&amount=100&bin=423564')).body).toHaveLength(1);
      expect((await installments(env.url, 'payment_method_id=visa&amount=100&bin=503143')).body).toEqual([]);
      expect((await installments(env.url, 'payment_method_id=visa&amount=100&issuer_id=25')).body).toHaveLength(1);
      expect((await installments(env.url, 'payment_method_id=visa&amount=100&issuer_id=24')).body).toEqual([]);
      expect((await installments(env.url, 'payment_method_id=pix&amount=100')).body).toEqual([]);
    });

    it.each([
      ['no payment_method_id', 'amount=100', 'payment_method_id is required'],
      ['no amount', 'payment_method_id=visa', 'amount is required'],
      ['a negative amount', 'payment_method_id=visa&amount=-5', 'invalid amount: -5'],
      ['an amount with three decimals', 'payment_method_id=visa&amount=1.005', 'invalid amount: 1.005'],
      [
        "an amount over the brand's maximum",
        'payment_method_id=visa&amount=60000.01',
        'amount must be between 0.5 and 60000 for visa',
      ],
      ['an unknown method', 'payment_method_id=diners&amount=100', 'invalid payment_method_id: diners'],
      ['a malformed bin', 'payment_method_id=visa&amount=100&bin=4x', 'invalid bin: 4x'],
    ])('answers 400 to %s', async (_label, query, message) => {
      const res = await installments(env.url, query);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ message, error: 'bad_request', status: 400, cause: [] });
    });
  });

  describe('GET /v1/identification_types', () => {
    it('lists CPF and CNPJ for MLB', async () => {
      const types = await new IdentificationType(mp(TOKENS.sellerMLB)).list();
      expect(JSON.parse(JSON.stringify(types))).toEqual([
        { id: 'CPF', name: 'CPF', type: 'number', min_length: 11, max_length: 11 },
        { id: 'CNPJ', name: 'CNPJ', type: 'number', min_length: 14, max_length: 14 },
      ]);
    });

    it('lists nothing for MLM (Mexico asks for no identification)', async () => {
      expect(JSON.parse(JSON.stringify(await new IdentificationType(mp(TOKENS.sellerMLM)).list()))).toEqual([]);
    });

    it('takes a public key', async () => {
      const res = await raw(env.url, 'GET', '/v1/identification_types?public_key=TEST-PUBLIC-160903317');
      expect(res.body.map((t: any) => t.id)).toEqual(['CPF', 'CNPJ']);
    });
  });
});
