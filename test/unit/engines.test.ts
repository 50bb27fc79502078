// Honest engines: package.json's `engines.node` and the README's "Needs Node …" line say the lowest
// Node that every package `npm ci` installs accepts, dev tools included (`npm test` runs them).
// Recomputed here from node_modules, so a dependency update that raises the floor fails this test
// until package.json and the README say the new one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compare, inc, minVersion, Range, satisfies, SemVer } from 'semver';

const root = join(__dirname, '../..');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

// The Node release lines the project runs on: each must have a version every package accepts.
const SUPPORTED_MAJORS = [20, 22, 24];

interface Installed {
  /** Its folder relative to the repository, as package-lock.json names it. */
  path: string;
  id: string;
  /** Its `engines.node` range. */
  node: string;
}

/** Every package under node_modules (nested ones too) that package-lock.json lists, with its engines.node. */
const installedPackages = (): Installed[] => {
  const locked = readJson(join(root, 'package-lock.json')).packages as Record<string, unknown>;
  const found: Installed[] = [];
  const visit = (dir: string): void => {
    const manifest = join(dir, 'package.json');
    const path = relative(root, dir).split(sep).join('/');
    if (!existsSync(manifest) || !(path in locked)) return; // not installed by `npm ci`: extraneous
    const pkg = readJson(manifest);
    const node = pkg.engines?.node;
    found.push({ path, id: `${pkg.name}@${pkg.version}`, node: typeof node === 'string' ? node : '*' });
    walk(join(dir, 'node_modules'));
  };
  const walk = (modules: string): void => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      if (!entry.name.startsWith('@')) visit(join(modules, entry.name));
      else for (const name of readdirSync(join(modules, entry.name))) visit(join(modules, entry.name, name));
    }
  };
  walk(join(root, 'node_modules'));
  return found;
};

/**
 * The lowest Node `major.x.y` every range accepts, or null. It is a lower bound of one of the
 * ranges' intervals, or `major.0.0`, so those are the only candidates to try.
 */
const lowestIn = (major: number, ranges: string[]): SemVer | null => {
  const candidates = [new SemVer(`${major}.0.0`)];
  for (const range of ranges)
    for (const comparators of new Range(range).set)
      for (const { operator, semver } of comparators) {
        // `semver` is an empty object for `*`; prerelease bounds do not concern released Node versions.
        if (semver.major !== major || semver.prerelease.length > 0) continue;
        if (operator === '>=' || operator === '') candidates.push(new SemVer(semver.version));
        if (operator === '>') candidates.push(new SemVer(inc(semver.version, 'patch')!));
      }
  candidates.sort(compare);
  return candidates.find((version) => ranges.every((range) => satisfies(version, range))) ?? null;
};

describe('engines.node', () => {
  const packages = installedPackages();
  const ranges = packages.map((p) => p.node);
  const manifest = readJson(join(root, 'package.json'));
  const engines: string = manifest.engines.node;
  const floor = minVersion(engines)!;
  /** Who sets a line's minimum: the packages that alone would ask for it. */
  const setters = (version: SemVer) =>
    packages.filter((p) => lowestIn(version.major, [p.node])?.compare(version) === 0).map((p) => p.id);

  it('reads every package npm ci installs, the direct dependencies among them', () => {
    const direct = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    const paths = new Set(packages.map((p) => p.path));
    expect(direct.filter((name) => !paths.has(`node_modules/${name}`))).toEqual([]);
    for (const { node } of packages) expect(new Range(node)).toBeTruthy(); // every range parses
  });

  it('is a lower bound only, at least what every installed package needs on its Node line', () => {
    const lowest = lowestIn(floor.major, ranges);
    expect(lowest).not.toBeNull();
    const problems: string[] = [];
    if (compare(floor, lowest!) < 0)
      problems.push(`engines.node ${engines} is below ${lowest!.version}, needed by ${setters(lowest!).join(', ')}`);
    for (const major of SUPPORTED_MAJORS) {
      if (!lowestIn(major, ranges)) problems.push(`no Node ${major} satisfies every installed package`);
      if (major > floor.major && !satisfies(`${major}.99.0`, engines))
        problems.push(`${engines} refuses Node ${major}`);
    }
    if (!satisfies('99.0.0', engines)) problems.push(`${engines} has an upper bound`);
    expect(problems).toEqual([]);
  });

  it('is the version the README states, with the minimum of each later line that has one', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const stated = [
      ...readme.matchAll(/\b(\d+)\.(\d+)(?:\.(\d+))? or newer\b/g),
      ...readme.matchAll(/\bNode v?(\d+)\.(\d+)(?:\.(\d+))?/g),
    ].map(([text, major, minor, patch]) => ({ text, version: new SemVer(`${major}.${minor}.${patch ?? 0}`) }));
    const expected = (major: number) => (major === floor.major ? floor : lowestIn(major, ranges));
    const wrong = stated.filter(({ version }) => expected(version.major)?.compare(version) !== 0);
    expect(wrong.map(({ text }) => text)).toEqual([]);
    // Each supported line whose minimum is not its x.0.0 is stated, or "20.19 or newer" would promise 22.0.
    const needed = SUPPORTED_MAJORS.map(expected).filter((v): v is SemVer => !!v && (v.minor > 0 || v.patch > 0));
    const missing = needed.filter((v) => !stated.some(({ version }) => version.compare(v) === 0));
    expect(missing.map((v) => `${v.version} (${setters(v).join(', ')})`)).toEqual([]);
  });
});
