// The one loader mechanism (docs/architecture.md, "Loaders"). Every upstream read of a request goes
// through a loader made here, on first use, and kept in that request's context: resolver classes
// live for the whole process, so a cached payment must never outlive its request or reach another
// caller. Each domain's *.loader.ts declares its loaders with these helpers, naming the upstream
// route it reads and the mapper it uses; resolvers import those loaders directly.
import DataLoader from 'dataloader';
import type { Context } from '../context';
import { unexpectedBody, type UpstreamService } from '../../upstream/errors';
import { isNotFound } from '../errors';

/** A value made once per request: `get(ctx)` is the same object for the whole request. */
export type PerRequest<T> = (ctx: Context) => T;

export const perRequest = <T>(make: (ctx: Context) => T): PerRequest<T> => {
  const slot = Symbol('loader');
  return (ctx) => {
    if (!ctx.loaders.has(slot)) ctx.loaders.set(slot, make(ctx));
    return ctx.loaders.get(slot) as T;
  };
};

// DataLoader wants an Error in a failed slot; a bug that threw something else still becomes one.
const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

/** One page of a search, mapped: its items, where it starts, and how many there are in all. */
export interface Page<T> {
  items: T[];
  offset: number;
  total: number;
}

// Root fields of one operation start together: with `payments(first: 2)` and `payment(id: …)` side
// by side, both loaders are asked before the search has answered, so priming the by-id loader when
// the search answers would come too late for ids already queued. Each by-id batch function therefore
// waits for the searches in flight in the same request and takes what they returned before it
// fetches the rest. The cost: while a search of the same kind is in flight, a by-id lookup waits for
// it (at most one search's latency), which is what saves its call.

/** What this request's searches returned, by id, and the searches still in flight. */
export class Sightings<T> {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly seen = new Map<string, T>();

  /** Records what a search will return; a failed search records nothing. */
  watch(results: Promise<readonly T[]>, idOf: (item: T) => string): void {
    const settled: Promise<void> = results.then(
      (items) => {
        for (const item of items) this.seen.set(idOf(item), item);
      },
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.finally(() => this.inFlight.delete(settled));
  }

  /** Once every search in flight has settled: what they returned for each id (undefined if nothing). */
  async find(ids: readonly string[]): Promise<(T | undefined)[]> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    return ids.map((id) => this.seen.get(id));
  }
}

/**
 * Things by id: one upstream read per distinct id (neither service has a multi-get), all of a tick
 * in flight together; the same id asked twice in a request is one read. An id a search of the same
 * request returned is not read again. Absent or not visible (the upstream's NOT_FOUND) is null; a
 * failing id is an Error in its slot, and the others stand.
 */
export const byIdLoader = <T>(
  read: (ctx: Context, id: string) => Promise<T>,
  sightings?: PerRequest<Sightings<T>>,
): PerRequest<DataLoader<string, T | null>> =>
  perRequest(
    (ctx) =>
      new DataLoader<string, T | null>(async (ids) => {
        const found = sightings ? await sightings(ctx).find(ids) : [];
        return Promise.all(
          ids.map(
            (id, i) => found[i] ?? read(ctx, id).catch((err: unknown) => (isNotFound(err) ? null : asError(err))),
          ),
        );
      }),
  );

export interface SearchLoader<K, T> {
  load(search: K): Promise<Page<T>>;
}

/**
 * Searches: the same search asked twice in a request (same `key`) is one read, and what it returns
 * feeds `sightings`, so the by-id loader does not read those items again.
 */
export const searchLoader = <K, T>(spec: {
  read: (ctx: Context, search: K) => Promise<Page<T>>;
  key: (search: K) => string;
  sightings: PerRequest<Sightings<T>>;
  idOf: (item: T) => string;
}): PerRequest<SearchLoader<K, T>> =>
  perRequest((ctx) => {
    const pages = new DataLoader<K, Page<T>, string>(
      (searches) => Promise.all(searches.map((s) => spec.read(ctx, s).catch(asError))),
      { cacheKeyFn: spec.key },
    );
    return {
      load: (search) => {
        const page = pages.load(search);
        spec.sightings(ctx).watch(
          page.then((p) => p.items),
          spec.idOf,
        );
        return page;
      },
    };
  });

/** A value read at most once per request, whoever asks for it (the caller's account, a catalog list). */
export const onceLoader = <T>(read: (ctx: Context) => Promise<T>): PerRequest<{ load(): Promise<T> }> =>
  perRequest((ctx) => {
    let value: Promise<T> | null = null;
    return { load: () => (value ??= read(ctx)) };
  });

/**
 * The rows and total of a search answer (`{paging: {total, …}, results: […]}`, both services' shape).
 * An answer without a whole `paging.total`, or whose `results` is not a list, is one we cannot page
 * through: UPSTREAM_ERROR to the client.
 */
export const searchRows = <Row>(
  service: UpstreamService,
  what: string,
  page: { paging?: { total?: unknown } | null; results?: Row[] | null } | null | undefined,
): { rows: Row[]; total: number } => {
  const total = page?.paging?.total;
  const results = page?.results ?? [];
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) {
    throw unexpectedBody(service, `${what} search: no paging.total`);
  }
  if (!Array.isArray(results)) throw unexpectedBody(service, `${what} search: results is not a list`);
  return { rows: results, total };
};

/**
 * The answer to a read of `what` `id`, when it is that one: a 200 that is not (an empty or foreign
 * body) is an unexpected body, never served as if it were the thing asked for.
 */
export const answerFor = <Row extends { id?: unknown }>(
  service: UpstreamService,
  what: string,
  id: string,
  row: Row | null | undefined,
): Row => {
  if (row === null || typeof row !== 'object' || String(row.id) !== id) {
    throw unexpectedBody(service, `${what} ${id}: the answer is not this ${what}`);
  }
  return row;
};
