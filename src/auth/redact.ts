// Objects that hold a token or a secret (a seller's credentials, the JWT secret, a Caller) show
// `<redacted>` in its place when they are logged by mistake: JSON.stringify and util.inspect (hence
// console.log) use the hooks of their prototype. Reading the field still gives the value.
// docs/architecture.md, "Security rules every layer keeps": tokens never reach a log.
import { inspect } from 'node:util';

type Shown = Record<string, unknown>;

/** The fields as a log may show them: sets as arrays, each secret `<redacted>`. */
const shown = (value: object, secrets: readonly string[]): Shown => {
  const copy: Shown = { ...(value as Shown) };
  for (const [key, item] of Object.entries(copy)) if (item instanceof Set) copy[key] = [...item];
  for (const key of secrets) if (copy[key] != null) copy[key] = '<redacted>';
  return copy;
};

// One prototype per list of secrets, shared by every object that hides them: a caller is built for each
// request and each subscription change, and defining the hooks on each object would cost far more.
const prototypes = new Map<string, object>();

const prototypeFor = (secrets: readonly string[]): object => {
  const key = secrets.join('\n');
  let prototype = prototypes.get(key);
  if (!prototype) {
    prototype = Object.create(Object.prototype, {
      toJSON: {
        value(this: object): Shown {
          return shown(this, secrets);
        },
      },
      [inspect.custom]: {
        value(this: object, _depth: number, options: object): string {
          return inspect(shown(this, secrets), options);
        },
      },
    }) as object;
    prototypes.set(key, prototype);
  }
  return prototype;
};

/** A frozen copy of `value` whose JSON and inspected forms show each of `secrets` as `<redacted>`. */
export const redacted = <T extends object>(value: T, secrets: readonly (keyof T)[]): Readonly<T> =>
  Object.freeze(Object.assign(Object.create(prototypeFor(secrets as readonly string[])) as T, value));
