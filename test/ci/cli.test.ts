/**
 * The lint command as CI runs it: several reports in one run, exit codes,
 * and --context beside the files a pre-commit hook passes.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {runCli} from '../support/cli.js'
import {REPO} from '../support/rule-tester.js'
import {sarifValidator} from '../support/sarif-schema.js'
import {parseXml} from '../support/xml.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-cli-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const service = (name: string, nodePort: number): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      nodePort: ${nodePort}\n`

describe('lint in CI', () => {
  it('prints stylish and writes SARIF and JUnit in one run, exit 1 on the error', () => {
    const sarifFile = path.join(dir, 'out', 'k8s-net.sarif')
    const junitFile = path.join(dir, 'out', 'junit.xml')
    const r = runCli(['lint', 'examples/', '--format', 'stylish', '--format', `sarif=${sarifFile}`, '-f', `junit=${junitFile}`])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    // examples/shop.yaml line 30 is "      nodePort: 30080": the value starts at column 17 and ends before 22.
    expect(r.stdout).toContain('30:17  error    nodePort 30080 is already claimed by Service shop/storefront')
    const log = JSON.parse(readFileSync(sarifFile, 'utf8')) as {runs: Array<{tool: {driver: {version: string}}; results: Array<{ruleId: string; locations: unknown[]}>}>}
    expect(sarifValidator()(log)).toBe(true)
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {version: string}
    expect(log.runs[0]!.tool.driver.version).toBe(pkg.version)
    expect(log.runs[0]!.results.find((r) => r.ruleId === 'nodeport-conflict')!.locations[0]).toMatchObject({
      physicalLocation: {artifactLocation: {uri: 'examples/shop.yaml'}, region: {startLine: 30, startColumn: 17, endLine: 30, endColumn: 22}},
    })
    const junit = parseXml(readFileSync(junitFile, 'utf8'))
    // Other rules report warnings and infos on the example too; only the one error fails.
    expect(junit.attributes).toMatchObject({failures: '1'})
  })

  it('--output-file takes the one format without a file', () => {
    const out = path.join(dir, 'github.txt')
    const r = runCli(['lint', 'examples/shop.yaml', '--format', 'github', '--output-file', out])
    expect(r.stdout).toBe('')
    expect(r.status).toBe(1)
    const lines = readFileSync(out, 'utf8').split('\n')
    expect(lines.filter((l) => l.startsWith('::error'))).toEqual([
      '::error file=examples/shop.yaml,line=30,col=17,endLine=30,endColumn=21,title=nodeport-conflict::nodePort 30080 is already claimed by Service shop/storefront (port http, at examples/shop.yaml:15:17): node ports are cluster-wide',
    ])
  })

  it('two reports for standard output, or an unknown format, are usage errors (exit 2) and lint nothing', () => {
    const both = runCli(['lint', 'examples/', '--format', 'stylish', '--format', 'json'])
    expect(both.status).toBe(2)
    expect(both.stdout).toBe('')
    expect(both.stderr).toContain('stylish and json would both go to standard output')
    const unknown = runCli(['lint', 'examples/', '--format', 'checkstyle'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('unknown format "checkstyle"')
  })

  it('a report that cannot be written is exit 2 with the reason, not a stack trace', () => {
    writeFileSync(path.join(dir, 'blocker'), '')
    const r = runCli(['lint', 'examples/', '--format', `sarif=${path.join(dir, 'blocker', 'x.sarif')}`])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('cannot write the sarif report to')
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  describe('--context with the files a hook passes after it', () => {
    const app = path.join(dir, 'app')
    mkdirSync(path.join(app, 'k8s'), {recursive: true})
    writeFileSync(path.join(app, 'k8s', 'a.yaml'), service('a', 30080))
    writeFileSync(path.join(app, 'k8s', 'b.yaml'), service('b', 30080))
    writeFileSync(path.join(app, 'k8s', 'c.yaml'), service('c', 30090))

    it('takes one value: the files after it are linted, and one inside the context is not its own reference', () => {
      const r = runCli(['lint', '--context', 'k8s/', 'k8s/c.yaml', '--format', 'json'], {cwd: app})
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
      const report = JSON.parse(r.stdout) as {findings: Array<{ruleId: string}>; summary: {objects: number}}
      expect(report.findings.filter((f) => f.ruleId === 'nodeport-conflict')).toEqual([])
      expect(report.summary.objects).toBe(1)
    })

    it('finds the conflict with a context file, reported on the linted one only', () => {
      const r = runCli(['lint', '--context', 'k8s/', 'k8s/b.yaml', '--format', 'json'], {cwd: app})
      expect(r.status).toBe(1)
      const findings = (JSON.parse(r.stdout).findings as Array<{ruleId: string; file: string; start: {line: number; column: number}; message: string}>).filter(
        (f) => f.ruleId === 'nodeport-conflict',
      )
      // k8s/b.yaml line 11 is "      nodePort: 30080"; a.yaml claims it at the same place.
      expect(findings.map((f) => [f.file, f.start.line, f.start.column])).toEqual([['k8s/b.yaml', 11, 17]])
      expect(findings[0]!.message).toContain('already claimed by Service default/a (port 80, at k8s/a.yaml:11:17)')
    })

    it('--rule takes one value too', () => {
      const r = runCli(['lint', '--rule', 'nodeport-conflict=off', 'k8s/a.yaml', 'k8s/b.yaml'], {cwd: app})
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
    })
  })

  it('--stdin-filename names standard input in every format', () => {
    const input = `${service('a', 30080)}---\n${service('b', 30080)}`
    const name = 'chart/rendered.yaml'
    const base = ['lint', '-', '--stdin-filename', name]
    const stylish = runCli(base, {cwd: dir, input})
    expect(stylish.status).toBe(1)
    expect(stylish.stdout).toContain(`${name}\n`)
    expect(stylish.stdout).toContain(`23:17  error    nodePort 30080 is already claimed by Service default/a (port 80, at ${name}:11:17)`)
    expect(stylish.stdout).not.toContain('<stdin>')
    const github = runCli([...base, '--format', 'github'], {cwd: dir, input})
    expect(github.stdout).toContain(`::error file=${name},line=23,col=17,`)
    const json = JSON.parse(runCli([...base, '--format', 'json'], {cwd: dir, input}).stdout) as {findings: Array<{file: string}>}
    expect(new Set(json.findings.map((f) => f.file))).toEqual(new Set([name]))
    const junit = parseXml(runCli([...base, '--format', 'junit'], {cwd: dir, input}).stdout)
    expect(junit.children.map((s) => s.attributes.name)).toEqual([name])
    const sarif = JSON.parse(runCli([...base, '--format', 'sarif', '--sarif-root', dir], {cwd: dir, input}).stdout) as {runs: Array<{results: Array<{locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>}
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(name)
    // Without standard input to name, it is a usage error.
    const misused = runCli(['lint', 'x.yaml', '--stdin-filename', name], {cwd: dir})
    expect(misused.status).toBe(2)
    expect(misused.stderr).toContain('--stdin-filename names standard input')
  })

  it('SARIF locations are relative to the repository root, from whatever folder k8s-net runs in, or to --sarif-root', () => {
    const repo = path.join(dir, 'repo')
    mkdirSync(path.join(repo, 'deploy', 'k8s'), {recursive: true})
    expect(spawnSync('git', ['init', '-q', repo]).status).toBe(0)
    writeFileSync(path.join(repo, 'deploy', 'k8s', 'a.yaml'), service('a', 30080))
    const uriOf = (args: string[], cwd: string): {uri: string; root: string} => {
      const r = runCli(['lint', ...args, '--format', 'sarif', '--fail-on', 'error'], {cwd})
      expect(r.stderr).toBe('')
      const log = JSON.parse(r.stdout) as {runs: Array<{originalUriBaseIds: Record<string, {uri: string}>; results: Array<{locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>}
      expect(sarifValidator()(log)).toBe(true)
      return {uri: log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, root: log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri}
    }

    const fromSubfolder = uriOf(['k8s/a.yaml'], path.join(repo, 'deploy'))
    expect(fromSubfolder).toEqual({uri: 'deploy/k8s/a.yaml', root: `file://${repo}/`})
    expect(uriOf(['deploy/k8s/a.yaml'], repo)).toEqual(fromSubfolder)
    expect(uriOf(['k8s/a.yaml', '--sarif-root', '.'], path.join(repo, 'deploy'))).toEqual({uri: 'k8s/a.yaml', root: `file://${repo}/deploy/`})
  })
})
