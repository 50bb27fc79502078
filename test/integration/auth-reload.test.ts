// The auth file while the gateway runs: a good change takes effect within seconds; a broken one keeps
// the last good file in force and logs one error naming the problem (never a secret of the file); a
// broken file at start-up stops the gateway with one line naming GATEWAY_KEYS_FILE.
import { ConfigError } from '../../src/config';
import { TOKENS } from '../support/sandbox';
import {
  authFileJson,
  eventually,
  gql,
  logged,
  startAuthStack,
  testKey,
  type Answer,
  type AuthStack,
} from './auth-helpers';

const FIRST = testKey('first', ['payments:read']);
const ADDED = testKey('added', ['payments:read']);
const QUERY = '{ paymentMethods { id } }';
const NOT_RELOADED = 'auth file not reloaded: the last good one stays in force';

/** A file with an unknown seller for its second key. */
const unknownSeller = (): any => {
  const file = authFileJson([FIRST, ADDED]);
  file.keys[1].seller = 'nobody';
  return file;
};
/** JSON broken right after a seller's token, on line 2: the message says where, never what. */
const INVALID_JSON = `{\n  "sellers": { "main": { "mercadoPago": { "accessToken": "${TOKENS.sellerMLB}" },,\n`;
const NOT_JSON = `auth file: not valid JSON at line 2, column ${INVALID_JSON.split('\n')[1].indexOf(',,') + 2}`;

const works = (res: Answer): boolean => res.errors === undefined && Array.isArray(res.data?.paymentMethods);

describe('a bad auth file at start-up', () => {
  it.each([
    ['invalid JSON', INVALID_JSON, NOT_JSON],
    ['an unknown seller', unknownSeller(), 'keys[1].seller: unknown seller "nobody"'],
  ])('%s stops start-up with one line naming GATEWAY_KEYS_FILE', async (_what, content, problem) => {
    const failure = await startAuthStack(content).then(
      async (stack) => {
        await stack.stop();
        throw new Error('the gateway started');
      },
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).message).toBe(`GATEWAY_KEYS_FILE is not a valid auth file: ${problem}`);
    expect((failure as ConfigError).message).not.toContain(TOKENS.sellerMLB);
  });
});

describe('the auth file reloaded while the gateway runs', () => {
  let stack: AuthStack;
  beforeAll(async () => {
    stack = await startAuthStack(authFileJson([FIRST]));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const call = (token: string) => gql(stack.gatewayUrl, QUERY, { token });
  const errorsLogged = () => logged(stack.lines, 'error', NOT_RELOADED);
  /** Writes a broken file and waits for its error; the last good file stays in force. */
  const breakWith = async (content: unknown, problem: string): Promise<void> => {
    const before = errorsLogged().length;
    stack.file.write(content);
    await eventually('the broken file logged', async () => errorsLogged().length > before);
    expect(errorsLogged().slice(before)).toEqual([
      { time: expect.any(String), level: 'error', msg: NOT_RELOADED, file: stack.file.path, problem },
    ]);
    expect(works(await call(FIRST.key))).toBe(true);
    expect(works(await call(ADDED.key))).toBe(true);
  };

  it('takes a new key within 5 s, keeps the last good file through broken rewrites, then takes a fix', async () => {
    expect(works(await call(FIRST.key))).toBe(true);
    expect(works(await call(ADDED.key))).toBe(false);

    stack.file.write(authFileJson([FIRST, ADDED]));
    const took = await eventually('the new key accepted', async () => works(await call(ADDED.key)));
    expect(took).toBeLessThanOrEqual(5000);
    expect(works(await call(FIRST.key))).toBe(true);
    expect(logged(stack.lines, 'info', 'auth file reloaded')).toEqual([
      {
        time: expect.any(String),
        level: 'info',
        msg: 'auth file reloaded',
        file: stack.file.path,
        sellers: 2,
        keys: 2,
        jwt: true,
        passthrough: false,
      },
    ]);

    await breakWith(INVALID_JSON, NOT_JSON);
    await breakWith(unknownSeller(), 'keys[1].seller: unknown seller "nobody"');

    // A good file again: the key it leaves out stops working.
    stack.file.write(authFileJson([FIRST]));
    await eventually('the left-out key refused', async () => !works(await call(ADDED.key)));
    expect(works(await call(FIRST.key))).toBe(true);

    // One error per broken file, each naming its problem, none quoting the file.
    expect(errorsLogged().map((l) => l.problem)).toEqual([NOT_JSON, 'keys[1].seller: unknown seller "nobody"']);
    expect(stack.lines.filter((l) => l.includes(TOKENS.sellerMLB))).toEqual([]);
    expect(logged(stack.lines, 'info', 'auth file reloaded')).toHaveLength(2);
  });
});
