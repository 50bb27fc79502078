// Mercado Pago's OpenAPI 3.1 description (src/sandbox/openapi/spec3.yaml, vendored unchanged) as
// response validators, so the sandbox is held to the published contract.
//
// The file is written partly in OpenAPI 3.0 style (`nullable: true`), carries annotations
// (`example`, `x-mp-*`) and refers to `#/components/...`; all three are handled here. Where the
// real API, as the official SDK and the documentation samples (the pages docs/sources.md names) show
// it, differs from the file, the SDK and the samples win
// (src/sandbox/README.md, "Differences from the OpenAPI file"). Those differences are not handled by
// loosening schemas wholesale but by OVERLAY below: one entry per difference, each a JSON pointer
// into the spec, the change, and the reason. Every entry, and every served route the file lacks
// (NOT_IN_SPEC), is listed in src/sandbox/README.md under "Differences from the OpenAPI file";
// test/integration/sandbox-openapi.test.ts checks that it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const SPEC_PATH = join(__dirname, '../../src/sandbox/openapi/spec3.yaml');

// ---------------------------------------------------------------------------------------------
// The overlay: what the real API does that the file does not say.

export type OverlayChange =
  /** The schema at `pointer` also admits `null` (the real API sends null there). */
  | { nullable: true }
  /** The schema at `pointer` gets this `type` instead of its own. */
  | { type: string[] }
  /** A member the file lacks is added at `pointer` (fails if it is already there). */
  | { add: unknown }
  /** The member at `pointer` is replaced (fails if it is not there). */
  | { replace: unknown }
  /** The schema at `pointer` describes one item of the array the real API answers. */
  | { arrayOf: true };

export interface OverlayEntry {
  /** RFC 6901 JSON pointer into spec3.yaml as published. */
  pointer: string;
  change: OverlayChange;
  reason: string;
}

const S = '/components/schemas';
const P = (path: string) => `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}`;
const UNAUTHORIZED = { $ref: '#/components/responses/Unauthorized' };
const NOT_FOUND = { $ref: '#/components/responses/NotFound' };
const BAD_REQUEST = { $ref: '#/components/responses/BadRequest' };

