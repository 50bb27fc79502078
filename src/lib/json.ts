// Readers for parsed JSON of unknown shape: request bodies, webhook bodies, control-API input.
// A leaf module: anything may import it (the sandbox included), it imports nothing.

/** A JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
