// Comments and test names cite only what a clone of this repository has: its README.md files and
// docs/ (docs/sources.md names the Mercado Pago and Mercado Libre pages we follow), never a design
// document, an issue tracker or a page by a number only its authors know. Reads every file under
// src/, test/ and examples/ but node_modules, generated code (test/generated, examples/checkout/src/gql),
// src/sandbox/openapi/ (vendored) and this file, and lists file:line for each citation of an outside
// document, each docs/*.md path that does not exist and each section cited as `<file>.md, "<Section>"`
// that is not a heading of it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

const root = join(__dirname, '../..');
const SKIPPED = new Set(['node_modules', 'test/generated', 'src/sandbox/openapi', 'examples/checkout/src/gql']);
const SELF = relative(root, __filename).split(sep).join('/');

interface Source {
  /** Relative to the repository, with forward slashes. */
  path: string;
  text: string;
}

const sources = (): Source[] => {
  const found: Source[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = posix.join(dir, entry.name);
      if (entry.name === 'node_modules' || SKIPPED.has(path) || path === SELF) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push({ path, text: readFileSync(join(root, path), 'utf8') });
    }
  };
  walk('src');
  walk('test');
  walk('examples');
  return found;
};

/** Documents a clone does not have; the word "seed" alone (a random seed) is not one of them. */
const OUTSIDE_DOCUMENTS: RegExp[] = [
  /\bseeds?\b ?0\d\d/i,
  /\bthe seeds\b/i,
  /seed 00[0-3]/i,
  /DESIGN ?§/,
  /DESIGN\.md/,
  /\bDESIGN\b/,
  /\b[Ii]ssue #?\d+/,
  /STYLE\.md/,
  /\.\.\/shared\//,
  /status-messages\.md/,
];

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** A docs/ path, root-relative or reached with `../` from the file that names it. */
const DOCS_PATH = /(?<![\w/.-])((?:\.\.\/)*)docs\/([\w-]+(?:\/[\w-]+)*\.md)\b/g;

// `<file>.md, "<Section>"`, the section possibly on the next comment line, possibly followed by
// `, "<Another>"` or `and "<Another>"`.
const GAP = String.raw`(?:[ \t]|\n[ \t]*(?:\/\/|\*|#)?)*`;
const QUOTED = String.raw`["“]([^"”\n]+)["”]`;
const SECTION_CITATION = new RegExp(
  String.raw`(?<![\w/.-])((?:\.\.\/)*(?:[\w.-]+\/)*[\w.-]+\.md),${GAP}${QUOTED}`,
  'g',
);
const MORE_SECTIONS = new RegExp(String.raw`${GAP}(?:,|and|or)${GAP}${QUOTED}`, 'y');

/** A path named in `from`: `../` paths from its folder, others from the repository's root. */
const resolve = (from: string, path: string): string =>
  path.startsWith('../') ? posix.normalize(posix.join(posix.dirname(from), path)) : path;

const headings = (path: string): Set<string> =>
  new Set(
    readFileSync(join(root, path), 'utf8')
      .split('\n')
      .map((line) => /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1])
      .filter((heading): heading is string => heading !== undefined)
      .map((heading) => heading.replace(/^\d+(\.\d+)*\.?\s+/, '')),
  );

describe('citations in src/ and test/', () => {
  const files = sources();

  it('reads the files it guards', () => {
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['src/app.ts', 'test/unit/config.test.ts']));
    expect(files.some((f) => f.path.startsWith('test/generated/') || f.path.startsWith('src/sandbox/openapi/'))).toBe(
      false,
    );
  });

  it('cites no document a clone of the repository does not have', () => {
    const hits = files.flatMap(({ path, text }) =>
      text
        .split('\n')
        .map((line, i) => ({ line, at: `${path}:${i + 1}` }))
        .filter(({ line }) => OUTSIDE_DOCUMENTS.some((pattern) => pattern.test(line)))
        .map(({ line, at }) => `${at}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });

  it('names only docs/*.md files that exist', () => {
    const missing = files.flatMap(({ path, text }) =>
      [...text.matchAll(DOCS_PATH)]
        .filter((m) => !existsSync(join(root, resolve(path, `${m[1]}docs/${m[2]}`))))
        .map((m) => `${path}:${lineOf(text, m.index)}: ${m[0]}`),
    );
    expect(missing).toEqual([]);
  });

  it('cites only sections that are headings of the file it names', () => {
    const cache = new Map<string, Set<string> | null>();
    const sectionsOf = (path: string): Set<string> | null => {
      if (!cache.has(path)) cache.set(path, existsSync(join(root, path)) ? headings(path) : null);
      return cache.get(path)!;
    };
    const wrong: string[] = [];
    for (const { path, text } of files) {
      for (const m of text.matchAll(SECTION_CITATION)) {
        const cited = resolve(path, m[1]);
        const sections = [m[2]];
        MORE_SECTIONS.lastIndex = m.index + m[0].length;
        for (let more = MORE_SECTIONS.exec(text); more; more = MORE_SECTIONS.exec(text)) sections.push(more[1]);
        const known = sectionsOf(cited);
        for (const section of sections) {
          if (!known?.has(section)) wrong.push(`${path}:${lineOf(text, m.index)}: ${cited}, "${section}"`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
