// `npm run keys` (src/auth/keysCli.ts): runKeysCli with its output captured, and the program itself
// run once as a child process (its TypeScript transpiled on load, so the test needs no build).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAuthFile } from '../../src/auth/file';
import { findKey, GATEWAY_KEY, keyHash, newKey } from '../../src/auth/keys';
import { runKeysCli } from '../../src/auth/keysCli';
import { AUTH_ENV, goodFile } from '../support/authFile';

const run = async (args: string[], stdin = '') => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runKeysCli(args, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readStdin: async () => stdin,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

/** The one JSON line of the output: the entry to paste. */
const entryOf = (out: string): any => JSON.parse(out.split('\n').find((line) => line.startsWith('{'))!);

describe('keys new', () => {
  it('prints a new key once and the entry whose hash is that key, ready for the auth file', async () => {
    const { code, out, err } = await run([
      'new',
      '--name',
      'pos',
      '--seller',
      'main',
      '--scopes',
      'orders:read,payments:read',
    ]);
    expect(code).toBe(0);
    expect(err).toBe('');
    const keys = out.split('\n').filter((line) => GATEWAY_KEY.test(line));
    expect(keys).toHaveLength(1);
    const entry = entryOf(out);
    expect(entry).toEqual({
      name: 'pos',
      keyHash: keyHash(keys[0]),
      seller: 'main',
      scopes: ['orders:read', 'payments:read'],
    });

    const file = goodFile();
    file.keys.push(entry);
    const config = parseAuthFile(JSON.stringify(file), AUTH_ENV);
    expect(findKey(keys[0], config.keys)?.name).toBe('pos');
  });

  it('leaves placeholders for what the flags do not say, and makes a new key each time', async () => {
    const first = await run(['new']);
    const second = await run(['new']);
    expect(entryOf(first.out)).toEqual(
      expect.objectContaining({ name: '<name>', seller: '<seller>', scopes: ['<scope>'] }),
    );
    expect(entryOf(first.out).keyHash).not.toBe(entryOf(second.out).keyHash);
  });
});

describe('keys hash', () => {
  const key = newKey();

  it('prints the entry of an existing key, from the command line or from stdin, without the key', async () => {
    for (const result of [
      await run(['hash', key, '--name', 'reports', '--seller', 'main', '--scopes', 'payments:read']),
      await run(['hash', '-', '--name', 'reports', '--seller', 'main', '--scopes', 'payments:read'], `${key}\n`),
    ]) {
      expect(result.code).toBe(0);
      expect(entryOf(result.out)).toEqual({
        name: 'reports',
        keyHash: keyHash(key),
        seller: 'main',
        scopes: ['payments:read'],
      });
      expect(result.out).not.toContain(key);
    }
    expect(entryOf((await run(['hash', key])).out)).toEqual({
      name: '<name>',
      keyHash: keyHash(key),
      seller: '<seller>',
      scopes: ['<scope>'],
    });
  });

  it('refuses what is not a key, without echoing it', async () => {
    const typo = `${key.slice(0, -1)}!`;
    const { code, out, err } = await run(['hash', typo]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('keys: KEY: not a gateway key (mpg_ and 43 base64url characters)');
  });
});

describe('a bad command line is one line on stderr and exit code 2', () => {
  it.each([
    [
      ['new', '--scopes', 'payments:read,checkout'],
      'keys: --scopes: "checkout" is for session JWTs only, never a gateway key',
    ],
    [
      ['new', '--scopes', 'payments:read,refunds'],
      'keys: --scopes: unknown scope "refunds" ' +
        '(known: payments:read, payments:write, customers:read, customers:write, orders:read)',
    ],
    [['hash', newKey(), '--scopes', ' , '], 'keys: --scopes: list at least one scope'],
    [
      ['new', '--name', 'back office'],
      'keys: --name: must be 1 to 64 letters, digits, "_", "." or "-", starting with a letter or a digit',
    ],
    [
      ['new', '--seller', ''],
      'keys: --seller: must be 1 to 64 letters, digits, "_", "." or "-", starting with a letter or a digit',
    ],
  ])('%j', async (args, message) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(message);
  });

  it.each([[[]], [['rotate']], [['new', 'extra']], [['hash']], [['new', '--scope', 'orders:read']]])(
    '%j, with the usage',
    async (args) => {
      const { code, out, err } = await run(args);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.split('\n')[0]).toMatch(/^keys: /);
      expect(err).toContain('usage: npm run keys -- new');
    },
  );

  it('--help prints the usage', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('npm run keys -- hash KEY|-');
  });
});

describe('the keys program', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpgraph-keys-cli-'));
    // Loads .ts files through TypeScript's transpiler: the program runs as `node dist/auth/keysCli.js` would.
    writeFileSync(
      join(dir, 'register.js'),
      `const ts = require(${JSON.stringify(require.resolve('typescript'))});
       const { readFileSync } = require('node:fs');
       require.extensions['.ts'] = (module, filename) => {
         const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
           compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
           fileName: filename,
         });
         module._compile(outputText, filename);
       };`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const program = resolve(__dirname, '../../src/auth/keysCli.ts');

  it('prints a key and its entry, and exits 0', () => {
    const out = execFileSync(process.execPath, ['-r', join(dir, 'register.js'), program, 'new', '--name', 'pos'], {
      encoding: 'utf8',
    });
    const key = out.split('\n').find((line) => GATEWAY_KEY.test(line))!;
    expect(entryOf(out)).toEqual(expect.objectContaining({ name: 'pos', keyHash: keyHash(key) }));
  });

  it('exits 2 with one line on stderr for the checkout scope', () => {
    const child = spawnSync(
      process.execPath,
      ['-r', join(dir, 'register.js'), program, 'new', '--scopes', 'checkout'],
      { encoding: 'utf8' },
    );
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toBe('keys: --scopes: "checkout" is for session JWTs only, never a gateway key\n');
  });
});
