// Readers for upstream scalars: a value of the wrong kind is null, never coerced into something else.

export const str = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);

/** Like `str`, but an empty string is null too (ids, names). */
export const text = (v: string | number | null | undefined): string | null => {
  const s = str(v);
  return s === null || s === '' ? null : s;
};

export const int = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isInteger(v) ? v : null;

export const bool = (v: boolean | null | undefined): boolean | null => (typeof v === 'boolean' ? v : null);

export const strings = (v: readonly unknown[] | null | undefined): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
