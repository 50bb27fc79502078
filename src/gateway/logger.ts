// One JSON line per event on stderr, filtered by LOG_LEVEL. Callers pass fields, never headers or
// bodies: tokens must not reach a log.
import type { LogLevel } from '../config';
import type { Logger } from '../graph/context';

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export const createLogger = (
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger => {
  const at =
    (l: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}): void => {
      if (RANK[l] > RANK[level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: l, msg: message, ...fields }));
    };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
};
