// The offline explorer in headless Chromium against `npm start`'s gateway and sandbox (src/app.ts), with every host
// but 127.0.0.1 unresolvable: `/` ends on /explorer/ by itself, GraphiQL runs the preset query and the preset
// subscription (a chargeback made through the sandbox arrives), and no request the page makes leaves 127.0.0.1.
import { startApp, type RunningApp } from '../../src/app';
import { launch, withScreenshot, type Browser } from './browser';

jest.setTimeout(90_000);

const ENV = { PORT: '0', SANDBOX_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' };

/** The text of GraphiQL's response pane once it contains `text`. */
const responseWith = async (browser: Browser, text: string): Promise<string> => {
  const pane = browser.page.locator('.graphiql-response');
  await pane.filter({ hasText: text }).waitFor({ timeout: 15_000 });
  return (await pane.textContent()) ?? '';
};

/**
 * Waits until the query editor shows `text`. GraphiQL's editor (Monaco) loads after the page says it is ready; a
 * click on run before it holds the document runs nothing, so the test waits as a person would, for the text.
 */
const editorShows = async (browser: Browser, text: string): Promise<void> => {
  await browser.page.locator('.graphiql-query-editor').filter({ hasText: text }).waitFor({ timeout: 15_000 });
};

describe('the explorer in Chromium, offline', () => {
  let app: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startApp(ENV);
    browser = await launch({ offline: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('/ cannot load Apollo Sandbox, says so, and opens /explorer/', async () => {
    await withScreenshot(browser, 'explorer-start-page', async () => {
      await browser.page.goto(`${app.gateway.url}/`);
      await browser.page.waitForURL(`${app.gateway.url}/explorer/`, { timeout: 15_000 });
      await browser.page.waitForSelector('body[data-explorer="ready"]', { timeout: 15_000 });
    });
  });

  it('runs the preset query and the preset subscription, and asks nothing of any host but the gateway', async () => {
    await withScreenshot(browser, 'explorer-query-and-subscription', async () => {
      // GraphiQL keeps its tabs in the origin's localStorage: the first test's visit, saved part-way (its writes are
      // debounced), can come back as an extra untitled tab in front. A first-time visitor has none.
      await browser.page.goto('about:blank');
      await browser.page.goto(`${app.gateway.url}/explorer/config.json`);
      await browser.page.evaluate('localStorage.clear()');
      browser.requests.length = 0;
      await browser.page.goto(`${app.gateway.url}/explorer/`);
      await browser.page.waitForSelector('body[data-explorer="ready"]', { timeout: 15_000 });

      // The first tab: the order with its payments, as the test seller.
      await editorShows(browser, 'fullyPaid');
      await browser.page.locator('.graphiql-execute-button').click();
      expect(await responseWith(browser, '"fullyPaid"')).toContain('1653027692');

      // The second tab: paymentUpdated for 3506756222, then the sandbox charges it back.
      await browser.page.locator('.graphiql-tab', { hasText: 'WatchPayment' }).click();
      await browser.page.locator('.graphiql-tab-active', { hasText: 'WatchPayment' }).waitFor();
      await editorShows(browser, 'paymentUpdated');
      // GraphiQL works out the tab's operation name from the editor a moment after the switch (debounced), as a
      // person would wait before pressing run.
      await browser.page.waitForTimeout(1000);
      await browser.page.locator('.graphiql-execute-button').click();
      await browser.page.waitForTimeout(1000);
      const moved = await fetch(`${app.sandbox!.url}/__sandbox/payments/3506756222/chargeback`, { method: 'POST' });
      expect(moved.status).toBeLessThan(300);
      expect(await responseWith(browser, 'CHARGED_BACK')).toContain('3506756222');

      const gateway = new URL(app.gateway.url).host;
      const elsewhere = browser.requests.filter((url) => {
        if (url.startsWith('data:') || url.startsWith('blob:')) return false;
        return new URL(url).host !== gateway;
      });
      expect(elsewhere).toEqual([]);
      expect(browser.requests.some((url) => url.startsWith(`ws://${gateway}/graphql`))).toBe(true);
    });
  });
});
