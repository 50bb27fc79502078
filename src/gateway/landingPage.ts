// What a browser gets at /graphql in production: one short page, with everything it needs inside it
// (no script, no external style, font or image), served under a Content-Security-Policy that allows
// nothing else. Development keeps Apollo Sandbox (src/gateway/server.ts), which loads its scripts from
// Apollo's hosts; production never sends a browser anywhere but this gateway.
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}' +
  'code,pre{font-family:ui-monospace,monospace}pre{background:#f3f3f3;padding:1rem;overflow-x:auto}';

/** A page of this gateway's own: `body` under one heading, with the style above (the explorer's start page too). */
export const htmlPage = (title: string, body: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>mpgraph</h1>
${body}</body>
</html>
`;

export const LANDING_PAGE = htmlPage(
  'mpgraph: GraphQL over Mercado Pago and Mercado Libre',
  `<p>This URL is a GraphQL endpoint: one typed graph over Mercado Pago (payments, refunds, customers, cards) and
Mercado Libre (orders). It answers GraphQL over HTTP, not browsers.</p>
<p>Send a query or a mutation with <code>POST</code> to this same URL, as JSON, with your access token as a
bearer token:</p>
<pre>curl -s "$GATEWAY/graphql" \\
  -H 'Content-Type: application/json' \\
  -H "Authorization: Bearer $ACCESS_TOKEN" \\
  -d '{"query":"{ me { id nickname siteId } }"}'</pre>
<p>Every response carries <code>extensions.cost</code>: what the operation was priced at, and the limit. Introspection
is off here; the schema is <code>schema/schema.graphql</code> in the gateway's repository.</p>
`,
);

/** Allows the page's own inline style and nothing else: no script, no connection, no frame, no form. */
export const LANDING_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// The media types Apollo Server serves at /graphql, text/html last: a browser's Accept prefers the
// page, `*/*` (curl, fetch) prefers JSON, as Apollo decides for its own landing page.
const MEDIA_TYPES = ['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html'];

/** Express middleware for GET /graphql: the page to a browser, anything else on to Apollo. */
export const landingPage = (req: Request, res: Response, next: NextFunction): void => {
  if (req.method !== 'GET' || !req.get('accept') || req.accepts(MEDIA_TYPES) !== 'text/html') {
    next();
    return;
  }
  res
    .status(200)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': LANDING_PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    })
    .send(LANDING_PAGE);
};
