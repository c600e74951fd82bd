/**
 * The built command on hostile input: a defined exit code (0 clean, 1
 * findings, 2 usage, config or input error), the file and line of each
 * problem, and never a stack trace.
 */
import {spawn, spawnSync} from 'node:child_process'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {aliasBomb, binary, deepJson, helmTemplate, invalidUtf8, selfAlias, serviceWithFinding} from './inputs.js'
import {lineOf, tempDir} from './support.js'

const BIN = path.resolve(import.meta.dirname, '../../bin/run.cjs')

/** The environment of a user's shell: vitest's NODE_ENV=test would make oclif look for TypeScript sources. */
const ENV: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'}
delete ENV.NODE_ENV
delete ENV.VITEST

function k8sNet(args: string[], cwd: string, input?: string | Buffer) {
  const run = spawnSync(process.execPath, [BIN, ...args], {cwd, input, encoding: 'utf8', env: ENV})
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}

const STACK_TRACE = /\n\s+at /

/** Standard error on one line: oclif wraps its messages to the terminal's width and marks each line with ›. */
const flat = (stderr: string): string => stderr.replaceAll(/\s*›\s*/g, ' ').replaceAll(/\s+/g, ' ')

describe('the command on hostile input', () => {
  const {dir, write} = tempDir('cli')
  const hostile = tempDir('cli-hostile')
  hostile.write('bomb.yaml', aliasBomb())
  hostile.write('self.yaml', selfAlias)
  hostile.write('deep.json', deepJson(10_000))
  hostile.write('image.yaml', binary)
  hostile.write('latin1.yaml', invalidUtf8)
  hostile.write('chart.yaml', helmTemplate)
  hostile.write('service.yaml', serviceWithFinding)

  it('reports each hostile file at its line, lints the valid one, exits 1, prints no stack trace', () => {
    const run = k8sNet(['lint', '.'], hostile.dir)
    expect(run.status).toBe(1)
    expect(run.stderr).toBe('')
    for (const file of ['bomb.yaml', 'self.yaml', 'deep.json', 'image.yaml', 'latin1.yaml', 'chart.yaml']) {
      expect(run.stdout).toMatch(new RegExp(`^${file.replace('.', '\\.')}\\n  \\d+:\\d+ +error .* invalid-yaml$`, 'm'))
    }

    // The valid file is linted like any other (other rules may report on it too).
    expect(run.stdout).toMatch(/^service\.yaml$/m)

    expect(run.stdout).toContain(`${lineOf(serviceWithFinding, 'nodePort: 80')}:15  error    nodePort 80 is outside the node port range`)
    expect(run.stdout).toContain('helm template . | k8s-net lint -')
  })

  it('gives stable JSON for the same input', () => {
    const run = k8sNet(['lint', '.', '--format', 'json'], hostile.dir)
    expect(run.status).toBe(1)
    const report = JSON.parse(run.stdout) as {findings: Array<{file: string; start: {line: number} | null}>}
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['bomb.yaml', 'chart.yaml', 'deep.json', 'image.yaml', 'latin1.yaml', 'self.yaml', 'service.yaml']))
    for (const f of report.findings) expect(f.start?.line).toBeGreaterThan(0)
  })

  it('reads hostile standard input the same way', () => {
    const binaryRun = k8sNet(['lint', '-'], dir, binary)
    expect(binaryRun.status).toBe(1)
    expect(binaryRun.stdout).toContain('<stdin>\n  1:1  error    binary standard input (it holds NUL bytes), not YAML or JSON: not read')
    const helmRun = k8sNet(['lint', '-'], dir, helmTemplate)
    expect(helmRun.status).toBe(1)
    expect(helmRun.stdout).toContain('helm template . | k8s-net lint -')
    for (const run of [binaryRun, helmRun]) expect(run.stderr).not.toMatch(STACK_TRACE)
  })

  it('exits 2 on standard input that holds no object: a failed helm template before the pipe does not pass', () => {
    for (const input of ['', '# Source: chart/templates/nothing.yaml\n---\n']) {
      const run = k8sNet(['lint', '-'], dir, input)
      expect(run.status).toBe(2)
      expect(flat(run.stderr)).toContain('standard input holds no Kubernetes object (it is empty, or only comments): did the command before the pipe fail?')
      expect(run.stderr).not.toMatch(STACK_TRACE)
    }
  })

  it('stops reading standard input past the size limit: an endless stream ends the run, it does not fill memory', async () => {
    write('.k8s-net.yaml', 'limits:\n  maxFileBytes: 100000\n')
    try {
      const child = spawn(process.execPath, [BIN, 'lint', '-'], {cwd: dir, env: ENV, timeout: 60_000})
      let stdout = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
      child.stdin.on('error', () => {}) // EPIPE once k8s-net has stopped reading
      const chunk = Buffer.from(`# ${'x'.repeat(64 * 1024)}\n`)
      const feed = (): void => {
        while (child.stdin.writable && child.stdin.write(chunk));
        if (child.stdin.writable) child.stdin.once('drain', feed)
      }

      feed()
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
      expect(stdout).toContain('standard input is over the limit of 100000 bytes (limits.maxFileBytes): not read')
      expect(status).toBe(1)
    } finally {
      write('.k8s-net.yaml', 'rules: {}\n')
    }
  })

  it('warns on standard error, and lints without it, when the config file found is writable by others', async () => {
    const {chmodSync} = await import('node:fs')
    const open = tempDir('cli-open-config')
    open.write('.k8s-net.yaml', 'rules:\n  nodeport-out-of-range: off\n')
    open.write('service.yaml', serviceWithFinding)
    chmodSync(path.join(open.dir, '.k8s-net.yaml'), 0o666)
    const run = k8sNet(['lint', 'service.yaml'], open.dir)
    expect(run.status).toBe(1)
    expect(flat(run.stderr)).toContain('ignoring .k8s-net.yaml: other users can write it (mode 666): chmod go-w it to use it')
    expect(run.stdout).toContain('nodeport-out-of-range')
  })

  it('exits 0, silently, on clean input', () => {
    write('clean.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: quiet\ndata:\n  greeting: hello\n')
    const run = k8sNet(['lint', 'clean.yaml'], dir)
    expect(run).toEqual({status: 0, stdout: '', stderr: ''})
  })

  it('exits 2 with a message, and no stack trace, for usage, input and config errors', () => {
    write('service.yaml', serviceWithFinding)
    write('bad-limits.yaml', 'limits:\n  maxDepth: -1\n')
    write('bad-yaml.yaml', 'limits: [\n')
    const cases: Array<[string[], RegExp]> = [
      [['lint'], /no input: pass files, directories or glob patterns/],
      [['lint', 'missing.yaml'], /no such file or directory: missing\.yaml/],
      [['lint', 'nothing/*.yaml'], /no files match the pattern nothing\/\*\.yaml/],
      [['lint', 'service.yaml', '--config', 'bad-limits.yaml'], /bad-limits\.yaml:2: limits\.maxDepth: must be a positive whole number/],
      [['lint', 'service.yaml', '--config', 'bad-yaml.yaml'], /bad-yaml\.yaml:\d+: invalid YAML/],
      [['lint', 'service.yaml', '--format', 'nope'], /unknown format "nope"/],
    ]
    for (const [args, message] of cases) {
      const run = k8sNet(args, dir)
      expect({args, status: run.status}).toEqual({args, status: 2})
      expect(run.stderr).toMatch(message)
      expect(run.stderr).not.toMatch(STACK_TRACE)
    }
  })
})
