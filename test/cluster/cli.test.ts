/**
 * `k8s-net lint --cluster` as users run it: the built CLI (bin/run.cjs, dist/)
 * against the test API server. Exit codes and messages for a dead server, a
 * bad token, a TLS failure and a server that never answers; warnings for 403s;
 * and the proof that linting files never loads the cluster client.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {apiServerForTests} from '../support/api-server-fixture.js'
import {type AsyncCliResult, runCliAsync} from '../support/cli-async.js'
import {deadAddress, silentServer, writeKubeconfig} from '../support/fake-apiserver.js'
import {FIXTURES} from '../support/rule-tester.js'

const api = apiServerForTests({forbidden: [{group: 'networking.k8s.io', resource: 'networkpolicies'}]}, 'k8s-net-cli-')
const {tmp} = api

type Run = AsyncCliResult

/** Runs the built CLI without blocking this process (the test API server lives in it). */
const cli = (args: string[], options: {nodeArgs?: string[]; env?: NodeJS.ProcessEnv} = {}): Promise<Run> => runCliAsync(args, {home: tmp, ...options})

/** The rules these tests look at, by turning the others off: the catalogue is much larger. */
const FOCUS = new Set(['service-no-endpoints', 'loadbalancer-pending', 'nodeport-conflict'])
let focus: string[] = []
beforeAll(async () => {
  const {loadRules} = await import('../../src/engine/registry.js')
  focus = (await loadRules()).filter((r) => !FOCUS.has(r.meta.id)).flatMap((r) => ['--rule', `${r.meta.id}=off`])
})

describe('k8s-net lint --cluster', () => {
  it('lints the cluster, warns about what it may not read, and exits by the findings', async () => {
    const kubeconfig = api.server.kubeconfig(path.join(tmp, 'ok.yaml'))
    const run = await cli(['lint', '--cluster', '--kubeconfig', kubeconfig, '--fail-on', 'warning', ...focus])
    expect(run.stderr).toContain('forbidden: cannot list networkpolicies.networking.k8s.io, so rules that would look for a NetworkPolicy there say nothing. Missing permission: verb "list" on resource "networkpolicies" in API group "networking.k8s.io"')
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      'cluster',
      expect.stringMatching(/^ {2}Service shop\/cart +warning {2}Service has no ready endpoint/),
      expect.stringMatching(/^ {2}Service shop\/checkout +warning {2}Service has no endpoints/),
      expect.stringMatching(/^ {2}Service shop\/storefront +warning {2}LoadBalancer Service has no external address/),
    ])
    expect(run.code).toBe(1)
  })

  it('takes the kubeconfig from KUBECONFIG and the context from --kube-context, and reads the namespaces given', async () => {
    const kubeconfig = api.server.kubeconfig(path.join(tmp, 'env.yaml'), {context: 'shop-prod'})
    const run = await cli(['lint', '--cluster', '--kube-context', 'shop-prod', '-n', 'ingress-nginx', '-n', 'default', '--format', 'json', ...focus], {env: {KUBECONFIG: kubeconfig}})
    expect(run.stderr).toContain('cannot list networkpolicies.networking.k8s.io in namespace ingress-nginx')
    expect(run.stderr).toContain('cannot list networkpolicies.networking.k8s.io in namespace default')
    const json = JSON.parse(run.stdout) as {findings: unknown[]; summary: {objects: number}}
    expect(json.findings).toEqual([])
    // Namespaces default and ingress-nginx, their Services, EndpointSlices, the controller's Deployment and its Pod... and the IngressClass is reference.
    expect(json.summary.objects).toBeGreaterThan(4)
    expect(run.code).toBe(0)
  })

  it.each([
    {name: 'a file and several --namespace', args: ['lint', 'examples/', '--cluster', '-n', 'a', '-n', 'b'], error: '--namespace takes one value when linting files'},
    {name: '--kube-context without --cluster', args: ['lint', 'examples/', '--kube-context', 'prod'], error: '--cluster'},
  ])('refuses $name (exit 2)', async ({args, error}) => {
    const run = await cli(args)
    expect(run.stderr).toContain(error)
    expect(run.code).toBe(2)
  })

  describe.concurrent('a cluster that cannot be read is an error (exit 2), without a stack trace', () => {
    it('nothing listens at the address', async () => {
      const kubeconfig = writeKubeconfig(path.join(tmp, 'dead.yaml'), {server: await deadAddress(), token: 't'})
      const run = await cli(['lint', '--cluster', '--kubeconfig', kubeconfig, '--request-timeout', '2s'])
      expect(run.stderr).toMatch(/cannot reach the API server https:\/\/127\.0\.0\.1:\d+ \(context fake-cluster\): connection refused/)
      expect(run.stderr).not.toMatch(/\n\s+at /)
      expect(run.code).toBe(2)
    })

    it('the server never answers: the deadline of --request-timeout', async () => {
      const silent = await silentServer()
      try {
        const kubeconfig = writeKubeconfig(path.join(tmp, 'silent.yaml'), {server: silent.url, token: 't'})
        const run = await cli(['lint', '--cluster', '--kubeconfig', kubeconfig, '--request-timeout', '1s'])
        expect(run.stderr).toContain(`no answer from the API server ${silent.url} (context fake-cluster) within 1s (--request-timeout)`)
        expect(run.code).toBe(2)
        } finally {
        await silent.close()
      }
    })

    it('the token is refused (401)', async () => {
      const kubeconfig = api.server.kubeconfig(path.join(tmp, 'bad-token.yaml'), {token: 'expired'})
      const run = await cli(['lint', '--cluster', '--kubeconfig', kubeconfig, '--request-timeout', '2s'])
      expect(run.stderr).toContain(`the API server ${api.server.url} refused the credentials of user ci (context fake-cluster): 401 Unauthorized`)
      expect(run.stderr).not.toMatch(/\n\s+at /)
      expect(run.code).toBe(2)
    })

    it('the server certificate is not trusted (TLS)', async () => {
      const kubeconfig = api.server.kubeconfig(path.join(tmp, 'no-ca.yaml'), {trustCa: false})
      const run = await cli(['lint', '--cluster', '--kubeconfig', kubeconfig, '--request-timeout', '2s'])
      expect(run.stderr).toMatch(/TLS with the API server https:\/\/127\.0\.0\.1:\d+ \(context fake-cluster\) failed: .*certificate.*Check the cluster's certificate-authority/)
      expect(run.code).toBe(2)
    })
  })

  it('files with --cluster: the cluster is reference, findings are on the files', async () => {
    const kubeconfig = api.server.kubeconfig(path.join(tmp, 'with-files.yaml'))
    const manifest = path.join('fixtures', 'cluster', 'manifests', 'new-service.yaml')
    const run = await cli(['lint', manifest, '--cluster', '--kubeconfig', kubeconfig, ...focus])
    expect(run.stdout).toContain(`${manifest}\n  15:17  error    nodePort 30080 is already claimed by Service shop/storefront (port http): node ports are cluster-wide  nodeport-conflict`)
    expect(run.stdout).not.toContain('loadbalancer-pending')
    expect(run.code).toBe(1)
  })
})