export const OVERLAY: OverlayEntry[] = [
  // Errors
  {
    pointer: `${S}/ErrorCause/properties/code`,
    change: { type: ['integer', 'string'] },
    reason:
      'The customers API writes its cause codes as strings ("101" customer already exists, "214" invalid email); ' +
      'the payments API writes numbers (2006, 4292).',
  },
  // Shared value objects
  {
    pointer: `${S}/Identification/properties/type`,
    change: { nullable: true },
    reason:
      'The order payments page (card.cardholder.identification, collector.identification) and the customers and ' +
      'cards page (customer identification) show `{"type": null, "number": null}` when no document is known.',
  },
  {
    pointer: `${S}/Identification/properties/number`,
    change: { nullable: true },
    reason: 'Same samples as Identification.type: `"number": null`.',
  },
  {
    pointer: `${S}/Phone/properties/area_code`,
    change: { nullable: true },
    reason:
      'The customers and cards page (customer search) shows `"phone": {"area_code": null, "number": null}`; the ' +
      'order payments page shows `"area_code": null` on the payer.',
  },
  {
    pointer: `${S}/Phone/properties/number`,
    change: { nullable: true },
    reason: 'The customers and cards page (customer search) shows `"phone": {"area_code": null, "number": null}`.',
  },
  // Payment
  {
    pointer: `${S}/Payment/properties/description`,
    change: { nullable: true },
    reason:
      'A payment created without `description` has `"description": null` (the card payment page calls it optional; ' +
      'the SDK types it `description?: string` on the response and the real API answers null).',
  },
  {
    pointer: `${S}/Payment/properties/external_reference`,
    change: { nullable: true },
    reason: 'A payment created without `external_reference` has `"external_reference": null` on the real API.',
  },
  {
    pointer: `${S}/Payment/properties/statement_descriptor`,
    change: { nullable: true },
    reason:
      'A payment without a statement descriptor (e.g. a rejected one) has `"statement_descriptor": null` on the ' +
      'real API.',
  },
  {
    pointer: `${S}/Payment/properties/notification_url`,
    change: { nullable: true },
    reason: 'The order payments page (seller and buyer views of payment 3506756222) shows `"notification_url": null`.',
  },
  {
    pointer: `${S}/Payment/properties/payer/properties/email`,
    change: { nullable: true },
    reason: 'The order payments page, seller view of payment 3506756222: `"payer": {"email": null, …}`.',
  },
  {
    pointer: `${S}/Payment/properties/transaction_details/properties/external_resource_url`,
    change: { nullable: true },
    reason:
      'The order payments page: card payments have `"external_resource_url": null` (it is the ticket/boleto URL).',
  },
  // Customers and cards
  {
    pointer: `${S}/Customer/properties/first_name`,
    change: { nullable: true },
    reason:
      'The customers and cards page, customer search: `"first_name": null` for a customer created with an e-mail only.',
  },
  {
    pointer: `${S}/Customer/properties/last_name`,
    change: { nullable: true },
    reason: 'The customers and cards page, customer search: `"last_name": null`.',
  },
  {
    pointer: `${S}/Customer/properties/description`,
    change: { nullable: true },
    reason: 'The customers and cards page, customer search: `"description": null`.',
  },
  {
    pointer: `${S}/Customer/properties/date_registered`,
    change: { nullable: true },
    reason: 'The customers and cards page, customer search: `"date_registered": null`.',
  },
  {
    pointer: `${S}/Customer/properties/date_last_updated`,
    change: { nullable: true },
    reason: 'The reference\'s create-customer response prints `"date_last_updated": null`; the first change sets it.',
  },
  {
    pointer: `${S}/Customer/properties/default_card`,
    change: { nullable: true },
    reason:
      'A customer without cards has `"default_card": null` (the customers and cards page shows the field set once ' +
      'a card is saved; the SDK types it optional).',
  },
  {
    pointer: `${S}/Address/properties/zip_code`,
    change: { nullable: true },
    reason:
      'The customers and cards page, customer search: `"address": {"id": null, "street_name": null, ' +
      '"street_number": null, "zip_code": null}`.',
  },
  {
    pointer: `${S}/Address/properties/street_name`,
    change: { nullable: true },
    reason: 'The customers and cards page, customer search: `"street_name": null`.',
  },
  {
    pointer: `${S}/Address/properties/street_number`,
    change: { nullable: true },
    reason: 'The customers and cards page, customer search: `"street_number": null`.',
  },
  {
    pointer: `${S}/CardToken/properties/card_id`,
    change: { nullable: true },
    reason: 'A token made from card data (not from a saved card) has `"card_id": null` on the real API.',
  },
  // Refunds
  {
    pointer:
      `${P('/v1/payments/{id}/refunds')}/post/responses/201/content/application~1json/schema/properties/` +
      `unique_sequence_number`,
    change: { nullable: true },
    reason:
      'Refunds answer `"unique_sequence_number": null` unless the acquirer assigns one. The file writes the refund ' +
      'object once (a YAML anchor) for the create, list and get answers, so this one entry covers all three.',
  },
  {
    pointer: `${P('/v1/payments/{id}/refunds')}/get/responses/200/content/application~1json/schema`,
    change: { arrayOf: true },
    reason:
      'The file describes the refund list as one refund object. The real API answers an array of refunds: the ' +
      "SDK's `PaymentRefund.list()` returns `RefundResponse[]` from `GET /v1/payments/{id}/refunds/`.",
  },
  // Catalog
  {
    pointer: `${P('/v1/payment_methods')}/get/responses/200/content/application~1json/schema/items/properties/settings`,
    change: { arrayOf: true },
    reason:
      'The real API answers `settings` as an array (one entry per BIN range, empty for non-card methods); the SDK ' +
      'types it `settings?: PaymentMethodSettings[]`.',
  },
  {
    pointer:
      `${P('/v1/payment_methods/installments')}/get/responses/200/content/application~1json/schema/items/` +
      `properties/payer_costs/items/properties/reimbursement_rate`,
    change: { nullable: true },
    reason:
      'The real API answers `"reimbursement_rate": null` on every payer cost without a reimbursement (the ' +
      'reference sample and client types built from live answers).',
  },
  // Statuses the real API answers that the file leaves out
  {
    pointer: `${P('/v1/card_tokens')}/post/responses/401`,
    change: { add: UNAUTHORIZED },
    reason:
      'Without an access token or a public key the real API answers 401 with the error body, as on every other route.',
  },
  {
    pointer: `${P('/v1/card_tokens/{id}')}/get/responses/401`,
    change: { add: UNAUTHORIZED },
    reason: 'Without a token the real API answers 401 with the error body.',
  },
  {
    pointer: `${P('/v1/payments/{id}/refunds/{refund_id}')}/get/responses/401`,
    change: { add: UNAUTHORIZED },
    reason: 'Without a token the real API answers 401 with the error body.',
  },
  {
    pointer: `${P('/v1/payment_methods/installments')}/get/responses/400`,
    change: { add: BAD_REQUEST },
    reason:
      'Without `amount` or with an unknown payment method the real API answers 400 with the error body; the file ' +
      'documents only 200.',
  },
  {
    pointer: `${P('/v1/payment_methods/installments')}/get/responses/401`,
    change: { add: UNAUTHORIZED },
    reason: 'Without a token the real API answers 401 with the error body.',
  },
  {
    pointer: `${P('/v1/customers/{customer_id}/cards')}/post/responses/404`,
    change: { add: NOT_FOUND },
    reason:
      'Saving a card on a customer that does not exist answers 404 (customer not found), as GET /v1/customers/{id} ' +
      'does.',
  },
  {
    pointer: `${P('/v1/customers/{customer_id}/cards')}/get/responses/404`,
    change: { add: NOT_FOUND },
    reason: 'Listing the cards of a customer that does not exist answers 404 (customer not found).',
  },
];

