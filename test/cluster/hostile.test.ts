/**
 * Hostile servers and crafted kubeconfigs: a discovery answer that points at
 * Secrets, server URLs with paths, queries and credentials, removed auth
 * providers, credentials echoed back, servers that throttle, fail, redirect or
 * page forever, proxies that never answer, files that are not files, bad
 * client keys, rotated token files, bad namespaces, and what exec plugins are
 * told. Each case is a regression test of issue 12 (the number in its title).
 */
import {generateKeyPairSync} from 'node:crypto'
import {chmodSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync} from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import jsYaml from 'js-yaml'
import {afterAll, describe, expect, it} from 'vitest'
import {ApiClient, apiPath} from '../../src/cluster/api.js'
import {collectionPath} from '../../src/cluster/discovery.js'
import {ClusterError} from '../../src/cluster/errors.js'
import {type ClusterOptions, loadCluster} from '../../src/cluster/index.js'
import {connect} from '../../src/cluster/kubeconfig.js'
import {runCliAsync} from '../support/cli-async.js'
import {CLUSTER_FIXTURES, DEFAULT_TOKEN, type FakeApiServer, type FakeApiServerOptions, silentServer, startFakeApiServer} from '../support/fake-apiserver.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-hostile-cluster-'))
const servers: Array<{close(): Promise<void>}> = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
  rmSync(tmp, {recursive: true, force: true})
})

const CA = readFileSync(path.join(CLUSTER_FIXTURES, 'tls', 'ca.crt'))
const settings = {systemNamespaces: ['kube-system', 'kube-public', 'kube-node-lease']}
let files = 0

async function serve(options: FakeApiServerOptions = {}): Promise<FakeApiServer> {
  const server = await startFakeApiServer(options)
  servers.push(server)
  return server
}

/** A kubeconfig of one context, with whatever cluster and user fields a case needs. */
function kubeconfig(cluster: Record<string, unknown>, user: Record<string, unknown> = {token: DEFAULT_TOKEN}, context: Record<string, unknown> = {}): string {
  const file = path.join(tmp, `kubeconfig-${++files}.yaml`)
  writeFileSync(
    file,
    jsYaml.dump({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{name: 'hostile', cluster: {'certificate-authority-data': CA.toString('base64'), ...cluster}}],
      users: [{name: 'mallory', user}],
      contexts: [{name: 'ctx', context: {cluster: 'hostile', user: 'mallory', ...context}}],
      'current-context': 'ctx',
    }),
  )
  return file
}

async function load(file: string, options: Partial<ClusterOptions> = {}) {
  const warnings: string[] = []
  const loaded = await loadCluster({kubeconfig: file, onWarning: (m) => warnings.push(m), ...options}, {reference: false, settings})
  return {loaded, warnings}
}

/** The error a load fails with: a ClusterError (exit 2), never anything else. */
async function failure(file: string, options: Partial<ClusterOptions> = {}): Promise<string> {
  const error = await load(file, options).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ClusterError)
  return (error as Error).message
}

const resourceList = (groupVersion: string, resources: Array<{name: string; kind: string; namespaced?: boolean}>) => ({
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion,
  resources: resources.map((r) => ({namespaced: true, verbs: ['get', 'list'], ...r})),
})

