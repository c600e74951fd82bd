/**
 * The set-ups the docs show must work as shown: the versions they pin are
 * this package's, the README shows the same pre-commit config as docs/ci/,
 * the commands they run are accepted by the CLI and write the files the next
 * step reads, and the JSON example matches real output.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {json} from '../../src/formatters/json.js'
import {lintFiles} from '../../src/run.js'
import {runCli} from '../support/cli.js'
import {REPO} from '../support/rule-tester.js'

const read = (file: string): string => readFileSync(path.join(REPO, file), 'utf8')
const {version} = JSON.parse(read('package.json')) as {version: string}
const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-snippets-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** The arguments after `k8s-net` in a documented `npx --yes k8s-net@x.y.z lint …` line. */
function lintArgs(command: string): string[] {
  const m = /npx --yes k8s-net@(\S+) (lint .*)$/.exec(command.trim())
  if (!m) throw new Error(`not a k8s-net command: ${command}`)
  expect(m[1]).toBe(version)
  return m[2]!.split(/\s+/)
}

/** Runs a documented lint command on examples/ instead of k8s/, writing its reports into a scratch folder. */
function runDocumented(args: string[]): {status: number | null; stdout: string; stderr: string; cwd: string} {
  const cwd = mkdtempSync(path.join(tmp, 'run-'))
  const r = runCli(args.map((a) => (a === 'k8s/' ? path.join(REPO, 'examples') : a)), {cwd})
  return {...r, cwd}
}

describe('documented set-ups', () => {
  it('pin this version everywhere', () => {
    for (const file of ['README.md', 'docs/ci/README.md', 'docs/ci/pre-commit-config.yaml', 'docs/ci/github-actions.yml', 'docs/ci/gitlab-ci.yml']) {
      const text = read(file)
      for (const m of text.matchAll(/k8s-net@v?(\d[\w.-]*)|rev: v(\d[\w.-]*)/g)) expect(m[1] ?? m[2], `${file}: ${m[0]}`).toBe(version)
    }
  })

  it('the README shows the pre-commit config of docs/ci/', () => {
    expect(read('README.md')).toContain(read('docs/ci/pre-commit-config.yaml'))
  })

  it('GitHub Actions: the action writes the SARIF file the upload step reads', () => {
    type Step = {run?: string; uses?: string; with?: Record<string, string>}
    const workflow = parse(read('docs/ci/github-actions.yml')) as {permissions: Record<string, string>; jobs: Record<string, {steps: Step[]}>}
    expect(workflow.permissions['security-events']).toBe('write')
    const steps = Object.values(workflow.jobs)[0]!.steps
    const lint = steps.find((s) => s.uses?.startsWith('k8s-net/k8s-net@'))!
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!
    // The action's inputs as the arguments it passes (action.yml; test/ci/action.test.ts runs the action itself).
    const split = (value = ''): string[] => value.split(/\s+/).filter(Boolean)
    const inputs = lint.with ?? {}
    const args = ['lint', ...split(inputs.paths), ...split(inputs.formats).flatMap((f) => ['--format', f]), '--fail-on', inputs['fail-on'] ?? 'error']
    const r = runDocumented(args)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1) // examples/ has a NodePort conflict
    expect(r.stdout).toContain('title=nodeport-conflict::')
    const log = JSON.parse(readFileSync(path.join(r.cwd, upload.with!.sarif_file!), 'utf8')) as {version: string; runs: Array<{results: unknown[]}>}
    expect(log.version).toBe('2.1.0')
    expect(log.runs[0]!.results.length).toBeGreaterThan(0)
  })

  it('GitLab CI: the job writes the JUnit file its report names', () => {
    const ci = parse(read('docs/ci/gitlab-ci.yml')) as Record<string, {script: string[]; artifacts: {when: string; reports: {junit: string}}}>
    const job = ci['k8s-net']!
    expect(job.artifacts.when).toBe('always')
    const r = runDocumented(lintArgs(job.script.find((s) => s.includes('k8s-net'))!))
    expect(r.status).toBe(1)
    expect(readFileSync(path.join(r.cwd, job.artifacts.reports.junit), 'utf8')).toContain('<testsuites name="k8s-net"')
  })

  it('docs/json-format.md: the example finding is what k8s-net gives on examples/, field for field', async () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(read('docs/json-format.md'))![1]!
    const documented = JSON.parse(block) as {version: number; findings: Array<{ruleId: string}>; summary: Record<string, number>}
    const {result, rules} = await lintFiles(['examples/'], {cwd: REPO})
    const real = JSON.parse(json(result, {color: false, cwd: REPO, rules: rules.map((r) => r.meta), failOn: 'error'})) as typeof documented
    expect(documented.version).toBe(real.version)
    expect(real.findings).toContainEqual(documented.findings[0])
    expect(Object.keys(documented.summary)).toEqual(Object.keys(real.summary))
  })
})
