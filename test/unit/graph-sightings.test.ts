// What a search of the same request returned is served by id without another call, even to ids
// asked while the search was still in flight.
import { Sightings } from '../../src/graph/common/loader';

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('Sightings', () => {
  it('answers at once when no search is in flight', async () => {
    expect(await new Sightings<{ id: string }>().find(['1'])).toEqual([undefined]);
  });

  it('waits for the searches in flight, then answers from what they returned', async () => {
    const s = new Sightings<{ id: string }>();
    const search = deferred<{ id: string }[]>();
    s.watch(search.promise, (x) => x.id);
    let answered: unknown = null;
    const pending = s.find(['1', '3']).then((found) => (answered = found));
    await new Promise((r) => setImmediate(r));
    expect(answered).toBeNull();
    search.resolve([{ id: '1' }, { id: '2' }]);
    await pending;
    expect(answered).toEqual([{ id: '1' }, undefined]);
  });

  it('records nothing from a failed search, and does not fail the lookup', async () => {
    const s = new Sightings<{ id: string }>();
    const search = deferred<{ id: string }[]>();
    s.watch(search.promise, (x) => x.id);
    search.reject(new Error('upstream down'));
    expect(await s.find(['1'])).toEqual([undefined]);
  });
});