describe('1. discovery values never reach a URL unchecked, and Secrets are never requested', () => {
  it.each([
    {name: 'a group version with .. and #', at: '/apis', body: {kind: 'APIGroupList', groups: [{name: 'networking.k8s.io', versions: [{groupVersion: 'x', version: 'v1/../../../api/v1/secrets#'}], preferredVersion: {version: 'v1/../../../api/v1/secrets#'}}]}, error: /invalid version "v1\/\.\.\/\.\.\/\.\.\/api\/v1\/secrets#" of API group networking\.k8s\.io/},
    {name: 'a group name with a slash', at: '/apis', body: {kind: 'APIGroupList', groups: [{name: '../api', versions: [{version: 'v1'}]}]}, error: /invalid API group name "\.\.\/api"/},
    {name: 'a resource name with ..', at: '/apis/apps/v1', body: resourceList('apps/v1', [{name: '..', kind: 'Deployment'}]), error: /invalid resource name "\.\."/},
    {name: 'an encoded resource name', at: '/apis/apps/v1', body: resourceList('apps/v1', [{name: 'deployments%2F..%2Fsecrets', kind: 'Deployment'}]), error: /invalid resource name/},
  ])('$name: refused, and no request names secrets', async ({at, body, error}) => {
    const server = await serve({override: (r) => (r.path === at ? {code: 200, body} : undefined)})
    expect(await failure(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)))).toMatch(error)
    expect(server.requests.filter((r) => /secrets|configmaps/.test(r.path))).toEqual([])
  })

  it('the guard is on the final URL: normalised, decoded, under any prefix', async () => {
    const connection = await connect({kubeconfig: kubeconfig({server: 'https://127.0.0.1:1'})})
    const client = new ApiClient(connection, 0, 1)
    expect(() => client.urlOf('/api/v1/secrets')).toThrow('k8s-net never reads Secrets or ConfigMaps')
    expect(() => client.urlOf('/apis/apps/v1/../../../api/v1/namespaces/x/configmaps')).toThrow('never reads Secrets or ConfigMaps')
    expect(() => client.urlOf('/api/v1/%73ecrets')).toThrow('never reads Secrets or ConfigMaps')
    const prefixed = new ApiClient(await connect({kubeconfig: kubeconfig({server: 'https://127.0.0.1:1/api/v1/namespaces/x/secrets'})}), 0, 1)
    expect(() => prefixed.urlOf('/api/v1')).toThrow('never reads Secrets or ConfigMaps')
    // Paths are made of names only; a namespace may be called "secrets".
    expect(() => apiPath('api', '..', 'secrets')).toThrow('refusing to request an API path with the segment ".."')
    expect(() => apiPath('api', 'v1/secrets')).toThrow('refusing')
    expect(client.urlOf(collectionPath({group: '', version: 'v1', resource: 'services', kind: 'Service', namespaced: true}, 'secrets')).pathname).toBe('/api/v1/namespaces/secrets/services')
  })

  it('objects are linted as the kind k8s-net asked for, whatever discovery calls it', async () => {
    const server = await serve({override: (r) => (r.path === '/apis/apps/v1' ? {code: 200, body: resourceList('apps/v1', [{name: 'deployments', kind: 'Secret'}])} : undefined)})
    const {loaded} = await load(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)))
    expect(loaded.resources.some((r) => r.kind === 'Secret')).toBe(false)
    expect(loaded.resources.some((r) => r.kind === 'Deployment')).toBe(true)
  })
})

describe('2. the server URL: a path prefix is kept, a query or fragment refused, no discovery is an error', () => {
  it('keeps a path prefix (as behind Rancher) for every request', async () => {
    const server = await serve({prefix: '/k8s/clusters/c-1'})
    const {loaded} = await load(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)))
    expect(loaded.resources.length).toBeGreaterThan(10)
    expect(server.requests.length).toBeGreaterThan(5)
    expect(server.requests.every((r) => r.path.startsWith('/k8s/clusters/c-1/'))).toBe(true)
  })

  it.each([
    {name: 'a fragment', suffix: '/api/v1/namespaces/x/secrets#', error: 'has a server address with a query or fragment'},
    {name: 'a query', suffix: '/api/v1/namespaces/x/secrets?x=', error: 'has a server address with a query or fragment'},
    {name: 'an empty fragment', suffix: '/#', error: 'has a server address with a query or fragment'},
    {name: 'an encoded slash', suffix: '/k8s%2Fclusters', error: 'has an encoded slash in its server address'},
  ])('refuses $name (exit 2), before any request', async ({suffix, error}) => {
    const server = await serve()
    expect(await failure(kubeconfig({server: server.url + suffix}))).toContain(error)
    expect(server.requests).toEqual([])
  })

  it('a server that answers no discovery under the prefix is an error, not a clean run', async () => {
    const server = await serve()
    expect(await failure(kubeconfig({server: `${server.url}/not-here`}))).toMatch(/^cannot read the core API of the cluster \(GET \/api\/v1\): 404 NotFound/)
  })

  it('a server that answers discovery with something else is an error', async () => {
    const server = await serve({override: (r) => (r.path === '/api/v1' ? {code: 200, body: {hello: 'world'}} : undefined)})
    expect(await failure(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)))).toContain('the answer to GET /api/v1 is not an APIResourceList')
  })
})

