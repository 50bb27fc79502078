// What a caller may read and do, by scope (README.md, "Calling it from a browser"): fields carry
// type-graphql's @Authorized with the scopes that allow them, and this checker runs before each such
// field's resolver, so a forbidden root field never reaches upstream. Any one of a field's scopes
// allows it; a field with none (`@Authorized()`) is for any caller. A caller the gateway did not
// accept is let through here: the field's resolver then answers UNAUTHENTICATED, saying what it does.
import type { AuthChecker } from 'type-graphql';
import type { Scope } from '../auth';
import type { Context } from './context';
import { gqlError } from './errors';

export const authChecker: AuthChecker<Context, Scope> = ({ context }, scopes) => {
  const { caller } = context;
  if (caller === null || scopes.length === 0 || caller.scopes === 'all') return true;
  if (scopes.some((scope) => (caller.scopes as ReadonlySet<Scope>).has(scope))) return true;
  // A forbidden field is null with this one error; GraphQL's null rules decide the rest.
  throw gqlError('FORBIDDEN', `This credential may not use this field: it needs the ${scopes[0]} scope.`, {
    requiredScope: scopes[0],
  });
};

/** Whether the caller reads as a checkout session only (its own payments, a few of their fields). */
export const checkoutOnly = (context: Context): boolean =>
  context.caller !== null &&
  context.caller.scopes !== 'all' &&
  context.caller.checkout !== null &&
  !context.caller.scopes.has('payments:read');
