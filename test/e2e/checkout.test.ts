// The checkout example (examples/checkout) in headless Chromium, as `npm run example` runs it: the gateway and its
// embedded sandbox with the shop's auth file, and the shop's backend serving the built page and minting its session
// JWTs. The browser resolves no host but 127.0.0.1. Each test opens a fresh page, so a fresh cart and session.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { SELLER, startExample, type RunningExample } from '../../examples/checkout/server/example';
import { launch, SCREENSHOTS, withScreenshot, type Browser } from './browser';

jest.setTimeout(90_000);

const ENV = { PORT: '0', SANDBOX_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' };
/** The README's pictures: `UPDATE_SCREENSHOTS=1 npx jest test/e2e` writes them here. */
const README_IMAGES = join(__dirname, '..', '..', 'docs', 'images');
const WAIT = { timeout: 15_000 };

/** The sandbox's Brazilian test Mastercard; the cardholder name decides the outcome. */
const CARD = { number: '5031 4332 1540 6351', month: '11', year: '30', securityCode: '123' };

let example: RunningExample;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  example = await startExample({ env: ENV });
  browser = await launch({ offline: true });
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await example?.close();
});

const sandbox = (): string => example.app.sandbox!.url;
const gateway = (): string => `${example.app.gateway.url}/graphql`;

const sandboxCall = async (method: string, path: string, body?: unknown): Promise<any> => {
  const response = await fetch(`${sandbox()}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
};

/** A GraphQL call as the seller's own back-office server makes it (the auth file passes test tokens through). */
const asSeller = async (query: string, variables: Record<string, unknown>): Promise<any> => {
  const response = await fetch(gateway(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SELLER.accessToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const body: any = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

/** How many times the gateway has asked the sandbox to create a payment. */
const paymentWrites = async (): Promise<number> =>
  (await sandboxCall('GET', '/__sandbox/requests')).requests.filter(
    (r: any) => r.method === 'POST' && r.route === 'POST /v1/payments',
  ).length;

/** How many times a page asked the sandbox for a card token. */
const cardTokenRequests = async (): Promise<number> =>
  (await sandboxCall('GET', '/__sandbox/requests')).requests.filter((r: any) => r.route === 'POST /v1/card_tokens')
    .length;

const openCheckout = async (lang: string): Promise<void> => {
  await page.goto(`${example.backend.url}/?lang=${lang}`);
  await page.waitForSelector('body[data-checkout="ready"]', WAIT);
};

/** Fills the card form: the test card, or what `card` changes of it. */
const fillCard = async (cardholder: string, card: Partial<typeof CARD> = {}): Promise<void> => {
  const typed = { ...CARD, ...card };
  await page.fill('input[name=number]', typed.number);
  await page.fill('input[name=cardholderName]', cardholder);
  await page.fill('input[name=expirationMonth]', typed.month);
  await page.fill('input[name=expirationYear]', typed.year);
  await page.fill('input[name=securityCode]', typed.securityCode);
  await page.fill('input[name=email]', 'buyer@example.com');
};

/** Presses pay; resolves once the page has the answer. */
const submit = async (): Promise<void> => {
  await page.click('#pay');
  await page.waitForSelector('body[data-checkout="done"]', WAIT);
};

const pay = async (cardholder: string, card: Partial<typeof CARD> = {}): Promise<void> => {
  await fillCard(cardholder, card);
  await submit();
};

const resultStatus = (status: string) => page.waitForSelector(`#result[data-status="${status}"]`, WAIT);
const text = async (selector: string): Promise<string> => ((await page.textContent(selector)) ?? '').trim();
const paymentId = async (): Promise<string> => (await page.getAttribute('#result', 'data-payment')) ?? '';

/** What the gateway says the buyer should read for a payment, in one language. */
const statusMessage = async (id: string, locale: string): Promise<string> =>
  (await asSeller('query($id: ID!, $l: Locale!) { payment(id: $id) { statusMessage(locale: $l) } }', { id, l: locale }))
    .payment.statusMessage;

/** Saves the page for the README when asked (UPDATE_SCREENSHOTS=1), else beside the failure screenshots. */
const picture = async (name: string): Promise<void> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS) {
    mkdirSync(README_IMAGES, { recursive: true });
    copyFileSync(file, join(README_IMAGES, `${name}.png`));
  }
};

