/**
 * The live-cluster source against the test API server: the same findings as
 * the same objects in files, what is linted and what is reference, pagination,
 * GET only and never Secrets, tolerance of 403 and 404, files with the cluster
 * as reference, and how the formatters show cluster objects.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import type {ClusterOptions} from '../../src/cluster/index.js'
import type {Finding, K8sObject} from '../../src/engine/types.js'
import {FORMATTERS} from '../../src/formatters/index.js'
import {loadRules} from '../../src/engine/registry.js'
import {lintFiles, type LintFilesOptions} from '../../src/run.js'
import {type FakeApiServer, type FakeApiServerOptions, fixtureFiles, fixtureObjects, startFakeApiServer} from '../support/fake-apiserver.js'
import {comparable, expectReadsWell} from '../support/cluster-compare.js'
import {describeObject, FIXTURES} from '../support/rule-tester.js'

// loadbalancer-pending puts the age of a Service in its message: one fixed clock (Date only) for both sides of a comparison.
vi.useFakeTimers({toFake: ['Date'], now: new Date('2025-06-01T12:00:00Z')})

const SYSTEM = new Set(['kube-system', 'kube-public', 'kube-node-lease'])
const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-cluster-'))
const servers: FakeApiServer[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
  rmSync(tmp, {recursive: true, force: true})
})

let kubeconfigs = 0
async function serve(options: FakeApiServerOptions = {}): Promise<{server: FakeApiServer; kubeconfig: string}> {
  const server = await startFakeApiServer(options)
  servers.push(server)
  return {server, kubeconfig: server.kubeconfig(path.join(tmp, `kubeconfig-${++kubeconfigs}.yaml`))}
}

/**
 * The rules these tests look at. The catalogue is much larger; a test that
 * passes no overrides of its own runs these only, so its expectations stay
 * about the cluster source. The comparison with files runs every rule.
 */
const FOCUS = new Set(['service-no-endpoints', 'loadbalancer-pending', 'nodeport-conflict'])
const focusOnly = async (): Promise<Record<string, 'off'>> =>
  Object.fromEntries((await loadRules()).filter((r) => !FOCUS.has(r.meta.id)).map((r) => [r.meta.id, 'off' as const]))

async function lintCluster(kubeconfig: string, cluster: Partial<ClusterOptions> = {}, options: LintFilesOptions = {}, paths: string[] = []) {
  const warnings: string[] = []
  const overrides = options.overrides ?? {rules: await focusOnly()}
  const run = await lintFiles(paths, {...options, overrides, cluster: {kubeconfig, onWarning: (m) => warnings.push(m), ...cluster}})
  return {...run, warnings}
}

