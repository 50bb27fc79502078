// The auth file in force (src/auth/watch.ts): a good change is applied within a poll, a broken one
// keeps the last good config and logs one error naming the problem (never a secret), a revoked key
// stops authenticating, and a file replaced by a rename or removed and written again is followed.
import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authenticate } from '../../src/auth/authenticate';
import { AuthFileError, type AuthConfig } from '../../src/auth/file';
import { watchAuthFile, type AuthFileWatcher } from '../../src/auth/watch';
import type { Logger } from '../../src/lib/logger';
import { AUTH_ENV, BACK_OFFICE_KEY, goodFile, REPORTS_KEY } from '../support/authFile';

const INTERVAL = 50;

interface Line {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

const recorder = (): Logger & { lines: Line[] } => {
  const lines: Line[] = [];
  const at =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      void lines.push({ level, message, fields });
  return { lines, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
};

/** Resolves once `check` holds, polled every 10 ms; fails after `ms`. */
const until = async (check: () => boolean, ms: number): Promise<number> => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - start;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchAuthFile', () => {
  let dir: string;
  let path: string;
  let watcher: AuthFileWatcher | undefined;
  let log: ReturnType<typeof recorder>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpgraph-auth-watch-'));
    path = join(dir, 'keys.json');
    writeFileSync(path, JSON.stringify(goodFile()));
    log = recorder();
  });
  afterEach(() => {
    watcher?.close();
    watcher = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (file: unknown) => writeFileSync(path, typeof file === 'string' ? file : JSON.stringify(file));

  it('loads the file once and throws on a bad first file', () => {
    watcher = watchAuthFile(path, AUTH_ENV, { log, intervalMs: INTERVAL });
    expect(watcher.current().keys).toHaveLength(2);
    watcher.close();
    write({ ...goodFile(), keys: 'none' });
    expect(() => watchAuthFile(path, AUTH_ENV, { log, intervalMs: INTERVAL })).toThrow(
      new AuthFileError('keys', 'must be an array of keys'),
    );
    expect(() => watchAuthFile(join(dir, 'absent.json'), AUTH_ENV, { log })).toThrow(
      'auth file: cannot be read (ENOENT)',
    );
  });

  it('refuses a poll interval over 1 s (a revocation must take effect within 5 s)', () => {
    expect(() => watchAuthFile(path, AUTH_ENV, { log, intervalMs: 2000 })).toThrow(RangeError);
    expect(() => watchAuthFile(path, AUTH_ENV, { log, intervalMs: 0 })).toThrow(RangeError);
  });

  it('applies a good change within the interval, tells onChange, and logs it without secrets', async () => {
    const changes: AuthConfig[] = [];
    // The next poll reads it: within the interval, give or take the timers' scheduling.
    watcher = watchAuthFile(path, AUTH_ENV, { log, intervalMs: 200, onChange: (c) => changes.push(c) });
    const file = goodFile();
    file.keys[1].scopes = ['orders:read'];
    write(file);
    const took = await until(() => [...watcher!.current().keys[1].scopes].join() === 'orders:read', 1000);
    expect(took).toBeLessThanOrEqual(200 + 150);
    expect(changes).toEqual([watcher.current()]);
    expect(log.lines).toEqual([
      {
        level: 'info',
        message: 'auth file reloaded',
        fields: { file: path, sellers: 1, keys: 2, jwt: true, passthrough: false },
      },
    ]);
  });

  it('keeps the last good config when the new one is broken, with one error naming the problem', async () => {
    watcher = watchAuthFile(path, AUTH_ENV, { log, intervalMs: INTERVAL });
    const before = watcher.current();
    const broken = goodFile();
    broken.keys[1].seller = 'x';
    broken.sellers.main.mercadoPago.accessToken = 'APP_USR-SECRET-new';
    write(broken);
    await until(() => log.lines.length > 0, 20 * INTERVAL);
    await sleep(4 * INTERVAL);
    expect(watcher.current()).toBe(before);
    expect(log.lines).toEqual([
      {
        level: 'error',
        message: 'auth file not reloaded: the last good one stays in force',
        fields: { file: path, problem: 'keys[1].seller: unknown seller "x"' },
      },
    ]);
    expect(JSON.stringify(log.lines)).not.toContain('SECRET');

    // Fixed again: applied.
    write(goodFile());
    await until(() => log.lines.length === 2, 20 * INTERVAL);
    expect(log.lines[1].message).toBe('auth file reloaded');
    expect(watcher.current()).not.toBe(before);
  });

  it('a revoked key stops authenticating within a poll or two', async () => {
    watcher = watchAuthFile(path, AUTH_ENV, { log, intervalMs: INTERVAL });
    expect(await authenticate(REPORTS_KEY, watcher.current())).toEqual(expect.objectContaining({ subject: 'reports' }));
    const file = goodFile();
    file.keys.splice(1, 1);
    write(file);
    await until(() => watcher!.current().keys.length === 1, 20 * INTERVAL);
    expect(await authenticate(REPORTS_KEY, watcher.current())).toEqual({ reason: 'unknown key' });
    expect(await authenticate(BACK_OFFICE_KEY, watcher.current())).toEqual(
      expect.objectContaining({ kind: 'key', subject: 'back-office' }),
    );
  });

  it('follows a file replaced by a rename, and one removed and written again', async () => {
    watcher = watchAuthFile(path, AUTH_ENV, { log, intervalMs: INTERVAL });
    const replaced = goodFile();
    replaced.passthrough = true;
    writeFileSync(join(dir, 'next.json'), JSON.stringify(replaced));
    renameSync(join(dir, 'next.json'), path);
    await until(() => watcher!.current().passthrough, 20 * INTERVAL);

    unlinkSync(path);
    await until(() => log.lines.some((line) => line.level === 'error'), 20 * INTERVAL);
    expect(watcher.current().passthrough).toBe(true);
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([
      {
        level: 'error',
        message: 'auth file not reloaded: the last good one stays in force',
        fields: { file: path, problem: 'auth file: cannot be read (ENOENT)' },
      },
    ]);
    write(goodFile());
    await until(() => !watcher!.current().passthrough, 20 * INTERVAL);
  });

  it('stops following the file once closed', async () => {
    watcher = watchAuthFile(path, AUTH_ENV, { log, intervalMs: INTERVAL });
    const before = watcher.current();
    watcher.close();
    write({ ...goodFile(), passthrough: true });
    await sleep(5 * INTERVAL);
    expect(watcher.current()).toBe(before);
    expect(log.lines).toEqual([]);
  });
});
