// Objects that hold a token or a secret (a seller's credentials, the JWT secret, a Caller) show
// `<redacted>` in its place when they are logged by mistake: JSON.stringify and util.inspect (hence
// console.log) use the non-enumerable hooks added here. Reading the field still gives the value.
// docs/architecture.md, "Security rules every layer keeps": tokens never reach a log.
import { inspect } from 'node:util';

/** `value`, frozen, with the hooks that show each of `secrets` as `<redacted>` (sets as arrays). */
export const redacted = <T extends object>(value: T, secrets: readonly (keyof T)[]): Readonly<T> => {
  const shown = (): Record<string, unknown> => {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [key, item] of Object.entries(copy)) if (item instanceof Set) copy[key] = [...item];
    for (const key of secrets) if (copy[key as string] != null) copy[key as string] = '<redacted>';
    return copy;
  };
  Object.defineProperty(value, 'toJSON', { value: shown, enumerable: false });
  Object.defineProperty(value, inspect.custom, {
    value: (_depth: number, options: object) => inspect(shown(), options),
    enumerable: false,
  });
  return Object.freeze(value);
};
