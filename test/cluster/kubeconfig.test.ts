/** Which kubeconfig, which context: --kubeconfig, KUBECONFIG (merged), ~/.kube/config, --kube-context; and clear errors. */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsYaml from 'js-yaml'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseDuration} from '../../src/cluster/api.js'
import {ClusterError} from '../../src/cluster/errors.js'
import {loadCluster} from '../../src/cluster/index.js'
import {connect} from '../../src/cluster/kubeconfig.js'
import {InputError} from '../../src/loaders/sources.js'
import {type FakeApiServer, startFakeApiServer, writeKubeconfig} from '../support/fake-apiserver.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-kubeconfig-'))
const emptyHome = path.join(tmp, 'home')
mkdirSync(emptyHome)
let server: FakeApiServer
beforeAll(async () => {
  server = await startFakeApiServer()
})
afterAll(async () => {
  await server.close()
  rmSync(tmp, {recursive: true, force: true})
})

const settings = {systemNamespaces: ['kube-system', 'kube-public', 'kube-node-lease']}
const file = (name: string, content: unknown): string => {
  const p = path.join(tmp, name)
  writeFileSync(p, typeof content === 'string' ? content : jsYaml.dump(content))
  return p
}

describe('kubeconfig', () => {
  it('merges the files of KUBECONFIG as kubectl does: missing files skipped, the first current-context and the first of each name win', async () => {
    const good = writeKubeconfig(path.join(tmp, 'good.yaml'), {server: server.url, token: 'k8s-net-test-token', context: 'shop-prod'})
    // Defines the same names again, with a wrong token: the earlier file wins.
    const shadowed = writeKubeconfig(path.join(tmp, 'shadowed.yaml'), {server: server.url, token: 'wrong', context: 'shop-prod'})
    const env = {KUBECONFIG: [path.join(tmp, 'missing.yaml'), good, shadowed].join(path.delimiter), HOME: emptyHome}
    const connection = await connect({env})
    expect(connection.context).toBe('shop-prod')
    expect(connection.server).toBe(server.url)
    expect(connection.user).toBe('ci')
    const loaded = await loadCluster({env}, {reference: false, settings})
    expect(loaded.resources.length).toBeGreaterThan(0)
    expect(loaded.resources[0]!.origin).toEqual({type: 'cluster', cluster: 'shop-prod'})
  })

  it('prefers --kubeconfig to KUBECONFIG, and reads ~/.kube/config when neither is given', async () => {
    const chosen = writeKubeconfig(path.join(tmp, 'chosen.yaml'), {server: server.url, token: 't', context: 'chosen'})
    const other = writeKubeconfig(path.join(tmp, 'other.yaml'), {server: server.url, token: 't', context: 'other'})
    expect((await connect({kubeconfig: chosen, env: {KUBECONFIG: other}})).context).toBe('chosen')
    const home = path.join(tmp, 'user')
    mkdirSync(path.join(home, '.kube'), {recursive: true})
    writeKubeconfig(path.join(home, '.kube', 'config'), {server: server.url, token: 't', context: 'from-home'})
    expect((await connect({env: {HOME: home}})).context).toBe('from-home')
  })

  it('uses the context --kube-context names', async () => {
    const config = file('two-contexts.yaml', {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {name: 'a', cluster: {server: 'https://127.0.0.1:1'}},
        {name: 'b', cluster: {server: `${server.url}/`}},
      ],
      users: [{name: 'u', user: {token: 't'}}],
      contexts: [
        {name: 'dev', context: {cluster: 'a', user: 'u'}},
        {name: 'staging', context: {cluster: 'b', user: 'u'}},
      ],
      'current-context': 'dev',
    })
    const connection = await connect({kubeconfig: config, context: 'staging'})
    expect(connection.context).toBe('staging')
    expect(connection.server).toBe(server.url)
    await expect(connect({kubeconfig: config, context: 'prod'})).rejects.toThrow(`no context prod in ${config} (contexts: dev, staging)`)
  })

  it.each([
    {name: 'no kubeconfig anywhere', options: {env: {HOME: emptyHome}}, error: /^no kubeconfig found: pass --kubeconfig, set KUBECONFIG, or create ~\/.kube\/config/},
    {name: 'a --kubeconfig that does not exist', options: {kubeconfig: 'nope.yaml', env: {}}, error: 'kubeconfig nope.yaml: no such file (--kubeconfig)'},
    {name: 'KUBECONFIG naming no file that exists', options: {env: {KUBECONFIG: '/nonexistent/a:/nonexistent/b'}}, error: 'KUBECONFIG names no file that exists (/nonexistent/a:/nonexistent/b)'},
  ])('says so clearly: $name', async ({options, error}) => {
    const attempt = connect(options)
    await expect(attempt).rejects.toBeInstanceOf(ClusterError)
    await expect(attempt).rejects.toThrow(error)
  })

  it.each([
    {name: 'not a mapping', content: '- just\n- a list\n', error: /^cannot read kubeconfig .*: not a kubeconfig \(expected a mapping with clusters, contexts and users\)$/},
    {name: 'invalid YAML', content: 'clusters: [\n', error: /^cannot read kubeconfig .*: /},
    {name: 'a cluster without server', content: {clusters: [{name: 'a', cluster: {}}], contexts: [], users: []}, error: /^cannot read kubeconfig .*: clusters\[0\]\.cluster\.server is missing$/},
    {name: 'no current-context', content: {clusters: [], contexts: [{name: 'x', context: {cluster: 'a', user: 'u'}}], users: []}, error: /sets no current-context: pass --kube-context \(contexts: x\)$/},
    {name: 'a context naming an undefined cluster', content: {clusters: [], contexts: [{name: 'x', context: {cluster: 'gone', user: 'u'}}], users: [], 'current-context': 'x'}, error: /^context x names cluster gone, which .* does not define$/},
    {name: 'a CA file that does not exist', content: {clusters: [{name: 'a', cluster: {server: 'https://127.0.0.1:1', 'certificate-authority': 'missing-ca.crt'}}], contexts: [{name: 'x', context: {cluster: 'a', user: 'u'}}], users: [{name: 'u', user: {}}], 'current-context': 'x'}, error: /^certificate-authority of cluster a in .*: .*missing-ca\.crt: no such file$/},
  ])('reports a broken kubeconfig without a stack trace: $name', async ({name, content, error}) => {
    const config = file(`broken-${name.replaceAll(' ', '-')}.yaml`, content)
    const attempt = connect({kubeconfig: config})
    await expect(attempt).rejects.toBeInstanceOf(InputError)
    await expect(attempt).rejects.toThrow(error)
  })
})

describe('--request-timeout', () => {
  it.each([
    ['30s', 30_000],
    ['1m', 60_000],
    ['500ms', 500],
    ['2', 2000],
    ['1.5s', 1500],
    ['0', 0],
    ['2h', 7_200_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['soon', '-1s', '1d', ''])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined()
  })

  it('is a clear error when it cannot be read, before any request', async () => {
    await expect(loadCluster({requestTimeout: '5 minutes', env: {HOME: emptyHome}}, {reference: false, settings})).rejects.toThrow(
      '--request-timeout takes a duration such as 30s, 1m or 500ms, not "5 minutes"',
    )
  })
})