describe('3. removed auth providers are refused, naming their exec plugin; nothing is run', () => {
  it.each([
    {name: 'gcp', plugin: 'gke-gcloud-auth-plugin'},
    {name: 'azure', plugin: 'kubelogin'},
  ])('$name', async ({name, plugin}) => {
    const marker = path.join(tmp, `ran-${name}`)
    const file = kubeconfig({server: 'https://127.0.0.1:1'}, {'auth-provider': {name, config: {'cmd-path': '/bin/sh', 'cmd-args': `-c "touch ${marker}"`, 'access-token': 'x'}}})
    const message = await failure(file)
    expect(message).toContain(`user mallory of context ctx in ${file} uses the ${name} auth-provider, which kubectl removed in 1.26 and k8s-net does not run: use the exec plugin ${plugin}`)
    expect(() => readFileSync(marker)).toThrow()
  })

  it('an auth provider beside an exec plugin is refused, as kubectl does', async () => {
    expect(await failure(kubeconfig({server: 'https://127.0.0.1:1'}, {'auth-provider': {name: 'gcp'}, exec: {apiVersion: 'client.authentication.k8s.io/v1', command: 'true', interactiveMode: 'Never'}}))).toContain(
      'sets both an auth-provider and an exec plugin: kubectl refuses that too',
    )
  })

  it('an unknown auth provider is refused too', async () => {
    expect(await failure(kubeconfig({server: 'https://127.0.0.1:1'}, {'auth-provider': {name: 'openstack'}}))).toContain('uses the auth-provider "openstack", which k8s-net does not support')
  })
})

describe('4. no credential in any message', () => {
  it('a password in the server URL', async () => {
    const message = await failure(kubeconfig({server: 'https://admin:hunter2-secret@127.0.0.1:1'}))
    expect(message).toContain('has credentials in its server address ("https://***@127.0.0.1:1")')
    expect(message).not.toContain('hunter2')
  })

  it('a token echoed by the API server in an error', async () => {
    const token = 'echoed-token-0123456789'
    const server = await serve({token, override: (r) => (r.path === '/apis/apps/v1/deployments' ? {code: 500, body: {kind: 'Status', reason: 'InternalError', message: `token ${token} and Authorization: Bearer ${token}`}} : undefined)})
    const message = await failure(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)))
    expect(message).toContain('cannot list deployments.apps (GET /apis/apps/v1/deployments): 500 InternalError: token *** and Authorization: Bearer ***')
    expect(message).not.toContain(token)
  })

  it('a token echoed in a warning', async () => {
    const token = 'warned-token-0123456789'
    const server = await serve({token, override: (r) => (r.path === '/apis/apps/v1' ? {code: 403, body: {kind: 'Status', reason: 'Forbidden', message: `no: ${token}`}} : undefined)})
    const {warnings} = await load(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)))
    expect(warnings.join('\n')).toContain('cannot discover API group apps/v1 (403 Forbidden)')
    expect(warnings.join('\n')).not.toContain(token)
  })

  it("an exec plugin's bad output is not echoed", async () => {
    const plugin = script('echo-token', `process.stdout.write('Bearer sk-live-0123456789abcdef oops')`)
    const message = await failure(kubeconfig({server: 'https://127.0.0.1:1'}, {exec: {apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never'}}))
    expect(message).toContain('gave an answer k8s-net cannot use: it is not JSON (an ExecCredential was expected)')
    expect(message).not.toContain('sk-live')
  })

  it('the 401 message names the user, not the token', async () => {
    const server = await serve()
    const message = await failure(kubeconfig({server: server.url}, {token: 'wrong-token-0123456789'}))
    expect(message).toContain('refused the credentials of user mallory (context ctx): 401 Unauthorized')
    expect(message).not.toContain('wrong-token')
  })
})

describe('8. a core discovery without resources is an error, not an empty cluster', () => {
  it.each([
    {name: 'no resources', body: resourceList('v1', [])},
    {name: 'no Services', body: resourceList('v1', [{name: 'namespaces', kind: 'Namespace', namespaced: false}, {name: 'pods', kind: 'Pod'}])},
  ])('$name', async ({body}) => {
    const server = await serve({override: (r) => (r.path === '/api/v1' ? {code: 200, body} : undefined)})
    expect(await failure(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)))).toMatch(/^the core API of the cluster \(GET \/api\/v1\) does not list (namespaces, )?services(, pods)?: is https:\/\/127\.0\.0\.1:\d+ the address of a Kubernetes API server/)
  })
})

