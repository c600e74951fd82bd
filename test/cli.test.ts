/** The built CLI end to end: what a user and a CI job see. `npm test` builds dist/ first. */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {type CliResult, runCli} from './support/cli.js'
import {REPO} from './support/rule-tester.js'
import {scratchDir} from './support/scratch.js'

const INVALID = 'fixtures/nodeport-conflict/invalid/across-namespaces.yaml'
const CLEAN = 'fixtures/scenarios/clean-app.yaml'
const noStackTrace = (text: string): void => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)

describe('k8s-net lint', () => {
  it('prints each finding at its line:column and exits 1 on an invalid fixture', () => {
    const run = runCli(['lint', INVALID])
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(INVALID)
    expect(run.stdout).toMatch(/^ {2}26:17 {2}error {4}nodePort 30080 is already claimed by Service team-a\/web .* {2}nodeport-conflict$/m)
    expect(run.stdout).toMatch(/^✖ \d+ problems? \(1 error, \d+ warnings?, \d+ infos?\) in 2 objects from 1 file$/m)
  })

  it('prints nothing and exits 0 on an application every rule passes', () => {
    const run = runCli(['lint', CLEAN])
    expect(run).toEqual({status: 0, stdout: '', stderr: ''})
  })

  it('reads standard input once: - as a path and as --context is linted, located', () => {
    const run = runCli(['lint', '-', '--context', '-', '--format', 'json'], {input: readFileSync(path.join(REPO, INVALID), 'utf8')})
    const findings = (JSON.parse(run.stdout) as {findings: Array<{ruleId: string; file: string; start: {line: number} | null}>}).findings
    expect(findings.find((f) => f.ruleId === 'nodeport-conflict')).toMatchObject({file: '<stdin>', start: {line: 26}})
  })

  it('reads standard input with -, reporting against <stdin>', () => {
    const fromFile = runCli(['lint', INVALID, '--format', 'json'])
    const fromStdin = runCli(['lint', '-', '--format', 'json'], {input: readFileSync(path.join(REPO, INVALID), 'utf8')})
    expect(fromStdin.status).toBe(1)
    const strip = (text: string) => JSON.parse(text.replaceAll(INVALID, '<stdin>')) as unknown
    expect(JSON.parse(fromStdin.stdout)).toEqual(strip(fromFile.stdout))
    expect((JSON.parse(fromStdin.stdout) as {findings: Array<{file: string}>}).findings[0]!.file).toBe('<stdin>')
  })

  it('lints the good documents around a broken one, without a stack trace', () => {
    const run = runCli(['lint', '-'], {
      input: 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 1, nodePort: 5}]}\n---\nkind: [\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {ports: [{port: 1, nodePort: 6}]}\n',
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/4:\d+ +error +nodePort 5 on a Service of type ClusterIP/)
    expect(run.stdout).toMatch(/6:\d+ +error +invalid YAML/)
    expect(run.stdout).toMatch(/11:\d+ +error +nodePort 6 on a Service of type ClusterIP/)
    noStackTrace(run.stdout + run.stderr)
  })

  it('writes JSON in the documented shape', () => {
    const run = runCli(['lint', INVALID, '--format', 'json'])
    const report = JSON.parse(run.stdout) as {version: number; findings: Array<{ruleId: string; severity: string}>; summary: unknown}
    expect(report.version).toBe(1)
    expect(report.findings.find((f) => f.ruleId === 'nodeport-conflict')).toMatchObject({
      ruleId: 'nodeport-conflict',
      severity: 'error',
      object: {apiVersion: 'v1', kind: 'Service', namespace: 'team-b', name: 'web'},
      file: INVALID,
      start: {line: 26, column: 17},
      end: {line: 26, column: 22},
    })
    const count = (severity: string) => report.findings.filter((f) => f.severity === severity).length
    expect(report.summary).toEqual({errors: count('error'), warnings: count('warning'), infos: count('info'), files: 1, objects: 2, suppressed: 0, skipped: 0})
    expect(count('error')).toBe(1)
  })

  describe('exit codes', () => {
    const warningOnly = 'fixtures/invalid-object/invalid/list-item.yaml'

    it('warnings alone pass by default', () => {
      expect((runCli(['lint', warningOnly])).status).toBe(0)
    })

    it('--fail-on warning makes them fail', () => {
      expect((runCli(['lint', warningOnly, '--fail-on', 'warning'])).status).toBe(1)
    })

    it('--max-warnings fails when there are more', () => {
      expect((runCli(['lint', warningOnly, '--max-warnings', '1'])).status).toBe(0)
      expect((runCli(['lint', warningOnly, '--max-warnings', '0'])).status).toBe(1)
    })

    it('a rule turned off on the command line does not fail the run', () => {
      const run = runCli(['lint', INVALID, '--rule', 'nodeport-conflict=off'])
      expect(run.stdout).not.toMatch(/ nodeport-conflict$/m)
      expect(run.status).toBe(0)
    })

    it('no path is a usage error that says what to pass', () => {
      const run = runCli(['lint'])
      expect(run.status).toBe(2)
      expect(run.stderr.replaceAll(/\s*›\s*/g, ' ')).toMatch(/no input: pass files, directories or glob patterns to lint, - to read standard input .*, or --cluster/)
      noStackTrace(run.stderr)
    })

    it('a missing path is exit 2 naming it', () => {
      const run = runCli(['lint', 'no/such/file.yaml'])
      expect(run.status).toBe(2)
      expect(run.stderr).toContain('no such file or directory: no/such/file.yaml')
      noStackTrace(run.stderr)
    })

    it('a bad config file is exit 2 naming file, key and line', () => {
      const dir = scratchDir('k8s-net-cli-')
      writeFileSync(path.join(dir, '.k8s-net.yaml'), 'rules:\n  no-such-rule: off\n')
      writeFileSync(path.join(dir, 'svc.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n')
      const run = runCli(['lint', 'svc.yaml'], {cwd: dir})
      expect(run.status).toBe(2)
      expect(run.stderr).toContain('.k8s-net.yaml:2: rules.no-such-rule: unknown rule id')
      noStackTrace(run.stderr)
    })

    it('a directory that holds no manifest is exit 2, as a glob that matches nothing', () => {
      const dir = scratchDir('k8s-net-empty-')
      writeFileSync(path.join(dir, 'README.md'), '# not a manifest\n')
      const run = runCli(['lint', dir])
      expect(run.status).toBe(2)
      expect(run.stderr).toContain(`no .yaml, .yml or .json files in directory ${dir}`)
    })

    it('--rule takes exactly id=severity', () => {
      const run = runCli(['lint', INVALID, '--rule', 'nodeport-exposed=off=x'])
      expect(run.status).toBe(2)
      expect(run.stderr).toMatch(/--rule: nodeport-exposed: severity must be off, info, warning or/)
    })

    it('--output-file with no format to receive it is a usage error', () => {
      const run = runCli(['lint', INVALID, '--format', `sarif=${path.join(tmpdir(), 'k8s-net-unused.sarif')}`, '--output-file', path.join(tmpdir(), 'k8s-net-unused.txt')])
      expect(run.status).toBe(2)
      expect(run.stderr).toMatch(/--output-file .* takes the report of a --format without/)
    })

    it('a glob that matches nothing is exit 2', () => {
      const run = runCli(['lint', 'fixtures/**/*.nothing'])
      expect(run.status).toBe(2)
      expect(run.stderr).toContain('no files match the pattern fixtures/**/*.nothing')
    })
  })

  describe('colour', () => {
    const ansi = /\u001B\[/
    it('is off when NO_COLOR is set, even when forced', () => {
      expect((runCli(['lint', INVALID], {env: {NO_COLOR: '1', FORCE_COLOR: '1'}})).stdout).not.toMatch(ansi)
    })

    it('--color and --no-color decide over the environment', () => {
      expect((runCli(['lint', INVALID, '--color'], {env: {NO_COLOR: '1'}})).stdout).toMatch(ansi)
      expect((runCli(['lint', INVALID, '--no-color'], {env: {FORCE_COLOR: '1'}})).stdout).not.toMatch(ansi)
    })
  })

  it('lints directories recursively and globs', () => {
    const dir = runCli(['lint', 'fixtures/nodeport-conflict', '--format', 'json'])
    const glob = runCli(['lint', 'fixtures/nodeport-conflict/**/*.yaml', '--format', 'json'])
    const summary = (run: CliResult) => (JSON.parse(run.stdout) as {summary: {files: number; objects: number}}).summary
    // Every .yaml file below the folder, counted here apart from the CLI.
    const count = (dir: string): number =>
      readdirSync(path.join(REPO, dir), {withFileTypes: true}).reduce((n, e) => n + (e.isDirectory() ? count(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? 1 : 0), 0)
    expect(summary(dir).files).toBe(count('fixtures/nodeport-conflict'))
    expect(summary(dir).files).toBeGreaterThan(5)
    expect(summary(glob)).toEqual(summary(dir))
  })
})

describe('k8s-net rules', () => {
  it('lists every rule with id, default severity and description', () => {
    const run = runCli(['rules'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^nodeport-conflict +error +Two Services claim the same nodePort/m)
  })
})
