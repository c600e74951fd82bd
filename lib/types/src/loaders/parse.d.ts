/**
 * One file's text parsed into documents (the same on every thread; see
 * `threads.ts`, and `parsed-bytes.ts` for the result as bytes).
 */
import type { Limits } from '../engine/types.js';
import { type DocumentChunk, type ParsedDocument } from './documents.js';
/** A file's documents: the chunks it splits into and each one parsed. */
export interface ParsedText {
    chunks: DocumentChunk[];
    parsed: ParsedDocument[];
}
/** Parses a file's text (BOMs already removed): as JSON when `jsonFile` and it is strict JSON, else as a YAML stream. */
export declare function parseText(text: string, jsonFile: boolean, limits: Limits): ParsedText;