describe('the checkout page in Chromium', () => {
  it('pays its cart with APRO and shows the payment approved, with the buyer-facing text in the page language', async () => {
    await withScreenshot(browser, 'checkout-approved', async () => {
      browser.requests.length = 0;
      // What the page sends the gateway: never the card.
      const toGateway: string[] = [];
      const record = (request: Request): void => {
        if (request.url().startsWith(example.app.gateway.url)) toGateway.push(request.postData() ?? '');
      };
      page.on('request', record);
      await openCheckout('es');
      expect(await page.getAttribute('html', 'lang')).toBe('es');
      const total = await text('#cart-total');
      expect(total).toMatch(/^250,00\sR\$$/);
      const before = await paymentWrites();
      await fillCard('APRO');
      await page.locator('#card-brand', { hasText: 'Mastercard' }).waitFor(WAIT);
      await picture('checkout-form');
      await submit();
      await resultStatus('APPROVED');
      const id = await paymentId();
      expect(await text('#result-status')).toBe('Pago aprobado');
      // The shop's statement descriptor, from its session JWT, completes Mercado Pago's text.
      const message = await text('#result-message');
      expect(message).toBe(
        '¡Listo! Se acreditó tu pago. En tu resumen verás el cargo de BRL 250.00 como CASA DO MATE.',
      );
      expect(message).toBe(await statusMessage(id, 'ES'));
      expect(await paymentWrites()).toBe(before + 1);

      // What Mercado Pago holds: the cart's amount and reference, from the JWT's claims.
      const upstream = await sandboxCall('GET', `/__sandbox/requests`);
      expect(upstream.total).toBeGreaterThan(0);
      const held = await asSeller('query($id: ID!) { payment(id: $id) { amount { amount } externalReference } }', {
        id,
      });
      expect(held.payment.amount.amount).toBe('250');
      expect(held.payment.externalReference).toMatch(/^cart-/);
      await page.waitForSelector('body[data-watching="on"]', WAIT);
      await picture('checkout-approved');

      // The page asked only the shop, the card-token service and the gateway: no CDN, no font, no analytics.
      page.off('request', record);
      expect(toGateway.some((body) => body.includes('mutation PayCart'))).toBe(true);
      const variables = toGateway.map((body) => JSON.stringify(body ? JSON.parse(body).variables : null));
      expect(variables.join('\n')).not.toMatch(/5031 ?4332 ?1540 ?6351|security_?code|expiration|cardholder/i);
      const hosts = new Set(browser.requests.map((url) => new URL(url).host));
      expect([...hosts].sort()).toEqual(
        [example.backend.url, sandbox(), example.app.gateway.url].map((url) => new URL(url).host).sort(),
      );
    });
  });

  it('pays with FUND and shows the rejection message, then takes another card', async () => {
    await withScreenshot(browser, 'checkout-rejected', async () => {
      await openCheckout('en');
      await pay('FUND');
      await resultStatus('REJECTED');
      const rejected = await paymentId();
      expect(await text('#result-status')).toBe('Payment declined');
      expect(await text('#result-message')).toBe('Your master does not have enough funds.');
      expect(await text('#result-note')).toBe('Try another card.');
      expect(await page.isEnabled('#pay')).toBe(true);

      await pay('APRO');
      await resultStatus('APPROVED');
      expect(await paymentId()).not.toBe(rejected);
    });
  });

  it('pays with CONT, shows it in process, and shows it approved when Mercado Pago decides', async () => {
    await withScreenshot(browser, 'checkout-in-process', async () => {
      await openCheckout('pt');
      await pay('CONT');
      await resultStatus('IN_PROCESS');
      const id = await paymentId();
      expect(await text('#result-status')).toBe('Pagamento em processamento');
      expect(await text('#result-message')).toMatch(/^Estamos processando o pagamento\./);
      await page.waitForSelector('body[data-watching="on"]', WAIT);

      await sandboxCall('POST', `/__sandbox/payments/${id}/approve`);
      await resultStatus('APPROVED');
      expect(await text('#result-status')).toBe('Pagamento aprovado');
      expect(await text('#result-message')).toBe(await statusMessage(id, 'PT'));
    });
  });

  it('shows a refund made later from the back office', async () => {
    await withScreenshot(browser, 'checkout-refunded', async () => {
      await openCheckout('en');
      await pay('APRO');
      await resultStatus('APPROVED');
      const id = await paymentId();
      await page.waitForSelector('body[data-watching="on"]', WAIT);

      const refunded = await asSeller(
        'mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { payment { status } userErrors { code } } }',
        { input: { paymentId: id, idempotencyKey: `refund-${id}` } },
      );
      expect(refunded.refundPayment).toEqual({ payment: { status: 'REFUNDED' }, userErrors: [] });
      await resultStatus('REFUNDED');
      expect(await text('#result-status')).toBe('Payment refunded');
    });
  });

  it('cannot be made to pay another amount than its cart: the gateway refuses and charges nothing', async () => {
    await withScreenshot(browser, 'checkout-other-amount', async () => {
      await openCheckout('en');
      // A buyer with the browser's tools rewrites the mutation's amount on its way to the gateway.
      let rewritten = 0;
      await page.route(gateway(), async (route) => {
        const body = route.request().postDataJSON();
        if (body?.query?.includes('mutation PayCart')) {
          body.variables.input.amount = '1.00';
          rewritten++;
          await route.continue({ postData: JSON.stringify(body) });
        } else await route.continue();
      });
      try {
        const before = await paymentWrites();
        await pay('APRO');
        expect(rewritten).toBe(1);
        expect(await text('#form-error')).toBe('The payment could not be made: This checkout pays 250.00 exactly.');
        expect(await page.isHidden('#result')).toBe(true);
        expect(await paymentWrites()).toBe(before);
      } finally {
        await page.unroute(gateway());
      }
    });
  });

  it('says so when the card token expired before the payment, and pays once the card is entered again', async () => {
    await withScreenshot(browser, 'checkout-token-expired', async () => {
      await openCheckout('en');
      // The token expires between tokenization and payment (a buyer who waited too long).
      let expired = 0;
      await page.route(gateway(), async (route) => {
        const body = route.request().postDataJSON();
        if (body?.query?.includes('mutation PayCart') && expired === 0) {
          await sandboxCall('POST', `/__sandbox/card_tokens/${body.variables.input.token}/expire`);
          expired++;
        }
        await route.continue();
      });
      try {
        await pay('APRO');
        expect(expired).toBe(1);
        expect(await text('#form-error')).toBe(
          'Your card details expired before the payment was made. Enter them again: nothing was charged.',
        );
        await pay('APRO');
        await resultStatus('APPROVED');
      } finally {
        await page.unroute(gateway());
      }
    });
  });

  it('sends an attempt whose answers were lost again with the same key, and is charged once', async () => {
    await withScreenshot(browser, 'checkout-answer-lost', async () => {
      await openCheckout('en');
      // Mercado Pago makes the payment, and the connection drops before its answer reaches the gateway: three
      // times, as many as the page tries by itself.
      await sandboxCall('POST', '/__sandbox/faults', {
        route: 'POST /v1/payments',
        after: true,
        reset: true,
        times: 3,
      });
      const before = (await sandboxCall('GET', '/__sandbox/requests')).requests.length;
      await pay('APRO');
      expect(await text('#form-error')).toBe(
        'We could not reach the payment service. Try again: you will not be charged twice.',
      );
      expect(await page.isHidden('#result')).toBe(true);
      // The buyer presses pay again (whatever the form holds now): the same attempt goes, and is answered.
      await pay('FUND');
      await resultStatus('APPROVED');
      const writes = (await sandboxCall('GET', '/__sandbox/requests')).requests
        .slice(before)
        .filter((r: any) => r.route === 'POST /v1/payments');
      // Oldest first: three writes whose answers were lost, then the one answered; one idempotency key for all.
      expect(writes.map((r: any) => r.status)).toEqual([null, null, null, 201]);
      expect(new Set(writes.map((r: any) => r.idempotencyKey)).size).toBe(1);
      // One payment for the cart, whatever the retries.
      const id = await paymentId();
      const { payment } = await asSeller('query($id: ID!) { payment(id: $id) { externalReference } }', { id });
      const found = await asSeller(
        'query($ref: String!) { payments(filter: { externalReference: $ref }) { totalCount } }',
        { ref: payment.externalReference },
      );
      expect(found.payments.totalCount).toBe(1);
    });
  });

  it('stops taking cards once the session has used its attempts', async () => {
    await withScreenshot(browser, 'checkout-attempts-exhausted', async () => {
      await openCheckout('en');
      for (let i = 0; i < 5; i++) {
        await pay('FUND');
        await resultStatus('REJECTED');
      }
      const before = await paymentWrites();
      await pay('APRO');
      expect(await text('#form-error')).toBe('You have used every attempt for this cart.');
      expect(await page.isDisabled('#pay')).toBe(true);
      expect(await paymentWrites()).toBe(before);
    });
  });

  it('names the brand as the number is typed, and checks number and code before any request', async () => {
    await withScreenshot(browser, 'checkout-card-checks', async () => {
      await openCheckout('en');
      await page.locator('input[name=number]').pressSequentially('5031 43');
      await page.locator('#card-brand', { hasText: 'Mastercard' }).waitFor(WAIT);
      const tokens = await cardTokenRequests();
      await pay('APRO', { securityCode: '12' });
      expect(await text('#form-error')).toBe('Check the security code.');
      await pay('APRO', { number: '5031 4332 1540 6352' }); // one digit off: the check digit fails
      expect(await text('#form-error')).toBe('Check the card number.');
      await pay('APRO', { number: '9999 9999 9999 9995' }); // no brand the seller takes
      expect(await text('#form-error')).toBe('Check the card number.');
      expect(await cardTokenRequests()).toBe(tokens);
    });
  });

  it('says which card field is wrong when Mercado Pago will not tokenize the card', async () => {
    await withScreenshot(browser, 'checkout-bad-card', async () => {
      await openCheckout('en');
      const [tokens, writes] = [await cardTokenRequests(), await paymentWrites()];
      // A well-formed Mastercard, but not one of the sandbox's Brazilian test cards.
      await pay('APRO', { number: '5555 5555 5555 4444' });
      expect(await text('#form-error')).toBe('Check the card number.');
      expect(await cardTokenRequests()).toBe(tokens + 1);
      expect(await paymentWrites()).toBe(writes);
    });
  });
});

