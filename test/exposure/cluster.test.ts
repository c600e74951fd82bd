/** `map` and `reach` over a live cluster (the test API server), read as `lint --cluster` reads it. */
import {execFile} from 'node:child_process'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {apiServerForTests} from '../support/api-server-fixture.js'
import {REPO} from '../support/rule-tester.js'

const api = apiServerForTests({forbidden: [{group: 'networking.k8s.io', resource: 'networkpolicies'}]}, 'k8s-net-map-')
const {tmp} = api

function cli(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO, 'bin', 'run.cjs'), ...args],
      {cwd: REPO, env: {...process.env, NODE_ENV: 'production', NO_COLOR: '1', OCLIF_COLUMNS: '1000', KUBECONFIG: '', HOME: tmp}, encoding: 'utf8'},
      (error, stdout, stderr) => resolve({code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr}),
    )
  })
}

describe('k8s-net map --cluster', () => {
  it('maps the cluster; where NetworkPolicies could not be read, every verdict is unknown, never open', async () => {
    const run = await cli(['map', '--cluster', '--kubeconfig', api.server.kubeconfig(path.join(tmp, 'ok.yaml')), '--format', 'json'])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as {workloads: Array<{workload: {file: string | null}; paths: Array<{hops: Array<{type: string; verdict: {status: string; decisions: Array<{text: string}>} | null}>}>}>}
    expect(report.workloads.length).toBeGreaterThan(0)
    expect(report.workloads.every((w) => w.workload.file === null)).toBe(true)
    // hostNetwork pods are open whatever the policies say: they select no such pod.
    const verdicts = report.workloads.flatMap((w) => w.paths.flatMap((p) => p.hops.flatMap((h) => (h.verdict && h.type !== 'host-network' ? [h.verdict] : []))))
    expect(verdicts.length).toBeGreaterThan(0)
    expect(new Set(verdicts.map((v) => v.status))).toEqual(new Set(['unknown']))
    expect(verdicts[0]!.decisions[0]!.text).toMatch(/^unknown: the NetworkPolicies of namespace \S+ could not be read$/)
    expect(run.stderr).toContain('forbidden: cannot list networkpolicies.networking.k8s.io')
  })
})
