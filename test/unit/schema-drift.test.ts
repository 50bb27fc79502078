// schema/schema.graphql is checked in for clients and reviewers; it must be what the code builds.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printGatewaySchema } from '../../src/gateway/schema';

const SCHEMA = resolve(__dirname, '../../schema/schema.graphql');

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds', async () => {
    const emitted = await printGatewaySchema();
    const checkedIn = readFileSync(SCHEMA, 'utf8');
    if (emitted !== checkedIn) {
      throw new Error(
        'schema/schema.graphql differs from the schema built from src/graph. Run `npm run schema` (then `npm run codegen`) and commit the result.',
      );
    }
  });

  it('describes every type, field and argument', async () => {
    const { buildGatewaySchema } = await import('../../src/gateway/schema');
    const schema = await buildGatewaySchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) continue;
      // Root operation types have no description to give (type-graphql creates them).
      const isRoot = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(
        type as never,
      );
      if (!type.description && !isRoot) missing.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
