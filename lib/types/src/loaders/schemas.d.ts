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
 * Whether the lines of `text` from `from` to `to` are a block node below a
 * key indented `parent` that YAML certainly reads (see the module's
 * comment): false means only "not certainly", and the document is parsed
 * whole. Written for soundness, not reach: every construct it takes, it
 * takes whole, and it takes a construct only where YAML allows it.
 */
export declare function plainBlock(text: string, from: number, to: number, parent: number, maxNesting: number): boolean;
