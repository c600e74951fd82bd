/**
 * The official SARIF 2.1.0 JSON schema (OASIS, errata 01; a draft-04 schema),
 * compiled with ajv-draft-04. Its formats are checked for real: `uri` must be
 * an absolute URI, `uri-reference` an RFC 3986 reference, `date-time` an RFC 3339 time.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import type {ValidateFunction} from 'ajv'
import {REPO} from './rule-tester.js'

const URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/
const PERCENT = /%(?![0-9A-Fa-f]{2})/

function uriReference(value: string): boolean {
  if (!URI_CHARS.test(value) || PERCENT.test(value)) return false
  try {
    new URL(value, 'file:///base/')
    return true
  } catch {
    return false
  }
}

// A CommonJS module: imported from ESM it is the module object, and the class is its `default`.
const Ajv = AjvDraft04.default
let validator: ValidateFunction | undefined

export function sarifValidator(): ValidateFunction {
  if (validator) return validator
  const schema = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>
  const ajv = new Ajv({allErrors: true, strict: false})
  ajv.addFormat('uri', (value: string) => uriReference(value) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value))
  ajv.addFormat('uri-reference', uriReference)
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value)))
  const compiled = ajv.compile(schema)
  validator = compiled
  return compiled
}
