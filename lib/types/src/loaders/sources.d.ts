/**
 * The loaders' entry point: paths in (files, folders, globs, `-` for
 * standard input); resources, incomplete documents and problems out. Never
 * throws for bad content; throws InputError (exit 2) for a path that cannot
 * be read at all, and for standard input, a folder or a pattern that holds
 * no object at all. The work is done by `paths.ts` (which files), `bytes.ts`
 * (reading them, bounded) and `objects.ts` (parsing them).
 */
import { type Stats } from 'node:fs';
import { type ByteLimit, type Unreadable } from '../util/bytes.js';
import type { ParseCache } from './cache.js';
import { LoadedInput, type LoadOptions } from './objects.js';
import { type ExpandedPaths } from './paths.js';
export { expandPaths, type ExpandedPaths, InputError, withoutFiles } from './paths.js';
export { LoadedInput, type LoadOptions, loadText, makeResource } from './objects.js';
/** Reads and parses paths: files, directories, globs, `-` (see `expandPaths`). */
export declare function loadPaths(inputs: readonly string[], options?: LoadOptions): Promise<LoadedInput>;
/** Reads and parses files already expanded by `expandPaths`. */
export declare function loadFiles(expanded: ExpandedPaths, options?: LoadOptions): Promise<LoadedInput>;
/** Files expanded and read, not yet parsed. */
export interface ReadFiles {
    expanded: ExpandedPaths;
    /** Each of `expanded.files`, in order: its name (for `-`, what standard input stands for), and its text or why it is not read. */
    read: ReadFile[];
}
/** A file's bytes, read or to be read, and the limit its text is decoded within. */
interface Bytes {
    limit: ByteLimit;
    /** The bytes, when read. */
    bytes?: Buffer;
    /** Reads them (a file `stat` says is unchanged since the cache kept its hash): a file that cannot be read any more says why. */
    read?: () => Buffer | Unreadable;
    /** Its absolute path and what `stat` said of it before it was read, for the parse cache to keep with its hash. */
    stat?: {
        path: string;
        stats: Stats;
    };
}
/**
 * One file read: its path as expanded, its name (for `-`, what standard
 * input stands for), its text or why it is not read. With the parse cache,
 * a file's bytes are kept and decoded only when its text is asked for, and
 * a file the cache knows unchanged is read only then: a run whose stored
 * result is reused neither reads nor decodes those.
 */
export declare class ReadFile {
    readonly file: string;
    readonly name: string;
    /** The hash of the file's bytes (or of standard input's text), once known (see `contentHashOf`). */
    hash?: string | undefined;
    private decoded?;
    private readonly bytes?;
    constructor(file: string, name: string, read: string | Unreadable | Bytes, 
    /** The hash of the file's bytes (or of standard input's text), once known (see `contentHashOf`). */
    hash?: string | undefined);
    /** The text (a byte-order mark dropped), or why it is not read (not UTF-8, binary, too large, not readable). */
    get text(): string | Unreadable;
    /** What decides the text: the bytes as read, the text, or why the file is not read. */
    get content(): Buffer | string | Unreadable;
    /** What `stat` said of the file before its bytes were read. */
    get stat(): Bytes['stat'];
}
/**
 * The hash of a file's content (its bytes, or standard input's text), computed once; undefined for a file that is
 * not read. Text without a byte-order mark hashes as its UTF-8 bytes do.
 */
export declare function contentHashOf(cache: ParseCache, entry: ReadFile): string | undefined;
/** Reads the files expanded by `expandPaths`, all of them before any is parsed. */
export declare function readFiles(expanded: ExpandedPaths, options?: LoadOptions): Promise<ReadFiles>;
/**
 * Parses files read by `readFiles`: each from the parse cache when it holds
 * it, the others on several threads when there is enough to parse (see
 * `threads.ts`), standard input on the main thread; then builds objects in
 * the order of the files, whatever order they were parsed in.
 */
export declare function parseRead({ expanded, read }: ReadFiles, options?: LoadOptions): Promise<LoadedInput>;
