import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {OutputError, planOutputs, renderOutputs, writeOutputs} from '../../src/formatters/outputs.js'
import {canonicalOptions, canonicalResult} from '../support/results.js'

describe('planOutputs', () => {
  it('defaults to stylish on standard output', () => {
    expect(planOutputs(undefined)).toEqual([{format: 'stylish', file: undefined}])
    expect(planOutputs([])).toEqual([{format: 'stylish', file: undefined}])
  })

  it('sends the format without =FILE to --output-file, the others to their files', () => {
    expect(planOutputs(['junit'], 'out.xml')).toEqual([{format: 'junit', file: 'out.xml'}])
    expect(planOutputs(['stylish', 'sarif=reports/k8s-net.sarif', 'junit=junit.xml'])).toEqual([
      {format: 'stylish', file: undefined},
      {format: 'sarif', file: 'reports/k8s-net.sarif'},
      {format: 'junit', file: 'junit.xml'},
    ])
  })

  it('refuses two reports for standard output, two for one file, unknown formats and empty file names', () => {
    expect(() => planOutputs(['stylish', 'json'])).toThrow(/stylish and json would both go to standard output/)
    expect(() => planOutputs(['sarif=a.out', 'json=./a.out'])).toThrow(/both be written to/)
    expect(() => planOutputs(['json', 'sarif'], 'x')).toThrow(OutputError)
    expect(() => planOutputs(['xml'])).toThrow(/unknown format "xml": expected one of stylish, json, sarif, junit, github/)
    expect(() => planOutputs(['sarif='])).toThrow(/a file name must follow/)
  })
})

describe('renderOutputs and writeOutputs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-outputs-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('colours standard output only, and writes files (creating folders)', async () => {
    const sarifFile = path.join(dir, 'reports', 'k8s-net.sarif')
    const rendered = renderOutputs(canonicalResult(), planOutputs(['stylish', `sarif=${sarifFile}`]), canonicalOptions({color: true}))
    expect(rendered[0]!.text).toContain('\u001B[')
    expect(rendered[1]!.text).not.toContain('\u001B[')
    let stdout = ''
    await writeOutputs(rendered, (t) => (stdout += t))
    expect(stdout).toBe(rendered[0]!.text)
    expect(readFileSync(sarifFile, 'utf8')).toBe(rendered[1]!.text)
  })

  it('an unwritable file is an OutputError naming it', async () => {
    const blocker = path.join(dir, 'file')
    await writeOutputs([{format: 'json', file: blocker, text: '{}'}], () => {})
    await expect(writeOutputs([{format: 'json', file: path.join(blocker, 'x.json'), text: '{}'}], () => {})).rejects.toThrow(/cannot write the json report to .*file\/x\.json/)
  })

  it('writes all reports or none: one unwritable file leaves no other report behind', async () => {
    const blocker = path.join(dir, 'blocker')
    await writeOutputs([{format: 'json', file: blocker, text: '{}'}], () => {})
    const first = path.join(dir, 'all-or-none', 'report.json')
    let stdout = ''
    const outputs = [
      {format: 'stylish' as const, text: 'findings\n'},
      {format: 'json' as const, file: first, text: '{}'},
      {format: 'sarif' as const, file: path.join(blocker, 'x.sarif'), text: '{}'},
    ]
    await expect(writeOutputs(outputs, (t) => (stdout += t))).rejects.toThrow(/cannot write the sarif report/)
    expect(existsSync(first)).toBe(false)
    // Refused before anything was written: not even the folder of the first report was made.
    expect(existsSync(path.dirname(first))).toBe(false)
    expect(stdout).toBe('')
  })
})
