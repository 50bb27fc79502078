// One JSON line per event on stderr, filtered by LOG_LEVEL. Callers pass fields, never headers or
// bodies: tokens must not reach a log. A leaf module: the gateway, the graph and the notification
// receivers all log through it.

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

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
