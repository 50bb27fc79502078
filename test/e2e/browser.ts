// Headless Chromium for the browser tests: Debian's `chromium` (installed by .ci/run and the README when missing)
// driven by playwright-core, which never downloads a browser. Each launch gets a fresh profile and the switches a
// closed network needs, and --no-sandbox (root and most containers need it). A test that fails saves a screenshot.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where failing tests leave their screenshots (not committed). */
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'e2e');

/** CHROMIUM_PATH, else Debian's chromium on the PATH. */
export const chromiumPath = (): string => {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return configured;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found && existsSync(found)) return found;
    } catch {
      // not this one
    }
  }
  throw new Error("No Chromium found: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.");
};

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** The page's console errors and uncaught exceptions, in order: added to a failing test's message. */
  errors: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Resolve no host but 127.0.0.1, as on a machine without a network. */
  offline?: boolean;
}

export const launch = async (options: LaunchOptions = {}): Promise<Browser> => {
  const profile = mkdtempSync(join(tmpdir(), 'mpgraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    timeout: 30_000,
    args: [
      // Needed as root, and in containers without user namespaces; these tests load only the gateway's own pages.
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      ...(options.offline ? ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] : []),
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => requests.push(socket.url()));
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return {
    context,
    page,
    requests,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
};

/**
 * Runs `body`; when it throws, saves the page as `<name>.png` under SCREENSHOTS and adds to the error what a CI log
 * needs to tell why without the picture: the page's URL, the start of its visible text and its console errors.
 */
export const withScreenshot = async (browser: Browser, name: string, body: () => Promise<void>): Promise<void> => {
  try {
    await body();
  } catch (err) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await browser.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true }).catch(() => undefined);
    const text = await browser.page
      .locator('body')
      .innerText({ timeout: 2000 })
      .catch(() => '(unreadable)');
    const seen = [
      `page: ${browser.page.url()}`,
      `text: ${text.replace(/\s+/g, ' ').slice(0, 1500)}`,
      ...browser.errors.slice(-20),
    ].join('\n  ');
    if (err instanceof Error) {
      // jest prints an expect() failure's message, but another error's stack, which repeats the message as it
      // was when the error was made.
      const before = err.message;
      err.message += `\n\nWhat the page showed (${name}.png):\n  ${seen}`;
      if (err.stack && !('matcherResult' in err)) err.stack = err.stack.replace(before, err.message);
    }
    throw err;
  }
};
