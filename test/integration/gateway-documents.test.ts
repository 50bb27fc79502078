// Documents the gateway refuses before anything runs, over real HTTP (real gateway, real sandbox):
// too deep or too long to parse safely (their text is measured before parsing), too deep through
// fragments to price, too many aliases or directives (introspection included), and subscriptions,
// which HTTP does not serve. Each refusal is one 400 BAD_USER_INPUT error with its numbers, and no
// upstream call (the sandbox's request log); README.md, "Query cost and depth".
import { createLogger } from '../../src/lib/logger';
import { TOKENS } from '../support/sandbox';
import { useStack } from '../support/stack';
import { upstreamCalls } from '../support/upstreamCalls';

const SEED_PAYMENT = '3506756222';
const NO_COST = { cost: { requested: 0, limit: 1000, remaining: 1000 } };

/** `{ order(id: "1653027692") { payments { order { payments … { id } } } } }`, `levels` fields below `order`. */
const nested = (levels: number): string => {
  let inner = 'id';
  for (let i = levels; i > 0; i -= 1) inner = `${i % 2 ? 'payments' : 'order'} { ${inner} }`;
  return `{ order(id: "1653027692") { ${inner} } }`;
};

/**
 * Each fragment goes 28 fields deeper (within the nesting limit) and spreads the next: `length` × 28 + 2 fields deep
 * once expanded, in fewer than 100 tokens a fragment.
 */
const fragmentChain = (length: number): string =>
  `{ order(id: "1653027692") { ...F0 } } ` +
  Array.from({ length }, (_, i) => {
    const next = i + 1 < length ? `...F${i + 1}` : 'id';
    return `fragment F${i} on Order { ${'payments { order { '.repeat(14)}${next}${' } }'.repeat(14)} }`;
  }).join(' ');