/** Served routes the file does not describe, and how (if at all) their answers are checked. */
export interface NotInSpec {
  route: string;
  reason: string;
  /** A spec operation (`METHOD /path`) whose responses describe this route's answers. */
  validateAs?: string;
}

export const NOT_IN_SPEC: NotInSpec[] = [
  {
    route: 'GET /users/me',
    reason:
      "The caller's own account; served by api.mercadopago.com and used by the SDK's `User.get()`, absent from the " +
      'file. Only its error bodies are checked (against `Error`).',
  },
  {
    route: 'GET /v1/payments',
    reason:
      'Served with `POST /v1/payments` (src/sandbox/README.md, "Routes"); the file has only `/v1/payments/search`, ' +
      'whose result shape it shares.',
    validateAs: 'GET /v1/payments/search',
  },
  {
    route: 'DELETE /v1/customers/{id}',
    reason:
      "The SDK's `Customer.remove()` sends `DELETE /v1/customers/{id}`; the file names it `DELETE /v1/customers/" +
      '{id}/delete`, whose answer (the deleted customer) it shares.',
    validateAs: 'DELETE /v1/customers/{id}/delete',
  },
  // Mercado Libre (api.mercadolibre.com), which the Mercado Pago file does not describe.
  ...[
    'GET /orders/{id}',
    'GET /orders/search',
    'GET /users/{id}',
    'GET /sites/{site_id}',
    'GET /payment_methods/{id}',
    'GET /items/{id}',
  ].map((route) => ({
    route,
    reason:
      'A Mercado Libre route (src/sandbox/README.md, "Routes"); only its error bodies are checked (against `Error`).',
  })),
];

// ---------------------------------------------------------------------------------------------
// Loading.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const DOC_ID = 'https://mpgraph.test/mercadopago-openapi.json';
const ANNOTATIONS = ['example'];

const decode = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');
const tokens = (pointer: string): string[] => {
  if (!pointer.startsWith('/')) throw new Error(`overlay pointer must start with "/", got "${pointer}"`);
  return pointer.slice(1).split('/').map(decode);
};

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parent object and last token of `pointer`, or a clear error naming the entry. */
const locate = (doc: JsonObject, pointer: string): { parent: JsonObject; key: string } => {
  const parts = tokens(pointer);
  let node: Json = doc;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(node) || !(part in node))
      throw new Error(`overlay pointer ${pointer} does not resolve in spec3.yaml (stops at "${part}")`);
    node = node[part];
  }
  if (!isObject(node)) throw new Error(`overlay pointer ${pointer} does not resolve to an object member`);
  return { parent: node, key: parts[parts.length - 1] };
};

export const applyOverlay = (spec: JsonObject, overlay: OverlayEntry[]): JsonObject => {
  for (const entry of overlay) {
    const { parent, key } = locate(spec, entry.pointer);
    const c = entry.change;
    if ('add' in c) {
      if (key in parent) throw new Error(`overlay adds ${entry.pointer}, but the spec already has it: drop the entry`);
      parent[key] = structuredClone(c.add) as Json;
      continue;
    }
    if (!(key in parent)) throw new Error(`overlay pointer ${entry.pointer} does not resolve in spec3.yaml`);
    if ('replace' in c) {
      parent[key] = structuredClone(c.replace) as Json;
    } else if ('arrayOf' in c) {
      const schema = parent[key];
      if (isObject(schema) && schema.type === 'array')
        throw new Error(`overlay ${entry.pointer}: already an array in the spec, drop the entry`);
      parent[key] = { type: 'array', items: schema };
    } else if ('nullable' in c) {
      const schema = parent[key];
      if (!isObject(schema)) throw new Error(`overlay ${entry.pointer}: not a schema`);
      if (schema.nullable === true)
        throw new Error(`overlay ${entry.pointer}: already nullable in the spec, drop the entry`);
      schema.nullable = true;
    } else {
      const schema = parent[key];
      if (!isObject(schema)) throw new Error(`overlay ${entry.pointer}: not a schema`);
      schema.type = c.type;
    }
  }
  return spec;
};

