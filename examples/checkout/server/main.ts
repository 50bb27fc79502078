// `npm run example`: the checkout page and its back office beside the gateway, on the embedded sandbox.
import 'reflect-metadata';
import { startExample } from './example';

const port = Number(process.env.EXAMPLE_PORT ?? 4100);

startExample({ port }).then(
  (example) => {
    const shop = example.backend.url;
    console.log(
      [
        '',
        `  checkout      ${shop}/            (the cardholder name decides: APRO, FUND, CONT, …)`,
        `  back office   ${shop}/back-office?order=893431118`,
        `  gateway       ${example.app.gateway.url}/graphql`,
        `  sandbox       ${example.app.sandbox!.url}`,
        '',
      ].join('\n'),
    );
    const stop = (): void => {
      example.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (err: unknown) => {
    console.error(`the example could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
