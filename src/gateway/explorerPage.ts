// The offline explorer at /explorer (README.md, "Exploring the graph"): GraphiQL 5, bundled by Vite from
// src/explorer into dist/explorer when the gateway is built, so the page loads nothing from outside this gateway
// (no CDN, no fonts, no telemetry). This router serves the bundle and `config.json`, what the page opens on: the
// preset headers (a sandbox test token on the embedded sandbox, none with real APIs), one tab for the preset
// example (and its subscription) and one per file of schema/operations, and whether introspection is on (off in production, where the
// page reads the SDL bundled into it at build time). In development `/` (START_PAGE) tries Apollo Sandbox first and
// falls back to this explorer by itself.
import express, { type Request, type Response, Router } from 'express';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { DEFAULT_EMBEDDED_SANDBOX_VERSION } from '@apollo/server/plugin/landingPage/default';
import type { ExplorerPreset } from './explorer';
import { htmlPage } from './landingPage';

/** The repository's root, from src/gateway (ts-node, jest) and from dist/gateway (the build) alike. */
const ROOT = join(__dirname, '..', '..');
export const EXPLORER_DIR = join(ROOT, 'dist', 'explorer');
export const OPERATIONS_DIR = join(ROOT, 'schema', 'operations');

export interface ExplorerTab {
  query: string;
  variables?: string;
}

export interface ExplorerConfig {
  introspection: boolean;
  headers: Record<string, string>;
  tabs: ExplorerTab[];
}

const fragmentsUsed = (definitions: readonly DefinitionNode[]): Set<string> => {
  const names = new Set<string>();
  for (const definition of definitions)
    visit(definition, {
      FragmentSpread: (node) => {
        names.add(node.name.value);
      },
    });
  return names;
};

/**
 * One tab per operations file: its text, then the fragments it spreads that another file defines (each file of
 * schema/operations is written for codegen, which sees them all at once; a tab has to stand alone).
 */
export const operationTabs = (dir: string = OPERATIONS_DIR): ExplorerTab[] => {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
  const fragments = new Map<string, { node: FragmentDefinitionNode; text: string }>();
  for (const text of files)
    for (const node of parse(text).definitions)
      if (node.kind === Kind.FRAGMENT_DEFINITION && node.loc)
        fragments.set(node.name.value, { node, text: text.slice(node.loc.start, node.loc.end) });
  return files.map((text) => {
    const own = parse(text).definitions;
    const defined = new Set(own.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
    const added: string[] = [];
    let wanted = [...fragmentsUsed(own)].filter((name) => !defined.has(name));
    while (wanted.length > 0) {
      const next: string[] = [];
      for (const name of wanted) {
        const fragment = fragments.get(name);
        if (!fragment || defined.has(name)) continue;
        defined.add(name);
        added.push(fragment.text);
        next.push(...fragmentsUsed([fragment.node]));
      }
      wanted = next.filter((name) => !defined.has(name));
    }
    return { query: added.length > 0 ? `${text.trimEnd()}\n\n${added.join('\n\n')}\n` : text };
  });
};

export interface ExplorerPageOptions {
  /** Whether the gateway answers introspection (off in production): the page then reads its bundled SDL. */
  introspection: boolean;
  /** What the page opens on, on the embedded sandbox; absent with real APIs. */
  preset?: ExplorerPreset | undefined;
  /** Where the bundle is (EXPLORER_DIR; tests point elsewhere). */
  dir?: string;
}

export const explorerConfig = (options: ExplorerPageOptions): ExplorerConfig => {
  const { preset } = options;
  const example: ExplorerTab[] = preset
    ? [preset, ...(preset.watch ? [preset.watch] : [])].map((tab) => ({
        query: tab.document,
        variables: JSON.stringify(tab.variables, null, 2),
      }))
    : [];
  return {
    introspection: options.introspection,
    headers: preset?.headers ?? {},
    tabs: [...example, ...operationTabs()],
  };
};

/** Everything under /explorer; a gateway built without its explorer says how to build it. */
export const explorerRouter = (options: ExplorerPageOptions): Router => {
  const dir = options.dir ?? EXPLORER_DIR;
  const config = JSON.stringify(explorerConfig(options));
  const router = Router();
  router.get('/config.json', (_req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store').type('application/json').send(config);
  });
  if (!existsSync(join(dir, 'index.html'))) {
    router.use((_req: Request, res: Response) => {
      res
        .status(503)
        .type('text/plain')
        .send('The explorer has not been built: run `npm run build` (npm start does it), then restart the gateway.');
    });
    return router;
  }
  router.use(
    express.static(dir, {
      index: 'index.html',
      redirect: true,
      // Asset names carry their content's hash; the page itself is read again each time.
      setHeaders: (res, path) => {
        res.set('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.set('X-Content-Type-Options', 'nosniff');
        res.set('Referrer-Policy', 'no-referrer');
      },
    }),
  );
  return router;
};

/** Where Apollo Sandbox's embeddable script comes from: the version Apollo Server's own landing page loads. */
export const APOLLO_SANDBOX_SCRIPT =
  'https://embeddable-sandbox.cdn.apollographql.com/' +
  `${DEFAULT_EMBEDDED_SANDBOX_VERSION}/embeddable-sandbox.umd.production.min.js`;
/** How long `/` waits for Apollo Sandbox's script before it gives up on it. */
export const APOLLO_SANDBOX_WAIT_MS = 6000;

/**
 * What a browser gets at `/` when the offline explorer is served: a page that tries to load Apollo Sandbox's
 * script and, once it has, goes on to Apollo Sandbox at /graphql; when it cannot (offline, blocked, or no answer
 * within APOLLO_SANDBOX_WAIT_MS), it says so and goes to /explorer/ by itself.
 */
export const START_PAGE = htmlPage(
  'mpgraph',
  `<p id="status">Opening Apollo Sandbox…</p>
<p>No internet here? The offline explorer is at <a href="/explorer/">/explorer/</a>.</p>
<script>
(function () {
  var done = false;
  function go(to, why) {
    if (done) return;
    done = true;
    if (why) document.getElementById('status').textContent = why;
    setTimeout(function () { location.replace(to); }, why ? 1500 : 0);
  }
  var offline = 'Apollo Sandbox cannot be loaded from Apollo\\'s servers (this machine may be offline, ' +
    'or the address is blocked). Opening the offline explorer, GraphiQL, instead…';
  var script = document.createElement('script');
  script.src = ${JSON.stringify(APOLLO_SANDBOX_SCRIPT)};
  script.onload = function () { go('/graphql'); };
  script.onerror = function () { go('/explorer/', offline); };
  setTimeout(function () { go('/explorer/', offline); }, ${APOLLO_SANDBOX_WAIT_MS});
  document.head.appendChild(script);
})();
</script>
`,
);
