/**
 * Seeded fuzzing of cluster mode: kubeconfigs mutated as text (the manifest
 * fuzzer's mutations) and as values (fields of other types, path tricks),
 * and answers of the test API server mutated on the wire (discovery and list
 * bodies, status codes, continue tokens). Whatever happens, loading either
 * succeeds or fails with a ClusterError (exit 2): no other error, no request
 * that is not a GET or that names Secrets or ConfigMaps, no credential in a
 * message. K8S_NET_FUZZ_SEED replays another seed.
 */
import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsYaml from 'js-yaml'
import {afterAll, describe, expect, it} from 'vitest'
import {ClusterError} from '../../src/cluster/errors.js'
import {loadCluster} from '../../src/cluster/index.js'
import {connect} from '../../src/cluster/kubeconfig.js'
import {lintFiles} from '../../src/run.js'
import {CLUSTER_FIXTURES, DEFAULT_TOKEN, type Override, startFakeApiServer} from '../support/fake-apiserver.js'
import {mutate, prng} from '../support/fuzz.js'

const SEED = Number(process.env.K8S_NET_FUZZ_SEED ?? 20_261_203)
const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-cluster-fuzz-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

const SECRET = 'fuzz-secret-token-0123456789'
const PASSWORD = 'fuzz-password-0123456789'
const CA = readFileSync(path.join(CLUSTER_FIXTURES, 'tls', 'ca.crt')).toString('base64')
// Exec plugins run with this PATH: only the harmless plugin beside the kubeconfigs can be found.
const EMPTY_PATH = path.join(tmp, 'no-bin')
const PLUGIN = path.join(tmp, 'plugin')
writeFileSync(PLUGIN, `#!${process.execPath}\nprocess.stdout.write(JSON.stringify({kind: 'ExecCredential', apiVersion: 'client.authentication.k8s.io/v1', status: {token: ${JSON.stringify(SECRET)}}}))\n`)
chmodSync(PLUGIN, 0o755)
writeFileSync(path.join(tmp, 'token'), SECRET)

type Random = () => number
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!

/** Values a hostile field may take. */
const HOSTILE: unknown[] = [
  null, '', 'x', 7, -1, 1e308, true, [], {}, [null], {a: {b: {c: {}}}}, '..', '../secrets', 'v1/../../../api/v1/secrets#', 'secrets', 'configmaps', '%2e%2e',
  'https://user:pass@127.0.0.1:1/api/v1/secrets#', 'https://127.0.0.1:1/?x=', 'socks5://127.0.0.1:1', '/dev/zero', '\u001b[31mred', 'x'.repeat(5000), 'Bearer ' + SECRET,
]

/** Every path to a value inside a JSON value. */
function paths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix)
  if (out.length > 5000) return out
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out))
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out)
  return out
}

/** The value with one random place replaced, deleted or repeated. */
function mutateValue(value: unknown, random: Random): unknown {
  const copy = structuredClone(value)
  const all = paths(copy).filter((p) => p.length > 0)
  if (all.length === 0) return pick(random, HOSTILE)
  const at = pick(random, all)
  let parent = copy as Record<string | number, unknown>
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const last = at[at.length - 1]!
  const roll = random()
  if (roll < 0.2 && Array.isArray(parent)) parent.splice(Number(last), 0, structuredClone(parent[Number(last)]))
  else if (roll < 0.35) delete parent[last]
  else parent[last] = pick(random, HOSTILE)
  return copy
}

function baseKubeconfig(server: string, random: Random): Record<string, unknown> {
  const users = [
    {token: SECRET},
    {tokenFile: 'token'},
    {username: 'fuzz', password: PASSWORD},
    {exec: {apiVersion: 'client.authentication.k8s.io/v1', command: './plugin', args: ['--x'], env: [{name: 'A', value: 'b'}], interactiveMode: 'Never', provideClusterInfo: true}},
    {'auth-provider': {name: 'oidc', config: {'id-token': SECRET}}},
  ]
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{name: 'c', cluster: {server, 'certificate-authority-data': CA, 'tls-server-name': '127.0.0.1'}}, {name: 'other', cluster: {server: 'https://127.0.0.1:1'}}],
    users: [{name: 'u', user: pick(random, users)}],
    contexts: [{name: 'ctx', context: {cluster: 'c', user: 'u', namespace: 'shop'}}],
    'current-context': 'ctx',
  }
}

