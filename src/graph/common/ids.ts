// Ids given as arguments, checked before any upstream call against the one copy of each pattern
// (src/upstream/ids.ts): a malformed id is BAD_USER_INPUT naming the argument, and never reaches
// a URL (docs/architecture.md, "Security rules every layer keeps").
import { IDS, isId, type IdKind } from '../../upstream/ids';
import { badArgument } from '../errors';

const NAMES: Readonly<Record<IdKind, string>> = {
  payment: 'a payment id',
  order: 'an order id',
  user: 'a user id',
  customer: 'a customer id',
  card: 'a card id',
  cardToken: 'a card token',
};

/** What a well-formed one looks like: "a payment id: 1 to 19 digits". */
export const idDescription = (kind: IdKind): string => `${NAMES[kind]}: ${IDS[kind].says}`;

/** The id itself when it is well-formed; BAD_USER_INPUT naming the argument otherwise. */
export const idArgument = (kind: IdKind, value: string, argument = 'id'): string => {
  if (!isId(kind, value)) {
    throw badArgument(argument, `Argument "${argument}" is not ${NAMES[kind]}: expected ${IDS[kind].says}.`);
  }
  return value;
};
