// Payment's full shape over real HTTP: the order payments page's payment in both views, refunds and
// fees from the payment body, statusMessage in three languages, and what each costs upstream.
import { randomUUID } from 'node:crypto';
import { PaymentRefund } from 'mercadopago';
import { PaymentReceiptDocument, PaymentStatusMessageDocument } from '../generated/graphql';
import { mp, requests, TOKENS } from '../support/sandbox';
import { execute, useStack } from '../support/stack';
import { upstreamCalls, upstreamCallsSince } from '../support/upstreamCalls';
import { pay, PAYER_EMAIL } from './sandbox-payments-helpers';

const SEED_PAYMENT = '3506756222';

describe('Payment (receipt fields)', () => {
  const stack = useStack();

  const upstream = () => upstreamCalls(stack.sandboxUrl);

  it("serves the order payments page's payment as its seller sees it: payer named, collector by id, fee, statusMessage in three languages, in one call", async () => {
    const res = await execute(stack.gatewayUrl, PaymentReceiptDocument, { id: SEED_PAYMENT }, TOKENS.sellerMLM);
    expect(res.errors).toBeUndefined();
    expect(res.data?.payment).toEqual({
      id: SEED_PAYMENT,
      status: 'APPROVED',
      statusDetail: 'accredited',
      messageEs: '¡Listo! Se acreditó tu pago. En tu resumen verás el cargo de MXN 3500.00 como MERCADOPAGO.',
      messageEn: 'Done! Your payment was credited. Your statement will show the MXN 3500.00 charge as MERCADOPAGO.',
      messagePt: 'Pronto, seu pagamento foi aprovado! No resumo, você verá a cobrança do valor como MERCADOPAGO.',
      defaultMessage: '¡Listo! Se acreditó tu pago. En tu resumen verás el cargo de MXN 3500.00 como MERCADOPAGO.',
      amount: { amount: '3500', currency: 'MXN' },
      amountRefunded: { amount: '0', currency: 'MXN' },
      totalPaidAmount: { amount: '3987.2', currency: 'MXN' },
      installments: 9,
      installmentAmount: { amount: '443.02', currency: 'MXN' },
      issuerId: '157',
      payer: {
        id: '53745235',
        email: null,
        firstName: 'Joan Carlos',
        lastName: 'Gonzalez Guzman',
        identification: { type: 'IFE', number: '83092109600' },
        type: 'REGISTERED',
      },
      collector: { id: '277582551', firstName: null, lastName: null, email: null },
      card: {
        id: null,
        customerId: null,
        firstSixDigits: '371772',
        lastFourDigits: '1001',
        paymentMethod: null,
        cardholder: { name: 'JOAN C GONZALEZ GUZMAN', identification: null },
      },
      refunds: [],
      feeDetails: [{ type: 'FINANCING_FEE', feePayer: 'PAYER', amount: { amount: '487.2', currency: 'MXN' } }],
    });
    expect(await upstream()).toEqual({ 'GET /v1/payments/{id}': 1 });
  });

  it("serves the buyer's view to its buyer: the payer by id only, the collector named", async () => {
    const res = await execute(stack.gatewayUrl, PaymentReceiptDocument, { id: SEED_PAYMENT }, TOKENS.buyerMLM);
    expect(res.errors).toBeUndefined();
    expect(res.data?.payment).toMatchObject({
      payer: { id: '53745235', email: null, firstName: null, lastName: null, identification: null, type: null },
      collector: { id: '277582551', firstName: 'Belem', lastName: 'Jimenez', email: null },
      totalPaidAmount: { amount: '3987.2', currency: 'MXN' },
      installmentAmount: { amount: '443.02', currency: 'MXN' },
      feeDetails: [{ type: 'FINANCING_FEE', feePayer: 'PAYER', amount: { amount: '487.2', currency: 'MXN' } }],
      messageEn: 'Done! Your payment was credited. Your statement will show the MXN 3500.00 charge as MERCADOPAGO.',
    });
    expect(await upstream()).toEqual({ 'GET /v1/payments/{id}': 1 });
  });

  it('is null with one NOT_FOUND at ["payment"] for another seller\'s payment', async () => {
    const res = await execute(stack.gatewayUrl, PaymentReceiptDocument, { id: SEED_PAYMENT }, TOKENS.sellerMLB);
    expect(res.data).toEqual({ payment: null });
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['payment'], 'NOT_FOUND']]);
  });

  const callsSince = (before: Record<string, number>) => upstreamCallsSince(stack.sandboxUrl, before);

  it('lists refunds from the payment body in decimal, with no refunds call', async () => {
    const created = await pay({ amount: 100.3, body: { statement_descriptor: 'MPGRAPH' } });
    const refunds = new PaymentRefund(mp(TOKENS.sellerMLB));
    const first = await refunds.create({
      payment_id: created.id,
      body: { amount: 30.1 },
      requestOptions: { idempotencyKey: randomUUID() },
    });
    const before = await upstream();

    const partial = await execute(
      stack.gatewayUrl,
      PaymentReceiptDocument,
      { id: String(created.id) },
      TOKENS.sellerMLB,
    );
    expect(partial.errors).toBeUndefined();
    expect(partial.data?.payment).toMatchObject({
      status: 'APPROVED',
      statusDetail: 'partially_refunded',
      // The guide has no text for partially_refunded.
      messageEs: null,
      messageEn: null,
      messagePt: null,
      amount: { amount: '100.3', currency: 'BRL' },
      amountRefunded: { amount: '30.1', currency: 'BRL' },
      payer: { email: PAYER_EMAIL, type: 'GUEST' },
      collector: { id: '169648308', firstName: null },
      refunds: [
        {
          id: String(first.id),
          paymentId: String(created.id),
          amount: { amount: '30.1', currency: 'BRL' },
          status: 'APPROVED',
        },
      ],
    });
    expect(partial.data?.payment?.refunds[0].dateCreated).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await refunds.create({
      payment_id: created.id,
      body: { amount: 70.2 },
      requestOptions: { idempotencyKey: randomUUID() },
    });
    const full = await execute(stack.gatewayUrl, PaymentReceiptDocument, { id: String(created.id) }, TOKENS.sellerMLB);
    expect(full.data?.payment).toMatchObject({
      status: 'REFUNDED',
      statusDetail: 'refunded',
      amountRefunded: { amount: '100.3', currency: 'BRL' },
      refunds: [{ amount: { amount: '30.1' } }, { amount: { amount: '70.2' } }],
    });
    // Two operations, one payment read each, never GET …/refunds.
    expect(await callsSince(before)).toEqual({ 'GET /v1/payments/{id}': 2, 'POST /v1/payments/{id}/refunds': 1 });
  });

  it.each([
    [
      'FUND',
      'cc_rejected_insufficient_amount',
      'Tu visa no tiene fondos suficientes.',
      'Your visa does not have enough funds.',
      'O visa possui saldo insuficiente.',
    ],
    [
      'CALL',
      'cc_rejected_call_for_authorize',
      'Debes autorizar ante visa el pago de BRL 296.00.',
      'Authorize the BRL 296.00 payment to visa.',
      'Você deve autorizar ao visa o pagamento do valor ao Mercado Pago.',
    ],
    [
      'SECU',
      'cc_rejected_bad_filled_security_code',
      'Revisa el código de seguridad de la tarjeta.',
      'Check card security code.',
      'Revise o código de segurança do cartão.',
    ],
    [
      'CONT',
      'pending_contingency',
      'Estamos procesando tu pago. No te preocupes, menos de 2 días hábiles te avisaremos por e-mail si se acreditó.',
      "We are processing your payment. Don't worry! You will be notified via e-mail if the payment was credited in less than 2 business days.",
      'Estamos processando o pagamento. Não se preocupe, em menos de 2 dias úteis informaremos por e-mail se foi creditado.',
    ],
  ])('gives the buyer-facing text of a %s payment (%s) in es, en and pt', async (name, detail, es, en, pt) => {
    const created = await pay({ name, amount: 296 });
    const texts: (string | null | undefined)[] = [];
    for (const locale of ['ES', 'EN', 'PT'] as const) {
      const res = await execute(
        stack.gatewayUrl,
        PaymentStatusMessageDocument,
        { id: String(created.id), locale },
        TOKENS.sellerMLB,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.payment?.statusDetail).toBe(detail);
      texts.push(res.data?.payment?.statusMessage);
    }
    expect(texts).toEqual([es, en, pt]);
  });

  it('gives no accredited text while the payment has no statement descriptor to fill it with', async () => {
    const created = await pay({ amount: 10 });
    const res = await execute(
      stack.gatewayUrl,
      PaymentStatusMessageDocument,
      { id: String(created.id), locale: 'EN' },
      TOKENS.sellerMLB,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.payment).toMatchObject({ status: 'APPROVED', statusDetail: 'accredited', statusMessage: null });
  });

  it('refuses an unknown locale before any upstream call', async () => {
    const res = await execute(
      stack.gatewayUrl,
      PaymentStatusMessageDocument,
      { id: SEED_PAYMENT, locale: 'FR' as never },
      TOKENS.sellerMLM,
    );
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect((await requests(stack.sandboxUrl)).total).toBe(0);
  });
});
