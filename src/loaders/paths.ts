/**
 * Paths in, files out: files, folders (walked), glob patterns and `-` for
 * standard input, expanded in a stable order. A folder walk leaves out what
 * is never a manifest (hidden entries, node_modules, the YAML and JSON files
 * of other tools: NON_MANIFEST_FILES) and counts what it left out; an entry
 * it cannot read (a link loop, no permission) is recorded and the walk goes
 * on. A path named on the command line is always read.
 */
import {type Dirent, readdirSync, realpathSync, type Stats, statSync} from 'node:fs'
import path from 'node:path'

/** A path that cannot be read, or a pattern that matches nothing: a usage error, exit 2. */
export class InputError extends Error {
  constructor(message: string, readonly file?: string) {
    super(message)
    this.name = 'InputError'
  }
}

export const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json'])
const GLOB_CHARS = /[*?[\]{}]/

/** Folders a walk never enters, besides those whose name starts with `.` (.git, .github, .terraform...). */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules']

/**
 * YAML and JSON files of other tools, by name (regular expressions for the
 * whole file name), left out of folder walks: kustomize, Helm, package
 * managers and their lock files, Docker Compose, CI systems, docs sites.
 * Files whose name starts with `.` are left out too (.gitlab-ci.yml,
 * .pre-commit-config.yaml, .k8s-net.yaml...). The pre-commit hook's
 * `exclude` is built from the same list (HOOK_EXCLUDE; a test holds them
 * together).
 */
export const NON_MANIFEST_FILES: readonly string[] = [
  // kustomize and Helm
  String.raw`kustomization\.ya?ml`,
  String.raw`Chart\.ya?ml`,
  String.raw`values[^/]*\.(ya?ml|json)`,
  String.raw`requirements\.ya?ml`,
  String.raw`helmfile[^/]*\.ya?ml`,
  // package managers and lock files
  String.raw`package\.json`,
  String.raw`npm-shrinkwrap\.json`,
  String.raw`[^/]*[.-]lock\.(ya?ml|json)`,
  String.raw`pnpm-workspace\.ya?ml`,
  String.raw`composer\.json`,
  String.raw`bower\.json`,
  String.raw`(lerna|nx|turbo|renovate|deno)\.json`,
  String.raw`(ts|js)config[^/]*\.json`,
  // Docker Compose
  String.raw`docker-compose[^/]*\.ya?ml`,
  String.raw`compose(\.[^/]*)?\.ya?ml`,
  // CI systems and build tools
  String.raw`azure-pipelines[^/]*\.ya?ml`,
  String.raw`bitbucket-pipelines\.ya?ml`,
  String.raw`appveyor\.ya?ml`,
  String.raw`cloudbuild[^/]*\.ya?ml`,
  String.raw`buildspec[^/]*\.ya?ml`,
  String.raw`codecov\.ya?ml`,
  String.raw`action\.ya?ml`,
  String.raw`Taskfile[^/]*\.ya?ml`,
  String.raw`skaffold\.ya?ml`,
  String.raw`devspace\.ya?ml`,
  String.raw`mkdocs\.ya?ml`,
]

const NON_MANIFEST = new RegExp(`^(?:${NON_MANIFEST_FILES.join('|')})$`)

/** The pre-commit hook's `exclude`: a path with a hidden or skipped folder or file in it, or one of NON_MANIFEST_FILES. */
export const HOOK_EXCLUDE = `(^|/)(\\.|(${SKIPPED_FOLDERS.join('|')})/)|(^|/)(${NON_MANIFEST_FILES.join('|')})$`

/** Whether a folder walk leaves this entry out. */
export function isSkipped(name: string, isDirectory: boolean): boolean {
  if (name.startsWith('.')) return true
  return isDirectory ? SKIPPED_FOLDERS.includes(name) : NON_MANIFEST.test(name)
}

/** Paths expanded: the files to read, and what walking folders met besides. */
export interface ExpandedPaths {
  /** Files (and `-`), in order, each once. */
  files: string[]
  /** Entries of walked folders left out (see `isSkipped`), and links that lead nowhere. */
  skipped: string[]
  /** Entries of walked folders that could not be read, with why: reported, not fatal. */
  unreadable: Array<{file: string; problem: string}>
  /** Files found by walking a folder or matching a pattern: one that cannot be opened is reported, not fatal. */
  found: Set<string>
  /** Each folder, pattern and `-` given, with the files it gave and the entries it could not read: one that gives no object at all is an error. */
  groups: Array<{input: string; kind: 'stdin' | 'directory' | 'pattern'; files: string[]; unreadable: number}>
}

