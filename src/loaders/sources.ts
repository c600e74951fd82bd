/**
 * The loaders' entry point: paths in (files, folders, globs, `-` for
 * standard input); resources, incomplete documents and problems out. Never
 * throws for bad content; throws InputError (exit 2) for a path that cannot
 * be read at all, and for standard input, a folder or a pattern that holds
 * no object at all. The work is done by `paths.ts` (which files), `bytes.ts`
 * (reading them, bounded) and `objects.ts` (parsing them).
 */
import path from 'node:path'
import {STDIN, type SyntaxProblem} from '../engine/types.js'
import {decodeText, fileLimit, isUnreadable, overLimit, readFileBounded, stripBom, type Unreadable} from '../util/bytes.js'
import {DEFAULT_LIMITS} from './documents.js'
import {LoadedInput, type LoadOptions, loadText} from './objects.js'
import {type ExpandedPaths, expandPaths, InputError} from './paths.js'

export {expandPaths, type ExpandedPaths, InputError, withoutFiles} from './paths.js'
export {LoadedInput, type LoadOptions, loadText, makeResource} from './objects.js'

/** Reads and parses paths: files, directories, globs, `-` (see `expandPaths`). */
export async function loadPaths(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadedInput> {
  return loadFiles(await expandPaths(inputs, options.cwd ?? process.cwd()), options)
}

/** Reads and parses files already expanded by `expandPaths`. */
export async function loadFiles(expanded: ExpandedPaths, options: LoadOptions = {}): Promise<LoadedInput> {
  const cwd = options.cwd ?? process.cwd()
  const loaded = new LoadedInput()
  const reference = options.reference ?? false
  const gave = new Map<string, number>()
  for (const file of expanded.files) {
    const name = file === '-' ? (options.stdinFilename ?? STDIN) : file
    const before = loaded.count
    const text = await readInput(file, options, cwd, expanded.found.has(file))
    // Files given as reference are read, not linted: the summary does not count them.
    if (!reference) loaded.files.push(name)
    if (typeof text === 'string') loadText(loaded, name, text, options)
    else loaded.problems.push(notRead(name, text, reference))
    gave.set(file, loaded.count - before)
  }

  for (const {file, problem} of expanded.unreadable) {
    if (!reference) loaded.files.push(file)
    loaded.problems.push(notRead(file, {problem}, reference))
  }

  if (!reference) for (const s of expanded.skipped) loaded.skipped.push(s)
  // Nothing at all from standard input, a folder or a pattern: a failed `helm template ... |` or a wrong folder, not a clean run.
  for (const group of expanded.groups) {
    if (group.files.some((f) => (gave.get(f) ?? 0) > 0)) continue
    if (group.kind === 'stdin') {
      throw new InputError('standard input holds no Kubernetes object (it is empty, or only comments): did the command before the pipe fail? (`set -o pipefail` makes a shell pipe fail with it)', STDIN)
    }

    // Entries it could not read are reported: they may hold the objects.
    if (group.unreadable > 0) continue
    const where = group.kind === 'directory' ? `directory ${group.input}` : `the files matching ${group.input}`
    const what = group.files.length === 1 ? 'its one file is' : `its ${group.files.length} files are`
    throw new InputError(`no Kubernetes object in ${where}: ${what} empty or only comments`, group.input)
  }

  return loaded
}

/** A file that is not read (too big, binary, not UTF-8, unreadable), as a problem at its first line, or where it shows. */
function notRead(file: string, unreadable: Unreadable, reference: boolean): SyntaxProblem {
  const at = unreadable.at ?? {line: 1, column: 1}
  return {
    origin: {type: 'file', file, document: 0, prefix: []},
    message: unreadable.problem,
    range: {start: at, end: {line: at.line, column: at.column + 1}},
    type: 'limit',
    reference,
  }
}

/** The text of a file or of standard input, or why it is not read. A file found by a walk that cannot be opened is reported; one named is a usage error. */
async function readInput(file: string, options: LoadOptions, cwd: string, found: boolean): Promise<string | Unreadable> {
  const limit = fileLimit((options.limits ?? DEFAULT_LIMITS).maxFileBytes)
  if (file === '-') {
    if (!options.readStdin) throw new InputError('standard input is not available')
    const input = await options.readStdin(limit.bytes)
    if (typeof input !== 'string') return decodeText(input, limit, 'standard input')
    if (input.length > limit.bytes) return overLimit('standard input', limit)
    return stripBom(input)
  }

  // Synchronous reads: several times faster than promises for the many small files a manifest tree holds.
  let buffer: Buffer | Unreadable
  try {
    buffer = readFileBounded(path.resolve(cwd, file), limit, 'file')
  } catch (error) {
    if (found) return {problem: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}: not read`}
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`, file)
  }

  return isUnreadable(buffer) ? buffer : decodeText(buffer, limit, 'file')
}
