/**
 * The CRD schema reader (src/loaders/schemas.ts) reads hostile schemas in
 * linear time: a quoted string over 100,000 lines full of escapes, a
 * mapping of 100,000 keys (and one key twice at its end), a plain scalar
 * and a block scalar over 100,000 lines. A reader that went back over what
 * it read, line after line, would take minutes here: a hang would show as a
 * test timeout.
 */
import {describe, expect, it} from 'vitest'
import {parseDocument, type DocumentChunk} from '../../src/loaders/documents.js'
import {withoutSchemas} from '../../src/loaders/schemas.js'

const CRD = (schema: string): string =>
  `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n${schema}`

const chunk = (text: string): DocumentChunk => ({index: 0, text, offset: 0, line: 0})
const LINES = 100_000

describe('hostile CRD schemas', () => {
  it('reads a single-quoted string over 100,000 lines of escaped quotes once', () => {
    const text = CRD(`        description: 'a''b${"\n          c''d''e".repeat(LINES)}'\n        type: object\n`)
    expect(withoutSchemas(text, 500)?.cut).toBe(1)
    const parsed = parseDocument(chunk(text))
    expect(parsed.ok && (parsed.value as {spec: {names: {kind: string}}}).spec.names.kind).toBe('Widget')
  })

  it('reads a double-quoted string over 100,000 lines of escapes once, and one never closed', () => {
    // Each line ends with a backslash (an escaped line break) but the last, which the quote closes.
    const body = `        description: "a\\"b${'\\\n          c\\u00e9\\\\d'.repeat(LINES)}"\n        type: object\n`
    expect(withoutSchemas(CRD(body), 500)?.cut).toBe(1)
    const open = CRD(`        description: "a${'\n          b\\"'.repeat(LINES)}\n`)
    expect(withoutSchemas(open, 500)).toBeUndefined()
    expect(parseDocument(chunk(open)).ok).toBe(false)
  })

  it('reads a mapping of 100,000 keys, and finds the one written twice at its end', () => {
    const keys = Array.from({length: LINES}, (_, i) => `          k${i}: {}\n`).join('')
    expect(withoutSchemas(CRD(`        properties:\n${keys}`), 500)?.cut).toBe(1)
    const twice = CRD(`        properties:\n${keys}          k0: {}\n`)
    expect(withoutSchemas(twice, 500)).toBeUndefined()
    const parsed = parseDocument(chunk(twice))
    expect(parsed.ok && parsed.duplicateKey?.message).toBe('duplicate key "k0"')
  })

  it('reads plain and block scalars over 100,000 lines', () => {
    expect(withoutSchemas(CRD(`        description: a${'\n          b c'.repeat(LINES)}\n        type: object\n`), 500)?.cut).toBe(1)
    expect(withoutSchemas(CRD(`        description: |-${'\n          b: c # d'.repeat(LINES)}\n        type: object\n`), 500)?.cut).toBe(1)
  })
})
