/**
 * Every manifest set the wizard writes, checked by a real Kubernetes API
 * server: `kubectl apply --server-side --dry-run=server --validate=strict`
 * as admin, with the Gateway API and MetalLB CRDs installed first. Strict
 * field validation refuses unknown and duplicate fields, and the server runs
 * its own validation (and the CRDs' CEL rules) on every object, as it would
 * when a platform engineer applies the file. Nothing is stored: dry run.
 *
 * The server (../shared/kube) is started once for this file by
 * test/support/kube-apiserver.ts, with its own state folder and free ports;
 * without it, or without the shared corpus, the test skips and says why.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {gunzipSync} from 'node:zlib'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseAllDocuments} from 'yaml'
import {generate} from '../../src/wizard/generate.js'
import {recommend} from '../../src/wizard/recommend.js'
import {CORPUS, CORPUS_MISSING} from '../support/corpus.js'
import {KUBE, KUBE_MISSING, type RealApiServer, startKube} from '../support/kube-apiserver.js'
import {answerCombinations} from './combinations.js'

const CRDS = path.join(import.meta.dirname, 'crds')
const MISSING = KUBE ? CORPUS_MISSING : KUBE_MISSING

type Obj = {apiVersion?: string; kind?: string; metadata?: {name?: string; namespace?: string}}

/** The YAML documents of a text, as objects. */
function documents(text: string): Obj[] {
  return parseAllDocuments(text)
    .map((document) => document.toJS() as Obj | null)
    .filter((o): o is Obj => o !== null && typeof o === 'object')
}

/** Objects as one v1 List in JSON, which kubectl reads in one go. */
const asList = (objects: Obj[]): string => JSON.stringify({apiVersion: 'v1', kind: 'List', items: objects})

/** Server-side apply in dry run, with strict field validation: what kubectl apply would do, stored nowhere. */
const DRY_RUN = ['apply', '--server-side', '--field-manager=k8s-net-wizard-test', '--dry-run=server', '--validate=strict', '-f', '-']

let kube: RealApiServer | undefined

describe.skipIf(!KUBE || !CORPUS)('the API server accepts every manifest set the wizard writes', {timeout: 300_000}, () => {
  beforeAll(async () => {
    kube = await startKube()
    // The CRDs the manifests use: Gateway from the corpus, HTTPRoute and ReferenceGrant kept beside this test, MetalLB's from its release manifest.
    const metallb = documents(readFileSync(path.join(CORPUS!, 'metallb__metallb', 'config__manifests__metallb-native.yaml'), 'utf8')).filter(
      (o) => o.kind === 'CustomResourceDefinition' && ['ipaddresspools.metallb.io', 'l2advertisements.metallb.io'].includes(o.metadata?.name ?? ''),
    )
    const crds = [
      ...documents(readFileSync(path.join(CORPUS!, 'kubernetes-sigs__gateway-api', 'config__crd__standard__gateway.networking.k8s.io_gateways.yaml'), 'utf8')),
      ...['httproutes', 'referencegrants'].flatMap((name) => documents(gunzipSync(readFileSync(path.join(CRDS, `gateway.networking.k8s.io_${name}.yaml.gz`))).toString('utf8'))),
      ...metallb,
    ]
    expect(crds.map((c) => c.metadata?.name).sort()).toEqual([
      'gateways.gateway.networking.k8s.io',
      'httproutes.gateway.networking.k8s.io',
      'ipaddresspools.metallb.io',
      'l2advertisements.metallb.io',
      'referencegrants.gateway.networking.k8s.io',
    ])
    // CRDs are too large for client-side apply's last-applied annotation: create them.
    await kube.kubectl(['create', '-f', '-'], {input: asList(crds)})
    await kube.kubectl(['wait', '--for=condition=Established', '--timeout=60s', ...crds.map((c) => `crd/${c.metadata!.name}`)])
  }, 300_000)

  afterAll(async () => {
    await kube?.stop()
  })

  it('with strict field validation, for every combination of the answers', async () => {
    // Objects repeat across combinations: each distinct one is sent once, all in one kubectl call.
    const distinct = new Map<string, Obj>()
    let combinations = 0
    for (const answers of answerCombinations()) {
      combinations++
      for (const object of documents(generate(answers, recommend(answers)))) distinct.set(JSON.stringify(object), object)
    }

    const objects = [...distinct.values()]
    const namespaces = [...new Set(objects.map((o) => o.metadata?.namespace).filter((n): n is string => n !== undefined))].sort()
    // Dry run creates nothing, so the namespaces the objects live in must exist first.
    await kube!.kubectl(['apply', '-f', '-'], {input: asList(namespaces.map((name) => ({apiVersion: 'v1', kind: 'Namespace', metadata: {name}})))})

    // kubectl exits non-zero, naming the object and the field, when the server refuses any of them.
    const stdout = await kube!.kubectl([...DRY_RUN, '-o', 'name'], {input: asList(objects)})
    // One line per object: every one was accepted.
    expect(stdout.trim().split('\n')).toHaveLength(objects.length)
    expect(combinations).toBeGreaterThan(500)
    expect(new Set(objects.map((o) => o.kind))).toEqual(
      new Set(['Namespace', 'Service', 'Ingress', 'Gateway', 'HTTPRoute', 'ReferenceGrant', 'NetworkPolicy', 'Deployment', 'PodDisruptionBudget', 'IPAddressPool', 'L2Advertisement']),
    )
  })

  it('and refuses what is wrong, so that the check above can fail', async () => {
    const refusal = async (object: Obj): Promise<string> =>
      kube!.kubectl(DRY_RUN, {input: asList([object])}).then(
        () => 'accepted',
        (failure: Error) => failure.message,
      )

    // An unknown field, and a value the Gateway API CRD's schema does not allow.
    expect(await refusal({apiVersion: 'v1', kind: 'Service', metadata: {name: 'typo', namespace: 'shop'}, spec: {ports: [{port: 80, targetPortt: 8080}]}} as Obj)).toMatch(/unknown field "targetPortt"/)
    expect(
      await refusal({apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: {name: 'bad', namespace: 'shop'}, spec: {rules: [{matches: [{path: {type: 'Prefix', value: '/'}}]}]}} as Obj),
    ).toMatch(/Unsupported value: "Prefix"/)
  })
})

if (!KUBE || !CORPUS) {
  describe('the API server check', () => {
    it.skip(MISSING, () => {})
  })
}
