// A `subscription` sent over HTTP (src/gateway/limits.ts, limitsPlugin): refused with BAD_USER_INPUT
// and HTTP 400 before anything runs, whether the schema has a Subscription type (graphql-js would run
// it as a query) or not (graphql-js would fail it as an internal error), and nothing logged.
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { limitsPlugin } from '../../src/gateway/limits';

const REFUSAL =
  'Subscriptions are not available over HTTP: this endpoint answers queries and mutations. Subscribe over ' +
  'WebSocket with the graphql-ws protocol on /graphql.';

describe.each([
  ['with a Subscription type', 'type Query { a: Int } type Subscription { tick: Int }', 'subscription { tick }'],
  ['without one', 'type Query { a: Int }', 'subscription { tick }'],
])('a schema %s', (_name, sdl, query) => {
  const logged: string[] = [];
  const log = (m: unknown) => {
    logged.push(String(m));
  };
  const resolved: string[] = [];
  const server = new ApolloServer({
    schema: buildSchema(sdl),
    rootValue: {
      tick: () => {
        resolved.push('tick');
        return 1;
      },
    },
    plugins: [limitsPlugin()],
    logger: { debug: () => undefined, info: log, warn: log, error: log },
  });
  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('refuses a subscription with BAD_USER_INPUT and 400, running nothing and logging nothing', async () => {
    const res = await server.executeOperation({ query });
    expect(res.http.status).toBe(400);
    expect(res.body.kind === 'single' && res.body.singleResult).toEqual({
      errors: [{ message: REFUSAL, extensions: { code: 'BAD_USER_INPUT' } }],
      extensions: { cost: { requested: 0, limit: 1000, remaining: 1000 } },
    });
    expect(resolved).toEqual([]);
    expect(logged).toEqual([]);
  });
});
