/**
 * Runs of blank lines before a document marker, and a broken document followed
 * by a long tail of whitespace, are read in linear time: a hang here would show
 * as a test timeout.
 */
import {describe, expect, it} from 'vitest'
import {parseDocument, splitDocuments} from '../../src/loaders/documents.js'

describe('blank lines and trailing whitespace', () => {
  it('split at markers that follow thousands of blank lines', () => {
    const text = `${'\n'.repeat(5000)}apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n...\n${'\n'.repeat(5000)}---\nkind: x\n`
    const chunks = splitDocuments(text)
    expect(chunks.map((c) => c.line)).toEqual([0, 5003, 5008, 10_008])
  })

  it('directives before a marker stay with the document they belong to', () => {
    const chunks = splitDocuments('a: 1\n...\n%YAML 1.2\n\n# comment\n---\nb: 2\n')
    expect(chunks.map((c) => c.text)).toEqual(['a: 1\n...\n', '%YAML 1.2\n\n# comment\n---\nb: 2\n'])
  })

  it('place an error at the end of the stream on the last character, however long the tail', () => {
    const chunk = {index: 0, text: `metadata: {name: a${'\n'.repeat(200_000)}`, offset: 0, line: 0}
    const parsed = parseDocument(chunk)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.range.start).toEqual({line: 1, column: 18})
  })
})
