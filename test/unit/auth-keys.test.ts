// Gateway keys (src/auth/keys.ts): their shape, their hash, and matching a presented key against the
// file's hashes with timingSafeEqual over every entry.
import * as crypto from 'node:crypto';
import { findKey, GATEWAY_KEY, isGatewayKey, keyHash, newKey } from '../../src/auth/keys';

jest.mock('node:crypto', () => {
  const actual = jest.requireActual('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const timingSafeEqual = crypto.timingSafeEqual as jest.MockedFunction<typeof crypto.timingSafeEqual>;

describe('gateway keys', () => {
  it('are mpg_ and 43 base64url characters from 32 random bytes, each one new', () => {
    const keys = Array.from({ length: 200 }, newKey);
    for (const key of keys) {
      expect(key).toMatch(GATEWAY_KEY);
      expect(Buffer.from(key.slice(4), 'base64url')).toHaveLength(32);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('are told apart by shape', () => {
    const key = newKey();
    expect(isGatewayKey(key)).toBe(true);
    for (const other of [
      key.slice(0, -1),
      `${key}A`,
      key.replace('mpg_', 'mpk_'),
      `${key.slice(0, 10)}+${key.slice(11)}`,
      ` ${key}`,
      `Bearer ${key}`,
      'APP_USR-1234567890-abcdef',
      '',
    ])
      expect(isGatewayKey(other)).toBe(false);
  });

  it('hash to sha256: and the hex SHA-256 of the whole key, mpg_ included', () => {
    const key = newKey();
    expect(keyHash(key)).toBe(`sha256:${crypto.createHash('sha256').update(key).digest('hex')}`);
    expect(keyHash(key)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(keyHash(key)).toBe(keyHash(key));
    expect(keyHash(newKey())).not.toBe(keyHash(key));
  });

  it('refuse to hash what is not a key, without quoting it', () => {
    for (const value of ['mpg_short', `Bearer ${newKey()}`, ''])
      expect(() => keyHash(value)).toThrow(new TypeError('not a gateway key (mpg_ and 43 base64url characters)'));
  });
});

describe('findKey', () => {
  const keys = Array.from({ length: 5 }, newKey);
  const entries = keys.map((key, i) => ({ name: `key-${i}`, keyHash: keyHash(key) }));

  beforeEach(() => timingSafeEqual.mockClear());

  it('finds the entry of a presented key, and nothing for another key', () => {
    keys.forEach((key, i) => expect(findKey(key, entries)).toBe(entries[i]));
    expect(findKey(newKey(), entries)).toBeNull();
    expect(findKey(keys[0], [])).toBeNull();
  });

  it('compares SHA-256 digests with timingSafeEqual, against every entry, even after a match', () => {
    findKey(keys[0], entries);
    expect(timingSafeEqual).toHaveBeenCalledTimes(entries.length);
    for (const [mine, theirs] of timingSafeEqual.mock.calls) {
      expect(mine).toHaveLength(32);
      expect(theirs).toHaveLength(32);
    }
    timingSafeEqual.mockClear();
    findKey(newKey(), entries);
    expect(timingSafeEqual).toHaveBeenCalledTimes(entries.length);
  });

  it('never matches an entry whose hash is malformed', () => {
    const zeros = { name: 'zeros', keyHash: 'sha256:xyz' };
    expect(findKey(keys[1], [zeros, ...entries])).toBe(entries[1]);
    expect(timingSafeEqual).toHaveBeenCalledTimes(entries.length + 1);
  });
});
