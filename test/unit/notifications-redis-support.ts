// For the Redis notification tests: a redis-server brought back on the port of one that was killed
// (test/support/redis.ts starts a server on a free port; clients reconnect to the same address),
// a bounded wait, and a logger that keeps its lines. No watch on the process is needed: jest fails
// the running test on an unhandled rejection or an uncaught exception (an 'error' event nobody
// listens to included).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, type Logger } from '../../src/lib/logger';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 25 ms; throws naming `what` after `timeoutMs`. */
export const waitFor = async (what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
};

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export const capturingLogger = (): { log: Logger; lines: LogLine[] } => {
  const lines: LogLine[] = [];
  return { log: createLogger('debug', (line) => lines.push(JSON.parse(line) as LogLine)), lines };
};

const pings = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 500);
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString('utf8').startsWith('+PONG')));
  });

export interface RestartedRedis {
  stop(): Promise<void>;
}

/** A new, empty redis-server on `port` (persistence off), once it answers PING; within 10 s. */
export const restartRedisOn = async (port: number): Promise<RestartedRedis> => {
  const dir = mkdtempSync(join(tmpdir(), 'mpgraph-redis-again-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await pings(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not come back on 127.0.0.1:${port}`);
    }
    await sleep(50);
  }
  return { stop };
};
