/** A CRD as the loader reads it (src/loaders/schemas.ts): its schemas empty; anything else as it is. Changes the value given. */
export function withoutSchemas(value: unknown): unknown {
  const crd = value as {kind?: unknown; spec?: {versions?: Array<{schema?: Record<string, unknown>}>; validation?: Record<string, unknown>}} | null | undefined
  if (crd?.kind !== 'CustomResourceDefinition') return value
  for (const v of crd.spec?.versions ?? []) if (v?.schema && 'openAPIV3Schema' in v.schema) v.schema.openAPIV3Schema = {}
  if (crd.spec?.validation && 'openAPIV3Schema' in crd.spec.validation) crd.spec.validation.openAPIV3Schema = {}
  return value
}
