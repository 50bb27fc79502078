// The offline explorer at /explorer/ (src/gateway/explorerPage.ts, bundled from src/explorer by `npm run
// build:explorer`, which `npm test` runs first) over real HTTP against the real gateway: the page and every asset
// it names are served from the gateway itself, nothing it serves loads anything from another host, config.json
// opens on the sandbox preset and the example operations (each tab valid on its own), and EXPLORER switches it
// (off by default in production, where the page reads its bundled SDL instead of introspection).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { buildSchema, parse, validate } from 'graphql';
import WebSocket from 'ws';
import { startApp, type RunningApp } from '../../src/app';
import { explorerFetcher } from '../../src/explorer/fetcher';
import { APOLLO_SANDBOX_SCRIPT, APOLLO_SANDBOX_WAIT_MS, EXPLORER_DIR } from '../../src/gateway/explorerPage';
import { useStack } from '../support/stack';

const ENV = { PORT: '0', SANDBOX_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' };
const SDL = readFileSync(join(__dirname, '../../schema/schema.graphql'), 'utf8');

/**
 * What in a served file would make a browser fetch from another host: an absolute http(s) or protocol-relative URL
 * in an HTML src/href, a CSS url() or @import, a JS import()/import-from/new URL/new Worker/importScripts/fetch.
 * Plain strings such as XML namespaces or links in a license comment fetch nothing and are not matched.
 */
const LOADS_EXTERNAL = [
  /\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i,
  /url\(\s*["']?\s*(?:https?:)?\/\//i,
  /@import\s+["']?\s*(?:url\()?\s*["']?(?:https?:)?\/\//i,
  /\bimport\s*\(\s*["'`](?:https?:)?\/\//,
  /\bfrom\s*["'`](?:https?:)?\/\//,
  /\bimportScripts\s*\(\s*["'`](?:https?:)?\/\//,
  /\bnew\s+(?:URL|Worker|SharedWorker)\s*\(\s*["'`](?:https?:)?\/\//,
  /\bfetch\s*\(\s*["'`](?:https?:)?\/\//,
];

/**
 * Runs the script of the page at `/` as a browser would, with `outcome` for Apollo Sandbox's script (loaded, failed,
 * or never answered) and every timer run in time order: where the page sends the browser, and what it says.
 */
const runStartPage = (html: string, outcome: 'load' | 'error' | 'silence') => {
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
  const timers: { at: number; fn: () => void }[] = [];
  let now = 0;
  let appended: { src?: string; onload?: () => void; onerror?: () => void } | null = null;
  const status = { textContent: 'Opening Apollo Sandbox…' };
  const visits: { to: string; at: number }[] = [];
  runInNewContext(script, {
    document: {
      createElement: () => ({}),
      head: { appendChild: (el: typeof appended) => (appended = el) },
      getElementById: (id: string) => (id === 'status' ? status : null),
    },
    location: { replace: (to: string) => visits.push({ to, at: now }) },
    setTimeout: (fn: () => void, ms: number) => timers.push({ at: now + ms, fn }),
  });
  if (outcome === 'load') appended!.onload!();
  if (outcome === 'error') appended!.onerror!();
  while (timers.length > 0) {
    timers.sort((a, b) => a.at - b.at);
    const next = timers.shift()!;
    now = next.at;
    next.fn();
  }
  return { src: appended!.src, visits, status: status.textContent };
};

const get = (base: string, path: string) => fetch(`${base}${path}`, { redirect: 'manual' });

describe('the explorer on `npm start` (development, embedded sandbox)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(ENV);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is named in the banner', () => {
    expect(app.banner).toContain(`Explorer (GraphiQL, works offline): ${app.gateway.url}/explorer/`);
  });

  it('at / tries Apollo Sandbox and, when it cannot load, says why and opens /explorer/ by itself', async () => {
    const res = await get(app.gateway.url, '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<a href="/explorer/">');

    const online = runStartPage(html, 'load');
    expect(online.src).toBe(APOLLO_SANDBOX_SCRIPT);
    expect(online.visits).toEqual([{ to: '/graphql', at: 0 }]);
    expect(online.status).toBe('Opening Apollo Sandbox…');

    const offline = runStartPage(html, 'error');
    expect(offline.visits).toEqual([{ to: '/explorer/', at: 1500 }]);
    expect(offline.status).toMatch(/^Apollo Sandbox cannot be loaded .*Opening the offline explorer/);

    const silent = runStartPage(html, 'silence');
    expect(silent.visits).toEqual([{ to: '/explorer/', at: APOLLO_SANDBOX_WAIT_MS + 1500 }]);
    expect(silent.status).toMatch(/^Apollo Sandbox cannot be loaded/);
  });

  it("its fetcher, with config.json's headers, queries over HTTP and subscribes over graphql-ws", async () => {
    // What a browser has and Node 20 lacks: the WebSocket graphql-ws's client opens.
    const globals = globalThis as { WebSocket?: unknown };
    const before = globals.WebSocket;
    globals.WebSocket = WebSocket;
    try {
      const { headers } = (await (await get(app.gateway.url, '/explorer/config.json')).json()) as any;
      const fetcher = explorerFetcher(`${app.gateway.url}/graphql`);
      const ask = (query: string, operationName: string) =>
        fetcher({ query, operationName }, { documentAST: parse(query), headers });

      // Over HTTP the toolkit reads the answer as a stream (incremental delivery): one part here.
      const answer = (await ask('query P { payment(id: "3506756222") { id status } }', 'P')) as AsyncIterator<any>;
      expect((await answer.next()).value).toMatchObject({
        data: { payment: { id: '3506756222', status: 'APPROVED' } },
      });

      expect((await answer.next()).done).toBe(true);

      const watch = 'subscription W { paymentUpdated(id: "3506756222") { id status } }';
      const updates = (await ask(watch, 'W')) as AsyncIterableIterator<any>;
      const next = updates.next();
      // Once the subscription is in place, the sandbox charges the payment back and notifies the gateway.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const moved = await fetch(`${app.sandbox!.url}/__sandbox/payments/3506756222/chargeback`, { method: 'POST' });
      expect(moved.status).toBeLessThan(300);
      let timer: NodeJS.Timeout | undefined;
      const first = await Promise.race([
        next,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no update within 5 s')), 5000))),
      ]).finally(() => clearTimeout(timer));
      expect(first).toEqual({
        done: false,
        value: { data: { paymentUpdated: { id: '3506756222', status: 'CHARGED_BACK' } } },
      });
      await updates.return?.();
    } finally {
      globals.WebSocket = before;
    }
  });

  it('serves the page at /explorer/ (and /explorer leads there), and every asset the page names', async () => {
    const bare = await get(app.gateway.url, '/explorer');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/explorer/');

    const page = await get(app.gateway.url, '/explorer/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<div id="root"');
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const res = await get(app.gateway.url, `/explorer/${asset}`);
      expect([asset, res.status]).toEqual([asset, 200]);
      expect(res.headers.get('cache-control')).toContain('immutable');
      await res.arrayBuffer();
    }
    expect((await get(app.gateway.url, '/explorer/assets/nothing-here.js')).status).toBe(404);
  });

  it('serves nothing that loads from another host: every file of the bundle', async () => {
    const files = readdirSync(join(EXPLORER_DIR, 'assets'))
      .filter((name) => /\.(js|css)$/.test(name))
      .map((name) => `assets/${name}`);
    expect(files.length).toBeGreaterThan(3);
    const offending: string[] = [];
    for (const file of ['index.html', ...files]) {
      const res = await get(app.gateway.url, `/explorer/${file}`);
      expect([file, res.status]).toEqual([file, 200]);
      const text = await res.text();
      for (const pattern of LOADS_EXTERNAL) {
        const hit = pattern.exec(text);
        if (hit) offending.push(`${file}: ${text.slice(Math.max(0, hit.index - 40), hit.index + 80)}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('opens on the sandbox preset and one tab per example file, each valid against the schema on its own', async () => {
    const res = await get(app.gateway.url, '/explorer/config.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const config = (await res.json()) as {
      introspection: boolean;
      headers: Record<string, string>;
      tabs: { query: string; variables?: string }[];
    };
    expect(config.introspection).toBe(true);
    expect(config.headers).toEqual({ Authorization: 'Bearer TEST-SELLER-277582551' });
    expect(config.tabs[0].query).toContain('query OrderWithPayments');
    expect(JSON.parse(config.tabs[0].variables!)).toEqual({ id: '1653027692' });
    const files = readdirSync(join(__dirname, '../../schema/operations')).filter((f) => f.endsWith('.graphql'));
    expect(config.tabs[1].query).toContain('subscription WatchPayment');
    expect(config.tabs).toHaveLength(2 + files.length);
    const schema = buildSchema(SDL);
    for (const tab of config.tabs) expect(validate(schema, parse(tab.query)).map((e) => e.message)).toEqual([]);

    // The preset runs as it is, with its headers.
    const run = await fetch(`${app.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...config.headers },
      body: JSON.stringify({ query: config.tabs[0].query, variables: JSON.parse(config.tabs[0].variables!) }),
    });
    const body = (await run.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.order.id).toBe('1653027692');
  });
});

describe('the explorer in production', () => {
  describe('by default', () => {
    const stack = useStack({ NODE_ENV: 'production' });
    it('is not served, and / leads to the production page at /graphql', async () => {
      const root = await get(stack.gatewayUrl, '/');
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe('/graphql');
      expect((await get(stack.gatewayUrl, '/explorer/')).status).toBe(404);
      expect((await get(stack.gatewayUrl, '/explorer/config.json')).status).toBe(404);
    });
  });

  describe('with EXPLORER=on', () => {
    const stack = useStack({ NODE_ENV: 'production', EXPLORER: 'on' });
    it('is served without a preset, and says introspection is off so the page reads its bundled SDL', async () => {
      expect((await get(stack.gatewayUrl, '/explorer/')).status).toBe(200);
      const config = (await (await get(stack.gatewayUrl, '/explorer/config.json')).json()) as any;
      expect(config.introspection).toBe(false);
      expect(config.headers).toEqual({});
      expect(config.tabs.every((t: { query: string }) => !t.query.includes('TEST-'))).toBe(true);
      // The gateway itself refuses introspection there.
      const res = await fetch(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      expect(res.status).toBe(400);
      // The SDL the page reads instead is the one bundled at build time: this schema's.
      const bundle = readdirSync(join(EXPLORER_DIR, 'assets')).filter((f) => /^index-.*\.js$/.test(f));
      const text = bundle.map((f) => readFileSync(join(EXPLORER_DIR, 'assets', f), 'utf8')).join('');
      expect(text).toContain('type Query');
      expect(text).toContain(SDL.split('\n').find((l) => l.startsWith('type Payment '))!);
    });
  });
});
