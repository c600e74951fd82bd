/**
 * A CRD document's text with each block-style schema replaced by a marker,
 * and how many were; undefined when the document is not a CRD, has no
 * schema to cut, or has one not certainly valid as written (`plainBlock`)
 * or nested near `maxNesting` levels. A schema's value ends at the first
 * line, neither blank nor a comment, indented no deeper than its key.
 */
export declare function withoutSchemas(text: string, maxNesting: number): {
    text: string;
    cut: number;
} | undefined;
/**
 * Whether a parsed document is a CRD holding exactly `cut` markers, each where a schema stands
 * (`spec.versions[].schema.openAPIV3Schema`, `spec.validation.openAPIV3Schema`); the markers become empty mappings.
 */
export declare function takeMarkers(value: unknown, cut: number): boolean;
/**
 * Reads the block node below a key indented `parent`, from `from` (the
 * start of the line after the key), as YAML certainly reads it (see the
 * module's comment): the offset where it ends (the line break before the
 * first line, neither blank nor a comment, indented no deeper than the key,
 * or the end of the text), NOT_CERTAIN when it is not certainly valid (then
 * the document is parsed whole), NO_BLOCK when no line below is deeper.
 * Written for soundness, not reach: every construct it takes, it takes
 * whole, and only where YAML allows it.
 */
export declare function plainBlock(text: string, from: number, parent: number, maxNesting: number): number;