describe('10. throttling, failures, redirects, malformed lists', () => {
  it('retries 429 and 503 after Retry-After, within the deadline', async () => {
    let refusals = 0
    const server = await serve({
      override: (r) => (r.path === '/api/v1/services' && refusals++ < 2 ? {code: refusals === 1 ? 429 : 503, headers: {'retry-after': '1'}, body: {kind: 'Status', reason: 'TooManyRequests', message: 'slow down'}} : undefined),
    })
    const {loaded} = await load(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)))
    expect(server.requests.filter((r) => r.path === '/api/v1/services')).toHaveLength(3)
    expect(loaded.resources.some((r) => r.kind === 'Service')).toBe(true)
  })

  it('gives up when Retry-After is beyond the deadline: the kind cannot be read (exit 2)', async () => {
    const server = await serve({override: (r) => (r.path === '/api/v1/services' ? {code: 429, headers: {'retry-after': '3600'}, body: {kind: 'Status', reason: 'TooManyRequests', message: 'slow down'}} : undefined)})
    expect(await failure(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)), {requestTimeout: '5s'})).toBe(
      'cannot list services (GET /api/v1/services): 429 TooManyRequests: slow down (it asked to retry after 3600s, beyond the deadline or the attempts)',
    )
    expect(server.requests.filter((r) => r.path === '/api/v1/services')).toHaveLength(1)
  })

  it.each([
    {name: 'a 500', answer: {code: 500, body: {kind: 'Status', reason: 'InternalError', message: 'etcd is down'}}, error: 'cannot list ingresses.networking.k8s.io (GET /apis/networking.k8s.io/v1/ingresses): 500 InternalError: etcd is down'},
    {name: 'a redirect', answer: {code: 302, headers: {location: 'https://127.0.0.1:1/api/v1/secrets'}, body: ''}, error: 'the API server redirected GET /apis/networking.k8s.io/v1/ingresses to "https://127.0.0.1:1/api/v1/secrets": k8s-net does not follow redirects'},
    {name: 'malformed JSON', answer: {code: 200, body: '{"items": [{'}, error: 'the answer to GET /apis/networking.k8s.io/v1/ingresses is not JSON'},
    {name: 'an answer that is not a list', answer: {code: 200, body: {kind: 'IngressList', items: 'none'}}, error: 'the answer to GET /apis/networking.k8s.io/v1/ingresses is not a list: Ingress objects cannot be read'},
  ])('$name on a list: the kind cannot be read (exit 2)', async ({answer, error}) => {
    const server = await serve({override: (r) => (r.path === '/apis/networking.k8s.io/v1/ingresses' ? answer : undefined)})
    expect(await failure(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)))).toContain(error)
  })

  it('a 500 on the discovery of a group the lint needs is an error too', async () => {
    const server = await serve({override: (r) => (r.path === '/apis/apps/v1' ? {code: 500, body: {kind: 'Status', reason: 'InternalError', message: 'boom'}} : undefined)})
    expect(await failure(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)))).toBe('cannot discover API group apps/v1 (GET /apis/apps/v1): 500 InternalError: boom')
  })

  it('null, string and number items are reported, the kind counts as not fully read, the other items are linted', async () => {
    const server = await serve({
      override: (r) =>
        r.path === '/api/v1/services'
          ? {code: 200, body: {kind: 'ServiceList', metadata: {}, items: [null, 'x', 7, {metadata: {name: 'ok', namespace: 'shop'}, spec: {ports: [{port: 80}]}}]}}
          : undefined,
    })
    const {loaded, warnings} = await load(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)))
    expect(warnings).toContain(
      'the list of services has 3 items that are not an object (null, a string, a number or a list): not linted, and rules that would look for a Service there say nothing',
    )
    expect(loaded.unreadable).toContainEqual({kind: 'Service'})
    expect(loaded.resources.filter((r) => r.kind === 'Service').map((r) => r.name)).toEqual(['ok'])
  })

  it('a 403 on a list stays a warning', async () => {
    const server = await serve({forbidden: [{group: 'apps', resource: 'deployments'}]})
    const {warnings} = await load(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)))
    expect(warnings.some((w) => w.startsWith('forbidden: cannot list deployments.apps, so rules that would look for a Deployment there say nothing'))).toBe(true)
  })
})

