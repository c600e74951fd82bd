/**
 * The Service rules on real manifests: the front doors of ingress controllers
 * are not taken for single-service load balancers, and a Service linted
 * apart from its workloads is never said to select nothing.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/config/config.js'
import {lint} from '../../src/engine/engine.js'
import {loadRules} from '../../src/engine/registry.js'
import {expandPaths, loadPaths} from '../../src/loaders/sources.js'
import {REPO} from '../support/rule-tester.js'

/** The shared corpus: K8S_NET_CORPUS, else beside the repository, else /work/shared/corpus. */
const CORPUS = [process.env.K8S_NET_CORPUS, path.resolve(REPO, '../shared/corpus'), '/work/shared/corpus'].find(
  (dir): dir is string => dir !== undefined && dir !== '' && existsSync(dir),
)

async function findings(files: readonly string[], ruleIds: readonly string[]) {
  const rules = (await loadRules()).filter((r) => ruleIds.includes(r.meta.id))
  const input = await loadPaths(files, {cwd: CORPUS})
  return (await lint(input, resolveConfig({}, rules), rules)).findings
}

describe.skipIf(!CORPUS)('the Service rules on the corpus', () => {
  it('take the LoadBalancers of ingress-nginx and Traefik for front doors', async () => {
    const files = [
      ...['aws', 'aws__nlb-with-tls-termination', 'cloud', 'kind'].map((p) => `kubernetes__ingress-nginx/deploy__static__provider__${p}__deploy.yaml`),
      'kubernetes__ingress-nginx/docs__examples__static-ip__static-ip-svc.yaml',
      'kubernetes__ingress-nginx@be1907142b9b/deploy__static__provider__cloud-generic.yaml',
      'traefik__traefik/docs__content__reference__dynamic-configuration__kubernetes-gateway-traefik-lb-svc.yml',
    ]
    for (const file of files) expect(existsSync(path.join(CORPUS!, file)), file).toBe(true)
    const input = await loadPaths(files, {cwd: CORPUS})
    expect(input.resources.filter((r) => r.kind === 'Service' && (r.object.spec as {type?: unknown})?.type === 'LoadBalancer')).toHaveLength(7)
    for (const file of files) expect(await findings([file], ['loadbalancer-single-service']), file).toEqual([])
  })

  it('say nothing about a Service linted without its workloads', async () => {
    let alone = 0
    for (const file of (await expandPaths([CORPUS!])).files) {
      const input = await loadPaths([file])
      if (input.resources.length === 0 || !input.resources.every((r) => r.kind === 'Service')) continue
      alone++
      expect(await findings([file], ['service-selector-no-match', 'service-target-port-unknown']), file).toEqual([])
    }

    expect(alone, 'files that hold only Services').toBeGreaterThan(10)
  })
})

if (!CORPUS) {
  describe('the Service rules on the corpus', () => {
    it.skip('skipped: no corpus (set K8S_NET_CORPUS, or place it at ../shared/corpus)', () => {})
  })
}
