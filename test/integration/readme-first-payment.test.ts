// The README's first payment, as written: the inputs of its two curl steps (tokenize a test card
// with a public key, then createPayment with that token) are read from README.md and sent to a real
// sandbox and gateway, and the answer must be the one the README shows. So the example cannot drift
// from the product, and its token must be the first one of the README's token table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useStack } from '../support/stack';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

/** The text of `## <title>`, up to the next `## ` heading. */
const section = (title: string): string => {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README: no section "${title}"`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
};

const match = (text: string, pattern: RegExp, what: string): RegExpMatchArray => {
  const found = text.match(pattern);
  if (!found) throw new Error(`README's first payment: cannot find ${what} (${pattern})`);
  return found;
};

/** The first payment example: its shell block (the one that tokenizes a card) and the JSON block after it. */
const example = () => {
  const text = section('First request');
  const blocks = [...text.matchAll(/```(\w+)\n([\s\S]*?)\n```/g)].map(([, lang, body]) => ({ lang, body }));
  const at = blocks.findIndex((b) => b.lang === 'sh' && b.body.includes('/v1/card_tokens'));
  if (at < 0 || blocks[at + 1]?.lang !== 'json') throw new Error("README: no first payment's sh and json blocks");
  const shell = blocks[at].body;
  const [tokenize, charge] = shell.split(/^(?=curl )/m);
  const cardTokenUrl = new URL(match(tokenize, /curl -s '([^']*\/v1\/card_tokens[^']*)'/, 'the card_tokens URL')[1]);
  const graphqlUrl = new URL(match(charge, /^curl -s (\S+\/graphql) /, 'the GraphQL URL')[1]);
  // The GraphQL body is one single-quoted shell word with the card token spliced in as "'"$CARD_TOKEN"'".
  const body = match(charge, /-d '([\s\S]*)'\s*$/, 'the createPayment body')[1];
  match(charge, /--oauth2-bearer "\$TOKEN"/, 'the bearer token');
  return {
    table: match(text, /^\| token \| who \| sees \|\n\|[-|]+\|\n\| `([^`]+)` \|/m, 'the token table')[1],
    token: match(shell, /^TOKEN=(\S+)$/m, 'TOKEN=')[1],
    cardTokenPath: cardTokenUrl.pathname + cardTokenUrl.search,
    publicKey: cardTokenUrl.searchParams.get('public_key'),
    card: JSON.parse(match(tokenize, /-d '([^']*)'/, 'the card JSON')[1]),
    graphqlPath: graphqlUrl.pathname,
    request: (cardToken: string) => JSON.parse(body.split(`'"$CARD_TOKEN"'`).join(cardToken)),
    answer: JSON.parse(blocks[at + 1].body),
  };
};

describe("README's first payment", () => {
  const stack = useStack();
  const readmeExample = example();

  const pay = async (cardToken: string) => {
    const res = await fetch(`${stack.gatewayUrl}${readmeExample.graphqlPath}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${readmeExample.token}` },
      body: JSON.stringify(readmeExample.request(cardToken)),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it("uses the first token of the README's table, with that seller's public key", () => {
    expect(readmeExample.token).toBe(readmeExample.table);
    expect(readmeExample.token).toMatch(/^TEST-SELLER-\d+$/);
    expect(readmeExample.publicKey).toBe(readmeExample.token.replace('SELLER', 'PUBLIC'));
  });

  it('tokenizes the card and charges it, answering exactly what the README shows', async () => {
    const tokenized = await fetch(`${stack.sandboxUrl}${readmeExample.cardTokenPath}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(readmeExample.card),
    });
    expect(tokenized.status).toBe(201);
    const cardToken = ((await tokenized.json()) as { id: string }).id;
    expect(cardToken).toEqual(expect.any(String));

    const first = await pay(cardToken);
    expect(first.status).toBe(200);
    expect(first.body.data.createPayment.payment).toMatchObject({
      status: 'APPROVED',
      statusDetail: 'accredited',
      amount: readmeExample.answer.data.createPayment.payment.amount,
    });
    expect(first.body).toEqual(readmeExample.answer);

    // "Sent again as it is (same key, same token), the same answer comes back."
    expect(await pay(cardToken)).toEqual(first);
  });
});