const aliased = (n: number, field: string): string =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('documents refused before they run', () => {
  const lines: string[] = [];
  const stack = useStack({ LOG_LEVEL: 'debug' }, { gateway: { log: createLogger('debug', (l) => lines.push(l)) } });
  beforeEach(() => {
    lines.length = 0;
  });

  const post = async (
    query: string,
    variables: Record<string, unknown> = {},
    token: string | null = TOKENS.sellerMLM,
  ) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(`${stack.gatewayUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as any };
  };
  const logged = (): { level: string; msg: string }[] => lines.map((l) => JSON.parse(l));
  const noUpstreamCall = async () => expect(await upstreamCalls(stack.sandboxUrl)).toEqual({});

  describe('too deep or too long to parse', () => {
    it.each([1_500, 3_000, 5_000, 30_000])(
      'refuses a document nested %i fields deep with 400, its nesting and the limit, before parsing it',
      async (levels) => {
        const { status, body, text } = await post(nested(levels));
        expect(status).toBe(400);
        expect(body).toEqual({
          errors: [
            {
              message:
                `The document nests brackets ${levels + 2} deep, over the limit of 32. ` +
                'Split it into shallower operations.',
              extensions: { code: 'BAD_USER_INPUT', nesting: levels + 2, maxNesting: 32 },
            },
          ],
          extensions: NO_COST,
        });
        expect(text).not.toMatch(/call stack/i);
        await noUpstreamCall();
        expect(logged().filter((l) => l.level !== 'debug')).toEqual([]);
      },
    );

    it('refuses deep nesting in arguments and lists as in selections', async () => {
      const { status, body } = await post(`{ payment(id: ${'['.repeat(2_000)}"1"${']'.repeat(2_000)}) { id } }`);
      expect(status).toBe(400);
      expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', nesting: 2_002, maxNesting: 32 });
    });

    it('refuses over GET as over POST', async () => {
      const res = await fetch(`${stack.gatewayUrl}/graphql?query=${encodeURIComponent(nested(600))}`, {
        headers: { 'apollo-require-preflight': 'true', Authorization: `Bearer ${TOKENS.sellerMLM}` },
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).errors[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        nesting: 602,
        maxNesting: 32,
      });
      await noUpstreamCall();
    });

    it('reads no nesting inside strings, block strings or comments', async () => {
      const braces = '{'.repeat(3_000);
      const reference = `${'{'.repeat(100)}\\"""${'['.repeat(100)}`;
      const { status, body } = await post(
        `# ${braces}\nquery($ref: String = """${reference}""") ` +
          '{ payments(filter: { externalReference: $ref }) { totalCount } }',
      );
      expect(status).toBe(200);
      expect(body).toEqual({ data: { payments: { totalCount: 0 } }, extensions: expect.anything() });
      const inString = await post(`{ payment(id: "${braces}") { id } }`);
      expect(inString.body.errors.map((e: any) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'id' }]);
    });

    it('refuses a document with more than 5,000 tokens with its tokens and the limit', async () => {
      const { status, body } = await post(`{ ${'__typename '.repeat(6_000)}}`);
      expect(status).toBe(400);
      expect(body).toEqual({
        errors: [
          {
            message: 'The document has 6002 tokens, over the limit of 5000. Send a shorter document.',
            extensions: { code: 'BAD_USER_INPUT', tokens: 6_002, maxTokens: 5_000 },
          },
        ],
        extensions: NO_COST,
      });
    });

    it('parses a document of 5,000 tokens (graphql-js counts them as the gateway does)', async () => {
      // Parsed, then refused by graphql-js's own validation (4,998 times the same field), not by a token limit.
      const { status, body } = await post(`{ ${'__typename '.repeat(4_998)}}`);
      expect(status).toBe(400);
      expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    });
  });

  describe('too deep once its fragments are expanded', () => {
    it('refuses an operation 1,500 fields deep through fragments with its depth, before pricing it', async () => {
      // Within the nesting and token limits as text, 1,514 fields deep once expanded.
      const { status, body } = await post(fragmentChain(54));
      expect(status).toBe(400);
      expect(body).toEqual({
        errors: [
          {
            message: 'The operation is 1514 fields deep, over the limit of 10. Split it into shallower operations.',
            extensions: { code: 'BAD_USER_INPUT', depth: 1_514, maxDepth: 10 },
          },
        ],
        extensions: NO_COST,
      });
      await noUpstreamCall();
      expect(logged().filter((l) => l.level !== 'debug')).toEqual([]);
    });
  });

  describe('aliases and directives', () => {
    it('refuses 31 aliased payment(id) fields, and reads none of them', async () => {
      const { status, body } = await post(aliased(31, `payment(id: "${SEED_PAYMENT}") { id }`));
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        {
          message:
            'The operation has 31 aliased fields once its fragments are expanded, over the limit of 30. ' +
            'Ask for a page (first) rather than many things by id, or split the operation.',
          extensions: { code: 'BAD_USER_INPUT', aliases: 31, maxAliases: 30 },
        },
      ]);
      expect(body.extensions).toEqual(NO_COST);
      await noUpstreamCall();
    });

    it('counts the aliases of a fragment each time it is spread', async () => {
      const { status, body } = await post(
        aliased(11, `payment(id: "${SEED_PAYMENT}") { ...Amounts }`) +
          ' fragment Amounts on Payment { paid: totalPaidAmount { amount } net: netReceivedAmount { amount } }',
      );
      expect(status).toBe(400);
      expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', aliases: 11 + 11 * 2, maxAliases: 30 });
      await noUpstreamCall();
    });

    it('refuses aliased introspection over the limit instead of answering megabytes', async () => {
      // Each alias of __schema answered the whole schema again: 300 of them were 2 MB.
      const { status, body, text } = await post(aliased(300, '__schema { types { name fields { name } } }'), {}, null);
      expect(status).toBe(400);
      expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', aliases: 300, maxAliases: 30 });
      expect(text.length).toBeLessThan(1_000);
    });

    it('accepts 30 aliases', async () => {
      const { status, body } = await post(aliased(30, '__typename'));
      expect(status).toBe(200);
      expect(Object.keys(body.data)).toHaveLength(30);
    });

    it('refuses more than 50 directives with their count and the limit', async () => {
      const { status, body } = await post(
        `{ payment(id: "${SEED_PAYMENT}") { ${'... @include(if: true) { id } '.repeat(51)}} }`,
      );
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        {
          message: 'The operation uses 51 directives once its fragments are expanded, over the limit of 50.',
          extensions: { code: 'BAD_USER_INPUT', directives: 51, maxDirectives: 50 },
        },
      ]);
      await noUpstreamCall();
    });
  });

  describe('subscriptions over HTTP', () => {
    const REFUSAL = {
      message:
        'Subscriptions are not available over HTTP: this endpoint answers queries and mutations. Subscribe over ' +
        'WebSocket with the graphql-ws protocol on /graphql.',
      extensions: { code: 'BAD_USER_INPUT' },
    };

    it.each([
      ['an anonymous subscription', 'subscription { paymentUpdated { id } }'],
      ['a named one', 'subscription Payments { paymentUpdated(id: "3506756222") { id } }'],
    ])('refuses %s with 400 BAD_USER_INPUT, and logs nothing above debug', async (_name, query) => {
      const consoleError = jest.spyOn(console, 'error');
      const consoleWarn = jest.spyOn(console, 'warn');
      try {
        const { status, body } = await post(query);
        expect(status).toBe(400);
        expect(body).toEqual({ errors: [REFUSAL], extensions: NO_COST });
        await noUpstreamCall();
        expect(logged().filter((l) => l.level !== 'debug')).toEqual([]);
        expect(consoleError).not.toHaveBeenCalled();
        expect(consoleWarn).not.toHaveBeenCalled();
      } finally {
        consoleError.mockRestore();
        consoleWarn.mockRestore();
      }
    });

    it('refuses the subscription a document names among others, and runs the query it names', async () => {
      const document = 'query Q { __typename } subscription S { paymentUpdated { id } }';
      const res = await fetch(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: document, operationName: 'S' }),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).errors).toEqual([REFUSAL]);
      const query = await fetch(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: document, operationName: 'Q' }),
      });
      expect(((await query.json()) as any).data).toEqual({ __typename: 'Query' });
    });
  });
});
