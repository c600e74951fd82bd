/**
 * Where reports go. `--format` is repeatable and each is `NAME` or
 * `NAME=FILE`: `--format stylish --format sarif=k8s-net.sarif` prints the
 * stylish report and writes SARIF to a file in one run. A format without
 * `=FILE` goes to `--output-file` when given, else to standard output; only
 * one format can go there.
 */
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
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
 * output. All or nothing: every file is written beside its target first and
 * renamed into place only when all were written, and standard output comes
 * last, so an unwritable file (an OutputError) leaves no report behind.
 */
export async function writeOutputs(outputs: readonly RenderedOutput[], stdout: (text: string) => void): Promise<void> {
  const staged: Array<{temp: string; file: string}> = []
  try {
    for (const o of outputs) {
      if (o.file === undefined) continue
      const temp = `${path.resolve(o.file)}.${process.pid}.tmp`
      try {
        await mkdir(path.dirname(temp), {recursive: true})
        await writeFile(temp, o.text)
      } catch (error) {
        throw new OutputError(`cannot write the ${o.format} report to ${o.file}: ${(error as Error).message}`)
      }

      staged.push({temp, file: o.file})
    }

    for (const {temp, file} of staged.splice(0)) await rename(temp, file)
  } finally {
    await Promise.all(staged.map(({temp}) => rm(temp, {force: true})))
  }

  for (const o of outputs) if (o.file === undefined) stdout(o.text)
}