/** Human-readable form of a change, as src/sandbox/README.md lists it. */
export const describeChange = (c: OverlayChange): string =>
  'nullable' in c
    ? 'also null'
    : 'type' in c
      ? `type ${c.type.join(' | ')}`
      : 'arrayOf' in c
        ? 'an array of it'
        : 'add' in c
          ? `added: ${JSON.stringify(c.add)}`
          : `replaced: ${JSON.stringify(c.replace)}`;

// Keywords whose values are not schemas (their members are data, not subschemas).
const DATA_KEYWORDS = new Set(['example', 'examples', 'enum', 'const', 'default']);

/**
 * OAS 3.0 → JSON Schema 2020-12, in place: `nullable: true` becomes a `null` member of `type`
 * (and of `enum`), vendor `x-*` members go, and `#/components/schemas/X` refs become absolute
 * refs into one document that holds every component schema under `$defs`.
 */
const normalize = (schema: Json, here: string, seen = new WeakSet<object>()): void => {
  // YAML anchors make one object appear in several places; convert it once.
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  if (Array.isArray(schema)) {
    schema.forEach((s) => normalize(s, here, seen));
    return;
  }
  for (const key of Object.keys(schema)) if (key.startsWith('x-')) delete schema[key];
  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    if (ref.startsWith('#/components/schemas/'))
      schema.$ref = `${DOC_ID}#/$defs/${ref.slice('#/components/schemas/'.length)}`;
    else throw new Error(`${here}: unsupported $ref ${ref}`);
  }
  if (schema.nullable === true) {
    delete schema.nullable;
    if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    else if (Array.isArray(schema.type)) {
      if (!schema.type.includes('null')) schema.type.push('null');
    } else {
      // No `type` (a bare $ref or a combinator): null, or whatever the schema said.
      const rest = { ...schema };
      for (const k of Object.keys(schema)) delete schema[k];
      schema.anyOf = [rest, { type: 'null' }];
    }
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
  } else if (schema.nullable === false) {
    delete schema.nullable;
  }
  for (const [key, value] of Object.entries(schema)) {
    if (DATA_KEYWORDS.has(key)) continue;
    if (key === 'properties' || key === '$defs' || key === 'patternProperties') {
      if (isObject(value))
        for (const [name, sub] of Object.entries(value)) normalize(sub, `${here}/${key}/${name}`, seen);
    } else if (typeof value === 'object') {
      normalize(value, `${here}/${key}`, seen);
    }
  }
};

export interface OpenApi {
  /** The spec with the overlay applied (before normalization): what the validators implement. */
  spec: JsonObject;
  /** Checks one response; [] when it conforms, else one readable line per problem. */
  validateResponse(method: string, pathTemplate: string, status: number, body: unknown): string[];
  /** Checks a value against `#/components/schemas/<name>`. */
  validateSchema(name: string, value: unknown): string[];
  /** The spec operation (`METHOD /path` as the file writes it) for a route or template, or null. */
  operationFor(method: string, pathTemplate: string): { method: string; path: string } | null;
}

/** `/v1/customers/{id}/cards/{card_id}` and `/v1/customers/{customer_id}/cards/{id}` are the same path. */
export const pathShape = (template: string): string => {
  const trimmed = template.length > 1 ? template.replace(/\/+$/, '') : template;
  return trimmed.replace(/\{[^}]+\}/g, '{}');
};

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

