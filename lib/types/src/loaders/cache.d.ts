import type { Stats } from 'node:fs';
import type { Limits } from '../engine/types.js';
import type { Unreadable } from '../util/bytes.js';
import type { LintResult } from '../engine/engine.js';
import type { FileLocator, Located } from './locate.js';
import type { ParsedText } from './parse.js';
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
    /** The k8s-net version: a cache of another version, or of another build of it, is not used. */
    version: string;
}
export declare class ParseCache {
    readonly options: ParseCacheOptions;
    private readonly entries;
    /** Files whose entry was used or written in this run. */
    private readonly touched;
    /** What `stat` said of the files read in this run, and the hash of what was read. */
    private readonly stats;
    private run?;
    /**
     * The cache file as `open` found it: its bytes up to the parts, and its size. The parts of files are read only
     * when a run needs one (a run whose whole result is reused needs none), from the file then, when it still begins
     * with the same bytes and is as long; else they are taken as missing.
     */
    private source?;
    private changed;
    /** Files read back from the cache, and parsed, in this run (for tests and the benchmark). */
    hits: number;
    misses: number;
    /** Files `stat` showed as they were when their hash was kept: read in this run only if their text was needed. */
    unread: number;
    /** Whether this run's whole result was the stored one. */
    reused: boolean;
    /** Whether a file changed between `stat` and its reading in this run: the run's result is not kept. */
    changedWhileRead: boolean;
    private constructor();
    /** Opens the cache file; one that is missing, unreadable or not a valid cache of this version starts empty. The parts of files are read when first needed. */
    static open(given: ParseCacheOptions): ParseCache;
    /** The bytes of a part: read from the cache file (all its parts at once, the first time one is needed); undefined when the file is no longer the one `open` read. */
    private bytesOf;
    /**
     * The hash of a file's bytes kept from a run that read it, when `stat` says
     * it has not been written since: the same size, modification and change
     * times (no tool sets the change time back), inode and device. Undefined
     * otherwise: the file is read and hashed.
     */
    knownHash(file: string, stat: Stats): string | undefined;
    /**
     * The bytes of a file `knownHash` vouched for, read later: when they hash
     * otherwise (written in between), `rehash` is given their hash, and this
     * run keeps no result, whose key holds the hash kept.
     */
    verified(hash: string, bytes: Buffer | Unreadable, rehash: (hash: string) => void): Buffer | Unreadable;
    /** Notes what `stat` said of a file before its bytes were read and hashed: kept with the entry of that hash. */
    noteStat(file: string, stat: Stats, hash: string): void;
    /** The hash of a file's bytes (or of a text, as its UTF-8 bytes), as the keys use it. */
    contentHash(content: Uint8Array | string): string;
    /**
     * The key of a run's result: the hash of everything that decides it (see
     * src/run.ts), each part after its length. A part that is a list of strings
     * (a file's name and hash) is hashed as its strings; any other is serialised
     * first, which takes some microseconds a part: a run over thousands of files
     * would pay milliseconds. Throws for a part that does not serialise.
     */
    runKey(parts: Iterable<unknown>): string;
    /** The key of a file's parse: its text's hash and every setting that changes parsing. */
    fileKey(hash: string, jsonFile: boolean, limits: Limits): string;
    /** A file's documents read back, when its entry has `key` and passes the checks; counted as a hit. */
    lookup(file: string, key: string, text: string, limits: Limits): ParsedText | undefined;
    /** Keeps a file's documents, parsed in this run (`bytes`: as a parsing thread sent them); counted as a miss. */
    store(file: string, key: string, result: ParsedText, bytes?: Uint8Array): void;
    /**
     * The ranges located in a file before, when its entry has `key` (that is,
     * the same text); an entry whose ranges do not read back, or fall outside
     * the text's `lines`, has none.
     */
    located(file: string, key: string, lines: number): Located | undefined;
    /** The locator of a file read in this run: the ranges it finds are kept when the cache is saved. */
    attach(file: string, locator: FileLocator): void;
    /** The stored result of a run whose key is `key`, when it reads back and is the shape `lint` gives. */
    result(key: string): LintResult | undefined;
    /** Keeps a run's whole result under its key (a plain value); replaces the one kept before. None when a file changed as it was read. */
    keepResult(key: string, value: unknown): void;
    /** Forgets the stored run result: a run that cannot have one (standard input, a cluster) leaves none behind. */
    dropResult(): void;
    /** Writes the cache file when anything changed (through a temporary file, so a reader never sees half of it); throws when it cannot. */
    save(): void;
}
