/**
 * Splitting a YAML stream into documents and parsing each one fast.
 *
 * A line that starts with `---` or `...` (followed by a space, a tab or the
 * end of the line) is a document marker wherever it stands: YAML forbids such
 * lines inside any scalar. Splitting on them first lets one broken document be
 * reported while the others are still read, and lets positions be resolved
 * later for just the documents that have findings (see `locate.ts`).
 *
 * Parsing uses js-yaml, the fastest YAML parser for JavaScript, with the YAML
 * 1.2 core schema plus merge keys (`<<`), which is what the Kubernetes API
 * server accepts. The input limits (docs/limits.md) are enforced here: nesting
 * depth while parsing, alias expansion and cycles after it.
 */
import jsYaml from 'js-yaml';
import type { Limits, Position, Range } from '../engine/types.js';
export declare const SCHEMA: jsYaml.Schema;
/** One YAML document's text and where it starts in its file. */
export interface DocumentChunk {
    /** 0-based index in the file. */
    index: number;
    text: string;
    /** Offset of `text` in the file. */
    offset: number;
    /** 0-based line of `text`'s first character in the file. */
    line: number;
    /** The text is JSON (read with JSON.parse). */
    json?: boolean;
    /**
     * For a large `List` document: where the text of each item starts and ends
     * (offsets in `text`), so that a finding in one item is located by parsing
     * that item again, not the whole List. Undefined for an item not found.
     */
    items?: Array<Span | undefined>;
}
export interface Span {
    start: number;
    end: number;
}
/** Documents from this size on record where their List items stand while parsing: smaller ones are cheap to parse again whole. */
export declare const ITEM_SPANS_FROM: number;
export declare const DEFAULT_LIMITS: Limits;
export type ParsedDocument = {
    chunk: DocumentChunk;
    ok: true;
    value: unknown;
    duplicateKey?: {
        message: string;
        range: Range;
    };
} | {
    chunk: DocumentChunk;
    ok: false;
    type: 'syntax' | 'limit';
    message: string;
    range: Range;
};
export declare const HELM_HINT = "render it first, for example `helm template . | k8s-net lint -`";
/** Splits a YAML stream at its document markers. */
export declare function splitDocuments(text: string): DocumentChunk[];
/** Parses one document chunk; never throws. */
export declare function parseDocument(chunk: DocumentChunk, limits?: Limits): ParsedDocument;
/** The items of a `List` document (kind ending in List, items a sequence). */
export declare function listItems(value: unknown): unknown[] | undefined;
/** Parses a JSON text (a `.json` file); undefined when it is not strict JSON, for YAML to read it or say where it breaks. */
export declare function parseJson(chunk: DocumentChunk, limits?: Limits): ParsedDocument | undefined;
/** A one-character range at an offset of the chunk, in 1-based file coordinates. */
export declare function rangeAt(chunk: DocumentChunk, offset: number): Range;
/** Offsets of the starts of a text's lines. */
export declare function lineStarts(text: string): number[];
/**
 * The 1-based file position of an offset inside a chunk. `starts`: the
 * chunk's `lineStarts`, for a caller that asks for many positions in one
 * chunk; without them, the lines before the offset are counted.
 */
export declare function positionIn(chunk: DocumentChunk, offset: number, starts?: readonly number[]): Position;
