import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  pageWindow,
  toConnection,
} from '../../src/graph/common/connection';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e: any) {
    return e.extensions?.code;
  }
  return 'no error';
};

describe('cursors', () => {
  it('round-trip a position and are opaque', () => {
    const c = encodeCursor(41);
    expect(c).not.toContain('41');
    expect(decodeCursor(c)).toBe(41);
  });

  it.each([
    '',
    'not a cursor',
    '../1',
    Buffer.from('o:-1').toString('base64url'),
    Buffer.from('x:3').toString('base64url'),
    'a'.repeat(200),
  ])('refuses %p as BAD_USER_INPUT', (c) => expect(code(() => decodeCursor(c))).toBe('BAD_USER_INPUT'));
});

describe('pageWindow', () => {
  it('defaults to the first page of the default size', () => {
    expect(pageWindow({})).toEqual({ offset: 0, limit: DEFAULT_PAGE_SIZE });
  });

  it('reads on after the cursor', () => {
    expect(pageWindow({ first: 5, after: encodeCursor(9) })).toEqual({ offset: 10, limit: 5 });
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1, 2.5])('refuses first = %p', (first) => {
    expect(code(() => pageWindow({ first }))).toBe('BAD_USER_INPUT');
  });
});

describe('toConnection', () => {
  it('numbers cursors from the offset and says whether more follow', () => {
    const page = toConnection({ items: ['a', 'b'], offset: 10, total: 13 });
    expect(page.edges.map((e) => decodeCursor(e.cursor))).toEqual([10, 11]);
    expect(page.nodes).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[1].cursor });
    expect(page.totalCount).toBe(13);
  });

  it('is an empty last page past the end, not an error', () => {
    expect(toConnection({ items: [], offset: 40, total: 13 })).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 13,
    });
  });
});
