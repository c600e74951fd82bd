import { type IncompleteDocument, type K8sObject, type Limits, type Resource, type SyntaxProblem } from '../engine/types.js';
import { FileLocator, TreeCache } from './locate.js';
/** A path that cannot be read, or a pattern that matches nothing: a usage error, exit 2. */
export declare class InputError extends Error {
    readonly file?: string | undefined;
    constructor(message: string, file?: string | undefined);
}
export interface LoadOptions {
    /** Namespace for objects that name none (default `default`). */
    namespace?: string;
    /** Load as reference only (`--context`). */
    reference?: boolean;
    limits?: Limits;
    /** Reads standard input, for the path `-`: bytes (checked as files are), or text already decoded. */
    readStdin?: () => Promise<Buffer | string>;
    /** Base for relative paths and globs. */
    cwd?: string;
    /** The file name standard input stands for (`--stdin-filename`), in findings and config exemptions; default `<stdin>`. */
    stdinFilename?: string;
}
/** Everything read from one or more inputs. */
export declare class LoadedInput {
    readonly resources: Resource[];
    readonly incomplete: IncompleteDocument[];
    readonly problems: SyntaxProblem[];
    /** Files read to be linted, as named. */
    readonly files: string[];
    /**
     * Kinds that could not be read (a cluster refused to list them, 403): rules
     * must not take their absence for "none". No namespace: all namespaces.
     */
    readonly unreadable: Array<{
        kind: string;
        namespace?: string;
    }>;
    readonly locators: Map<string, FileLocator>;
    /** The position trees of documents being located, shared by the locators of all files. */
    readonly trees: TreeCache;
    /** Adds another load's content, for files and context loaded apart. */
    merge(other: LoadedInput): void;
}
/** Expands paths, directories and globs into files, in a stable order. `-` stays `-`. */
export declare function expandPaths(inputs: readonly string[], cwd?: string): Promise<string[]>;
/** Reads and parses paths: files, directories, globs, `-` (see `expandPaths`). */
export declare function loadPaths(inputs: readonly string[], options?: LoadOptions): Promise<LoadedInput>;
/** Reads and parses files already expanded by `expandPaths`. */
export declare function loadFiles(files: readonly string[], options?: LoadOptions): Promise<LoadedInput>;
/** Offset of the first byte that does not belong to a valid UTF-8 sequence. */
export declare function firstBadByte(buffer: Uint8Array): number;
/** Parses one file's text into the loaded input. */
export declare function loadText(loaded: LoadedInput, file: string, text: string, options?: LoadOptions): void;
/** Builds a Resource from a decoded object (from a file or a cluster). */
export declare function makeResource(object: K8sObject, origin: Resource['origin'], uid: number, defaultNamespace: string | undefined, reference: boolean): Resource;