/** What cluster mode holds as reference by design: system namespaces, and what a workload controller made from its template. */
function referenceByDesign(object: K8sObject | undefined, namespace: string | undefined, name: string): boolean {
  if (SYSTEM.has(namespace ?? '') || (object?.kind === 'Namespace' && SYSTEM.has(name))) return true
  const owners = (object?.metadata as {ownerReferences?: Array<{kind: string; controller?: boolean}>} | undefined)?.ownerReferences ?? []
  return owners.some((o) => o.controller === true && ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'].includes(o.kind))
}

describe('linting a live cluster', () => {
  let main: {server: FakeApiServer; kubeconfig: string}
  beforeAll(async () => {
    main = await serve()
  })

  it("judges deprecations against the server's /version, unless --kube-version names another", async () => {
    expect((await lintCluster(main.kubeconfig)).config.settings.kubeVersion).toEqual({major: 1, minor: 31})
    const named = await lintCluster(main.kubeconfig, {}, {overrides: {rules: await focusOnly(), kubeVersion: '1.35'}})
    expect(named.config.settings.kubeVersion).toEqual({major: 1, minor: 35})
  })

  it.each([
    {name: 'default config', overrides: {}},
    // A narrower node port range than the cluster's, so that a rule that needs no cluster has findings to compare too.
    {name: 'node port range 30000-31000', overrides: {nodePortRange: '30000-31000'}},
  ])('gives the findings linting the same objects as files gives ($name), bar objects it holds as reference', async ({overrides}) => {
    const cluster = await lintCluster(main.kubeconfig, {}, {overrides})
    const files = await lintFiles(fixtureFiles({served: true}), {live: true, overrides})
    expect(cluster.warnings).toEqual([])

    const objects = fixtureObjects()
    const find = (f: Finding): K8sObject | undefined =>
      objects.find((o) => o.kind === f.object?.kind && (o.metadata as {name?: string}).name === f.object?.name && ((o.metadata as {namespace?: string}).namespace ?? '') === (f.object?.namespace ?? ''))
    const expected = files.result.findings.filter((f) => !(f.object && referenceByDesign(find(f), f.object.namespace, f.object.name)))
    // Files are ordered by line, cluster objects by name: compare as sets.
    const sorted = (list: Finding[]) => list.map(comparable).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
    expect(sorted(cluster.result.findings)).toEqual(sorted(expected))
    expectReadsWell(cluster.result.findings)
    expect(cluster.result.findings.length).toBeGreaterThan(0)
    if (overrides.nodePortRange) expect(cluster.result.findings.some((f) => f.ruleId === 'nodeport-out-of-range')).toBe(true)
  })

  it('finds the problems of the fixture app: a pending load balancer, Services without ready endpoints', async () => {
    const {result} = await lintCluster(main.kubeconfig)
    expect(result.findings.map((f) => `${f.ruleId} ${describeObject(f.object)}`)).toEqual([
      'service-no-endpoints Service shop/cart',
      'service-no-endpoints Service shop/checkout',
      'loadbalancer-pending Service shop/storefront',
    ])
    for (const f of result.findings) {
      expect(f.file).toBeUndefined()
      expect(f.start).toBeUndefined()
    }
  })

  it('reads every kind with its apiVersion and kind, origin cluster, without managedFields or last-applied annotations', async () => {
    const {result} = await lintCluster(main.kubeconfig)
    const served = fixtureObjects().filter((o) => o.kind !== 'Secret' && o.kind !== 'ConfigMap')
    // Every served object counts once: linted, or held as reference.
    const reference = served.filter((o) => {
      const m = o.metadata as {namespace?: string; name: string}
      return referenceByDesign(o, m.namespace, m.name)
    })
    expect(result.objects).toBe(served.length - reference.length)
    // 2 system Services, pods/replicasets/jobs of controllers, and so on: the fixture holds some of each.
    expect(reference.length).toBeGreaterThan(20)

    const {loadCluster} = await import('../../src/cluster/index.js')
    const loaded = await loadCluster({kubeconfig: main.kubeconfig}, {reference: false, settings: {systemNamespaces: [...SYSTEM]}})
    expect(loaded.resources.map((r) => `${r.apiVersion} ${r.kind} ${r.namespace}/${r.name}`).sort()).toEqual(
      served.map((o) => `${String(o.apiVersion)} ${String(o.kind)} ${(o.metadata as {namespace?: string}).namespace ?? ''}/${(o.metadata as {name: string}).name}`).sort(),
    )
    for (const r of loaded.resources) {
      expect(r.origin).toEqual({type: 'cluster', cluster: 'fake-cluster'})
      expect(r.object.apiVersion).toBe(r.apiVersion)
      const metadata = r.object.metadata as Record<string, unknown>
      expect(metadata.managedFields).toBeUndefined()
      expect(Object.keys((metadata.annotations as object | undefined) ?? {})).not.toContain('kubectl.kubernetes.io/last-applied-configuration')
    }

    expect(loaded.resources.filter((r) => r.reference).map((r) => `${r.kind} ${r.namespace || '-'}/${r.name}`).sort()).toEqual(
      reference.map((o) => `${String(o.kind)} ${(o.metadata as {namespace?: string}).namespace ?? '-'}/${(o.metadata as {name: string}).name}`).sort(),
    )
    // The Gateway API's ReferenceGrant is served at v1beta1 only: discovery found it there.
    expect(loaded.resources.find((r) => r.kind === 'ReferenceGrant')?.apiVersion).toBe('gateway.networking.k8s.io/v1beta1')
  })

  it('makes GET requests only, never for Secrets or ConfigMaps, each list with a limit', async () => {
    const {server, kubeconfig} = await serve()
    await lintCluster(kubeconfig)
    expect(server.requests.length).toBeGreaterThan(20)
    expect(server.requests.filter((r) => r.method !== 'GET')).toEqual([])
    expect(server.requests.filter((r) => /secrets|configmaps/.test(r.path))).toEqual([])
    const lists = server.requests.filter((r) => /\/(?:services|pods|deployments|endpointslices)$/.test(r.path))
    expect(lists.length).toBeGreaterThan(0)
    for (const r of lists) expect(r.query.limit).toBe('500')
  })

  it('reads Argo Rollouts and the pod template kinds config names, and holds the ReplicaSets and Pods they made as reference', async () => {
    const template = {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'ghcr.io/example/web:1.0', ports: [{containerPort: 8080}]}]}}
    const ownedBy = (apiVersion: string, kind: string, name: string) => ({ownerReferences: [{apiVersion, kind, name, uid: `uid-${name}`, controller: true}]})
    const objects: K8sObject[] = [
      {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop'}},
      {apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: {name: 'web', namespace: 'shop'}, spec: {replicas: 2, selector: {matchLabels: {app: 'web'}}, template}},
      {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'web-5d9f', namespace: 'shop', ...ownedBy('argoproj.io/v1alpha1', 'Rollout', 'web')}, spec: {replicas: 2, selector: {matchLabels: {app: 'web'}}, template}},
      {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web-5d9f-x1', namespace: 'shop', labels: {app: 'web'}, ...ownedBy('apps/v1', 'ReplicaSet', 'web-5d9f')}, spec: template.spec},
      {apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', metadata: {name: 'api', namespace: 'shop'}, spec: {replicas: 2, selector: {matchLabels: {app: 'api'}}, template: {...template, metadata: {labels: {app: 'api'}}}}},
      {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'api-x2', namespace: 'shop', labels: {app: 'api'}, ...ownedBy('apps.kruise.io/v1alpha1', 'CloneSet', 'api')}, spec: template.spec},
    ]
    const {server, kubeconfig} = await serve({objects})
    const overrides = {rules: {...(await focusOnly()), 'liveness-probe-missing': 'warning' as const}}
    const found = (run: Awaited<ReturnType<typeof lintCluster>>) => run.result.findings.map((f) => describeObject(f.object))
    const custom = () => server.requests.filter((r) => /argoproj|kruise/.test(r.path)).map((r) => r.path).sort()

    // By default: the Rollout, not the ReplicaSet it made; the CloneSet is not asked for, so its Pod is linted.
    expect(found(await lintCluster(kubeconfig, {}, {overrides}))).toEqual(['Pod shop/api-x2', 'Rollout shop/web'])
    expect(custom()).toEqual(['/apis/argoproj.io/v1alpha1', '/apis/argoproj.io/v1alpha1/rollouts'])

    const config = path.join(tmp, 'clonesets.yaml')
    writeFileSync(config, 'podTemplates:\n  - kind: CloneSet\n    group: apps.kruise.io\n    path: spec.template\n')
    server.requests.length = 0
    expect(found(await lintCluster(kubeconfig, {}, {overrides, configFile: config}))).toEqual(['CloneSet shop/api', 'Rollout shop/web'])
    expect(custom()).toEqual(['/apis/apps.kruise.io/v1alpha1', '/apis/apps.kruise.io/v1alpha1/clonesets', '/apis/argoproj.io/v1alpha1', '/apis/argoproj.io/v1alpha1/rollouts'])
  })

  it('never reads Secrets or ConfigMaps, even when config names them as pod template kinds', async () => {
    const {server, kubeconfig} = await serve()
    const config = path.join(tmp, 'secrets.yaml')
    writeFileSync(config, 'podTemplates:\n  - kind: Secret\n    group: ""\n    path: data\n  - kind: ConfigMap\n    group: ""\n    path: data\n')
    await lintCluster(kubeconfig, {}, {configFile: config})
    expect(server.requests.filter((r) => /secrets|configmaps/.test(r.path))).toEqual([])
  })

  it('follows continue tokens across pages when the server pages small', async () => {
    const {server, kubeconfig} = await serve({maxPageSize: 2})
    const paged = await lintCluster(kubeconfig)
    const whole = await lintCluster(main.kubeconfig)
    expect(paged.result.objects).toBe(whole.result.objects)
    expect(paged.result.findings).toEqual(whole.result.findings)
    // 14 pods, 2 a page: 7 requests, the 6 after the first with a continue token.
    const pods = server.requests.filter((r) => r.path === '/api/v1/pods')
    expect(fixtureObjects().filter((o) => o.kind === 'Pod')).toHaveLength(14)
    expect(pods).toHaveLength(7)
    expect(pods.filter((r) => r.query.continue !== undefined)).toHaveLength(6)
  })

  it('starts a list over once when its continue token has expired (410)', async () => {
    const {server, kubeconfig} = await serve({maxPageSize: 4, expireFirstContinue: true})
    const run = await lintCluster(kubeconfig)
    const whole = await lintCluster(main.kubeconfig)
    expect(run.warnings).toEqual([])
    expect(run.result.objects).toBe(whole.result.objects)
    expect(run.result.findings).toEqual(whole.result.findings)
    expect(server.requests.some((r) => r.query.continue !== undefined)).toBe(true)
  })

  it('lints system namespaces when --namespace names them, and reads only the namespaces named', async () => {
    const {server, kubeconfig} = await serve()
    const {result, warnings} = await lintCluster(kubeconfig, {namespaces: ['kube-system']})
    expect(warnings).toEqual([])
    expect(result.findings.map((f) => `${f.ruleId} ${describeObject(f.object)}`)).toEqual(['service-no-endpoints Service kube-system/metrics-server'])
    expect(result.findings[0]!.message).toBe('Service has no ready endpoint: the pod its selector k8s-app=metrics-server matches is not ready (readiness probe failing, or still starting), so connections to it fail')
    // Namespaced kinds are listed in kube-system only; cluster-scoped ones (Namespaces, IngressClasses, GatewayClasses) whole.
    const lists = server.requests.filter((r) => r.query.limit !== undefined).map((r) => r.path)
    expect(lists.filter((p) => !p.includes('/namespaces/kube-system/')).sort()).toEqual([
      '/api/v1/namespaces',
      '/apis/gateway.networking.k8s.io/v1/gatewayclasses',
      '/apis/networking.k8s.io/v1/ingressclasses',
    ])
  })

  it('reads several namespaces with --namespace repeated', async () => {
    const {result} = await lintCluster(main.kubeconfig, {namespaces: ['shop', 'kube-system']})
    expect(result.findings.map((f) => `${f.ruleId} ${describeObject(f.object)}`)).toEqual([
      'service-no-endpoints Service kube-system/metrics-server',
      'service-no-endpoints Service shop/cart',
      'service-no-endpoints Service shop/checkout',
      'loadbalancer-pending Service shop/storefront',
    ])
  })

  it('takes systemNamespaces from the config file', async () => {
    const {result} = await lintCluster(main.kubeconfig, {}, {configFile: path.join(FIXTURES, 'cluster', 'config', 'no-system-namespaces.yaml')})
    expect(result.findings.map((f) => describeObject(f.object))).toContain('Service kube-system/metrics-server')
  })
})

