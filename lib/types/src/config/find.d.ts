/**
 * Finding `.k8s-net.yaml`, and deciding whether a config found that way can
 * be trusted. A config can turn every rule off, so one planted in a folder
 * above the project by someone else must not be used: the search stops at
 * the repository root (the folder holding `.git`) and at the home folder,
 * and a config found that another user owns or can write, or that is not a
 * regular file (a FIFO would make every run wait on it), is ignored, with a
 * warning that says why.
 */
import { type Stats } from 'node:fs';
export declare const CONFIG_FILE_NAMES: string[];
/** A config file found, or one found and ignored (`ignored` says why). */
export interface FoundConfig {
    file: string;
    ignored?: string;
}
/**
 * The nearest config file from `cwd` upward, stopping after the repository
 * root and the home folder. A config that cannot be trusted ends the search
 * too (a config further up must not stand in for it), and is returned with
 * the reason it is ignored.
 */
export declare function findConfig(cwd: string, home?: string): FoundConfig | undefined;
/** The nearest trusted config file from `cwd` upward, if any (see `findConfig`). */
export declare function findConfigFile(cwd: string): string | undefined;
/**
 * Why a config file found by the search cannot be trusted, or undefined: not
 * a regular file, writable by its group or by anyone, or owned by someone
 * else than the user running k8s-net (or root). Platforms without user ids
 * (Windows) check the file type only.
 */
export declare function untrusted(info: Pick<Stats, 'mode' | 'uid' | 'isFile'>, uid?: number | null): string | undefined;
