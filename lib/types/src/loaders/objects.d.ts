import type { KubeVersion } from '../engine/kube-version.js';
import { type IncompleteDocument, type K8sObject, type Limits, type Resource, type SyntaxProblem } from '../engine/types.js';
import { FileLocator, type Located, TreeCache } from './locate.js';
import type { ParseCache } from './cache.js';
import { type ParsedText } from './parse.js';
export interface LoadOptions {
    /** Namespace for objects that name none (default `default`). */
    namespace?: string;
    /** Load as reference only (`--context`). */
    reference?: boolean;
    limits?: Limits;
    /**
     * Reads standard input, for the path `-`: bytes (checked as files are), or
     * text already decoded. It is given the size limit: reading more than one
     * byte past it is wasted (see `readStreamBounded`).
     */
    readStdin?: (maxBytes: number) => Promise<Buffer | string>;
    /** Base for relative paths and globs. */
    cwd?: string;
    /** Reuses the parsed documents of files unchanged since the last run (`--cache`). */
    cache?: ParseCache;
    /** The file name standard input stands for (`--stdin-filename`), in findings and config exemptions; default `<stdin>`. */
    stdinFilename?: string;
    /** Threads to parse files on, the main thread included (1: the main thread only); default: the cores available, when the input is large enough to pay for them (see `threads.ts`). */
    threads?: number;
    /** The parsing threads' module, for tests (see `ThreadOptions`). */
    worker?: URL;
}
/** Everything read from one or more inputs. */
export declare class LoadedInput {
    readonly resources: Resource[];
    readonly incomplete: IncompleteDocument[];
    readonly problems: SyntaxProblem[];
    /** Files read to be linted, as named. */
    readonly files: string[];
    /** Entries of walked folders left out as not manifests (hidden, node_modules, other tools' files), for the summary. */
    readonly skipped: string[];
    /**
     * Kinds that could not be read (a cluster refused to list them, 403): rules
     * must not take their absence for "none". No namespace: all namespaces.
     */
    readonly unreadable: Array<{
        kind: string;
        namespace?: string;
    }>;
    /** The Kubernetes version a cluster's API server reported (/version), when the input comes from one. */
    serverVersion?: KubeVersion;
    readonly locators: Map<string, FileLocator>;
    /** The position trees of documents being located, shared by the locators of all files. */
    readonly trees: TreeCache;
    /** Adds another load's content, for files and context loaded apart. */
    merge(other: LoadedInput): void;
    /** How many documents, objects and problems have been read: what a source added is the difference. */
    get count(): number;
}
/** Parses one file's text into the loaded input. */
export declare function loadText(loaded: LoadedInput, file: string, text: string, options?: LoadOptions): void;
/** A file's text as it is parsed: without byte-order marks, and whether it is read as JSON first. */
export interface PreparedText {
    text: string;
    json: boolean;
}
/** What `parseText` is given for a file. */
export declare function prepareText(file: string, text: string, options?: Pick<LoadOptions, 'stdinFilename'>): PreparedText;
/**
 * Adds a file's parsed documents to the loaded input: objects, incomplete
 * documents and problems, in the order of the documents. `located`: ranges
 * already found for paths in this file (from the parse cache), to which the
 * ranges found in this run are added; without it, none are kept.
 */
export declare function addParsed(loaded: LoadedInput, file: string, prepared: PreparedText, { chunks, parsed }: ParsedText, options?: LoadOptions, located?: Located): FileLocator;
/** Builds a Resource from a decoded object (from a file or a cluster). */
export declare function makeResource(object: K8sObject, origin: Resource['origin'], uid: number, defaultNamespace: string | undefined, reference: boolean): Resource;