/** Fails the case unless the error is a ClusterError whose message holds no credential. */
function check(error: unknown, failures: string[], label: string): void {
  if (!(error instanceof ClusterError)) {
    failures.push(`${label}: threw ${(error as Error)?.stack ?? String(error)}`)
    return
  }

  for (const secret of [SECRET, PASSWORD]) if (error.message.includes(secret)) failures.push(`${label}: a credential in the message: ${error.message}`)
}

describe(`cluster fuzz (seed ${SEED})`, () => {
  it('mutated kubeconfigs: a connection or a ClusterError, never a credential in a message', async () => {
    const server = await startFakeApiServer({token: SECRET})
    const random = prng(SEED)
    const failures: string[] = []
    try {
      for (let i = 0; i < 150; i++) {
        const base = baseKubeconfig(server.url, random)
        const asText = random() < 0.5
        const text = asText ? mutate(jsYaml.dump(base), random).text : jsYaml.dump(mutateValue(base, random), {skipInvalid: true})
        const file = path.join(tmp, `kubeconfig-${i}.yaml`)
        writeFileSync(file, text)
        const label = `case ${i} (${asText ? 'text' : 'value'})`
        try {
          const connection = await connect({kubeconfig: file, env: {PATH: EMPTY_PATH, HOME: tmp}, execTimeoutMs: 10_000})
          await connection.credentials()
        } catch (error) {
          check(error, failures, label)
        }
      }
    } finally {
      await server.close()
    }

    expect(failures).toEqual([])
  }, 120_000)

  it('mutated discovery and list answers: a lint or a ClusterError; GETs only, never Secrets or ConfigMaps', async () => {
    const random = prng(SEED + 1)
    const failures: string[] = []
    for (let i = 0; i < 40; i++) {
      // Each case mutates a few answers at random, on the wire.
      const rate = 0.05 + random() * 0.25
      const transform = (_r: unknown, answer: Override): Override | undefined => {
        if (random() > rate) return undefined
        const roll = random()
        if (roll < 0.15) return {code: pick(random, [302, 400, 403, 404, 410, 429, 500, 503]), headers: {'retry-after': '0', location: '/api/v1/secrets'}, body: {kind: 'Status', message: `no ${SECRET}`}}
        if (roll < 0.25) return {...answer, body: JSON.stringify(answer.body).slice(0, Math.floor(random() * 200))}
        return {...answer, body: mutateValue(answer.body, random)}
      }
      const server = await startFakeApiServer({maxPageSize: 1 + Math.floor(random() * 5), transform})
      const kubeconfig = server.kubeconfig(path.join(tmp, `fuzz-${i}.yaml`))
      try {
        await lintFiles([], {cluster: {kubeconfig, requestTimeout: '2s', onWarning: (m) => m.includes(DEFAULT_TOKEN) && failures.push(`case ${i}: a token in a warning: ${m}`)}})
      } catch (error) {
        check(error, failures, `case ${i}`)
      } finally {
        await server.close()
      }

      for (const r of server.requests) {
        if (r.method !== 'GET' || /secrets|configmaps/.test(r.path)) failures.push(`case ${i}: ${r.method} ${r.path}`)
      }
    }

    expect(failures).toEqual([])
  }, 240_000)

  it('a server paging one object at a time still gives every object', async () => {
    const server = await startFakeApiServer({maxPageSize: 1})
    try {
      const one = await loadCluster({kubeconfig: server.kubeconfig(path.join(tmp, 'paged.yaml'))}, {reference: false, settings: {systemNamespaces: []}})
      const all = await startFakeApiServer()
      try {
        const whole = await loadCluster({kubeconfig: all.kubeconfig(path.join(tmp, 'whole.yaml'))}, {reference: false, settings: {systemNamespaces: []}})
        expect(one.resources.map((r) => `${r.kind} ${r.namespace}/${r.name}`).sort()).toEqual(whole.resources.map((r) => `${r.kind} ${r.namespace}/${r.name}`).sort())
      } finally {
        await all.close()
      }
    } finally {
      await server.close()
    }
  })
})
