/**
 * The GitHub Action (action.yml), its steps run by bash as the runner runs a
 * composite action (`bash --noprofile --norc -eo pipefail`), in a simulated
 * GITHUB_* environment: the action's checkout (what the repository ships:
 * bin/run.cjs, lib/, package.json and its lockfile) in GITHUB_ACTION_PATH,
 * a project in GITHUB_WORKSPACE, step outputs in GITHUB_OUTPUT. The install
 * step runs npm ci for real (from the npm cache when it holds the packages).
 */
import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {REPO} from '../support/rule-tester.js'

interface Step {
  name: string
  id?: string
  shell: string
  run: string
  env?: Record<string, string>
  'working-directory'?: string
}

interface Action {
  name: string
  description: string
  inputs: Record<string, {description: string; required: boolean; default: string}>
  outputs: Record<string, {description: string; value: string}>
  runs: {using: string; steps: Step[]}
}

const action = parse(readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as Action

const service = (name: string, nodePort: number): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      nodePort: ${nodePort}\n`

describe('the GitHub Action', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-action-'))
  const actionPath = path.join(tmp, 'action')
  afterAll(() => rmSync(tmp, {recursive: true, force: true}))

  /** `${{ … }}` of a step, for the given inputs; any other expression is a mistake in action.yml. */
  const expand = (text: string, inputs: Record<string, string>): string =>
    text.replaceAll(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      if (expression === 'github.action_path') return actionPath
      const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1]
      if (input !== undefined && input in action.inputs) return inputs[input] ?? action.inputs[input]!.default
      throw new Error(`action.yml: unknown expression \${{ ${expression} }}`)
    })

  /** Runs every step as the runner would, stopping at the first that fails, as the runner does. */
  const runAction = (workspace: string, inputs: Record<string, string>, steps = action.runs.steps) => {
    const output = path.join(tmp, `output-${Math.random().toString(36).slice(2)}`)
    writeFileSync(output, '')
    const github = {
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_OUTPUT: output,
      GITHUB_ENV: path.join(tmp, 'env'),
      GITHUB_STEP_SUMMARY: path.join(tmp, 'summary'),
      RUNNER_TEMP: tmp,
    }
    const results: Array<{name: string; status: number | null; stdout: string; stderr: string}> = []
    for (const step of steps) {
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs)]))
      const cwd = step['working-directory'] ? expand(step['working-directory'], inputs) : workspace
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run, inputs)], {
        cwd,
        env: {...process.env, NODE_ENV: undefined, FORCE_COLOR: undefined, npm_config_prefer_offline: 'true', ...github, ...env},
        encoding: 'utf8',
        timeout: 240_000,
      })
      results.push({name: step.name, status: r.status, stdout: r.stdout, stderr: r.stderr})
      if (r.status !== 0) break
    }

    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('=', 2) as [string, string]),
    )
    return {results, outputs}
  }

  beforeAll(() => {
    mkdirSync(path.join(actionPath, 'bin'), {recursive: true})
    for (const file of ['package.json', 'package-lock.json', 'bin/run.cjs', 'lib', 'action.yml']) cpSync(path.join(REPO, file), path.join(actionPath, file), {recursive: true})
    const install = runAction(tmp, {}, action.runs.steps.slice(0, 1))
    expect(install.results[0], install.results[0]?.stderr).toMatchObject({status: 0})
  }, 300_000)

  it('declares its inputs, its output and bash steps', () => {
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs).sort()).toEqual(['args', 'context', 'fail-on', 'formats', 'paths'])
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toBeTruthy()
    expect(action.outputs['exit-code']?.value).toBe('${{ steps.lint.outputs.exit-code }}')
    for (const step of action.runs.steps) expect(step.shell, step.name).toBe('bash')
  })

  it('annotates a NodePort conflict, writes SARIF for the upload step, and fails with exit code 1', () => {
    const workspace = path.join(tmp, 'conflict')
    mkdirSync(path.join(workspace, 'k8s'), {recursive: true})
    writeFileSync(path.join(workspace, 'k8s', 'a.yaml'), service('a', 30080))
    writeFileSync(path.join(workspace, 'k8s', 'b.yaml'), service('b', 30080))
    const {results, outputs} = runAction(workspace, {paths: 'k8s/b.yaml', context: 'k8s/', formats: 'github\nsarif=reports/k8s-net.sarif'}, action.runs.steps.slice(1))
    const lint = results[0]!
    expect(lint.status, lint.stderr).toBe(1)
    expect(lint.stdout).toContain('::error file=k8s/b.yaml,line=11,col=17,endLine=11,endColumn=21,title=nodeport-conflict::nodePort 30080 is already claimed by Service default/a')
    expect(lint.stdout).not.toContain('file=k8s/a.yaml') // context only
    expect(outputs['exit-code']).toBe('1')
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'reports', 'k8s-net.sarif'), 'utf8')) as {runs: Array<{results: Array<{ruleId: string}>}>}
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toContain('nodeport-conflict')
  })

  it('passes a clean project (exit code 0), and a finding below fail-on', () => {
    const workspace = path.join(tmp, 'clean')
    mkdirSync(path.join(workspace, 'deploy'), {recursive: true})
    writeFileSync(path.join(workspace, 'deploy', 'a.yaml'), service('a', 30080))
    const {results, outputs} = runAction(workspace, {paths: 'deploy/*.yaml', 'fail-on': 'error'}, action.runs.steps.slice(1))
    expect(results[0]!.status, results[0]!.stderr).toBe(0)
    // The NodePort itself is an info: annotated, not failing.
    expect(results[0]!.stdout).toMatch(/^::notice file=deploy\/a\.yaml,line=6,col=9,.*title=nodeport-exposed::/m)
    expect(outputs['exit-code']).toBe('0')
  })

  it('fails on an info with fail-on: info, and reports a usage error as exit code 2', () => {
    const workspace = path.join(tmp, 'strict')
    mkdirSync(workspace, {recursive: true})
    writeFileSync(path.join(workspace, 'a.yaml'), service('a', 30080))
    const strict = runAction(workspace, {'fail-on': 'info'}, action.runs.steps.slice(1))
    expect(strict.results[0]!.status).toBe(1)
    const usage = runAction(workspace, {formats: 'github stylish'}, action.runs.steps.slice(1))
    expect(usage.results[0]!.status).toBe(2)
    expect(usage.results[0]!.stderr).toContain('would both go to standard output')
    expect(usage.outputs['exit-code']).toBe('2')
  })
})
