import { type Unreadable } from '../util/bytes.js';
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
/** One file read: its path as expanded, its name (for `-`, what standard input stands for), its text or why it is not read. */
export interface ReadFile {
    file: string;
    name: string;
    text: string | Unreadable;
    /** The hash of `text`, once computed (see `contentHashOf`). */
    hash?: string;
}
/** The hash of a file's text, computed once. */
export declare function contentHashOf(cache: ParseCache, entry: ReadFile, text: string): string;
/** Reads the files expanded by `expandPaths`, all of them before any is parsed. */
export declare function readFiles(expanded: ExpandedPaths, options?: LoadOptions): Promise<ReadFiles>;
/**
 * Parses files read by `readFiles`: each from the parse cache when it holds
 * it, the others on several threads when there is enough to parse (see
 * `threads.ts`), standard input on the main thread; then builds objects in
 * the order of the files, whatever order they were parsed in.
 */
export declare function parseRead({ expanded, read }: ReadFiles, options?: LoadOptions): Promise<LoadedInput>;
