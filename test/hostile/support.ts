/** Temp folders of hostile files, linted through the library's front door. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, expect} from 'vitest'
import type {Finding} from '../../src/engine/types.js'
import {exitCodeFor, lintFiles, type LintFilesOptions} from '../../src/run.js'

const created: string[] = []
// Registered as this module loads, with the test file that imports it: folders made inside a test are removed too.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, {recursive: true, force: true})
})

/** A temp folder removed after the test file; `write` adds a file to it. */
export function tempDir(prefix: string): {dir: string; write: (name: string, content: string | Buffer) => string} {
  const dir = mkdtempSync(path.join(tmpdir(), `k8s-net-${prefix}-`))
  created.push(dir)
  return {
    dir,
    write(name, content) {
      writeFileSync(path.join(dir, name), content)
      return name
    },
  }
}

export interface Linted {
  findings: Finding[]
  exitCode: 0 | 1
  files: string[]
}

/** Lints paths in a folder with every rule; asserts no rule broke on the input. */
export async function lintIn(dir: string, paths: string[], options: LintFilesOptions = {}): Promise<Linted> {
  const {result} = await lintFiles(paths, {cwd: dir, ...options})
  expect(result.findings.filter((f) => f.message.startsWith('internal error')).map((f) => f.message)).toEqual([])
  return {findings: result.findings, exitCode: exitCodeFor(result, 'error'), files: result.files}
}

/**
 * The findings of some rules only: the input rules and the one the valid
 * Service trips. Other rules come and go; these tests are about the input.
 */
export const of = (findings: Finding[], ...ruleIds: string[]): Finding[] => findings.filter((f) => ruleIds.includes(f.ruleId))

/** The rules these tests watch: how input is read, and one finding that shows the rest was linted. */
export const INPUT_RULES = ['invalid-yaml', 'duplicate-key', 'invalid-object', 'nodeport-out-of-range']

/** A finding as `file:line:col rule`, for comparing lists. */
export const where = (f: Finding): string => `${f.file}:${f.start?.line}:${f.start?.column} ${f.ruleId}`

/** The 1-based line of `text` that holds `needle` (the first one). */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle))
  if (index === -1) throw new Error(`the fixture holds no ${JSON.stringify(needle)}`)
  return index + 1
}

/** The 1-based column where `needle` starts on the line that holds it first. */
export function columnOf(text: string, needle: string): number {
  const line = text.split('\n')[lineOf(text, needle) - 1]!
  return line.indexOf(needle) + 1
}
