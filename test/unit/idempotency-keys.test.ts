// The names idempotency records are kept under (src/idempotency/keys.ts): canonical fingerprints,
// scopes and the upstream X-Idempotency-Key (caller identities are src/auth's: auth-authenticate.test.ts).
import { createHash } from 'node:crypto';
import { canonicalJson, fingerprint, idempotencyScope, upstreamIdempotencyKey } from '../../src/idempotency';

describe('fingerprint', () => {
  it('is the sha256 of the operation and the canonical JSON, in hex', () => {
    expect(fingerprint('createPayment', { payer: { email: 'a@b.c' }, amount: '10.00' })).toBe(
      '54eafa9208d482476132f1acf5dcd17630cf31f1731b4f823821b91f0a536728',
    );
  });

  it('does not depend on key order, at any depth', () => {
    const a = {
      amount: '10',
      payer: { email: 'a@b.c', identification: { type: 'CPF', number: '123' } },
      items: [{ id: 1, q: 2 }],
    };
    const b = {
      items: [{ q: 2, id: 1 }],
      payer: { identification: { number: '123', type: 'CPF' }, email: 'a@b.c' },
      amount: '10',
    };
    expect(fingerprint('createPayment', a)).toBe(fingerprint('createPayment', b));
  });

  it('drops undefined fields, as JSON does', () => {
    expect(fingerprint('refundPayment', { paymentId: '1', amount: undefined })).toBe(
      fingerprint('refundPayment', { paymentId: '1' }),
    );
    expect(canonicalJson([1, undefined, () => 1])).toBe('[1,null,null]');
  });

  it('tells apart inputs that differ in a value, a nested value, array order, null vs absent, or type', () => {
    const base = fingerprint('createPayment', { amount: '10', payer: { email: 'a@b.c' }, list: [1, 2] });
    for (const other of [
      { amount: '10.00', payer: { email: 'a@b.c' }, list: [1, 2] },
      { amount: '10', payer: { email: 'x@b.c' }, list: [1, 2] },
      { amount: '10', payer: { email: 'a@b.c' }, list: [2, 1] },
      { amount: '10', payer: { email: 'a@b.c' }, list: [1, 2], extra: null },
      { amount: 10, payer: { email: 'a@b.c' }, list: [1, 2] },
    ]) {
      expect(fingerprint('createPayment', other)).not.toBe(base);
    }
  });

  it('includes the operation', () => {
    expect(fingerprint('capturePayment', { paymentId: '1' })).not.toBe(
      fingerprint('cancelPayment', { paymentId: '1' }),
    );
  });

  it('takes class instances (type-graphql inputs) like plain objects, and applies toJSON', () => {
    class Input {
      constructor(
        public paymentId: string,
        public amount?: string,
      ) {}
    }
    expect(fingerprint('refundPayment', new Input('1', '5'))).toBe(
      fingerprint('refundPayment', { amount: '5', paymentId: '1' }),
    );
    expect(canonicalJson({ at: new Date('2024-01-02T03:04:05.000Z') })).toBe('{"at":"2024-01-02T03:04:05.000Z"}');
  });

  it('writes canonical JSON that parses back to the same data', () => {
    const value = { z: [{ b: 'ç"\\', a: -0.5 }], a: { y: true, x: null }, n: Number.NaN };
    expect(canonicalJson(value)).toBe('{"a":{"x":null,"y":true},"n":null,"z":[{"a":-0.5,"b":"ç\\"\\\\"}]}');
    expect(JSON.parse(canonicalJson(value))).toEqual({ ...value, n: null });
  });

  it('refuses what JSON would flatten silently: cycles, BigInt, Map, Set', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => fingerprint('createPayment', cyclic)).toThrow(/contains itself/);
    expect(() => fingerprint('createPayment', { amount: 10n })).toThrow(/BigInt/);
    expect(() => fingerprint('createPayment', { m: new Map([['a', 1]]) })).toThrow(/Map/);
    expect(() => fingerprint('createPayment', { s: new Set([1]) })).toThrow(/Set/);
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { email: 'a@b.c' };
    expect(canonicalJson({ payer: shared, buyer: shared })).toBe(
      '{"buyer":{"email":"a@b.c"},"payer":{"email":"a@b.c"}}',
    );
  });

  it('refuses an operation that is not an identifier', () => {
    expect(() => fingerprint('create:payment', {})).toThrow(TypeError);
    expect(() => fingerprint('', {})).toThrow(TypeError);
  });
});

