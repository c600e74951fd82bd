/**
 * Every manifest set the wizard writes, checked by a real Kubernetes API
 * server: `kubectl apply --server-side --dry-run=server --validate=strict`
 * as admin, with the Gateway API and MetalLB CRDs installed first. Strict
 * field validation refuses unknown and duplicate fields, and the server runs
 * its own validation (and the CRDs' CEL rules) on every object, as it would
 * when a platform engineer applies the file. Nothing is stored: dry run.
 *
 * The server (../shared/kube) is started once for this file, with its own
 * state folder and free ports; without it, the test skips and says why.
 */
import {execFile} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {gunzipSync} from 'node:zlib'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseAllDocuments} from 'yaml'
import {generate} from '../../src/wizard/generate.js'
import {recommend} from '../../src/wizard/recommend.js'
import {CORPUS} from '../support/corpus.js'
import {answerCombinations} from './combinations.js'

const run = promisify(execFile)
const REPO = path.resolve(import.meta.dirname, '../..')
/** The API server kit beside the repository (K8S_NET_KUBE to point elsewhere). */
const KUBE = process.env.K8S_NET_KUBE || path.resolve(REPO, '../shared/kube')
const CRDS = path.join(import.meta.dirname, 'crds')
const READY = existsSync(path.join(KUBE, 'start.sh')) && CORPUS !== undefined
const MISSING = `skipped: no API server to validate against (${KUBE}/start.sh or the shared corpus is absent; both ship beside the repository in ../shared)`

type Obj = {apiVersion?: string; kind?: string; metadata?: {name?: string; namespace?: string}}

/** A free TCP port on 127.0.0.1 in 30000-39999, asked of the operating system. */
async function freePort(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 30_000 + Math.floor(Math.random() * 10_000)
    if (taken.has(port)) continue
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer()
      server.once('error', () => resolve(false))
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
    })
    if (free) {
      taken.add(port)
      return port
    }
  }

  throw new Error('no free port in 30000-39999')
}

/** The YAML documents of a file (gzipped or not), as objects. */
function documents(text: string): Obj[] {
  return parseAllDocuments(text)
    .map((document) => document.toJS() as Obj | null)
    .filter((o): o is Obj => o !== null && typeof o === 'object')
}

/** Objects as one v1 List in JSON, which kubectl reads in one go. */
const asList = (objects: Obj[]): string => JSON.stringify({apiVersion: 'v1', kind: 'List', items: objects})

let home: string | undefined
let env: NodeJS.ProcessEnv
let kubeconfig: string

async function kubectl(args: string[]): Promise<{stdout: string; stderr: string}> {
  return run('kubectl', ['--kubeconfig', kubeconfig, ...args], {env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000})
}

describe.skipIf(!READY)('the API server accepts every manifest set the wizard writes', {timeout: 240_000}, () => {
  beforeAll(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'k8s-net-wizard-kapi-'))
    const taken = new Set<number>()
    env = {
      ...process.env,
      KAPI_HOME: home,
      KAPI_PORT: String(await freePort(taken)),
      KAPI_ETCD_PORT: String(await freePort(taken)),
      KAPI_ETCD_PEER_PORT: String(await freePort(taken)),
    }
    await run('bash', [path.join(KUBE, 'start.sh')], {env, timeout: 200_000})
    kubeconfig = path.join(home, 'run', 'admin.kubeconfig')
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
    const file = path.join(home, 'crds.json')
    writeFileSync(file, asList(crds))
    // CRDs are too large for client-side apply's last-applied annotation: create them.
    await kubectl(['create', '-f', file])
    await kubectl(['wait', '--for=condition=Established', '--timeout=60s', ...crds.map((c) => `crd/${c.metadata!.name}`)])
  }, 240_000)

  afterAll(async () => {
    if (!home) return
    await run('bash', [path.join(KUBE, 'stop.sh'), '--purge'], {env, timeout: 60_000}).catch(() => undefined)
    rmSync(home, {recursive: true, force: true})
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
    writeFileSync(path.join(home!, 'namespaces.json'), asList(namespaces.map((name) => ({apiVersion: 'v1', kind: 'Namespace', metadata: {name}}))))
    await kubectl(['apply', '-f', path.join(home!, 'namespaces.json')])

    const file = path.join(home!, 'wizard.json')
    writeFileSync(file, asList(objects))
    const {stdout, stderr} = await kubectl(['apply', '--server-side', '--field-manager=k8s-net-wizard-test', '--dry-run=server', '--validate=strict', '-f', file, '-o', 'name']).catch(
      (error: {stdout?: string; stderr?: string}) => ({stdout: error.stdout ?? '', stderr: error.stderr ?? String(error)}),
    )
    expect(stderr.split('\n').filter((line) => line.trim() !== '' && !/^Warning: version difference/.test(line))).toEqual([])
    // One line per object: every one was accepted.
    expect(stdout.trim().split('\n')).toHaveLength(objects.length)
    expect(combinations).toBeGreaterThan(500)
    expect(new Set(objects.map((o) => o.kind))).toEqual(
      new Set(['Namespace', 'Service', 'Ingress', 'Gateway', 'HTTPRoute', 'ReferenceGrant', 'NetworkPolicy', 'Deployment', 'PodDisruptionBudget', 'IPAddressPool', 'L2Advertisement']),
    )
  })

  it('and refuses what is wrong, so that the check above can fail', async () => {
    const refusal = async (object: Obj): Promise<string> => {
      const file = path.join(home!, 'bad.json')
      writeFileSync(file, asList([object]))
      return kubectl(['apply', '--server-side', '--field-manager=k8s-net-wizard-test', '--dry-run=server', '--validate=strict', '-f', file]).then(
        () => 'accepted',
        (failure: {stderr?: string}) => failure.stderr ?? '',
      )
    }

    // An unknown field, and a value the Gateway API CRD's schema does not allow.
    expect(await refusal({apiVersion: 'v1', kind: 'Service', metadata: {name: 'typo', namespace: 'shop'}, spec: {ports: [{port: 80, targetPortt: 8080}]}} as Obj)).toMatch(/unknown field "targetPortt"/)
    expect(
      await refusal({apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: {name: 'bad', namespace: 'shop'}, spec: {rules: [{matches: [{path: {type: 'Prefix', value: '/'}}]}]}} as Obj),
    ).toMatch(/Unsupported value: "Prefix"/)
  })
})

if (!READY) {
  describe('the API server check', () => {
    it.skip(MISSING, () => {})
  })
}
