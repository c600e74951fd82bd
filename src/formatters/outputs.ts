/**
 * Where reports go. `--format` is repeatable and each is `NAME` or
 * `NAME=FILE`: `--format stylish --format sarif=k8s-net.sarif` prints the
 * stylish report and writes SARIF to a file in one run. A format without
 * `=FILE` goes to `--output-file` when given, else to standard output; only
 * one format can go there.
 */
import {rmSync} from 'node:fs'
import {mkdir, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {LintResult} from '../engine/engine.js'
import {FORMAT_NAMES, FORMATTERS, type FormatName} from './index.js'
import type {FormatOptions} from './types.js'

/** A `--format` value that cannot be used, or two reports for one destination: a usage error (exit 2). */
export class OutputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OutputError'
  }
}

export interface OutputTarget {
  format: FormatName
  /** The file to write, or undefined for standard output. */
  file?: string
}

/** Turns `--format` values (default `stylish`) and `--output-file` into one target per report. */
export function planOutputs(formats: readonly string[] | undefined, outputFile?: string): OutputTarget[] {
  const specs = formats && formats.length > 0 ? formats : ['stylish']
  const targets = specs.map((spec): OutputTarget => {
    const eq = spec.indexOf('=')
    const name = (eq === -1 ? spec : spec.slice(0, eq)).trim()
    const file = eq === -1 ? undefined : spec.slice(eq + 1).trim()
    if (!(FORMAT_NAMES as readonly string[]).includes(name)) {
      throw new OutputError(`unknown format ${JSON.stringify(name)}: expected one of ${FORMAT_NAMES.join(', ')}, optionally with =FILE (--format sarif=k8s-net.sarif)`)
    }

    if (file === '') throw new OutputError(`--format ${spec}: a file name must follow =`)
    return {format: name as FormatName, file: file ?? (outputFile || undefined)}
  })

  if (outputFile && specs.every((spec) => spec.includes('='))) {
    throw new OutputError(`--output-file ${outputFile} takes the report of a --format without =FILE, and every --format names its own file`)
  }

  const toStdout = targets.filter((t) => t.file === undefined)
  if (toStdout.length > 1) {
    throw new OutputError(
      `${toStdout.map((t) => t.format).join(' and ')} would both go to standard output: give all but one a file, as in --format ${toStdout[1]!.format}=k8s-net.${toStdout[1]!.format}`,
    )
  }

  const byFile = new Map<string, OutputTarget>()
  for (const t of targets) {
    if (t.file === undefined) continue
    const key = path.resolve(t.file)
    const other = byFile.get(key)
    if (other) throw new OutputError(`${other.format} and ${t.format} would both be written to ${t.file}: give each its own file`)
    byFile.set(key, t)
  }

  return targets
}

export interface RenderedOutput extends OutputTarget {
  text: string
}

/** Renders every report; colour only for standard output, and only when asked for. */
export function renderOutputs(result: LintResult, targets: readonly OutputTarget[], options: FormatOptions): RenderedOutput[] {
  return targets.map((t) => ({...t, text: FORMATTERS[t.format](result, {...options, color: t.file === undefined && options.color})}))
}

/**
 * Writes reports to their files (creating directories as needed) and standard
 * output. All or nothing: every target is checked first (a folder, or a path
 * under a file, is an OutputError before anything is written); every file is
 * written beside its target and renamed into place only when all were
 * written; standard output comes last. So an unwritable file leaves no report
 * behind, and neither does Ctrl+C (SIGINT) or SIGTERM while files are written:
 * the staged files are removed, then the signal takes its course.
 */
export async function writeOutputs(outputs: readonly RenderedOutput[], stdout: (text: string) => void): Promise<void> {
  const files = outputs.filter((o): o is RenderedOutput & {file: string} => o.file !== undefined)
  for (const o of files) await checkTarget(o)
  const staged: Array<{temp: string; file: string; done: boolean}> = []
  const onSignal = (signal: NodeJS.Signals): void => {
    for (const s of staged) if (!s.done) rmSync(s.temp, {force: true})
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    process.kill(process.pid, signal)
  }

  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    for (const o of files) {
      const entry = {temp: `${path.resolve(o.file)}.${process.pid}.tmp`, file: o.file, done: false}
      // Listed before it is written: a file half written is removed too.
      staged.push(entry)
      try {
        await mkdir(path.dirname(entry.temp), {recursive: true})
        await writeFile(entry.temp, o.text)
      } catch (error) {
        throw new OutputError(`cannot write the ${o.format} report to ${o.file}: ${(error as Error).message}`)
      }
    }

    for (const s of staged) {
      await rename(s.temp, s.file)
      s.done = true
    }
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await Promise.all(staged.filter((s) => !s.done).map((s) => rm(s.temp, {force: true})))
  }

  for (const o of outputs) if (o.file === undefined) stdout(o.text)
}

/** A report's file must not be a folder, and the nearest of its folders that exists must be a folder. */
async function checkTarget(o: OutputTarget & {file: string}): Promise<void> {
  const refuse = (why: string): never => {
    throw new OutputError(`cannot write the ${o.format} report to ${o.file}: ${why}`)
  }

  const kind = async (p: string): Promise<'folder' | 'other' | undefined> => {
    try {
      return (await stat(p)).isDirectory() ? 'folder' : 'other'
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
      return refuse((error as Error).message)
    }
  }

  if ((await kind(o.file)) === 'folder') refuse('it is a folder')
  for (let dir = path.dirname(o.file); ; dir = path.dirname(dir)) {
    const found = await kind(dir)
    if (found === 'other') refuse(`${dir} is a file, not a folder`)
    if (found === 'folder' || path.dirname(dir) === dir) return
  }
}