describe('linting files does not load the cluster client', () => {
  // A module hook (in its own thread) writes down every module of src/cluster that is resolved.
  const hooks = path.join(tmp, 'hooks.mjs')
  const register = path.join(tmp, 'register.mjs')
  writeFileSync(
    hooks,
    `import {appendFileSync} from 'node:fs'
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  if (result.url.includes('/dist/src/cluster/')) appendFileSync(process.env.K8S_NET_TRACE, result.url + '\\n')
  return result
}
`,
  )
  writeFileSync(register, `import {register} from 'node:module'\nregister(${JSON.stringify(new URL(`file://${hooks}`).href)})\n`)
  const traced = async (args: string[], name: string): Promise<{run: Run; loaded: string[]}> => {
    const trace = path.join(tmp, `${name}.trace`)
    writeFileSync(trace, '')
    const run = await cli(args, {nodeArgs: ['--import', register], env: {K8S_NET_TRACE: trace}})
    return {run, loaded: readFileSync(trace, 'utf8').split('\n').filter(Boolean)}
  }

  it('files only: no module of it is resolved', async () => {
    const {run, loaded} = await traced(['lint', path.join(FIXTURES, 'cluster', 'manifests', 'new-service.yaml')], 'files')
    expect(run.code).toBe(0)
    expect(loaded).toEqual([])
  })

  it('--cluster: it is (the hook sees it when it is there)', async () => {
    const kubeconfig = api.server.kubeconfig(path.join(tmp, 'traced.yaml'))
    const {run, loaded} = await traced(['lint', '--cluster', '--kubeconfig', kubeconfig], 'cluster')
    expect(run.code).toBe(0)
    expect(loaded.some((url) => url.endsWith('/dist/src/cluster/api.js'))).toBe(true)
  })
})
