/** A path that cannot be read, or a pattern that matches nothing: a usage error, exit 2. */
export declare class InputError extends Error {
    readonly file?: string | undefined;
    constructor(message: string, file?: string | undefined);
}
export declare const MANIFEST_EXTENSIONS: Set<string>;
/** Folders a walk never enters, besides those whose name starts with `.` (.git, .github, .terraform...). */
export declare const SKIPPED_FOLDERS: readonly string[];
/**
 * YAML and JSON files of other tools, by name (regular expressions for the
 * whole file name), left out of folder walks: kustomize, Helm, package
 * managers and their lock files, Docker Compose, CI systems, docs sites.
 * Files whose name starts with `.` are left out too (.gitlab-ci.yml,
 * .pre-commit-config.yaml, .k8s-net.yaml...). The pre-commit hook's
 * `exclude` is built from the same list (HOOK_EXCLUDE; a test holds them
 * together).
 */
export declare const NON_MANIFEST_FILES: readonly string[];
/** The pre-commit hook's `exclude`: a path with a hidden or skipped folder or file in it, or one of NON_MANIFEST_FILES. */
export declare const HOOK_EXCLUDE: string;
/** Whether a folder walk leaves this entry out. */
export declare function isSkipped(name: string, isDirectory: boolean): boolean;
/** Paths expanded: the files to read, and what walking folders met besides. */
export interface ExpandedPaths {
    /** Files (and `-`), in order, each once. */
    files: string[];
    /** Entries of walked folders left out (see `isSkipped`), and links that lead nowhere. */
    skipped: string[];
    /** Entries of walked folders that could not be read, with why: reported, not fatal. */
    unreadable: Array<{
        file: string;
        problem: string;
    }>;
    /** Files found by walking a folder or matching a pattern: one that cannot be opened is reported, not fatal. */
    found: Set<string>;
    /** Each folder, pattern and `-` given, with the files it gave and the entries it could not read: one that gives no object at all is an error. */
    groups: Array<{
        input: string;
        kind: 'stdin' | 'directory' | 'pattern';
        files: string[];
        unreadable: number;
    }>;
}
/** Expands paths, directories and globs into files, in a stable order. `-` stays `-`. */
export declare function expandPaths(inputs: readonly string[], cwd?: string): Promise<ExpandedPaths>;
/** The same paths without some files (those linted, when the rest is context); a folder or pattern left with none is dropped. */
export declare function withoutFiles(expanded: ExpandedPaths, drop: (file: string) => boolean): ExpandedPaths;
