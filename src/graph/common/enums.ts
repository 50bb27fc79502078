// Mercado Pago's lower_case values → our UPPER_CASE enums (README.md, "The graph", conventions). A
// value this gateway does not know yet is served as null and reported once through `onUnknown` (the
// loaders log a warning): a new upstream value must never fail the whole object.
import { redactText } from '../../upstream/errors';

/** Reports a value no enum member mirrors: which field, and the raw value. */
export type OnUnknown = (field: string, value: string) => void;

/** A reader for one enum: `read(raw, field, onUnknown)` → the member, or null. */
export const enumReader =
  <E extends string>(table: Readonly<Record<string, E>>) =>
  (raw: string | null | undefined, field: string, onUnknown: OnUnknown): E | null => {
    if (raw === null || raw === undefined || raw === '') return null;
    const found = Object.prototype.hasOwnProperty.call(table, raw) ? table[raw] : undefined;
    // The value is logged: bounded, and masked where it looks like a credential.
    if (found === undefined) onUnknown(field, redactText(raw, 64));
    return found ?? null;
  };

/** The table for an enum whose members are the UPPER_CASE of the REST values. */
export const upperCaseTable = <E extends string>(members: Record<string, E>): Readonly<Record<string, E>> =>
  Object.fromEntries(Object.values(members).map((m) => [m.toLowerCase(), m]));