describe('17. continue tokens that repeat or never end', () => {
  it('a token seen before (A, B, A...) is an error, not an endless loop', async () => {
    const server = await serve({
      override: (r) => (r.path === '/api/v1/pods' ? {code: 200, body: {kind: 'PodList', metadata: {continue: r.query.continue === 'A' ? 'B' : 'A'}, items: []}} : undefined),
    })
    expect(await failure(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)))).toBe('the API server repeated a continue token listing pods: the list would never end')
    expect(server.requests.filter((r) => r.path === '/api/v1/pods')).toHaveLength(3)
  })

  it('new tokens forever: the whole listing is bound by a deadline (10 × --request-timeout) and a number of pages', async () => {
    let n = 0
    const server = await serve({override: (r) => (r.path === '/api/v1/pods' ? {code: 200, body: {kind: 'PodList', metadata: {continue: `t${++n}`}, items: []}} : undefined)})
    // Which bound stops it first depends on how fast this machine answers: either is the promise kept.
    expect(await failure(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)), {requestTimeout: '1s'})).toMatch(
      /^listing pods did not end (within 10s \(10 × --request-timeout\)|after 20000 pages): the API server keeps handing out continue tokens$/,
    )
  })
})

describe('18. proxies', () => {
  it('a proxy that never answers CONNECT: the --request-timeout deadline holds', async () => {
    const silent = await silentServer()
    servers.push(silent)
    const proxy = silent.url.replace('https:', 'http:')
    const message = await failure(kubeconfig({server: 'https://127.0.0.1:9', 'proxy-url': proxy}), {requestTimeout: '1s'})
    expect(message).toBe(`no answer from the API server https://127.0.0.1:9 (context ctx) through the proxy ${new URL(proxy).host} within 1s (--request-timeout)`)
  })

  it('a CONNECT proxy is used, with TLS to the server through it', async () => {
    const server = await serve()
    const proxy = await connectProxy()
    const {loaded} = await load(kubeconfig({server: server.url, 'proxy-url': proxy.url}))
    expect(loaded.resources.length).toBeGreaterThan(10)
    expect(proxy.connects.every((c) => c === new URL(server.url).host)).toBe(true)
    expect(proxy.connects.length).toBeGreaterThan(0)
  })

  it('socks5 is refused clearly', async () => {
    expect(await failure(kubeconfig({server: 'https://127.0.0.1:9', 'proxy-url': 'socks5://127.0.0.1:1080'}))).toContain('proxy-url is a socks5 proxy: k8s-net supports http and https proxies only')
  })

  it('HTTPS_PROXY from the environment is used when the kubeconfig names no proxy-url', async () => {
    const server = await serve()
    // The proxy resolves the name: nothing but the proxy is asked for it, and all traffic stays on 127.0.0.1.
    const proxy = await connectProxy({'kube.example.test': '127.0.0.1'})
    const port = new URL(server.url).port
    const file = kubeconfig({server: `https://kube.example.test:${port}`, 'tls-server-name': 'localhost'})
    const {loaded} = await load(file, {env: {https_proxy: proxy.url.replace('http://', ''), NO_PROXY: 'localhost,.cluster.local,10.0.0.0/8'}})
    expect(loaded.resources.length).toBeGreaterThan(10)
    expect(new Set(proxy.connects)).toEqual(new Set([`kube.example.test:${port}`]))
  })

  it('the environment proxy is never used for a loopback server, and the kubeconfig proxy-url wins over it', async () => {
    const server = await serve()
    const unused = await connectProxy()
    await load(kubeconfig({server: server.url}), {env: {HTTPS_PROXY: unused.url}})
    expect(unused.connects).toEqual([])
    const named = await connectProxy()
    await load(kubeconfig({server: server.url, 'proxy-url': named.url}), {env: {HTTPS_PROXY: 'http://127.0.0.1:9'}})
    expect(named.connects.length).toBeGreaterThan(0)
  })

  it('a bad HTTPS_PROXY is an error naming the variable, without its password', async () => {
    const message = await failure(kubeconfig({server: 'https://kube.example.test:6443'}), {env: {HTTPS_PROXY: 'ftp://user:hunter2@proxy.example:21'}})
    expect(message).toBe('HTTPS_PROXY is not an http(s) proxy URL: "ftp://***@proxy.example:21"')
  })
})

