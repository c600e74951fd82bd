/**
 * Locating without a parse, in documents written in plain block style (as
 * `helm template`, `kustomize build` and most hand-written manifests are):
 * every line a `key: value`, a `key:`, a `- ` list entry or a comment, keys
 * plain words, values on one line. In such a document indentation alone says
 * which node a line belongs to, so a path is followed line by line, to the
 * range the position tree of `locate.ts` would give.
 *
 * Anything else in the document (flow collections other than `{}` and `[]`,
 * block or multi-line scalars, anchors, aliases, tags, merge keys, quoted or
 * unusual keys, tabs, CRs, byte-order marks, directives) and the answer is undefined:
 * the document is located with the position tree.
 */
import type { ObjectPath } from '../engine/types.js';
/** One line that is not blank and not a comment. Offsets are in the document's text; -1 where a part is absent. */
export interface Line {
    /** Column of the first character. */
    indent: number;
    /** Offset of the `-` of a list entry. */
    dash: number;
    /** Column of the content: past `- ` on a list entry's line, else `indent`. */
    col: number;
    keyStart: number;
    keyEnd: number;
    /** The value written on the line, after `key: ` or `- `. */
    valueStart: number;
    valueEnd: number;
}
/** A document in plain block style: its text and its lines that are not blank or comments. */
export interface PlainDocument {
    text: string;
    lines: readonly Line[];
}
export interface OffsetRange {
    start: number;
    end: number;
}
/** A document's lines, when it is in plain block style; else undefined. */
export declare function plainDocument(text: string): PlainDocument | undefined;
/**
 * The range (offsets in the document's text) of the node at `path`, as the
 * position tree gives it: a path that goes further than the document ends at
 * the deepest node there is, and at the key for `key:` with no value.
 * Undefined when a line on the way does not fit where it stands.
 */
export declare function plainRange(doc: PlainDocument, path: ObjectPath): OffsetRange | undefined;
