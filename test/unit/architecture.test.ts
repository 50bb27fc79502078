// The layers of docs/architecture.md ("Layers") and the one direction of their imports: each
// top-level folder of src/ may import only the folders listed for it, so the picture stays true. The
// checkout example stays a client of the gateway: only its starter imports anything of src/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = resolve(__dirname, '../../src');
const EXAMPLE = resolve(__dirname, '../../examples/checkout');

/** Who may import whom: folders of src/ (and the root files app.ts, main.ts, config.ts). */
const ALLOWED: Record<string, string[]> = {
  lib: [],
  upstream: ['lib'],
  idempotency: ['lib'],
  notifications: ['upstream', 'lib'],
  graph: ['upstream', 'idempotency', 'auth', 'lib'],
  gateway: ['graph', 'notifications', 'idempotency', 'auth', 'upstream', 'lib', 'config'],
  sandbox: ['lib'],
  auth: ['lib'],
  // Browser code, bundled by Vite: it imports nothing of the gateway (the SDL it bundles is outside src/).
  explorer: [],
};

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(path) ? [path] : [];
  });

/** The top-level part of src/ a file or import target belongs to: a folder, or a root file's name. */
const layerOf = (path: string): string => {
  const [first, second] = relative(SRC, path).split(sep);
  return second === undefined ? first.replace(/\.ts$/, '') : first;
};

const imports = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)].map((m) =>
    resolve(dirname(file), m[1]),
  );

describe('layers', () => {
  it.each(Object.keys(ALLOWED))('src/%s imports only what the layer picture allows', (layer) => {
    const wrong = files(join(SRC, layer)).flatMap((file) =>
      imports(file)
        .filter((target) => !relative(SRC, target).startsWith('..'))
        .map(layerOf)
        .filter((target) => target !== layer && !ALLOWED[layer].includes(target))
        .map((target) => `${relative(SRC, file)} imports src/${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('knows every folder of src/', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(folders.sort()).toEqual(Object.keys(ALLOWED).sort());
  });
});

describe('the checkout example', () => {
  it('talks to the gateway over HTTP only: its page and its backend import nothing of src/', () => {
    const starter = join(EXAMPLE, 'server', 'example.ts');
    const reaching = [...files(join(EXAMPLE, 'src')), ...files(join(EXAMPLE, 'server'))]
      .filter((file) => file !== starter)
      .flatMap((file) =>
        imports(file)
          .filter((target) => !relative(SRC, target).startsWith('..'))
          .map((target) => `${relative(EXAMPLE, file)} imports ${relative(SRC, target)}`),
      );
    expect(reaching).toEqual([]);
    // The starter runs the whole product beside the shop, as `npm start` does.
    expect(imports(starter).map((target) => relative(SRC, target))).toContain('app');
  });
});
