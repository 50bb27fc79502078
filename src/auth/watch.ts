// The auth file in force while the gateway runs. It is polled (fs.watchFile, at most every second),
// which also sees a file replaced by a rename (a new inode at the path) or removed and written again,
// so a key deleted from the file stops working within a poll or two. A change that breaks a rule
// keeps the last good configuration in force and logs one error naming the problem (the file's
// AuthFileError message: a JSON path, never a secret); the same broken text is not logged again.
import { unwatchFile, watchFile } from 'node:fs';
import type { Logger } from '../lib/logger';
import { AuthFileError, parseAuthFile, readAuthFile, type AuthConfig, type Env } from './file';

export interface WatchAuthFileOptions {
  log: Logger;
  /** Called with each new good configuration after a change (not for the first load). */
  onChange?: (config: AuthConfig) => void;
  /** How often the file is polled, in milliseconds: 10 to 1000 (default 1000). */
  intervalMs?: number;
}

export interface AuthFileWatcher {
  /** The configuration in force: the last good one read. */
  current(): AuthConfig;
  /** Stops watching; current() keeps answering with the last good configuration. */
  close(): void;
}

const summary = (config: AuthConfig): Record<string, unknown> => ({
  sellers: config.sellers.size,
  keys: config.keys.length,
  jwt: config.jwt !== null,
  passthrough: config.passthrough,
});

/**
 * Loads the file at `path` (throwing AuthFileError when the first read is broken), then reloads it
 * whenever it changes. `env` is read again at each reload for `{ "env": "NAME" }` values.
 */
export const watchAuthFile = (path: string, env: Env, options: WatchAuthFileOptions): AuthFileWatcher => {
  const { log, onChange, intervalMs = 1000 } = options;
  if (!Number.isInteger(intervalMs) || intervalMs < 10 || intervalMs > 1000)
    throw new RangeError(`intervalMs must be an integer from 10 to 1000, got ${intervalMs}`);

  let config: AuthConfig | undefined;
  /** The last text read (or the last read failure), so an unchanged file is neither parsed nor logged again. */
  let seen: string | undefined;

  const reload = (): void => {
    let text: string;
    try {
      text = readAuthFile(path);
    } catch (error) {
      const marker = `\0${error instanceof Error ? error.message : String(error)}`;
      if (seen === marker) return;
      seen = marker;
      log.error('auth file not reloaded: the last good one stays in force', { file: path, problem: problemOf(error) });
      return;
    }
    if (text === seen) return;
    seen = text;
    let next: AuthConfig;
    try {
      next = parseAuthFile(text, env);
    } catch (error) {
      log.error('auth file not reloaded: the last good one stays in force', { file: path, problem: problemOf(error) });
      return;
    }
    config = next;
    log.info('auth file reloaded', { file: path, ...summary(next) });
    try {
      onChange?.(next);
    } catch (error) {
      log.error('auth file onChange failed', { error: error instanceof Error ? error.name : 'error' });
    }
  };

  // Called on any change of the path's stat (mtime, size, inode, removal); the text decides the rest.
  const listener = (): void => reload();
  // Watching starts before the first read, so a change made meanwhile is not missed.
  watchFile(path, { interval: intervalMs, persistent: false }, listener);
  try {
    const text = readAuthFile(path);
    config = parseAuthFile(text, env);
    seen = text;
  } catch (error) {
    unwatchFile(path, listener);
    throw error;
  }

  // fs.watchFile takes its first stat asynchronously: a change written before that stat is its
  // baseline and never an event, so the file is read once more after the first interval.
  const settle = setTimeout(reload, intervalMs);
  settle.unref();

  return {
    current: () => config as AuthConfig,
    close: () => {
      clearTimeout(settle);
      unwatchFile(path, listener);
    },
  };
};

/** An AuthFileError's one line; anything else by its name only (it could quote the file). */
const problemOf = (error: unknown): string =>
  error instanceof AuthFileError ? error.message : error instanceof Error ? error.name : 'error';