describe('tolerance', () => {
  it('goes on without a kind it may not list (403), and says which permission is missing', async () => {
    const {kubeconfig} = await serve({forbidden: [{group: 'discovery.k8s.io', resource: 'endpointslices'}, {group: 'networking.k8s.io', resource: 'networkpolicies'}]})
    const {result, warnings} = await lintCluster(kubeconfig)
    expect(warnings).toEqual([
      'forbidden: cannot list endpointslices.discovery.k8s.io, so rules that would look for an EndpointSlice there say nothing. Missing permission: verb "list" on resource "endpointslices" in API group "discovery.k8s.io" cluster-wide (in all namespaces); or lint the namespaces you may read with --namespace',
      'forbidden: cannot list networkpolicies.networking.k8s.io, so rules that would look for a NetworkPolicy there say nothing. Missing permission: verb "list" on resource "networkpolicies" in API group "networking.k8s.io" cluster-wide (in all namespaces); or lint the namespaces you may read with --namespace',
    ])
    // Without EndpointSlices the endpoint rule cannot know and says nothing; the rest is linted as before.
    expect(result.findings.map((f) => `${f.ruleId} ${describeObject(f.object)}`)).toEqual(['loadbalancer-pending Service shop/storefront'])
  })

  it('takes no kind it may not list for missing: no default-deny finding where NetworkPolicies could not be read', async () => {
    const only = async (id: string) => Object.fromEntries((await loadRules()).filter((r) => r.meta.id !== id).map((r) => [r.meta.id, 'off' as const]))
    const overrides = {rules: await only('default-deny-missing')}
    const readable = await lintCluster((await serve()).kubeconfig, {}, {overrides})
    expect(readable.result.findings.length).toBeGreaterThan(0)
    const {kubeconfig} = await serve({forbidden: [{group: 'networking.k8s.io', resource: 'networkpolicies'}]})
    const forbidden = await lintCluster(kubeconfig, {}, {overrides})
    expect(forbidden.result.findings).toEqual([])
    // The same when the cluster refuses even to say what the group serves.
    const undiscoverable = await serve({undiscoverableGroups: ['networking.k8s.io']})
    const refused = await lintCluster(undiscoverable.kubeconfig, {}, {overrides})
    expect(refused.warnings).toContain('cannot discover API group networking.k8s.io/v1 (403 Forbidden): its kinds are not read')
    expect(refused.result.findings).toEqual([])
  })

  it('names the namespace of a 403 when reading namespaces one by one', async () => {
    const {kubeconfig} = await serve({forbidden: [{group: '', resource: 'services', namespace: 'shop'}]})
    const {result, warnings} = await lintCluster(kubeconfig, {namespaces: ['shop', 'ingress-nginx']})
    expect(warnings).toEqual([
      'forbidden: cannot list services in namespace shop, so rules that would look for a Service there say nothing. Missing permission: verb "list" on resource "services" in API group "" (core) in namespace "shop"',
    ])
    expect(result.findings).toEqual([])
    expect(result.objects).toBeGreaterThan(0)
  })

  it('skips the kinds of an API group the cluster does not serve (404), silently', async () => {
    const {server, kubeconfig} = await serve({withoutGroups: ['gateway.networking.k8s.io']})
    const {result, warnings} = await lintCluster(kubeconfig)
    expect(warnings).toEqual([])
    expect(server.requests.filter((r) => r.path.includes('gateway.networking.k8s.io'))).toEqual([])
    const whole = await lintCluster(servers[0]!.kubeconfig(path.join(tmp, 'again.yaml')))
    const gatewayObjects = fixtureObjects().filter((o) => String(o.apiVersion).startsWith('gateway.networking.k8s.io/')).length
    expect(gatewayObjects).toBe(4)
    expect(result.objects).toBe(whole.result.objects - gatewayObjects)
  })
})

