// `npm run schema`: writes schema/schema.graphql from the code. CI fails when it drifts.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printGatewaySchema } from './schema';

const SCHEMA_PATH = resolve(__dirname, '../../schema/schema.graphql');

void printGatewaySchema().then(
  (sdl) => {
    writeFileSync(SCHEMA_PATH, sdl);
    console.log(`wrote ${SCHEMA_PATH}`);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
