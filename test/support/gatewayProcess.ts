// A whole gateway in a process of its own (src/app.ts, loaded from source through TypeScript's own
// transpiler: no build step), for tests of several gateways sharing one Redis. It prints its URL
// once listening; stop() ends it. Every wait is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const START_TIMEOUT_MS = 30_000;

// The child: a require hook for .ts files (decorators and their metadata, as tsconfig.json has
// them), then startApp(process.env), then one line with the gateway's URL.
const CHILD = `
require('reflect-metadata');
const ts = require('typescript');
const fs = require('fs');
const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true };
require.extensions['.ts'] = (m, file) => m._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file }).outputText, file);
require(process.env.APP_MODULE).startApp(process.env).then(
  (app) => {
    process.stdout.write('listening ' + app.gateway.url + '\\n');
    process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
  },
  (err) => { process.stderr.write(String(err && err.stack || err) + '\\n'); process.exit(1); },
);
`;

export interface GatewayProcess {
  url: string;
  pid: number;
  /** SIGTERM (a clean stop: in-flight operations finish), then SIGKILL after 5 s; resolves once the process is gone. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, mid-whatever it was doing; resolves once the process is gone. */
  kill(): Promise<void>;
}

export const startGatewayProcess = (env: Record<string, string>): Promise<GatewayProcess> =>
  new Promise((resolveStart, rejectStart) => {
    const child: ChildProcess = spawn(process.execPath, ['-e', CHILD], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        APP_MODULE: resolve(ROOT, 'src/app.ts'),
        LOG_LEVEL: 'error',
        NODE_ENV: 'test',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectStart(new Error(`gateway process did not start within ${START_TIMEOUT_MS} ms: ${err.slice(0, 2000)}`));
    }, START_TIMEOUT_MS);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /^listening (\S+)\n/.exec(out);
      if (!m) return;
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
      });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      rejectStart(
        new Error(`gateway process ended (${signal ?? code}) before listening: ${(err || out).slice(0, 2000)}`),
      );
    });
  });