describe('Gateway API experimental kinds', () => {
  it('reads XListenerSets where the cluster serves gateway.networking.x-k8s.io', async () => {
    const xset: K8sObject = {
      apiVersion: 'gateway.networking.x-k8s.io/v1alpha1',
      kind: 'XListenerSet',
      metadata: {name: 'team-listeners', namespace: 'shop'},
      spec: {parentRef: {name: 'edge', namespace: 'web'}, listeners: [{name: 'web', protocol: 'HTTP', port: 8080}]},
    }
    const {server, kubeconfig} = await serve({objects: [...fixtureObjects(), xset]})
    const {loadCluster} = await import('../../src/cluster/index.js')
    const loaded = await loadCluster({kubeconfig}, {reference: false, settings: {systemNamespaces: [...SYSTEM]}})
    expect(loaded.resources.filter((r) => r.kind === 'XListenerSet').map((r) => `${r.apiVersion} ${r.namespace}/${r.name}`)).toEqual(['gateway.networking.x-k8s.io/v1alpha1 shop/team-listeners'])
    expect(server.requests.some((r) => r.path === '/apis/gateway.networking.x-k8s.io/v1alpha1/xlistenersets')).toBe(true)
  })
})

describe('files with the cluster as reference', () => {
  it('reports on the files only, resolving against the cluster, and runs no live rule', async () => {
    const {kubeconfig} = await serve()
    const manifest = path.join(FIXTURES, 'cluster', 'manifests', 'new-service.yaml')
    const {result} = await lintCluster(kubeconfig, {}, {}, [manifest])
    expect(result.files).toEqual([manifest])
    expect(result.objects).toBe(2)
    expect(result.findings.map((f) => ({rule: f.ruleId, object: describeObject(f.object), file: f.file, line: f.start?.line, column: f.start?.column, message: f.message}))).toEqual([
      {
        rule: 'nodeport-conflict',
        object: 'Service shop/promo',
        file: manifest,
        line: 15,
        column: 17,
        message: 'nodePort 30080 is already claimed by Service shop/storefront (port http): node ports are cluster-wide',
      },
    ])
  })
})