/** Expands paths, directories and globs into files, in a stable order. `-` stays `-`. */
export async function expandPaths(inputs: readonly string[], cwd = process.cwd()): Promise<ExpandedPaths> {
  const expanded: ExpandedPaths = {files: [], skipped: [], unreadable: [], found: new Set(), groups: []}
  const seen = new Set<string>()
  const add = (file: string): void => {
    const key = file === '-' ? '-' : path.resolve(cwd, file)
    if (!seen.has(key)) {
      seen.add(key)
      expanded.files.push(file)
    }
  }

  for (const input of inputs) {
    if (input === '-') {
      add('-')
      expanded.groups.push({input, kind: 'stdin', files: ['-'], unreadable: 0})
      continue
    }

    // Synchronous: a walk of many small folders waits less this way (the files are read synchronously too).
    let info: Stats | NodeJS.ErrnoException
    try {
      info = statSync(path.resolve(cwd, input))
    } catch (error) {
      info = error as NodeJS.ErrnoException
    }

    if (!(info instanceof Error)) {
      if (info.isDirectory()) {
        const files: string[] = []
        const skippedBefore = expanded.skipped.length
        const unreadableBefore = expanded.unreadable.length
        walk(input, cwd, new Set(), files, expanded, true)
        const unreadable = expanded.unreadable.length - unreadableBefore
        // A folder that holds no manifest (a mistyped overlay, say) must not pass as clean.
        if (files.length === 0 && unreadable === 0) throw new InputError(noManifests(input, expanded.skipped.slice(skippedBefore)), input)
        for (const file of files) {
          add(file)
          expanded.found.add(file)
        }

        expanded.groups.push({input, kind: 'directory', files, unreadable})
      } else {
        add(input)
      }

      continue
    }

    if (GLOB_CHARS.test(input)) {
      const {glob} = await import('tinyglobby')
      const matches = (await glob(input, {cwd, dot: false, onlyFiles: true, expandDirectories: false})).sort()
      if (matches.length === 0) throw new InputError(`no files match the pattern ${input}`, input)
      for (const m of matches) {
        add(m)
        expanded.found.add(m)
      }

      expanded.groups.push({input, kind: 'pattern', files: matches, unreadable: 0})
      continue
    }

    throw new InputError(
      info.code === 'ENOENT' ? `no such file or directory: ${input}` : `cannot read ${input}: ${info.message}`,
      input,
    )
  }

  return expanded
}

/** The same paths without some files (those linted, when the rest is context); a folder or pattern left with none is dropped. */
export function withoutFiles(expanded: ExpandedPaths, drop: (file: string) => boolean): ExpandedPaths {
  return {
    ...expanded,
    files: expanded.files.filter((f) => !drop(f)),
    groups: expanded.groups.map((g) => ({...g, files: g.files.filter((f) => !drop(f))})).filter((g) => g.files.length > 0 || g.unreadable > 0),
  }
}

function noManifests(dir: string, skipped: readonly string[]): string {
  const message = `no .yaml, .yml or .json files in directory ${dir}`
  if (skipped.length === 0) return message
  const names = skipped.slice(0, 3).map((s) => path.basename(s))
  return `${message} (left out as not manifests: ${names.join(', ')}${skipped.length > 3 ? ` and ${skipped.length - 3} more` : ''}; name a file to lint it anyway)`
}

/**
 * Adds the manifests in a folder and below to `files`, sorted. Symbolic
 * links are followed, each real folder walked once (a link loop ends); an
 * entry that cannot be read is recorded and the walk goes on.
 */
function walk(dir: string, cwd: string, visited: Set<string>, files: string[], expanded: ExpandedPaths, top = false): void {
  const full = path.resolve(cwd, dir)
  let entries: Dirent[]
  try {
    const real = realpathSync(full)
    if (visited.has(real)) return
    visited.add(real)
    entries = readdirSync(full, {withFileTypes: true})
  } catch (error) {
    // The folder named on the command line cannot be read: a usage error. One met while walking: reported, the walk goes on.
    if (top) throw new InputError(`cannot read directory ${dir}: ${(error as Error).message}`, dir)
    expanded.unreadable.push({file: dir, problem: `cannot read directory ${dir}: ${errorText(error)}: not read`})
    return
  }

  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const child = path.join(dir, entry.name)
    let isDirectory = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      // A link to a file or folder counts as what it points to; a dangling one is left out; a loop of links cannot be read.
      let target: Stats | undefined
      try {
        target = statSync(path.resolve(cwd, child), {throwIfNoEntry: false})
      } catch (error) {
        expanded.unreadable.push({file: child, problem: `cannot read ${child}: ${errorText(error)}: not read`})
        continue
      }

      if (!target) {
        if (MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) expanded.skipped.push(child)
        continue
      }

      isDirectory = target.isDirectory()
      isFile = target.isFile()
    }

    if (!isDirectory && !(isFile && MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase()))) continue
    if (isSkipped(entry.name, isDirectory)) {
      expanded.skipped.push(child)
    } else if (isDirectory) {
      walk(child, cwd, visited, files, expanded)
    } else {
      files.push(child)
    }
  }
}

/** An fs error's message without Node's syscall prefix: `ELOOP: too many symbolic links encountered`. */
function errorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException
  return e.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')}` : String(e?.message ?? e)
}
