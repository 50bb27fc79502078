// Query.paymentMethods and Query.identificationTypes over real HTTP: the caller's site's catalog,
// read once per request whatever asks for it.
import { CheckoutOptionsDocument, PaymentMethodsTwiceDocument } from '../generated/graphql';
import { requests, TOKENS } from '../support/sandbox';
import { execute, useStack } from '../support/stack';
import { upstreamCalls } from '../support/upstreamCalls';

describe('Query.paymentMethods and Query.identificationTypes', () => {
  const stack = useStack();

  const upstream = () => upstreamCalls(stack.sandboxUrl);

  it("serves a Brazilian seller's checkout options, one call per list", async () => {
    const res = await execute(stack.gatewayUrl, CheckoutOptionsDocument, {}, TOKENS.sellerMLB);
    expect(res.errors).toBeUndefined();
    const methods = res.data!.paymentMethods;
    expect(methods.map((m) => m.id)).toEqual(
      expect.arrayContaining(['visa', 'master', 'pix', 'bolbradesco', 'account_money']),
    );
    expect(methods.find((m) => m.id === 'visa')).toEqual({
      id: 'visa',
      name: 'Visa',
      paymentTypeId: 'credit_card',
      status: 'ACTIVE',
      secureThumbnail: 'https://www.mercadopago.com/org-img/MP3/API/logos/visa.gif',
      minAllowedAmount: '0.5',
      maxAllowedAmount: '60000',
      additionalInfoNeeded: ['cardholder_name', 'cardholder_identification_type', 'cardholder_identification_number'],
      settings: [
        {
          cardNumber: { length: 16, validation: 'standard' },
          bin: { pattern: '^4', exclusionPattern: null },
          securityCode: { length: 3, cardLocation: 'back', mode: 'mandatory' },
        },
      ],
    });
    expect(methods.find((m) => m.id === 'pix')?.settings).toEqual([]);
    expect(res.data!.identificationTypes).toEqual([
      { id: 'CPF', name: 'CPF', type: 'number', minLength: 11, maxLength: 11 },
      { id: 'CNPJ', name: 'CNPJ', type: 'number', minLength: 14, maxLength: 14 },
    ]);
    expect(await upstream()).toEqual({ 'GET /v1/payment_methods': 1, 'GET /v1/identification_types': 1 });
  });

  it("serves a Mexican seller's own site: oxxo, and no identification types", async () => {
    const res = await execute(stack.gatewayUrl, CheckoutOptionsDocument, {}, TOKENS.sellerMLM);
    expect(res.errors).toBeUndefined();
    expect(res.data!.paymentMethods.map((m) => m.id)).toContain('oxxo');
    expect(res.data!.paymentMethods.map((m) => m.id)).not.toContain('pix');
    expect(res.data!.identificationTypes).toEqual([]);
  });

  it('reads the list once when two fields of the operation ask for it', async () => {
    const res = await execute(stack.gatewayUrl, PaymentMethodsTwiceDocument, {}, TOKENS.sellerMLB);
    expect(res.errors).toBeUndefined();
    expect(res.data?.cards.map((m) => m.id)).toEqual(res.data?.all.map((m) => m.id));
    expect(await upstream()).toEqual({ 'GET /v1/payment_methods': 1 });
  });

  it('is UNAUTHENTICATED without a token, with no upstream call', async () => {
    const res = await execute(stack.gatewayUrl, CheckoutOptionsDocument, {});
    expect(res.data).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(expect.arrayContaining(['UNAUTHENTICATED']));
    expect((await requests(stack.sandboxUrl)).total).toBe(0);
  });

  it('answers UPSTREAM_UNAVAILABLE without details when Mercado Pago is down', async () => {
    await fetch(`${stack.sandboxUrl}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ route: 'GET /v1/identification_types', status: 503 }),
    });
    const res = await execute(stack.gatewayUrl, CheckoutOptionsDocument, {}, TOKENS.sellerMLB);
    // Both lists are non-null at the root, so one failing list nulls `data`.
    expect(res.data).toBeNull();
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['identificationTypes'], 'UPSTREAM_UNAVAILABLE'],
    ]);
    expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|\/v1\/|TEST-/);
  });
});
