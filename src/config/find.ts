/**
 * Finding `.k8s-net.yaml`, and deciding whether a config found that way can
 * be trusted. A config can turn every rule off, so one planted in a folder
 * above the project by someone else must not be used: the search stops at
 * the repository root (the folder holding `.git`) and at the home folder,
 * and a config found that another user owns or can write, or that is not a
 * regular file (a FIFO would make every run wait on it), is ignored, with a
 * warning that says why.
 */
import {type Stats, statSync} from 'node:fs'
import {homedir} from 'node:os'
import path from 'node:path'

export const CONFIG_FILE_NAMES = ['.k8s-net.yaml', '.k8s-net.yml']

/** A config file found, or one found and ignored (`ignored` says why). */
export interface FoundConfig {
  file: string
  ignored?: string
}

/**
 * The nearest config file from `cwd` upward, stopping after the repository
 * root and the home folder. A config that cannot be trusted ends the search
 * too (a config further up must not stand in for it), and is returned with
 * the reason it is ignored.
 */
export function findConfig(cwd: string, home = homedir()): FoundConfig | undefined {
  let dir = path.resolve(cwd)
  const stopAtHome = home ? path.resolve(home) : undefined
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(dir, name)
      const info = statSync(file, {throwIfNoEntry: false})
      if (!info) continue
      const ignored = untrusted(info)
      return ignored ? {file, ignored} : {file}
    }

    const parent = path.dirname(dir)
    if (parent === dir || dir === stopAtHome || statSync(path.join(dir, '.git'), {throwIfNoEntry: false})) return undefined
    dir = parent
  }
}

/** The nearest trusted config file from `cwd` upward, if any (see `findConfig`). */
export function findConfigFile(cwd: string): string | undefined {
  const found = findConfig(cwd)
  return found && !found.ignored ? found.file : undefined
}

/**
 * Why a config file found by the search cannot be trusted, or undefined: not
 * a regular file, writable by its group or by anyone, or owned by someone
 * else than the user running k8s-net (or root). Platforms without user ids
 * (Windows) check the file type only.
 */
export function untrusted(info: Pick<Stats, 'mode' | 'uid' | 'isFile'>, uid: number | null = process.getuid?.() ?? null): string | undefined {
  if (!info.isFile()) return 'it is not a regular file'
  if (uid === null) return undefined
  if (info.uid !== uid && info.uid !== 0) return `it is owned by another user (uid ${info.uid})`
  // eslint-disable-next-line no-bitwise
  if ((info.mode & 0o022) !== 0) return `other users can write it (mode ${(info.mode & 0o777).toString(8)}): chmod go-w it to use it`
  return undefined
}
