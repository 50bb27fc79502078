// The offline explorer served at /explorer (README.md, "Exploring the graph"): GraphiQL 5 bundled at build time by
// Vite, so the page loads nothing from outside the gateway. What it opens on comes from the gateway
// (`./config.json`, src/gateway/explorerPage.ts): the preset headers, the example operations as tabs, and whether
// introspection is on; when it is off (production) the docs panel reads the SDL bundled here at build time.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import { createRoot } from 'react-dom/client';
import sdl from '../../schema/schema.graphql?raw';
import { explorerFetcher } from './fetcher';

/** What the gateway says the explorer opens on (src/gateway/explorerPage.ts). */
interface ExplorerConfig {
  introspection: boolean;
  headers: Record<string, string>;
  tabs: { query: string; variables?: string }[];
}

const url = new URL('../graphql', location.href).toString();

// `data-explorer` on <body> says where the page is ("loading", "ready" once GraphiQL is rendered, "failed"): what a
// browser test waits on.
const state = (value: 'loading' | 'ready' | 'failed'): void => {
  document.body.dataset.explorer = value;
};

const start = async (): Promise<void> => {
  state('loading');
  const answer = await fetch('./config.json', { headers: { accept: 'application/json' } });
  if (!answer.ok) throw new Error(`the gateway answered ${answer.status} for /explorer/config.json`);
  const config = (await answer.json()) as ExplorerConfig;
  const fetcher = explorerFetcher(url);
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const headers = JSON.stringify(config.headers, null, 2);
  root.render(
    <GraphiQL
      fetcher={fetcher}
      defaultHeaders={headers}
      defaultTabs={config.tabs.map((tab) => ({ ...tab, headers }))}
      // GraphiQL fills the first tab's query from defaultTabs, but not its variables.
      initialVariables={config.tabs[0]?.variables ?? ''}
      {...(config.introspection ? {} : { schema: buildSchema(sdl) })}
    />,
  );
  requestAnimationFrame(() => state('ready'));
};

start().catch((err: unknown) => {
  state('failed');
  const root = document.getElementById('root') as HTMLElement;
  const reason = err instanceof Error ? err.message : String(err);
  root.textContent = `The explorer could not start: ${reason}. Reload to try again.`;
});