const valueAt = (body: unknown, instancePath: string): unknown => {
  let node: unknown = body;
  for (const part of instancePath.split('/').slice(1).map(decode)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
};

const readable = (errors: ErrorObject[] | null | undefined, body: unknown, prefix: string): string[] =>
  (errors ?? [])
    // anyOf's own summary line repeats what its branches said.
    .filter((e) => e.keyword !== 'anyOf')
    .map((e) => {
      const where = e.instancePath || '(body)';
      const extra = e.keyword === 'enum' ? ` ${show((e.params as { allowedValues: unknown[] }).allowedValues)}` : '';
      return `${prefix}${where} ${e.message}${extra}; got ${show(valueAt(body, e.instancePath))}`;
    });

let parsed: JsonObject | null = null;

export const loadOpenApi = (overlay: OverlayEntry[] = OVERLAY): OpenApi => {
  parsed ??= parse(readFileSync(SPEC_PATH, 'utf8')) as JsonObject;
  // structuredClone keeps the objects YAML anchors share shared, as in the parsed file.
  const spec = applyOverlay(structuredClone(parsed), overlay);

  // One schema document holds the component schemas, normalized; response validators (the
  // inline schemas under paths) are compiled against it.
  const normalized = structuredClone(spec);
  const seen = new WeakSet<object>();
  const components = (normalized.components ?? {}) as JsonObject;
  const schemas = (components.schemas ?? {}) as JsonObject;
  for (const [name, s] of Object.entries(schemas)) normalize(s, `#/components/schemas/${name}`, seen);
  const normalizeResponse = (r: Json, here: string) => {
    if (!isObject(r) || !isObject(r.content)) return;
    for (const media of Object.values(r.content)) if (isObject(media)) normalize(media.schema ?? null, here, seen);
  };
  for (const [name, r] of Object.entries((components.responses ?? {}) as JsonObject))
    normalizeResponse(r, `#/components/responses/${name}`);
  const paths = (normalized.paths ?? {}) as JsonObject;
  for (const [path, ops] of Object.entries(paths)) {
    if (!isObject(ops)) continue;
    for (const [method, op] of Object.entries(ops)) {
      if (!isObject(op) || !isObject(op.responses)) continue;
      for (const [status, r] of Object.entries(op.responses))
        normalizeResponse(r, `#/paths/${path}/${method}/responses/${status}`);
    }
  }

  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
  });
  addFormats(ajv);
  ajv.addVocabulary(ANNOTATIONS);
  ajv.addSchema({ $id: DOC_ID, $defs: schemas });
  const pathDocs = new Map<string, ValidateFunction>();

  const opShapes = new Map<string, string>();
  for (const path of Object.keys(paths)) opShapes.set(pathShape(path), path);

  const operationFor = (method: string, pathTemplate: string) => {
    const path = opShapes.get(pathShape(pathTemplate));
    const m = method.toLowerCase();
    if (!path || !isObject(paths[path]) || !isObject((paths[path] as JsonObject)[m])) return null;
    return { method: method.toUpperCase(), path };
  };

  const resolveResponse = (r: Json): JsonObject | null => {
    if (isObject(r) && typeof r.$ref === 'string') {
      const name = r.$ref.replace('#/components/responses/', '');
      const target = (components.responses as JsonObject | undefined)?.[name];
      return isObject(target) ? target : null;
    }
    return isObject(r) ? r : null;
  };

  const validateResponse = (method: string, pathTemplate: string, status: number, body: unknown): string[] => {
    const op = operationFor(method, pathTemplate);
    if (!op) return [`${method} ${pathTemplate}: no such operation in spec3.yaml`];
    const responses = ((paths[op.path] as JsonObject)[op.method.toLowerCase()] as JsonObject).responses as JsonObject;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    const label = `${op.method} ${op.path} → ${status}`;
    if (!key)
      return [`${label}: status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`];
    const response = resolveResponse(responses[key]);
    if (!response) return [`${label}: unresolvable response ${show(responses[key])}`];
    const content = isObject(response.content) ? response.content : null;
    const media = content ? Object.entries(content).find(([type]) => /json/.test(type))?.[1] : undefined;
    if (!isObject(media) || media.schema === undefined) {
      return body === undefined || body === '' ? [] : [`${label}: the spec documents no JSON body, got ${show(body)}`];
    }
    const cacheKey = `${op.method} ${op.path} ${key}`;
    let validate = pathDocs.get(cacheKey);
    if (!validate) {
      validate = ajv.compile({
        $id: `${DOC_ID}/responses/${encodeURIComponent(cacheKey)}`,
        ...(media.schema as object),
      });
      pathDocs.set(cacheKey, validate);
    }
    return validate(body) ? [] : readable(validate.errors, body, `${label}: `);
  };

  const validateSchema = (name: string, value: unknown): string[] => {
    const validate = ajv.getSchema(`${DOC_ID}#/$defs/${name}`);
    if (!validate) return [`no schema ${name} in spec3.yaml`];
    return validate(value) ? [] : readable(validate.errors, value, `${name}: `);
  };

  return { spec, validateResponse, validateSchema, operationFor };
};

let cached: OpenApi | null = null;
/** The spec with OVERLAY, loaded and compiled once per process. */
export const openApi = (): OpenApi => (cached ??= loadOpenApi());

/** Shorthand for `openApi().validateResponse(...)`. */
export const validateResponse = (method: string, pathTemplate: string, status: number, body: unknown): string[] =>
  openApi().validateResponse(method, pathTemplate, status, body);