describe('idempotencyScope', () => {
  it('is the caller, the operation and the hashed key', () => {
    expect(idempotencyScope('caller', 'createPayment', 'k')).toMatch(/^caller:createPayment:[0-9a-f]{64}$/);
  });

  it('never lets two (caller, operation, key) triples meet, even with colons in the caller or key', () => {
    const scopes = [
      idempotencyScope('a:b', 'createPayment', 'c'),
      idempotencyScope('a', 'createPayment', 'b:c'),
      idempotencyScope('a', 'refundPayment', 'b:c'),
      idempotencyScope('b', 'createPayment', 'b:c'),
    ];
    expect(new Set(scopes).size).toBe(scopes.length);
  });

  it('stays short whatever the key', () => {
    expect(idempotencyScope('c', 'createPayment', 'k'.repeat(255)).length).toBeLessThan(100);
  });
});

describe('upstreamIdempotencyKey', () => {
  // The fingerprint pinned above: createPayment of { payer: { email: 'a@b.c' }, amount: '10.00' }.
  const fp = '54eafa9208d482476132f1acf5dcd17630cf31f1731b4f823821b91f0a536728';
  const fp2 = fingerprint('createPayment', { amount: '11.00' });

  it('is a version-8 UUID, pinned: every process and every restart derives the same key', () => {
    expect(fingerprint('createPayment', { payer: { email: 'a@b.c' }, amount: '10.00' })).toBe(fp);
    const key = upstreamIdempotencyKey('caller-one', 'createPayment', 'checkout-42', fp);
    expect(key).toBe('d98e8b40-9695-891e-889d-b9b877717393');
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(key.length).toBeLessThanOrEqual(64);
  });

  it('is the first 128 bits of a SHA-256 of the v2 label and the four parts, version and variant set', () => {
    const parts = ['mpgraph upstream idempotency key v2', 'caller-one', 'createPayment', 'checkout-42', fp];
    const bytes = createHash('sha256').update(JSON.stringify(parts), 'utf8').digest().subarray(0, 16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x80;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    expect(upstreamIdempotencyKey('caller-one', 'createPayment', 'checkout-42', fp).replaceAll('-', '')).toBe(
      bytes.toString('hex'),
    );
    // Not the v1 key of (caller, operation, key), which a retry of other input would have shared.
    expect(upstreamIdempotencyKey('caller-one', 'createPayment', 'checkout-42', fp)).not.toBe(
      '294d58f2-a4cb-8129-9857-763c9521c2b5',
    );
  });

  it('differs by caller, by operation, by key and by input: other input never gets the same upstream key', () => {
    const base = upstreamIdempotencyKey('caller', 'createPayment', 'k', fp);
    expect(upstreamIdempotencyKey('caller2', 'createPayment', 'k', fp)).not.toBe(base);
    expect(upstreamIdempotencyKey('caller', 'refundPayment', 'k', fp)).not.toBe(base);
    expect(upstreamIdempotencyKey('caller', 'createPayment', 'k2', fp)).not.toBe(base);
    expect(upstreamIdempotencyKey('caller', 'createPayment', 'k', fp2)).not.toBe(base);
    // The parts are JSON-encoded, so moving a character between them changes the key.
    expect(upstreamIdempotencyKey('ab', 'createPayment', 'c', fp)).not.toBe(
      upstreamIdempotencyKey('a', 'createPayment', 'bc', fp),
    );
    expect(upstreamIdempotencyKey('a', 'createPayment', 'bc', fp)).not.toBe(
      upstreamIdempotencyKey('a', 'createPayment', 'b', `c${fp}`),
    );
  });

  it('is the same for the same input written another way', () => {
    const a = fingerprint('createPayment', { amount: '10', payer: { email: 'a@b.c' } });
    const b = fingerprint('createPayment', { payer: { email: 'a@b.c' }, amount: '10', note: undefined });
    expect(upstreamIdempotencyKey('c', 'createPayment', 'k', a)).toBe(
      upstreamIdempotencyKey('c', 'createPayment', 'k', b),
    );
  });

  it('is never the client key itself', () => {
    expect(upstreamIdempotencyKey('caller', 'createPayment', 'd98e8b40-9695-891e-889d-b9b877717393', fp)).not.toBe(
      'd98e8b40-9695-891e-889d-b9b877717393',
    );
  });

  it('refuses an empty caller, key or fingerprint', () => {
    expect(() => upstreamIdempotencyKey('', 'createPayment', 'k', fp)).toThrow(TypeError);
    expect(() => upstreamIdempotencyKey('c', 'createPayment', '', fp)).toThrow(TypeError);
    expect(() => upstreamIdempotencyKey('c', 'createPayment', 'k', '')).toThrow(TypeError);
    expect(() => upstreamIdempotencyKey('c', 'create payment', 'k', fp)).toThrow(TypeError);
  });
});
