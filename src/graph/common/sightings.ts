// Root fields of one operation start together: with `payments(first: 2)` and `payment(id: …)` side
// by side, both loaders are asked before the search has answered, so priming the by-id loader when
// the search answers would come too late for ids already queued. Each by-id batch function therefore
// waits for the searches in flight in the same request and takes what they returned before it
// fetches the rest. The cost: while a search of the same kind is in flight, a by-id lookup waits for
// it (at most one search's latency), which is what saves its call.
import DataLoader from 'dataloader';

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

/** A search loader: the DataLoader (same search twice, one call) plus the sightings it feeds. */
export interface SearchLoader<K, V> {
  load(key: K): Promise<V>;
}

export const watchedSearch = <K, V, T>(
  loader: DataLoader<K, V, string>,
  sightings: Sightings<T>,
  items: (page: V) => readonly T[],
  idOf: (item: T) => string,
): SearchLoader<K, V> => ({
  load: (key) => {
    const page = loader.load(key);
    sightings.watch(
      page.then((p) => items(p)),
      idOf,
    );
    return page;
  },
});
