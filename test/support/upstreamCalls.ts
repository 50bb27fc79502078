// Upstream call counts for gateway tests, read from the sandbox's request log
// (GET /__sandbox/requests, src/sandbox/README.md).
import { requests } from './sandbox';

/** Requests per route key since the last reset, e.g. `{ "GET /v1/payments/{id}": 1 }`. */
export const upstreamCalls = async (sandboxUrl: string): Promise<Record<string, number>> =>
  (await requests(sandboxUrl)).routes;

/** Requests per route made since `before` (an earlier `upstreamCalls`), for tests that set up through the sandbox first. */
export const upstreamCallsSince = async (
  sandboxUrl: string,
  before: Record<string, number>,
): Promise<Record<string, number>> => {
  const now = await upstreamCalls(sandboxUrl);
  return Object.fromEntries(
    Object.entries(now)
      .filter(([route, n]) => n !== (before[route] ?? 0))
      .map(([route, n]) => [route, n - (before[route] ?? 0)]),
  );
};