describe('19. files that are not files, or too large', () => {
  it.each([
    {name: '/dev/zero', file: () => '/dev/zero', error: 'kubeconfig /dev/zero is not a regular file'},
    {name: 'a folder', file: () => tmp, error: `kubeconfig ${tmp} is not a regular file`},
    {
      name: 'a 17 MiB file',
      file: () => {
        const f = path.join(tmp, 'huge.yaml')
        writeFileSync(f, '')
        truncateSync(f, 17 * 1024 * 1024)
        return f
      },
      error: 'is larger than 16 MiB',
    },
  ])('--kubeconfig $name', async ({file, error}) => {
    expect(await failure(file())).toContain(error)
  })

  it('a certificate-authority that is a device', async () => {
    expect(await failure(kubeconfig({server: 'https://127.0.0.1:9', 'certificate-authority-data': undefined, 'certificate-authority': '/dev/zero'}))).toBe(
      'certificate-authority of cluster hostile in ' + path.join(tmp, `kubeconfig-${files}.yaml`) + ': /dev/zero is not a regular file',
    )
  })
})

describe('24. bad client certificates and keys are errors naming the kubeconfig user', () => {
  const cert = readFileSync(path.join(CLUSTER_FIXTURES, 'tls', 'server.crt'), 'utf8')
  const otherKey = generateKeyPairSync('ec', {namedCurve: 'prime256v1'}).privateKey.export({type: 'pkcs8', format: 'pem'}).toString()
  it.each([
    {name: 'a key of another certificate', key: otherKey, error: 'the key does not belong to the certificate'},
    {name: 'a key that is not PEM', key: 'not a key at all', error: 'it is not a PEM certificate or key'},
  ])('$name', async ({key, error}) => {
    const file = kubeconfig({server: 'https://127.0.0.1:9'}, {'client-certificate-data': Buffer.from(cert).toString('base64'), 'client-key-data': Buffer.from(key).toString('base64')})
    const message = await failure(file)
    expect(message).toBe(`the client certificate and key of user mallory of context ctx in ${file} cannot be used: ${error}`)
    expect(message).not.toContain('PRIVATE KEY')
  })

  it('a certificate without its key', async () => {
    expect(await failure(kubeconfig({server: 'https://127.0.0.1:9'}, {'client-certificate-data': Buffer.from(cert).toString('base64')}))).toContain('has a client certificate without its key')
  })
})

describe('27. tokenFile', () => {
  it('is used, and read again for every request (a rotated token is picked up)', async () => {
    const tokenFile = path.join(tmp, 'token')
    writeFileSync(tokenFile, 'first-token\n')
    // The token changes when the first list is asked for; the path is relative to the kubeconfig's folder.
    const rotated = await serve({
      token: 'first-token',
      tokens: ['second-token'],
      override: (r) => {
        if (r.path === '/api/v1/namespaces') writeFileSync(tokenFile, 'second-token')
        return undefined
      },
    })
    await load(kubeconfig({server: rotated.url}, {tokenFile: path.basename(tokenFile)}))
    const seen = new Set(rotated.requests.map((r) => r.authorization))
    expect(seen).toEqual(new Set(['Bearer first-token', 'Bearer second-token']))
  })

  it('a missing tokenFile is an error naming it, not a 401 blaming an expired token', async () => {
    const message = await failure(kubeconfig({server: 'https://127.0.0.1:9'}, {tokenFile: 'nope'}))
    expect(message).toMatch(/^tokenFile of user mallory of context ctx in .*: .*\/nope: no such file$/)
  })
})

