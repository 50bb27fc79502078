// A real redis-server for a test file: its own process on a free loopback port, persistence off,
// its files in a temporary directory. Every wait is bounded; stop() ends it whatever state it is in.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_INSTALL_HINT =
  'redis-server is not installed, and the Redis idempotency tests need a real one. Install it with ' +
  '`apt-get update && apt-get install -y redis-server` (Debian/Ubuntu; .ci/run does this on CI) or `brew install redis` (macOS).';

export interface RedisServer {
  url: string;
  port: number;
  /** SIGSTOP: the server keeps its connections but stops answering. */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** SIGKILL, and resolves once it is gone. */
  kill(): Promise<void>;
  /** Ends the server (SIGTERM, then SIGKILL) and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;
const EXIT_TIMEOUT_MS = 5_000;

/** Throws REDIS_INSTALL_HINT when redis-server is not on the PATH. */
export const redisServerVersion = (): string => {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8', timeout: 5_000 });
  if (probe.error || probe.status !== 0) throw new Error(REDIS_INSTALL_HINT);
  return probe.stdout.trim();
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/** One PING over a fresh socket: true on +PONG within `timeoutMs`. */
const pings = (port: number, timeoutMs: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString('utf8').startsWith('+PONG')));
  });

const exited = (child: ChildProcess, timeoutMs: number): Promise<boolean> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const startRedis = async (): Promise<RedisServer> => {
  redisServerVersion();
  // A port found free can be taken before redis-server binds it: try a few.
  let lastError: Error | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOn(await freePort());
    } catch (err) {
      lastError = err as Error;
    }
  }
  throw lastError ?? new Error('redis-server did not start');
};

const startOn = async (port: number): Promise<RedisServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'mpgraph-redis-'));
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString('utf8')));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (!stopped) {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT'); // a paused server cannot act on SIGTERM
        child.kill('SIGTERM');
        if (!(await exited(child, EXIT_TIMEOUT_MS))) {
          child.kill('SIGKILL');
          await exited(child, EXIT_TIMEOUT_MS);
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await pings(port, 500))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(
        `redis-server did not answer on 127.0.0.1:${port} within ${READY_TIMEOUT_MS} ms: ${output.trim() || 'no output'}`,
      );
    }
    await sleep(50);
  }

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child, EXIT_TIMEOUT_MS);
    },
    stop,
  };
};
