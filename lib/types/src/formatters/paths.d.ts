import type { ObjectRef, Position } from '../engine/types.js';
/**
 * `file` relative to `cwd` with forward slashes, or undefined when it lies
 * outside `cwd` (another drive, or above it) or is standard input.
 */
export declare function relativePath(file: string, cwd: string): string | undefined;
/** `file` as a CI annotation names it: relative with forward slashes when under `cwd`, else as given (forward slashes). */
export declare function displayPath(file: string, cwd: string): string;
/** Where a finding or related location is, for text: `file:line:col` (file as `displayPath` gives it), else the object, else ''. */
export declare function locationText(where: {
    file?: string;
    start?: Position;
    object?: ObjectRef;
}, cwd: string): string;
/**
 * The root of the git repository holding `from` (a file or folder): the
 * nearest folder upward with a `.git` entry (a folder, or a file in a
 * worktree or submodule), or undefined outside any repository.
 */
export declare function repositoryRoot(from: string): string | undefined;