describe('28. namespaces and expired OIDC tokens', () => {
  it.each(['..', '.', 'a/b', 'UPPER', '', 'x'.repeat(64), '%2e%2e'])('--namespace %j is refused before any request', async (ns) => {
    const server = await serve()
    expect(await failure(server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)), {namespaces: [ns]})).toContain(`--namespace ${JSON.stringify(ns).slice(0, 40)}`)
    expect(server.requests).toEqual([])
  })

  it('a context namespace that is not a name is refused', async () => {
    expect(await failure(kubeconfig({server: 'https://127.0.0.1:9'}, {token: 't'}, {namespace: '../kube-system'}))).toContain('has an invalid namespace "../kube-system"')
  })

  it('an expired OIDC id-token says so and how to renew it', async () => {
    const jwt = (claims: object): string => ['{"alg":"none"}', JSON.stringify(claims), ''].map((p) => Buffer.from(p).toString('base64url')).join('.')
    const token = jwt({exp: Math.floor(Date.now() / 1000) - 60, sub: 'me'})
    const message = await failure(kubeconfig({server: 'https://127.0.0.1:9'}, {'auth-provider': {name: 'oidc', config: {'id-token': token, 'refresh-token': 'refresh-me-please', 'idp-issuer-url': 'https://127.0.0.1:1'}}}))
    expect(message).toMatch(/^the OIDC id-token of user mallory of context ctx in .* expired at .*: k8s-net does not refresh OIDC tokens: .*kubelogin/)
    expect(message).not.toContain(token)
  })

  it('a valid OIDC id-token is sent as a bearer token', async () => {
    const jwt = ['{"alg":"none"}', JSON.stringify({exp: Math.floor(Date.now() / 1000) + 3600}), ''].map((p) => Buffer.from(p).toString('base64url')).join('.')
    const server = await serve({token: jwt})
    const {loaded} = await load(kubeconfig({server: server.url}, {'auth-provider': {name: 'oidc', config: {'id-token': jwt}}}))
    expect(loaded.resources.length).toBeGreaterThan(0)
  })
})

describe('30. exec plugins', () => {
  it('get KUBERNETES_EXEC_INFO, with the cluster when provideClusterInfo is set, and their answer is kept until it expires', async () => {
    const server = await serve({token: 'from-plugin'})
    const log = path.join(tmp, 'exec-info.jsonl')
    const plugin = script(
      'plugin',
      `require('fs').appendFileSync(${JSON.stringify(log)}, process.env.KUBERNETES_EXEC_INFO + '\\n')
process.stdout.write(JSON.stringify({kind: 'ExecCredential', apiVersion: 'client.authentication.k8s.io/v1', status: {token: 'from-' + process.env.WHO, expirationTimestamp: new Date(Date.now() + 3600e3).toISOString()}}))`,
    )
    await load(
      kubeconfig(
        {server: server.url, 'tls-server-name': '127.0.0.1', extensions: [{name: 'client.authentication.k8s.io/exec', extension: {audience: 'k8s-net'}}]},
        {exec: {apiVersion: 'client.authentication.k8s.io/v1', command: `./${path.basename(plugin)}`, env: [{name: 'WHO', value: 'plugin'}], provideClusterInfo: true, interactiveMode: 'Never'}},
      ),
    )
    const lines = readFileSync(log, 'utf8').trim().split('\n')
    // One run for the whole lint: the answer is valid for an hour.
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toEqual({
      kind: 'ExecCredential',
      apiVersion: 'client.authentication.k8s.io/v1',
      spec: {
        interactive: false,
        cluster: {server: server.url, 'tls-server-name': '127.0.0.1', 'certificate-authority-data': CA.toString('base64'), config: {audience: 'k8s-net'}},
      },
    })
    expect(server.requests.every((r) => r.authorization === 'Bearer from-plugin')).toBe(true)
  })

  it('without provideClusterInfo, KUBERNETES_EXEC_INFO has no cluster; v1beta1 works', async () => {
    const server = await serve({token: 'beta-token'})
    const log = path.join(tmp, 'exec-info-beta.jsonl')
    const plugin = script(
      'beta',
      `require('fs').appendFileSync(${JSON.stringify(log)}, process.env.KUBERNETES_EXEC_INFO + '\\n')
process.stdout.write(JSON.stringify({kind: 'ExecCredential', apiVersion: 'client.authentication.k8s.io/v1beta1', status: {token: 'beta-token'}}))`,
    )
    await load(kubeconfig({server: server.url}, {exec: {apiVersion: 'client.authentication.k8s.io/v1beta1', command: plugin}}))
    expect(JSON.parse(readFileSync(log, 'utf8').split('\n')[0]!)).toEqual({kind: 'ExecCredential', apiVersion: 'client.authentication.k8s.io/v1beta1', spec: {interactive: false}})
  })

  it.each([
    {name: 'a missing command shows its installHint', exec: {command: 'k8s-net-no-such-plugin', installHint: 'Install it with: brew install no-such-plugin'}, error: 'cannot run: k8s-net-no-such-plugin is not installed (or not in PATH). Install it with: brew install no-such-plugin'},
    {name: 'interactiveMode Always without a terminal', exec: {command: 'true', interactiveMode: 'Always'}, error: 'needs a terminal to talk to the user (interactiveMode: Always), and standard input is not one'},
    {name: 'v1alpha1', exec: {command: 'true', apiVersion: 'client.authentication.k8s.io/v1alpha1'}, error: 'k8s-net speaks client.authentication.k8s.io/v1 and v1beta1'},
    {name: 'v1 without interactiveMode', exec: {command: 'true', interactiveMode: undefined}, error: 'needs interactiveMode Never, IfAvailable or Always'},
    {name: 'a plugin that fails', exec: {command: 'false'}, error: 'failed (exit code 1)'},
  ])('$name', async ({exec, error}) => {
    const message = await failure(kubeconfig({server: 'https://127.0.0.1:9'}, {exec: {apiVersion: 'client.authentication.k8s.io/v1', interactiveMode: 'Never', ...exec}}))
    expect(message).toContain(error)
  })
})

