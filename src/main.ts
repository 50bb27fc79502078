// `npm start`: the whole product (src/app.ts) on this machine, its banner, and a clean stop.
import 'reflect-metadata';
import { startApp, type RunningApp } from './app';
import { ConfigError } from './config';

const main = async (): Promise<void> => {
  let app: RunningApp | null = null;
  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await app?.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    app = await startApp(process.env);
    console.log(app.banner);
  } catch (err) {
    // A bad variable, or typically a port already in use: one line, then the exit code says it failed.
    const e = err as NodeJS.ErrnoException;
    if (err instanceof ConfigError) console.error(`mpgraph: invalid configuration: ${err.message}`);
    else
      console.error(
        `mpgraph: could not start: ${e.code === 'EADDRINUSE' ? `port already in use (${e.message})` : e.message}`,
      );
    await stop(1);
  }
};

void main();
