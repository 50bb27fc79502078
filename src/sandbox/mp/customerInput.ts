// Reading a CustomerRequest body (POST and PUT /v1/customers): every field is checked before anything
// is stored, so a refused request changes nothing. Absent fields are left alone; `null` clears a field.
// Reference: https://www.mercadopago.com.br/developers/en/reference/customers/_customers/post
// Field rules the reference states: first_name/last_name are "String (a-zA-Z)", date_registered is
// ISO-8601. Length limits are the sandbox's own (the reference names code 104 but no numbers).
import { isObject } from '../../lib/json';
import type { JsonObject } from '../types';
import { customerError } from './customerErrors';

export interface AddressInput {
  street_name: string | null;
  street_number: string | null;
  zip_code: string | null;
}

/** What a request asks to change; a key is present only when the body had it. */
export interface CustomerInput {
  email?: string;
  first_name?: string | null;
  last_name?: string | null;
  phone?: { area_code: string | null; number: string | null };
  identification?: { number: string | null; type: string | null };
  address?: AddressInput | null;
  default_address?: string | null;
  date_registered?: string | null;
  description?: string | null;
  metadata?: JsonObject;
  /** Only meaningful on update: checked against the customer's cards by the route. */
  default_card?: string | null;
}

export const LIMITS = { email: 254, name: 100, description: 256, default_address: 256, street_name: 256 } as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Letters in any script, plus the separators real names carry (O'Neil, Jean-Luc, Ma. José).
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;
const AREA_CODE = /^\d{1,10}$/;
const PHONE_NUMBER = /^(?=.*\d)[\d -]{1,20}$/;
const ID_TYPE = /^[A-Za-z]{1,20}$/;
const ID_NUMBER = /^[A-Za-z0-9.-]{1,20}$/;
const ZIP = /^[A-Za-z0-9 -]{1,20}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const isValidEmail = (v: string): boolean => EMAIL.test(v);

export const isValidIsoDate = (v: string): boolean => ISO_DATE.test(v) && !Number.isNaN(Date.parse(v));

const str = (v: unknown): v is string => typeof v === 'string';

const name = (v: unknown, code: '107' | '108', field: string): string | null => {
  if (v === null) return null;
  if (!str(v)) throw customerError(code, `${field} must be a string`);
  if (v.length > LIMITS.name) throw customerError('104', `${field} is longer than ${LIMITS.name} characters`);
  if (!NAME.test(v)) throw customerError(code, `${field} may only contain letters`);
  return v;
};

const object = (v: unknown, field: string): Record<string, unknown> => {
  if (!isObject(v)) throw customerError('103', `${field} must be an object`);
  return v;
};

type FieldCode = '109' | '110' | '111' | '112' | '113';

/** A nullable string field checked against a pattern. */
const matching = (v: unknown, re: RegExp, code: FieldCode, field: string): string | null => {
  if (v === undefined || v === null) return null;
  if (!str(v) || !re.test(v)) throw customerError(code, `${field} is invalid`);
  return v;
};

/** A nullable object of pattern-checked string fields, read in the order of `checks`; `null` clears them all. */
const checkedFields = <K extends string>(
  v: unknown,
  field: string,
  checks: Record<K, [RegExp, FieldCode]>,
): Record<K, string | null> => {
  const o = v === null ? null : object(v, field);
  const out = {} as Record<K, string | null>;
  for (const [key, [re, code]] of Object.entries(checks) as [K, [RegExp, FieldCode]][])
    out[key] = o === null ? null : matching(o[key], re, code, `${field}.${key}`);
  return out;
};

const phone = (v: unknown): CustomerInput['phone'] =>
  checkedFields(v, 'phone', { area_code: [AREA_CODE, '109'], number: [PHONE_NUMBER, '110'] });

const identification = (v: unknown): CustomerInput['identification'] =>
  checkedFields(v, 'identification', { number: [ID_NUMBER, '112'], type: [ID_TYPE, '111'] });

const address = (v: unknown): AddressInput | null => {
  if (v === null) return null;
  const o = object(v, 'address');
  let street_name: string | null = null;
  if (o.street_name !== undefined && o.street_name !== null) {
    if (!str(o.street_name) || o.street_name.trim() === '')
      throw customerError('114', 'address.street_name is invalid');
    if (o.street_name.length > LIMITS.street_name)
      throw customerError('104', `address.street_name is longer than ${LIMITS.street_name} characters`);
    street_name = o.street_name;
  }
  // The reference's own example sends street_number as a number; the response type is a string.
  let street_number: string | null = null;
  if (o.street_number !== undefined && o.street_number !== null) {
    const ok =
      (str(o.street_number) && o.street_number.length <= 20) ||
      (typeof o.street_number === 'number' && Number.isInteger(o.street_number) && o.street_number >= 0);
    if (!ok) throw customerError('125', 'address.street_number is invalid');
    street_number = String(o.street_number);
  }
  return { street_name, street_number, zip_code: matching(o.zip_code, ZIP, '113', 'address.zip_code') };
};

const limited = (v: unknown, code: '116' | '125', field: string, max: number): string | null => {
  if (v === null) return null;
  if (!str(v)) throw customerError(code, `${field} must be a string`);
  if (v.length > max) throw customerError('104', `${field} is longer than ${max} characters`);
  return v;
};

/**
 * Checks a CustomerRequest body and returns the fields it sets. Throws the customers API's 400 on the
 * first bad field. `email` is checked for format only; whether it may be set is the route's call.
 */
export const readCustomerInput = (body: unknown): CustomerInput => {
  if (!isObject(body)) throw customerError('118');
  const out: CustomerInput = {};
  if (body.email !== undefined) {
    if (!str(body.email) || !isValidEmail(body.email.trim())) throw customerError('106', 'email is invalid');
    if (body.email.length > LIMITS.email) throw customerError('104', `email is longer than ${LIMITS.email} characters`);
    out.email = body.email.trim();
  }
  if (body.first_name !== undefined) out.first_name = name(body.first_name, '107', 'first_name');
  if (body.last_name !== undefined) out.last_name = name(body.last_name, '108', 'last_name');
  if (body.phone !== undefined) out.phone = phone(body.phone);
  if (body.identification !== undefined) out.identification = identification(body.identification);
  if (body.address !== undefined) out.address = address(body.address);
  if (body.default_address !== undefined)
    out.default_address = limited(body.default_address, '125', 'default_address', LIMITS.default_address);
  if (body.date_registered !== undefined) {
    if (body.date_registered !== null && !(str(body.date_registered) && isValidIsoDate(body.date_registered))) {
      throw customerError('115', 'date_registered must be an ISO-8601 date');
    }
    out.date_registered = body.date_registered as string | null;
  }
  if (body.description !== undefined)
    out.description = limited(body.description, '116', 'description', LIMITS.description);
  if (body.metadata !== undefined) {
    if (body.metadata === null) out.metadata = {};
    else if (!isObject(body.metadata)) throw customerError('117', 'metadata must be an object');
    else out.metadata = structuredClone(body.metadata) as JsonObject;
  }
  if (body.default_card !== undefined) {
    if (body.default_card !== null && !str(body.default_card))
      throw customerError('120', "default_card must be the id of one of the customer's cards");
    out.default_card = body.default_card as string | null;
  }
  return out;
};