describe('through the command', () => {
  it('exit 2 with one line, no stack trace: a hostile discovery', async () => {
    const server = await serve({override: (r) => (r.path === '/apis' ? {code: 200, body: {kind: 'APIGroupList', groups: [{name: 'apps', versions: [{version: '../secrets'}]}]}} : undefined)})
    const run = await cli(['lint', '--cluster', '--kubeconfig', server.kubeconfig(path.join(tmp, `k-${++files}.yaml`))])
    expect(run.stderr).toContain(`the API server's discovery (GET /apis) lists an invalid version "../secrets" of API group apps`)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(run.code).toBe(2)
  })

  it('exit 2: --kubeconfig /dev/zero and -n ..', async () => {
    const zero = await cli(['lint', '--cluster', '--kubeconfig', '/dev/zero'])
    expect(zero.stderr).toContain('kubeconfig /dev/zero is not a regular file')
    expect(zero.code).toBe(2)
    const server = await serve()
    const dots = await cli(['lint', '--cluster', '--kubeconfig', server.kubeconfig(path.join(tmp, `k-${++files}.yaml`)), '-n', '..'])
    expect(dots.stderr).toContain('--namespace ".." is not a namespace name')
    expect(dots.code).toBe(2)
    expect(server.requests).toEqual([])
  })
})

/** A node script with a shebang, executable, in the temporary folder. */
function script(name: string, body: string): string {
  const file = path.join(tmp, name)
  writeFileSync(file, `#!${process.execPath}\n${body}\n`)
  chmodSync(file, 0o755)
  return file
}

/** An HTTP proxy on 127.0.0.1 that tunnels CONNECT to 127.0.0.1 only, and records where. */
/** A CONNECT proxy on 127.0.0.1 that connects only to 127.0.0.1, or to the names `hosts` maps to it. */
async function connectProxy(hosts: Record<string, string> = {}): Promise<{url: string; connects: string[]}> {
  const connects: string[] = []
  const sockets = new Set<net.Socket>()
  const proxy = http.createServer((_req, res) => res.writeHead(405).end())
  proxy.on('connect', (req, socket: net.Socket) => {
    sockets.add(socket)
    connects.push(req.url ?? '')
    const [name, port] = (req.url ?? '').split(':')
    const host = Object.hasOwn(hosts, name!) ? hosts[name!] : name
    if (host !== '127.0.0.1') return socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    const upstream = net.connect(Number(port), '127.0.0.1', () => {
      sockets.add(upstream)
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  servers.push({
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy()
        proxy.closeAllConnections()
        proxy.close(() => resolve())
      }),
  })
  return {url: `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`, connects}
}

const cli = (args: string[]) => runCliAsync(args, {home: tmp})
