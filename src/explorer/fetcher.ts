// How the explorer talks to the gateway: queries and mutations over HTTP, subscriptions over graphql-ws at the same
// address (the gateway serves both on /graphql). GraphiQL passes the headers editor's contents with each request;
// for a subscription the toolkit sends them as the `connection_init` payload, where the gateway reads
// `Authorization` (README.md, "Subscriptions").
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';

export const explorerFetcher = (url: string): Fetcher =>
  // The global fetch, named: the toolkit looks for `window.fetch`, which only a browser has.
  createGraphiQLFetcher({ url, subscriptionUrl: url.replace(/^http/, 'ws'), fetch: globalThis.fetch });
