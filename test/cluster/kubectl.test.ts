/**
 * The test API server is faithful enough for kubectl: where kubectl is
 * installed, `kubectl get services -A` against it lists the Services k8s-net
 * reads. Skipped, saying so in its title, where kubectl is absent.
 */
import {execFile, spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {loadCluster} from '../../src/cluster/index.js'
import {fixtureObjects, startFakeApiServer} from '../support/fake-apiserver.js'

const hasKubectl = spawnSync('kubectl', ['version', '--client'], {encoding: 'utf8'}).status === 0
const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-kubectl-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

function kubectl(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // HOME and --cache-dir in a temporary folder: kubectl writes its discovery cache there, not in the user's.
    execFile('kubectl', ['--cache-dir', path.join(tmp, 'cache'), '--request-timeout', '20s', ...args], {encoding: 'utf8', env: {...process.env, HOME: tmp, KUBECONFIG: ''}}, (error, stdout, stderr) =>
      error ? reject(new Error(`kubectl ${args.join(' ')} failed: ${stderr || error.message}`)) : resolve(stdout),
    )
  })
}

const LIST = 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}'

describe(hasKubectl ? 'kubectl against the test API server' : 'kubectl against the test API server (skipped: kubectl is not installed)', () => {
  it.skipIf(!hasKubectl)('lists the same Services and HTTPRoutes as k8s-net reads, paging as k8s-net does', async () => {
    const server = await startFakeApiServer({maxPageSize: 4})
    try {
      const kubeconfig = server.kubeconfig(path.join(tmp, 'kubeconfig.yaml'))
      const services = (await kubectl(['--kubeconfig', kubeconfig, 'get', 'services', '-A', '-o', LIST])).split('\n').filter(Boolean)
      const routes = (await kubectl(['--kubeconfig', kubeconfig, 'get', 'httproutes.gateway.networking.k8s.io', '-A', '-o', LIST])).split('\n').filter(Boolean)
      // kubectl, too, followed continue tokens: the server pages by 4.
      const pages = Math.ceil(fixtureObjects().filter((o) => o.kind === 'Service').length / 4)
      expect(server.requests.filter((r) => r.path === '/api/v1/services')).toHaveLength(pages)
      const loaded = await loadCluster({kubeconfig}, {reference: false, settings: {systemNamespaces: []}})
      const read = (kind: string): string[] => loaded.resources.filter((r) => r.kind === kind).map((r) => `${r.namespace}/${r.name}`)
      expect(services).toEqual(read('Service'))
      expect(routes).toEqual(read('HTTPRoute'))
      expect(services).toHaveLength(fixtureObjects().filter((o) => o.kind === 'Service').length)
      expect(server.requests.every((r) => r.method === 'GET')).toBe(true)
    } finally {
      await server.close()
    }
  })
})
