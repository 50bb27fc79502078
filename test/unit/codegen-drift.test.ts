// test/generated/ and examples/checkout/src/gql/ must be what `npm run codegen` makes from the checked-in schema
// and operations.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

// generate(config, false) returns the files instead of writing them. It runs in a plain Node
// child: @graphql-codegen/cli loads ESM-only packages (yargs, log-symbols, listr2) that Node 20
// requires natively but jest's CommonJS module runtime cannot.
const GENERATE = `
const { readFileSync } = require('node:fs');
const { parse } = require('yaml');
const { generate } = require('@graphql-codegen/cli');
const config = parse(readFileSync('codegen.yml', 'utf8'));
generate({ ...config, cwd: process.cwd(), silent: true }, false).then(
  (outputs) => process.stdout.write(JSON.stringify(outputs.map(({ filename, content }) => ({ filename, content })))),
  (err) => { console.error(err); process.exit(1); },
);
`;

describe('test/generated and examples/checkout/src/gql (GraphQL Code Generator)', () => {
  it('is up to date with schema/schema.graphql and schema/operations/', () => {
    const stdout = execFileSync(process.execPath, ['-e', GENERATE], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const outputs = JSON.parse(stdout) as { filename: string; content: string }[];
    expect(outputs.map((o) => o.filename).sort()).toEqual([
      'examples/checkout/src/gql/gql.ts',
      'examples/checkout/src/gql/graphql.ts',
      'examples/checkout/src/gql/index.ts',
      'test/generated/graphql.ts',
      'test/generated/schema-types.ts',
    ]);
    for (const { filename, content } of outputs) {
      let checkedIn: string | null = null;
      try {
        checkedIn = readFileSync(resolve(ROOT, filename), 'utf8');
      } catch {
        /* missing: reported below */
      }
      if (checkedIn !== content) {
        throw new Error(
          `${filename} is out of date with schema/schema.graphql or schema/operations/. Run \`npm run codegen\` and commit the result.`,
        );
      }
    }
  }, 60_000);
});
