/**
 * One file's text parsed into documents (the same on every thread; see
 * `threads.ts`, and `parsed-bytes.ts` for the result as bytes).
 */
import type {Limits} from '../engine/types.js'
import {type DocumentChunk, type ParsedDocument, parseDocument, parseJson, splitDocuments} from './documents.js'

/** A file's documents: the chunks it splits into and each one parsed. */
export interface ParsedText {
  chunks: DocumentChunk[]
  parsed: ParsedDocument[]
}

/** Parses a file's text (BOMs already removed): as JSON when `jsonFile` and it is strict JSON, else as a YAML stream. */
export function parseText(text: string, jsonFile: boolean, limits: Limits): ParsedText {
  if (jsonFile) {
    const chunk: DocumentChunk = {index: 0, text, offset: 0, line: 0, json: true}
    const json = parseJson(chunk, limits)
    if (json) return {chunks: [chunk], parsed: [json]}
  }

  // Not strict JSON: YAML reads it, or says where it breaks.
  const chunks = splitDocuments(text)
  return {chunks, parsed: chunks.map((chunk) => parseDocument(chunk, limits))}
}
