import type { Limits } from '../engine/types.js';
import type { DocumentChunk, ParsedDocument } from './documents.js';
/** A file's documents: the chunks it splits into and each one parsed. */
export interface ParsedText {
    chunks: DocumentChunk[];
    parsed: ParsedDocument[];
}
/** The name of the cache file inside a cache folder. */
export declare const CACHE_FILE_NAME = "parse-cache.bin";
/**
 * The default cache folder: `node_modules/.cache/k8s-net` of the nearest
 * `node_modules` from `cwd` upward, else the system's cache folder.
 */
export declare function defaultCacheDirectory(cwd: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string;
/** The cache file for `--cache-location`: a folder (existing, or written with a trailing slash) holds it; anything else is the file. */
export declare function cacheFilePath(location: string | undefined, cwd: string): string;
export interface ParseCacheOptions {
    /** The cache file (see `cacheFilePath`). */
    file: string;
    /** The k8s-net version: a cache of another version is not used. */
    version: string;
}
export declare class ParseCache {
    readonly options: ParseCacheOptions;
    private readonly entries;
    /** Files whose entry was used or written in this run, or whose old entry is kept. */
    private readonly touched;
    private changed;
    /** Files read back from the cache, and parsed, in this run (for tests and the benchmark). */
    hits: number;
    misses: number;
    private constructor();
    /** Opens the cache file; one that is missing, unreadable or not a valid cache of this version starts empty. */
    static open(options: ParseCacheOptions): ParseCache;
    /**
     * The documents of a file: read back when its entry matches the text and
     * settings and passes the checks, else parsed by `parse` and stored.
     */
    parse(file: string, text: string, jsonFile: boolean, limits: Limits, parse: () => ParsedText): ParsedText;
    /** Writes the cache file when anything changed (through a temporary file, so a reader never sees half of it); throws when it cannot. */
    save(): void;
}
