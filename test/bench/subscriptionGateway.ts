// The gateway of the subscriptions bench, in a process of its own (`node --expose-gc` on the compiled file): the
// gateway alone (src/gateway/server.ts, upstream URLs and REDIS_URL from the environment), with the bus and the dedupe
// store of src/notifications' factories. Its bus is wrapped to count the subscriptions it holds. A bench-only control
// channel on stdin/stdout, one line each way:
//   stdout  `listening <url>` once listening
//   stdin   `count`  → `count {"subscriptions":n}`
//   stdin   `heap`   → `heap {"heapUsed":…,"heapTotal":…,"external":…,"arrayBuffers":…,"rss":…,"subscriptions":n}`
//                      after forced full garbage collections
//   stdin   `exit`, or SIGTERM → the gateway, bus and dedupe store closed, then exit 0
import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config';
import { createGateway } from '../../src/gateway/server';
import { createLogger } from '../../src/lib/logger';
import { createDedupeStore, createNotificationBus, type NotificationBus } from '../../src/notifications';

const gc = (globalThis as { gc?: () => void }).gc;
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const main = async (): Promise<void> => {
  if (!gc) throw new Error('run with --expose-gc');
  const config = loadConfig(process.env);
  if (config.mpApiUrl === null || config.mlApiUrl === null) throw new Error('MP_API_URL and ML_API_URL are needed');
  const log = createLogger(config.logLevel);
  const inner = createNotificationBus(config.redisUrl, log);
  const dedupe = createDedupeStore(config.redisUrl, log);
  let active = 0;
  const bus: NotificationBus = {
    publish: (event) => inner.publish(event),
    subscribe: (filter, handler) => {
      active += 1;
      const stop = inner.subscribe(filter, handler);
      let stopped = false;
      return () => {
        if (!stopped) active -= 1;
        stopped = true;
        stop();
      };
    },
  };
  const gateway = await createGateway(
    { ...config, mpApiUrl: config.mpApiUrl, mlApiUrl: config.mlApiUrl },
    { env: process.env, log, bus, dedupe },
  );

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await gateway.close().catch(() => undefined);
      await Promise.all([inner.close(), dedupe.close()]).catch(() => undefined);
      process.exit(0);
    })());
  process.on('SIGTERM', () => void close());

  const heap = async () => {
    // Full collections a turn apart: what one frees can let go of more (weak maps, finalizers).
    for (let i = 0; i < 3; i++) {
      gc();
      await turn();
    }
    const { heapUsed, heapTotal, external, arrayBuffers, rss } = process.memoryUsage();
    return { heapUsed, heapTotal, external, arrayBuffers, rss, subscriptions: active };
  };
  createInterface({ input: process.stdin }).on('line', (line) => {
    const command = line.trim();
    if (command === 'count') process.stdout.write(`count ${JSON.stringify({ subscriptions: active })}\n`);
    else if (command === 'heap') void heap().then((h) => process.stdout.write(`heap ${JSON.stringify(h)}\n`));
    else if (command === 'exit') void close();
  });
  process.stdin.once('end', () => void close()); // the bench went away: so does this process
  process.stdout.write(`listening ${gateway.url}\n`);
};

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
