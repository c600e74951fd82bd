/**
 * `k8s-net lint --cluster` against the real Kubernetes API server of
 * ../shared/kube: the objects of fixtures/cluster/real/app.yaml applied as
 * admin (with the Gateway API's Gateway CRD from ../shared/corpus and the CRDs
 * of fixtures/cluster/real/crds.yaml), then read as the read-only and the
 * namespace-only user. The server's audit log is the evidence of what k8s-net
 * asked for: GETs only, never a Secret or a ConfigMap.
 *
 * Skipped, saying so, where ../shared/kube is absent.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {loadCluster} from '../../src/cluster/index.js'
import type {Finding} from '../../src/engine/types.js'
import {loadRules} from '../../src/engine/registry.js'
import {lintFiles} from '../../src/run.js'
import {runCliAsync} from '../support/cli-async.js'
import {comparable, expectReadsWell} from '../support/cluster-compare.js'
import {CORPUS} from '../support/corpus.js'
import {KUBE, KUBE_MISSING, type RealApiServer, startKube} from '../support/kube-apiserver.js'
import {describeObject, FIXTURES} from '../support/rule-tester.js'

const APP = path.join(FIXTURES, 'cluster', 'real', 'app.yaml')
const CRDS = path.join(FIXTURES, 'cluster', 'real', 'crds.yaml')
const GATEWAY_CRD = CORPUS && path.join(CORPUS, 'kubernetes-sigs__gateway-api', 'config__crd__standard__gateway.networking.k8s.io_gateways.yaml')
const settings = {systemNamespaces: ['kube-system', 'kube-public', 'kube-node-lease']}
const READERS = new Set(['readonly', 'nsreader'])

const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-real-'))
let kube: RealApiServer

describe.skipIf(!KUBE)(KUBE ? 'lint --cluster against a real API server' : `lint --cluster against a real API server (${KUBE_MISSING})`, () => {
  beforeAll(async () => {
    kube = await startKube()
    await kube.kubectl(['apply', '--server-side', '-f', CRDS, ...(GATEWAY_CRD ? ['-f', GATEWAY_CRD] : [])])
    const crds = ['httproutes.gateway.networking.k8s.io', 'ciliumnetworkpolicies.cilium.io', ...(GATEWAY_CRD ? ['gateways.gateway.networking.k8s.io'] : [])]
    await kube.kubectl(['wait', '--for', 'condition=established', '--timeout=120s', ...crds.map((c) => `crd/${c}`)])
    await kube.kubectl(['apply', '--server-side', '-f', GATEWAY_CRD ? APP : await withoutGateways()])
    // Status, as a load-balancer provider would write it: storefront-internal has an address, storefront none.
    await kube.kubectl(['-n', 'shop', 'patch', 'service', 'storefront-internal', '--subresource=status', '--type=merge', '-p', '{"status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.10"}]}}}'])
  }, 420_000)

  afterAll(async () => {
    await kube?.stop()
    rmSync(tmp, {recursive: true, force: true})
  }, 120_000)

  it('finds what linting the same manifests finds, over the whole catalogue (rules that need a cluster aside)', async () => {
    const rules = await loadRules()
    // Rules that read status or EndpointSlices run on the cluster only; the test below covers them.
    const live = Object.fromEntries(rules.filter((r) => r.meta.requires === 'cluster').map((r) => [r.meta.id, 'off' as const]))
    const warnings: string[] = []
    const fromCluster = await lintFiles([], {overrides: {rules: live}, cluster: {kubeconfig: kube.kubeconfigs.readonly, onWarning: (m) => warnings.push(m)}})
    const fromFiles = await lintFiles([GATEWAY_CRD ? APP : await withoutGateways()], {overrides: {rules: live}})
    expect(warnings).toEqual([])
    const applied = new Set(fromFiles.result.findings.map((f) => describeObject(f.object)))
    const inFiles = fromFiles.result.findings.map(comparable).sort(byJson)
    // Objects the cluster has of its own (namespace default, the kubernetes Service) are not in the manifests.
    const inCluster = fromCluster.result.findings.filter((f) => applied.has(describeObject(f.object)) || isAppObject(f)).map(comparable).sort(byJson)
    expect(inCluster).toEqual(inFiles)
    expectReadsWell(fromCluster.result.findings)
    expect(new Set(inFiles.map((f) => f.rule)).size).toBeGreaterThan(10)
  })

  it('reads custom resources through real discovery: Gateway, HTTPRoute and CiliumNetworkPolicy', async () => {
    const loaded = await loadCluster({kubeconfig: kube.kubeconfigs.readonly}, {reference: false, settings})
    const names = loaded.resources.map((r) => `${r.apiVersion} ${r.kind} ${r.namespace}/${r.name}`)
    expect(names).toContain('gateway.networking.k8s.io/v1 HTTPRoute shop/storefront')
    expect(names).toContain('cilium.io/v2 CiliumNetworkPolicy web/default-deny')
    if (GATEWAY_CRD) expect(names).toContain('gateway.networking.k8s.io/v1 Gateway web/edge')
    const {result} = await lintFiles([], {cluster: {kubeconfig: kube.kubeconfigs.readonly}})
    const denyMissing = result.findings.filter((f) => f.ruleId === 'default-deny-missing').map((f) => describeObject(f.object))
    // The CiliumNetworkPolicy denies ingress in web by default; shop has none.
    expect(denyMissing).toContain('Namespace shop')
    expect(denyMissing).not.toContain('Namespace web')
  })

  it('pages with real continue tokens when there are more objects than the limit', async () => {
    const before = kube.audit().length
    const paged = await loadCluster({kubeconfig: kube.kubeconfigs.readonly, pageSize: 2}, {reference: false, settings})
    const whole = await loadCluster({kubeconfig: kube.kubeconfigs.readonly}, {reference: false, settings})
    const key = (r: {kind: string; namespace: string; name: string}): string => `${r.kind} ${r.namespace}/${r.name}`
    expect(paged.resources.map(key).sort()).toEqual(whole.resources.map(key).sort())
    expect(paged.resources.filter((r) => r.kind === 'Service').length).toBeGreaterThan(4)
    const services = kube
      .audit()
      .slice(before)
      .filter((e) => e.user.username === 'readonly' && e.requestURI.startsWith('/api/v1/services?'))
    expect(services.some((e) => e.requestURI.includes('limit=2&continue=') || /[?&]continue=/.test(e.requestURI))).toBe(true)
  })

  it('fires the live rules on real status and EndpointSlices', async () => {
    const config = path.join(tmp, 'live.yaml')
    // A Service created seconds ago is not reported by default: it may still be being provisioned.
    writeFileSync(config, 'rules:\n  loadbalancer-pending:\n    options: {gracePeriodSeconds: 0}\n')
    const {result} = await lintFiles([], {configFile: config, cluster: {kubeconfig: kube.kubeconfigs.readonly}})
    const live = result.findings
      .filter((f) => f.ruleId === 'loadbalancer-pending' || f.ruleId === 'service-no-endpoints')
      .map((f) => `${f.ruleId}/${f.messageId} ${describeObject(f.object)} ${JSON.stringify(f.data ?? {})}`)
      .sort()
    // No controllers run: Deployments have no pods, so only the EndpointSlices the fixtures create say anything is ready.
    expect(live).toEqual([
      expect.stringMatching(/^loadbalancer-pending\/noAddressSince Service shop\/storefront \{"age":"\d+ minutes?"\}$/),
      'service-no-endpoints/noPod Service shop/checkout {"selector":"app=checkout","namespace":"shop"}',
      'service-no-endpoints/noPodRunning Service shop/admin {"selector":"app=storefront","workloads":"Deployment shop/storefront"}',
      'service-no-endpoints/noPodRunning Service shop/storefront-internal {"selector":"app=storefront","workloads":"Deployment shop/storefront"}',
      'service-no-endpoints/podsNotReady Service shop/cart {"selector":"app=cart","count":2}',
    ])
  })

  it('the namespace-only user: the context namespace, said once, without -n; 403 warnings with -n for a namespace it may not read', async () => {
    const plain = await cli(['lint', '--cluster', '--kubeconfig', kube.kubeconfigs.nsreader, '--format', 'json'])
    expect(plain.stderr).toContain('forbidden: cannot list objects across all namespaces, so k8s-net reads namespace default only, the namespace of context nsreader@kapi. Pass --namespace to choose')
    // Cluster-scoped kinds stay one warning each; no namespaced kind gets one.
    const forbidden = plain.stderr.split('\n').filter((l) => l.startsWith('Warning: forbidden: cannot list ') && !l.includes('across all namespaces'))
    expect(forbidden.map((l) => /cannot list (\S+?),/.exec(l)?.[1]).sort()).toEqual(['ingressclasses.networking.k8s.io', 'namespaces'])
    expect([0, 1]).toContain(plain.code)

    const restricted = await cli(['lint', '--cluster', '--kubeconfig', kube.kubeconfigs.nsreader, '-n', 'restricted', '--format', 'json'])
    expect(restricted.stderr).toContain('forbidden: cannot list services in namespace restricted')
    expect(restricted.stderr).toContain('forbidden: cannot list deployments.apps in namespace restricted')
    expect(restricted.stderr).not.toContain('across all namespaces')
    expect([0, 1]).toContain(restricted.code)
  })

  it('the read-only user through the command: findings, exit 1, no warning', async () => {
    const run = await cli(['lint', '--cluster', '--kubeconfig', kube.kubeconfigs.readonly])
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('Service shop/checkout')
    expect(run.code).toBe(1)
  })

  // Last: the audit log holds every request the tests above made.
  it('only GETs, never a Secret or a ConfigMap, though both are there (the audit log)', async () => {
    expect(await kube.kubectl(['get', 'secrets,configmaps', '-n', 'shop', '-o', 'name'])).toMatch(/secret\/storefront-db[\s\S]*configmap\/storefront-config|configmap\/storefront-config[\s\S]*secret\/storefront-db/)
    const ours = kube.audit().filter((e) => READERS.has(e.user.username))
    expect(ours.length).toBeGreaterThan(50)
    expect([...new Set(ours.map((e) => e.verb))].sort()).toEqual(['get', 'list'])
    expect(ours.filter((e) => /secrets|configmaps/.test(e.requestURI) || ['secrets', 'configmaps'].includes(e.objectRef?.resource ?? ''))).toEqual([])
  })
})

/** app.yaml without the Gateway, where the corpus (and its Gateway CRD) is absent. */
async function withoutGateways(): Promise<string> {
  const {readFileSync} = await import('node:fs')
  const file = path.join(tmp, 'app-without-gateway.yaml')
  writeFileSync(
    file,
    readFileSync(APP, 'utf8')
      .split(/^---$/m)
      .filter((doc) => !/^kind: Gateway$/m.test(doc))
      .join('---'),
  )
  return file
}

/** Objects of the manifests, by namespace: findings on the cluster's own objects (namespace default, kube-system) are left out. */
const isAppObject = (f: Finding): boolean => ['shop', 'web'].includes(f.object?.namespace ?? '') || (f.object?.kind === 'Namespace' && ['shop', 'web'].includes(f.object.name))

const byJson = (a: unknown, b: unknown): number => JSON.stringify(a).localeCompare(JSON.stringify(b))


const cli = (args: string[]) => runCliAsync(args, {home: tmp, cwd: tmp})
