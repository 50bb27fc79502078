// `npm run keys`: makes gateway keys and the entries of the auth file's "keys" array.
//
//   npm run keys -- new --name back-office --seller main --scopes payments:read,orders:read
//       prints a new key (once: only its hash is kept anywhere) and the entry to paste
//   npm run keys -- hash KEY [--name N --seller S --scopes a,b]
//   npm run keys -- hash - [...]        (reads the key from stdin, keeping it out of the shell's history)
//       prints the entry for an existing key; flags left out are placeholders to fill in
//
// A bad flag or value is one line on stderr and exit code 2; `checkout` is refused (session JWTs
// only). runKeysCli() is the whole program, with its input and output injected for the tests.
import { parseArgs } from 'node:util';
import { isGatewayKey, keyHash, newKey } from './keys';
import { isScope, KEY_SCOPES, NAME, NAME_RULE, type Scope } from './scopes';

export interface KeysCliIo {
  out(text: string): void;
  err(text: string): void;
  /** All of stdin, for `hash -`. */
  readStdin(): Promise<string>;
}

export const USAGE = [
  'usage: npm run keys -- new [--name NAME] [--seller SELLER] [--scopes SCOPE,SCOPE...]',
  '       npm run keys -- hash KEY|- [--name NAME] [--seller SELLER] [--scopes SCOPE,SCOPE...]',
  `scopes: ${KEY_SCOPES.join(', ')}`,
].join('\n');

/** A refused command line: one line on stderr (and the usage when the command itself is wrong), exit 2. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

export interface KeyEntryFields {
  name?: string;
  seller?: string;
  scopes?: readonly Scope[];
}

/** The auth file's entry for a key hash; what is not given is a placeholder the file refuses until filled in. */
export const keyEntry = (hash: string, fields: KeyEntryFields = {}): Record<string, unknown> => ({
  name: fields.name ?? '<name>',
  keyHash: hash,
  seller: fields.seller ?? '<seller>',
  scopes: fields.scopes ?? ['<scope>'],
});

const shown = (value: string): string => JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);

/** `a,b` → scopes a gateway key may hold; UsageError for `checkout`, an unknown scope or none. */
export const parseScopes = (raw: string): Scope[] => {
  const words = raw
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');
  if (words.length === 0) throw new UsageError('--scopes: list at least one scope');
  for (const word of words) {
    if (word === 'checkout') throw new UsageError('--scopes: "checkout" is for session JWTs only, never a gateway key');
    if (!isScope(word))
      throw new UsageError(`--scopes: unknown scope ${shown(word)} (known: ${KEY_SCOPES.join(', ')})`);
  }
  return [...new Set(words as Scope[])];
};

const plainName = (flag: string, value: string | undefined): string | undefined => {
  if (value !== undefined && !NAME.test(value)) throw new UsageError(`${flag}: must be ${NAME_RULE}`);
  return value;
};

/** An entry as one line of JSON, ready to paste into the "keys" array. */
export const entryLine = (entry: Record<string, unknown>): string =>
  `{ ${Object.entries(entry)
    .map(([key, value]) =>
      Array.isArray(value)
        ? `${JSON.stringify(key)}: [${value.map((item) => JSON.stringify(item)).join(', ')}]`
        : `${JSON.stringify(key)}: ${JSON.stringify(value)}`,
    )
    .join(', ')} }`;

const entryText = (hash: string, fields: KeyEntryFields): string =>
  `Its entry for "keys" in the auth file (GATEWAY_KEYS_FILE):\n\n${entryLine(keyEntry(hash, fields))}`;

/** The program: `args` without node and the script; returns the exit code. */
export const runKeysCli = async (args: readonly string[], io: KeysCliIo): Promise<number> => {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        name: { type: 'string' },
        seller: { type: 'string' },
        scopes: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const fields: KeyEntryFields = {
      name: plainName('--name', values.name),
      seller: plainName('--seller', values.seller),
      scopes: values.scopes === undefined ? undefined : parseScopes(values.scopes),
    };
    const [command, ...rest] = positionals;
    if (command === 'new' && rest.length === 0) {
      const key = newKey();
      io.out(`A new gateway key (shown this once; only its hash goes in the auth file):\n\n${key}\n`);
      io.out(entryText(keyHash(key), fields));
      return 0;
    }
    if (command === 'hash' && rest.length === 1) {
      const key = rest[0] === '-' ? (await io.readStdin()).trim() : rest[0];
      // Never echoed: it may be a real key with a typo.
      if (!isGatewayKey(key)) throw new UsageError('KEY: not a gateway key (mpg_ and 43 base64url characters)');
      io.out(entryText(keyHash(key), fields));
      return 0;
    }
    throw new UsageError(command === undefined ? 'a command is required' : 'unknown command or arguments', true);
  } catch (error) {
    // parseArgs refuses an unknown or incomplete flag with an error coded ERR_PARSE_ARGS_….
    const code = (error as { code?: unknown } | null)?.code;
    const parseError = typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
    if (!(error instanceof UsageError) && !parseError) throw error;
    io.err(`keys: ${String((error as Error).message).split('\n')[0]}`);
    if (parseError || (error as UsageError).showUsage) io.err(USAGE);
    return 2;
  }
};

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

if (require.main === module) {
  void runKeysCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    readStdin,
  }).then((code) => {
    process.exitCode = code;
  });
}
