// The names an idempotency record is kept and checked under: which record (a caller's identity, an
// operation, a key; the identity is src/auth's HMAC, never a credential), what was asked (a
// fingerprint of the canonical input), and the X-Idempotency-Key sent to Mercado Pago (derived, so a
// retry reuses it).
import { createHash } from 'node:crypto';

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

const OPERATION = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export const checkOperation = (operation: string): void => {
  if (typeof operation !== 'string' || !OPERATION.test(operation)) {
    throw new TypeError(`operation must be an identifier like "createPayment", got ${JSON.stringify(operation)}`);
  }
};

const checkIdentity = (callerId: string, key: string): void => {
  if (typeof callerId !== 'string' || callerId === '')
    throw new TypeError(`callerId must be a non-empty string, got ${JSON.stringify(callerId)}`);
  if (typeof key !== 'string' || key === '')
    throw new TypeError(`key must be a non-empty string, got ${JSON.stringify(key)}`);
};

/**
 * JSON with object keys sorted (by UTF-16 code units, as `Array.prototype.sort`), at every depth.
 * Otherwise JSON.stringify's rules: `toJSON` is applied (Date, Decimal), undefined, functions and
 * symbols are dropped from objects and are `null` in arrays, non-finite numbers are `null`. What
 * JSON would silently flatten into something else is refused: cycles, BigInt, Map and Set (all
 * of them would otherwise be `{}` and two different inputs would look the same).
 */
export const canonicalJson = (value: unknown): string => {
  const text = canonical(value, new Set());
  if (text === undefined) throw new TypeError(`cannot fingerprint ${typeof value}: it has no JSON form`);
  return text;
};

const canonical = (input: unknown, ancestors: Set<object>): string | undefined => {
  let value = input;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      throw new TypeError('cannot fingerprint a BigInt: pass it as a string');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (object instanceof Map || object instanceof Set)
    throw new TypeError(`cannot fingerprint a ${object.constructor.name}: pass a plain object or an array`);
  if (ancestors.has(object)) throw new TypeError('cannot fingerprint a value that contains itself');
  ancestors.add(object);
  try {
    if (Array.isArray(object))
      return `[${object.map((item: unknown) => canonical(item, ancestors) ?? 'null').join(',')}]`;
    const record = object as Record<string, unknown>;
    const members: string[] = [];
    for (const name of Object.keys(record).sort()) {
      const text = canonical(record[name], ancestors);
      if (text !== undefined) members.push(`${JSON.stringify(name)}:${text}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
};

/**
 * sha256 (hex) of the operation name and the canonical JSON of `input`: the same input written
 * with its keys in another order, or with undefined fields, has the same fingerprint. Values are
 * compared as given ("10" and "10.00" differ, as Stripe compares parameters). The caller leaves
 * the idempotency key itself out of `input`.
 */
export const fingerprint = (operation: string, input: unknown): string => {
  checkOperation(operation);
  return sha256(`${operation}\n${canonicalJson(input)}`).toString('hex');
};

/**
 * Where a (caller, operation, key) record is kept: `<callerId>:<operation>:<sha256 of key>`. The
 * last two parts never contain ':', so two different triples never meet, whatever the caller id
 * holds; the key is hashed so a 255-character key with any characters makes a short, plain name.
 */
export const idempotencyScope = (callerId: string, operation: string, key: string): string => {
  checkIdentity(callerId, key);
  checkOperation(operation);
  return `${callerId}:${operation}:${sha256(key).toString('hex')}`;
};

/**
 * The X-Idempotency-Key sent upstream: derived from (caller, operation, key, fingerprint of the
 * input), so every process and every restart sends the same one for a retry of the same request,
 * and Mercado Pago de-duplicates what the gateway could not. The fingerprint is part of it because
 * Mercado Pago replays a key whatever the body: other input under a key whose record was lost must
 * never get the first write back as if it were its own. A UUID (36 characters) whose 122 free bits
 * are the first bits of a SHA-256 of the four parts: version 8, RFC 9562's custom layout (its own
 * example is a SHA-256 name UUID).
 */
export const upstreamIdempotencyKey = (
  callerId: string,
  operation: string,
  key: string,
  fingerprint: string,
): string => {
  checkIdentity(callerId, key);
  checkOperation(operation);
  if (typeof fingerprint !== 'string' || fingerprint === '') {
    throw new TypeError(`fingerprint must be a non-empty string, got ${JSON.stringify(fingerprint)}`);
  }
  const parts = ['mpgraph upstream idempotency key v2', callerId, operation, key, fingerprint];
  const bytes = sha256(JSON.stringify(parts)).subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10xx
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
