/**
 * The kubeconfig loader follows kubectl's rules: on the same files,
 * environment and flags, it picks what `kubectl config view --minify --raw`
 * picks (context, cluster, user, namespace; KUBECONFIG merged, first wins),
 * and reads the files `kubectl config view --minify --flatten` embeds
 * (relative paths against the folder of the kubeconfig that names them).
 * Skipped, saying so, where kubectl is absent.
 */
import {execFile, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsYaml from 'js-yaml'
import {afterAll, describe, expect, it} from 'vitest'
import {ClusterError} from '../../src/cluster/errors.js'
import {connect, kubeconfigFiles, type KubeconfigOptions, loadKubeconfig, selectContext} from '../../src/cluster/kubeconfig.js'
import {CLUSTER_FIXTURES} from '../support/fake-apiserver.js'

const hasKubectl = spawnSync('kubectl', ['version', '--client'], {encoding: 'utf8'}).status === 0
const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-kubectl-config-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

const TLS = path.join(CLUSTER_FIXTURES, 'tls')
const CA = readFileSync(path.join(TLS, 'ca.crt'))
const CERT = readFileSync(path.join(TLS, 'server.crt'))
const KEY = readFileSync(path.join(TLS, 'server.key'))

function write(relative: string, content: unknown): string {
  const file = path.join(tmp, relative)
  mkdirSync(path.dirname(file), {recursive: true})
  writeFileSync(file, typeof content === 'string' || Buffer.isBuffer(content) ? content : jsYaml.dump(content))
  return file
}

/** kubectl config view's answer for these options, as JSON, or its error. */
function kubectlView(options: KubeconfigOptions, extra: string[] = []): Promise<{config?: Record<string, unknown>; error?: string}> {
  const args = ['config', 'view', '--minify', '-o', 'json', ...extra]
  if (options.kubeconfig) args.push('--kubeconfig', options.kubeconfig)
  if (options.context) args.push('--context', options.context)
  return new Promise((resolve) => {
    execFile('kubectl', args, {cwd: options.cwd ?? tmp, encoding: 'utf8', env: {PATH: process.env.PATH, ...options.env}}, (error, stdout, stderr) =>
      resolve(error ? {error: stderr.trim()} : {config: JSON.parse(stdout) as Record<string, unknown>}),
    )
  })
}

/** What k8s-net picks, in the shape kubectl prints (the fields both know). */
function ours(options: KubeconfigOptions): {config?: Record<string, unknown>; error?: string} {
  try {
    const files = kubeconfigFiles(options)
    const s = selectContext(loadKubeconfig(files), options.context)
    return {
      config: {
        'current-context': s.contextName,
        contexts: [{name: s.contextName, context: s.context}],
        clusters: [{name: s.cluster.name, cluster: s.cluster.value}],
        users: s.user ? [{name: s.user.name, user: s.user.value}] : [],
      },
    }
  } catch (error) {
    if (!(error instanceof ClusterError)) throw error
    return {error: error.message}
  }
}

const CLUSTER_FIELDS = ['server', 'certificate-authority', 'certificate-authority-data', 'insecure-skip-tls-verify', 'tls-server-name', 'proxy-url']
const USER_FIELDS = ['token', 'tokenFile', 'client-certificate', 'client-key', 'client-certificate-data', 'client-key-data', 'username', 'password']
const pick = (o: unknown, keys: string[]): Record<string, unknown> =>
  Object.fromEntries(keys.filter((k) => (o as Record<string, unknown>)?.[k] !== undefined).map((k) => [k, (o as Record<string, unknown>)[k]]))

/** The parts of a minified config both sides give. */
function shape(config: Record<string, unknown>): unknown {
  const first = (key: string): Record<string, unknown> | undefined => (config[key] as Array<Record<string, unknown>> | undefined)?.[0]
  const exec = (first('users')?.user as Record<string, unknown> | undefined)?.exec as Record<string, unknown> | undefined
  return {
    current: config['current-context'],
    context: {name: first('contexts')?.name, ...pick(first('contexts')?.context, ['cluster', 'user', 'namespace'])},
    cluster: {name: first('clusters')?.name, ...pick(first('clusters')?.cluster, CLUSTER_FIELDS)},
    user: {name: first('users')?.name, ...pick(first('users')?.user, USER_FIELDS), ...(exec ? {exec: pick(exec, ['apiVersion', 'command', 'args', 'interactiveMode'])} : {})},
  }
}

const a = {
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [{name: 'prod', cluster: {server: 'https://127.0.0.1:6443/k8s/clusters/c-1', 'certificate-authority': 'ca.crt', 'tls-server-name': 'kubernetes'}}],
  users: [{name: 'alice', user: {'client-certificate': 'certs/alice.crt', 'client-key': 'certs/alice.key'}}],
  contexts: [{name: 'prod', context: {cluster: 'prod', user: 'alice', namespace: 'shop'}}],
  'current-context': 'prod',
}
// Defines prod again (ignored: the first file wins per name), and more.
const b = {
  clusters: [
    {name: 'prod', cluster: {server: 'https://127.0.0.2:6443', 'insecure-skip-tls-verify': true}},
    {name: 'dev', cluster: {server: 'https://127.0.0.1:7443', 'insecure-skip-tls-verify': true, 'proxy-url': 'http://127.0.0.1:3128'}},
  ],
  users: [
    {name: 'alice', user: {token: 'shadowed-token'}},
    {name: 'bob', user: {tokenFile: 'tokens/bob'}},
    {name: 'carol', user: {username: 'carol', password: 'hunter2-secret'}},
    {name: 'dave', user: {token: 'dave-token', username: 'dave', password: 'hunter2-secret'}},
    {name: 'ci', user: {exec: {apiVersion: 'client.authentication.k8s.io/v1', command: './bin/creds', args: ['--team', 'shop'], interactiveMode: 'Never'}}},
  ],
  contexts: [
    {name: 'dev', context: {cluster: 'dev', user: 'bob'}},
    {name: 'ci', context: {cluster: 'dev', user: 'ci', namespace: 'build'}},
    {name: 'basic', context: {cluster: 'dev', user: 'carol'}},
    {name: 'both', context: {cluster: 'dev', user: 'dave'}},
  ],
  'current-context': 'dev',
}

describe(hasKubectl ? 'the kubeconfig loader against kubectl config view' : 'the kubeconfig loader against kubectl config view (skipped: kubectl is not installed)', () => {
  const fileA = write('team/a.yaml', a)
  write('team/ca.crt', CA)
  write('team/certs/alice.crt', CERT)
  write('team/certs/alice.key', KEY)
  const fileB = write('b.yaml', b)
  write('tokens/bob', 'bob-token\n')
  const home = path.join(tmp, 'home')
  write('home/.kube/config', {...b, 'current-context': 'ci'})
  const empty = path.join(tmp, 'empty-home')
  mkdirSync(empty)

  const cases: Array<{name: string; options: KubeconfigOptions}> = [
    {name: 'KUBECONFIG with two files and a missing one: the first current-context, the first entry of each name', options: {env: {KUBECONFIG: [fileA, path.join(tmp, 'missing.yaml'), fileB].join(':'), HOME: empty}}},
    {name: 'the same files the other way round', options: {env: {KUBECONFIG: [fileB, fileA].join(':'), HOME: empty}}},
    {name: '--context picks a context of the second file', options: {context: 'ci', env: {KUBECONFIG: [fileA, fileB].join(':'), HOME: empty}}},
    {name: '--kubeconfig alone, whatever KUBECONFIG says', options: {kubeconfig: fileB, env: {KUBECONFIG: fileA, HOME: empty}}},
    {name: '~/.kube/config when nothing else is given', options: {env: {HOME: home}}},
    {name: 'a relative KUBECONFIG entry, against the working directory', options: {cwd: path.join(tmp, 'team'), env: {KUBECONFIG: 'a.yaml', HOME: empty}}},
    {name: 'a context that does not exist', options: {context: 'nope', env: {KUBECONFIG: fileA, HOME: empty}}},
  ]

  it.skipIf(!hasKubectl).each(cases)('$name', async ({options}) => {
    const theirs = await kubectlView(options, ['--raw'])
    const mine = ours(options)
    if (theirs.error !== undefined) {
      expect(mine.error).toBeDefined()
      return
    }

    expect(mine.error).toBeUndefined()
    expect(shape(mine.config!)).toEqual(shape(theirs.config!))
  })

  it.skipIf(!hasKubectl)('reads the files kubectl embeds with --flatten: relative to the kubeconfig that names them', async () => {
    const options = {env: {KUBECONFIG: [fileA, fileB].join(':'), HOME: empty}}
    const {config} = await kubectlView(options, ['--flatten'])
    const cluster = (config!.clusters as Array<{cluster: Record<string, string>}>)[0]!.cluster
    const user = (config!.users as Array<{user: Record<string, string>}>)[0]!.user
    const connection = await connect(options)
    expect(connection.tls.ca?.toString('base64')).toBe(cluster['certificate-authority-data'])
    expect(connection.tls.cert?.toString('base64')).toBe(user['client-certificate-data'])
    expect(connection.tls.key?.toString('base64')).toBe(user['client-key-data'])
    expect(connection.tls.servername).toBe(cluster['tls-server-name'])
    expect(connection.server).toBe(cluster.server)
    expect(connection.namespace).toBe('shop')
  })

  it.skipIf(!hasKubectl)('reads a tokenFile relative to its kubeconfig, sends basic auth, and refuses both at once as kubectl does', async () => {
    const env = {KUBECONFIG: [fileA, fileB].join(':'), HOME: empty}
    expect(await (await connect({context: 'dev', env})).credentials()).toEqual({authorization: 'Bearer bob-token'})
    expect(await (await connect({context: 'basic', env})).credentials()).toEqual({authorization: `Basic ${Buffer.from('carol:hunter2-secret').toString('base64')}`})
    await expect(connect({context: 'both', env})).rejects.toThrow('sets both a token and a username/password: kubectl refuses more than one authentication method too')
    // kubectl refuses it when it builds its client.
    const kubectl = spawnSync('kubectl', ['--context', 'both', 'get', '--raw', '/version', '--request-timeout', '1s'], {encoding: 'utf8', env: {PATH: process.env.PATH, ...env}})
    expect(kubectl.stderr).toContain('more than one authentication method found for dave')
  })
})
