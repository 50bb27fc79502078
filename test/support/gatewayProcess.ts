// A whole gateway in a process of its own (src/app.ts, loaded from source through TypeScript's own
// transpiler: no build step), for tests of several gateways sharing one Redis. It prints its URL
// once listening; stop() ends it. Every wait is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { NotificationEvent } from '../../src/notifications';

const ROOT = resolve(__dirname, '../..');
const START_TIMEOUT_MS = 30_000;

// The child: a require hook for .ts files (decorators and their metadata, as tsconfig.json has
// them), then startApp(process.env), then one line with the gateway's URL.
const REQUIRE_TS = `
require('reflect-metadata');
const ts = require('typescript');
const fs = require('fs');
const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true };
require.extensions['.ts'] = (m, file) => m._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file }).outputText, file);
`;
const CHILD = `${REQUIRE_TS}
require(process.env.APP_MODULE).startApp(process.env).then(
  (app) => {
    process.stdout.write('listening ' + app.gateway.url + '\\n');
    process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
  },
  (err) => { process.stderr.write(String(err && err.stack || err) + '\\n'); process.exit(1); },
);
`;

// With `notifications`: the gateway alone (src/gateway/server.ts, upstream URLs from the environment,
// no embedded sandbox), given the bus and the dedupe store made by src/notifications' factories from
// REDIS_URL as GatewayOptions; every event its bus delivers is printed as one line `event <json>`.
const NOTIFICATIONS_CHILD = `${REQUIRE_TS}
const root = process.env.ROOT_DIR;
const { loadConfig } = require(root + '/src/config.ts');
const { createGateway } = require(root + '/src/gateway/server.ts');
const { createLogger } = require(root + '/src/lib/logger.ts');
const { createDedupeStore, createNotificationBus } = require(root + '/src/notifications/index.ts');
const config = loadConfig(process.env);
const log = createLogger(config.logLevel);
const bus = createNotificationBus(config.redisUrl, log);
const dedupe = createDedupeStore(config.redisUrl, log);
bus.subscribe({}, (event) => void process.stdout.write('event ' + JSON.stringify(event) + '\\n'));
createGateway(config, { env: process.env, log, bus, dedupe }).then(
  (gateway) => {
    process.stdout.write('listening ' + gateway.url + '\\n');
    process.on('SIGTERM', () =>
      gateway.close().then(() => Promise.all([bus.close(), dedupe.close()])).then(() => process.exit(0)),
    );
  },
  (err) => { process.stderr.write(String(err && err.stack || err) + '\\n'); process.exit(1); },
);
`;

export interface GatewayProcessOptions {
  /**
   * Run the gateway with the notification bus and dedupe store of src/notifications' factories
   * (Redis with REDIS_URL), passed as GatewayOptions, and collect its bus's events in `events`.
   * MP_API_URL and ML_API_URL must be set (no embedded sandbox).
   */
  notifications?: boolean;
}

export interface GatewayProcess {
  url: string;
  pid: number;
  /** SIGTERM (a clean stop: in-flight operations finish), then SIGKILL after 5 s; resolves once the process is gone. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, mid-whatever it was doing; resolves once the process is gone. */
  kill(): Promise<void>;
  /** With `notifications`: every event the gateway's bus delivered to its subscribers, in order. */
  events: NotificationEvent[];
  /** What the process wrote to stderr so far (its log lines). */
  stderr(): string;
}

export const startGatewayProcess = (
  env: Record<string, string>,
  options: GatewayProcessOptions = {},
): Promise<GatewayProcess> =>
  new Promise((resolveStart, rejectStart) => {
    const child: ChildProcess = spawn(process.execPath, ['-e', options.notifications ? NOTIFICATIONS_CHILD : CHILD], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        APP_MODULE: resolve(ROOT, 'src/app.ts'),
        ROOT_DIR: ROOT,
        LOG_LEVEL: 'error',
        NODE_ENV: 'test',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let pending = '';
    let started = false;
    const events: NotificationEvent[] = [];
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(new Error(`gateway process did not start within ${START_TIMEOUT_MS} ms: ${err.slice(0, 2000)}`));
    }, START_TIMEOUT_MS);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      pending += d.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('event ')) events.push(JSON.parse(line.slice('event '.length)) as NotificationEvent);
        const m = /^listening (\S+)$/.exec(line);
        if (!m || started) continue;
        started = true;
        clearTimeout(timer);
        resolveStart({
          url: m[1],
          pid: child.pid!,
          stop: async () => {
            if (child.exitCode !== null || child.signalCode !== null) return;
            child.kill('SIGTERM');
            const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
            await exited;
            clearTimeout(kill);
          },
          kill: async () => {
            if (child.exitCode !== null || child.signalCode !== null) return;
            child.kill('SIGKILL');
            await exited;
          },
          events,
          stderr: () => err,
        });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      rejectStart(
        new Error(`gateway process ended (${signal ?? code}) before listening: ${(err || out).slice(0, 2000)}`),
      );
    });
  });