describe('formatters', () => {
  it('show cluster findings by object, under the cluster, in stylish and JSON', async () => {
    const {kubeconfig} = await serve()
    const {result, rules} = await lintCluster(kubeconfig)
    const options = {color: false, cwd: process.cwd(), rules: rules.map((r) => r.meta), failOn: 'error' as const}
    const stylish = FORMATTERS.stylish(result, options).split('\n')
    expect(stylish[0]).toBe('cluster')
    expect(stylish[1]).toMatch(/^ {2}Service shop\/cart {8}warning {2}Service has no ready endpoint: .* {2}service-no-endpoints$/)
    expect(stylish[3]).toMatch(/^ {2}Service shop\/storefront {2}warning {2}LoadBalancer Service has no external address .* {2}loadbalancer-pending$/)
    expect(stylish.join('\n')).not.toMatch(/undefined|null|NaN/)

    const json = JSON.parse(FORMATTERS.json(result, options)) as {findings: Array<Record<string, unknown>>; summary: Record<string, number>}
    expect(json.findings).toHaveLength(3)
    expect(json.findings[0]).toEqual({
      ruleId: 'service-no-endpoints',
      messageId: 'podsNotReady',
      severity: 'warning',
      message: expect.stringMatching(/^Service has no ready endpoint/),
      object: {apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'cart'},
      file: null,
      start: null,
      end: null,
      path: ['spec', 'selector'],
      related: [],
      fix: null,
    })
    expect(json.summary).toMatchObject({warnings: 3, files: 0, objects: result.objects})
  })
})
