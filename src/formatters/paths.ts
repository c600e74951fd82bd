/** File names as CI systems want them: relative to the working directory, with forward slashes. */
import {existsSync} from 'node:fs'
import path from 'node:path'
import type {ObjectRef, Position} from '../engine/types.js'
import {STDIN} from '../engine/types.js'
import {objectName} from '../engine/util.js'

/**
 * `file` relative to `cwd` with forward slashes, or undefined when it lies
 * outside `cwd` (another drive, or above it) or is standard input.
 */
export function relativePath(file: string, cwd: string): string | undefined {
  if (file === STDIN) return undefined
  const relative = path.relative(cwd, path.resolve(cwd, file))
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  return relative.split(path.sep).join('/')
}

/** `file` as a CI annotation names it: relative with forward slashes when under `cwd`, else as given (forward slashes). */
export function displayPath(file: string, cwd: string): string {
  return relativePath(file, cwd) ?? file.split(path.sep).join('/')
}

/** Where a finding or related location is, for text: `file:line:col` (file as `displayPath` gives it), else the object, else ''. */
export function locationText(where: {file?: string; start?: Position; object?: ObjectRef}, cwd: string): string {
  if (where.file !== undefined) return `${displayPath(where.file, cwd)}${where.start ? `:${where.start.line}:${where.start.column}` : ''}`
  return where.object ? objectName(where.object) : ''
}

/**
 * The root of the git repository holding `from` (a file or folder): the
 * nearest folder upward with a `.git` entry (a folder, or a file in a
 * worktree or submodule), or undefined outside any repository.
 */
export function repositoryRoot(from: string): string | undefined {
  let dir = path.resolve(from)
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}
