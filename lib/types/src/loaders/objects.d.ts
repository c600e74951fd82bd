import type { KubeVersion } from '../engine/kube-version.js';
import { type IncompleteDocument, type K8sObject, type Limits, type Resource, type SyntaxProblem } from '../engine/types.js';
import { FileLocator, TreeCache } from './locate.js';
import type { ParseCache } from './cache.js';
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
/** Builds a Resource from a decoded object (from a file or a cluster). */
export declare function makeResource(object: K8sObject, origin: Resource['origin'], uid: number, defaultNamespace: string | undefined, reference: boolean): Resource;