describe('the back office order view in Chromium', () => {
  it('shows an order with its payments and its balance due, and follows a refund live', async () => {
    await withScreenshot(browser, 'back-office-order', async () => {
      // A purchase of R$ 300.00, paid in full by the buyer: the seller sees it from then on.
      const order = await sandboxCall('POST', '/__sandbox/orders', {
        seller_id: 169648308,
        buyer_id: 160903317,
        items: [{ id: 'MLB700000009', title: 'Cadeira', quantity: 3, unit_price: 100 }],
      });
      const payment = await sandboxCall('POST', `/__sandbox/orders/${order.id}/pay`, { amount: 300 });

      await page.goto(`${example.backend.url}/back-office?order=${order.id}&lang=en`);
      await page.waitForSelector('body[data-order="ready"]', WAIT);
      expect(await text('#order-total')).toBe('R$300.00');
      expect(await text('#order-balance')).toBe('Fully paid');
      expect(await text(`tr[data-payment="${payment.id}"] [data-cell=status]`)).toBe('Payment approved');
      await page.waitForSelector('.live:not([hidden])', WAIT);

      // The seller refunds R$ 120.00 of it: the order is due that much again, and the page shows it by itself.
      const refunded = await asSeller(
        'mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { userErrors { code } } }',
        { input: { paymentId: String(payment.id), amount: '120.00', idempotencyKey: `refund-${payment.id}` } },
      );
      expect(refunded.refundPayment.userErrors).toEqual([]);
      await page.locator('#order-balance', { hasText: 'R$120.00' }).waitFor(WAIT);
      expect(await text(`tr[data-payment="${payment.id}"] [data-cell=refunded]`)).toBe('R$120.00');
      await picture('back-office-order');

      // Loaded afresh, the same.
      await page.reload();
      await page.waitForSelector('body[data-order="ready"]', WAIT);
      expect(await text('#order-balance')).toBe('R$120.00');
    });
  });

  it('says so when there is no such order', async () => {
    await withScreenshot(browser, 'back-office-not-found', async () => {
      await page.goto(`${example.backend.url}/back-office?order=1999999999&lang=en`);
      await page.waitForSelector('body[data-order="not-found"]', WAIT);
      expect(await text('#order-error')).toBe('There is no order with that number.');
    });
  });
});
