// GET /readyz: the only place that calls upstream without a caller. One probe at a time per
// upstream and a short cache, so a busy load balancer cannot turn readiness into upstream load.
export interface Upstream {
  name: string;
  url: string;
}

export const PROBE_TIMEOUT_MS = 2_000;
const CACHE_MS = 1_000;

/** Any HTTP answer counts as up (the base URL itself is usually a 404); no answer is down. */
const probe = async (url: string): Promise<boolean> => {
  try {
    const res = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), redirect: 'manual' });
    await res.body?.cancel();
    return true;
  } catch {
    return false;
  }
};

export const createReadiness = (upstreams: Upstream[]) => {
  const urls = [...new Set(upstreams.map((u) => u.url))];
  // A probe in flight is shared; a settled one is reused for CACHE_MS.
  let last: { settledAt: number | null; result: Promise<Map<string, boolean>> } | null = null;

  const probeAll = async (): Promise<Map<string, boolean>> =>
    new Map(await Promise.all(urls.map(async (u) => [u, await probe(u)] as const)));

  return {
    async check(): Promise<{ ready: boolean; failing: string[] }> {
      if (!last || (last.settledAt !== null && Date.now() - last.settledAt > CACHE_MS)) {
        const entry: { settledAt: number | null; result: Promise<Map<string, boolean>> } = {
          settledAt: null,
          result: probeAll(),
        };
        void entry.result.then(() => (entry.settledAt = Date.now()));
        last = entry;
      }
      const up = await last.result;
      const failing = upstreams.filter((u) => !up.get(u.url)).map((u) => u.name);
      return { ready: failing.length === 0, failing };
    },
  };
};
