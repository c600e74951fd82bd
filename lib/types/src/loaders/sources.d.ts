import { LoadedInput, type LoadOptions } from './objects.js';
import { type ExpandedPaths } from './paths.js';
export { expandPaths, type ExpandedPaths, InputError, withoutFiles } from './paths.js';
export { LoadedInput, type LoadOptions, loadText, makeResource } from './objects.js';
/** Reads and parses paths: files, directories, globs, `-` (see `expandPaths`). */
export declare function loadPaths(inputs: readonly string[], options?: LoadOptions): Promise<LoadedInput>;
/** Reads and parses files already expanded by `expandPaths`. */
export declare function loadFiles(expanded: ExpandedPaths, options?: LoadOptions): Promise<LoadedInput>;
