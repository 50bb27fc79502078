// Gateway keys: `mpg_` and 43 base64url characters (32 random bytes). The auth file keeps only the
// SHA-256 of the whole key string (`sha256:<hex>`), so a leaked file grants nothing; a presented key
// is hashed and compared with every hash of the file in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The shape of a gateway key. */
export const GATEWAY_KEY = /^mpg_[A-Za-z0-9_-]{43}$/;

/** What the auth file holds for a key: `sha256:` and 64 hex digits. */
export const KEY_HASH = /^sha256:[0-9a-f]{64}$/;

export const isGatewayKey = (value: string): boolean => GATEWAY_KEY.test(value);

/** A new gateway key from 32 random bytes. Shown once to whoever asked for it, never stored. */
export const newKey = (): string => `mpg_${randomBytes(32).toString('base64url')}`;

const digest = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/**
 * `sha256:<hex>` of the whole key (`mpg_` included): what the auth file lists. Throws a TypeError
 * (which never quotes the value) for anything that is not a gateway key, so a header or a key with
 * a stray space is never hashed into an entry that can never match.
 */
export const keyHash = (key: string): string => {
  if (typeof key !== 'string' || !isGatewayKey(key))
    throw new TypeError('not a gateway key (mpg_ and 43 base64url characters)');
  return `sha256:${digest(key).toString('hex')}`;
};

/**
 * The entry whose `keyHash` is the presented key's, or null. The presented key's SHA-256 is compared
 * with every entry's with `timingSafeEqual`, all of them every time (no early return), so the time
 * taken says nothing about which hash, or how much of one, matched. Entries hold valid hashes (the
 * auth file's loader checks them); one that does not never matches.
 */
export const findKey = <Entry extends { readonly keyHash: string }>(
  presented: string,
  entries: readonly Entry[],
): Entry | null => {
  const mine = digest(presented);
  let found: Entry | null = null;
  for (const entry of entries) {
    const theirs = KEY_HASH.test(entry.keyHash) ? Buffer.from(entry.keyHash.slice(7), 'hex') : Buffer.alloc(32);
    const same = timingSafeEqual(mine, theirs) && KEY_HASH.test(entry.keyHash);
    if (same && found === null) found = entry;
  }
  return found;
};
