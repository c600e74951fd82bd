import type { ObjectPath, Range } from '../engine/types.js';
import { type DocumentChunk, type Span } from './documents.js';
import { type PlainDocument } from './plain-lines.js';
/** One node as js-yaml composed it. */
interface Frame {
    /** Where composing began: before the separation space, tag and anchor that precede the content. */
    open: number;
    /** Where it ended; block collections and scalars may run on over trailing space. */
    close: number;
    /** `mapping`, `sequence` or `scalar`; null for an alias, or for a node with no content (`key:` and nothing). */
    kind: string | null;
    result: unknown;
    /** The `<<` key of a merge. */
    merge?: boolean;
    children?: Frame[];
    /** A mapping's entries by key (the last one wins, as for the value), its merges; null when its children do not pair up. */
    pairs?: Pairs | null;
}
interface Pairs {
    byKey: Map<string, {
        key: Frame;
        value: Frame;
    }>;
    merges: Frame[];
}
interface Tree {
    text: string;
    root: Frame;
    /** Anchored collections by value, to follow an alias to what it names. */
    anchors: Map<object, Frame>;
}
/**
 * Position trees kept for reuse, least recently used first, up to a total
 * size of text: a run with findings in every document must not end up
 * holding a tree for each. One cache serves all the files of one input.
 * The engine asks for places in source order, so the tree of the document
 * at hand is all it needs; the default budget keeps a few small ones beside
 * it, and trees short-lived enough to die young (a tree that outlives two
 * minor collections is copied to the old generation, where only a full
 * collection frees it).
 */
export declare class TreeCache {
    private readonly budget;
    /** Entries by key, and in a list from least to most recently used: each get is a few steps, however many documents a file holds. */
    private readonly entries;
    /** Sentinel of the circular list: `next` is the least recently used entry, `previous` the most recent. */
    private readonly list;
    private size;
    /** The line starts of the document last asked about: positions are asked for document after document, a big one may be asked for many. */
    private lines?;
    /** The lines of the document last asked about, when it is in plain block style. */
    private plain?;
    /** `budget`: characters of text whose trees may be kept (a tree takes some ten times its text). */
    constructor(budget?: number);
    get(key: string, size: number, build: () => PlacedTree | undefined): PlacedTree | undefined;
    /** The offsets where a document's lines start. */
    linesOf(chunk: DocumentChunk): number[];
    /** A document's lines, when it is in plain block style (and small: the lines are walked again for each path). */
    plainOf(chunk: DocumentChunk): PlainDocument | undefined;
}
/** Ranges found in one file, by `locatedKey` of document and path; undefined where none could be. */
export type Located = Map<string, Range | undefined>;
/** The key of a document and a path in `Located`. */
export declare const locatedKey: (index: number, path: ObjectPath) => string;
/** Resolves paths to ranges in the documents of one file. */
export declare class FileLocator {
    private readonly chunks;
    private readonly cache;
    private readonly located?;
    private readonly id;
    private yamlDocs?;
    /** Whether a range was found in this run, beyond those it was given. */
    private found;
    /**
     * `located`: ranges found before for the same text (the parse cache's),
     * used without parsing again; the ranges found in this run are added to it.
     * Without it, ranges are neither looked up nor kept.
     */
    constructor(chunks: readonly DocumentChunk[], cache?: TreeCache, located?: Located | undefined);
    /** Every range known for this file, when one was found in this run (for the parse cache to keep); else undefined. */
    get newlyLocated(): Located | undefined;
    /**
     * The range of the node at `path` in document `index`; when the path goes
     * further than the document (a key that is missing), the range of the
     * deepest node that exists. Undefined when the document cannot be read.
     */
    locate(index: number, path: ObjectPath): Promise<Range | undefined>;
    private find;
    private locateInItem;
    private rangeOf;
    private locateWithYaml;
}
/** A tree of positions, and where its text starts in the document (0, or where a List item starts). */
interface PlacedTree {
    tree: Tree;
    base: number;
}
/** The spans of the items of a JSON List (`{"items": [...]}`), found by scanning its text; undefined for an item that is not an object. */
export declare function jsonItemSpans(text: string): Array<Span | undefined> | undefined;
export {};
