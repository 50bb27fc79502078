// Checks on mutation input that need no upstream call (docs/architecture.md, "The life of a
// mutation"): each violation is a UserError naming the field, collected so a client sees every
// problem at once.
import Decimal from 'decimal.js';
import { isId, type IdKind } from '../../upstream/ids';
import { idDescription } from './ids';
import { InputRefused, userError, type UserError, type UserErrorCode } from './userError';

/** A checked input, or the userErrors that refused it (nothing went upstream). */
export type Checked<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

/** Runs checks that end in `Checks.done()`: their result, or the userErrors they collected. */
export const checked = <T>(run: () => T): Checked<T> => {
  try {
    return { ok: true, value: run() };
  } catch (err) {
    if (err instanceof InputRefused) return { ok: false, userErrors: err.userErrors };
    throw err;
  }
};

/** Collects violations; `done()` throws InputRefused when there is any. */
export class Checks {
  readonly errors: UserError[] = [];

  fail(code: UserErrorCode, field: string[], message: string): void {
    this.errors.push(userError(code, message, field));
  }

  done(): void {
    if (this.errors.length) throw new InputRefused(this.errors);
  }

  /** Optional text of 1..max characters (trimmed), or undefined. */
  text(field: string[], value: string | null | undefined, max: number): string | undefined {
    if (value === null || value === undefined) return undefined;
    if (value.trim() === '' || value.length > max) {
      this.fail('INVALID_VALUE', field, `${field.at(-1)} must be 1 to ${max} characters.`);
      return undefined;
    }
    return value;
  }

  /** A required value matching `pattern`. */
  matches(field: string[], value: string, pattern: RegExp, what: string): string {
    if (!pattern.test(value)) this.fail('INVALID_VALUE', field, `${field.at(-1)} is not ${what}.`);
    return value;
  }

  /** A required id (or card token) of the given kind, checked before it can reach a URL. */
  id(field: string[], value: string, kind: IdKind): string {
    if (!isId(kind, value)) this.fail('INVALID_VALUE', field, `${field.at(-1)} is not ${idDescription(kind)}.`);
    return value;
  }

  /**
   * A positive decimal amount with at most `decimals` places (Mercado Pago: 2; none for CLP and
   * COP), at most `max`. Returns it as a number with exactly those digits, for the SDK.
   */
  amount(
    field: string[],
    value: Decimal | null | undefined,
    decimals = 2,
    max = new Decimal('999999999.99'),
  ): number | undefined {
    if (value === null || value === undefined) return undefined;
    if (!value.isFinite() || value.lte(0))
      this.fail('INVALID_AMOUNT', field, `${field.at(-1)} must be greater than zero.`);
    else if (value.decimalPlaces() > decimals)
      this.fail('INVALID_AMOUNT', field, `${field.at(-1)} has more than ${decimals} decimals.`);
    else if (value.gt(max)) this.fail('INVALID_AMOUNT', field, `${field.at(-1)} is larger than ${max.toFixed()}.`);
    else return value.toNumber();
    return undefined;
  }

  /** The client's idempotency key of a money-moving input: 1 to 255 characters. */
  idempotencyKey(value: string): void {
    if (value.length < 1 || value.length > MAX_IDEMPOTENCY_KEY || value.trim() === '') {
      this.fail(
        'IDEMPOTENCY_KEY_INVALID',
        ['input', 'idempotencyKey'],
        `idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY} characters.`,
      );
    }
  }

  email(field: string[], value: string | null | undefined): string | undefined {
    if (value === null || value === undefined) return undefined;
    if (value.length > 254 || !EMAIL.test(value)) {
      this.fail('INVALID_VALUE', field, `${field.at(-1)} is not an e-mail address.`);
      return undefined;
    }
    return value;
  }

  /** An identity document: the number's shape depends on the type where the type is known. */
  identification(
    field: string[],
    value: { type?: string | null; number?: string | null } | null | undefined,
  ): { type: string; number: string } | undefined {
    if (!value) return undefined;
    const type = (value.type ?? '').trim();
    const number = (value.number ?? '').trim();
    if (!/^[A-Za-z]{2,20}$/.test(type)) {
      this.fail('INVALID_IDENTIFICATION', [...field, 'type'], 'type must be a document type such as CPF, DNI or RFC.');
      return undefined;
    }
    const rule = DOCUMENTS[type.toUpperCase()];
    const digits = number.replace(/[.\-/\s]/g, '');
    if (rule ? !rule.pattern.test(digits) : !/^[0-9A-Za-z.\-/]{1,20}$/.test(number)) {
      this.fail(
        'INVALID_IDENTIFICATION',
        [...field, 'number'],
        rule
          ? `number is not a ${type.toUpperCase()}: ${rule.says}.`
          : 'number must be 1 to 20 letters, digits, dots or hyphens.',
      );
      return undefined;
    }
    return { type, number: rule ? digits : number };
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const MAX_IDEMPOTENCY_KEY = 255;

/** Document types whose numbers have a known shape (Mercado Pago's identification types per site). */
const DOCUMENTS: Record<string, { pattern: RegExp; says: string }> = {
  CPF: { pattern: /^\d{11}$/, says: '11 digits' },
  CNPJ: { pattern: /^\d{14}$/, says: '14 digits' },
  DNI: { pattern: /^\d{7,8}$/, says: '7 or 8 digits' },
  CUIT: { pattern: /^\d{11}$/, says: '11 digits' },
  CUIL: { pattern: /^\d{11}$/, says: '11 digits' },
  RUT: { pattern: /^\d{7,8}[\dkK]$/, says: '8 or 9 characters ending in a digit or K' },
  CC: { pattern: /^\d{6,10}$/, says: '6 to 10 digits' },
  RFC: { pattern: /^[A-Za-z&Ñ]{3,4}\d{6}[A-Za-z0-9]{3}$/, says: '12 or 13 characters' },
  CURP: { pattern: /^[A-Za-z]{4}\d{6}[A-Za-z]{6}[A-Za-z0-9]\d$/, says: '18 characters' },
};

/** Currencies Mercado Pago takes without decimals. */
export const CURRENCY_DECIMALS: Record<string, number> = { CLP: 0, COP: 0 };
