/** Which proxy a connection takes: the kubeconfig's proxy-url, else the environment's, as kubectl (Go's ProxyFromEnvironment) decides. */
import {describe, expect, it} from 'vitest'
import {ClusterError} from '../../src/cluster/errors.js'
import {proxyFor} from '../../src/cluster/proxy.js'

const PROXY = 'http://proxy.corp.example:3128'
const via = (server: string, env: NodeJS.ProcessEnv, configured?: string): string | undefined => proxyFor(new URL(server), configured, 'cluster c in k', env)?.href

describe('the proxy from the environment', () => {
  it('is HTTPS_PROXY for an https server and HTTP_PROXY for an http one, upper case before lower case, empty as unset', () => {
    expect(via('https://kube.example.com', {HTTPS_PROXY: PROXY, HTTP_PROXY: 'http://other:1'})).toBe(`${PROXY}/`)
    expect(via('http://kube.example.com', {HTTPS_PROXY: 'http://other:1', http_proxy: PROXY})).toBe(`${PROXY}/`)
    expect(via('https://kube.example.com', {HTTPS_PROXY: PROXY, https_proxy: 'http://other:1'})).toBe(`${PROXY}/`)
    expect(via('https://kube.example.com', {HTTPS_PROXY: ' ', https_proxy: PROXY})).toBe(`${PROXY}/`)
    expect(via('https://kube.example.com', {HTTP_PROXY: PROXY})).toBeUndefined()
    expect(via('https://kube.example.com', {})).toBeUndefined()
  })

  it('takes a bare host:port as http, and an https proxy as written', () => {
    expect(via('https://kube.example.com', {HTTPS_PROXY: 'proxy.corp.example:3128'})).toBe(`${PROXY}/`)
    expect(via('https://kube.example.com', {HTTPS_PROXY: 'https://proxy.corp.example'})).toBe('https://proxy.corp.example/')
  })

  it('gives way to the kubeconfig proxy-url', () => {
    expect(via('https://kube.example.com', {HTTPS_PROXY: 'http://other:1'}, PROXY)).toBe(`${PROXY}/`)
    // proxy-url applies to every server, loopback and NO_PROXY included, as in kubectl.
    expect(via('https://127.0.0.1:6443', {NO_PROXY: '*'}, PROXY)).toBe(`${PROXY}/`)
  })

  it.each([
    ['https://localhost:6443', ''],
    ['https://127.0.0.1:6443', ''],
    ['https://127.8.9.10', ''],
    ['https://[::1]:6443', ''],
    ['https://kube.example.com', '*'],
    ['https://kube.example.com', 'example.com'],
    ['https://example.com', 'example.com'],
    ['https://kube.example.com', '.example.com'],
    ['https://kube.example.com', '*.example.com'],
    ['https://KUBE.Example.com', ' other.org , EXAMPLE.com '],
    ['https://kube.example.com:6443', 'kube.example.com:6443'],
    ['https://kube.example.com', 'kube.example.com:443'],
    ['https://10.1.2.3:6443', '10.0.0.0/8'],
    ['https://10.1.2.3:6443', '10.1.2.3'],
    ['https://10.1.2.3:6443', '10.1.2.3:6443'],
    ['https://[fd00::5]:6443', 'fd00::/64'],
    ['https://[fd00::5]:6443', '[fd00::5]:6443'],
  ])('is not used for %s when NO_PROXY is %j (or for loopback)', (server, noProxy) => {
    expect(via(server, {HTTPS_PROXY: PROXY, no_proxy: noProxy})).toBeUndefined()
  })

  it.each([
    ['https://example.com', '.example.com'],
    ['https://notexample.com', 'example.com'],
    ['https://kube.example.com:6443', 'kube.example.com:443'],
    ['https://11.1.2.3', '10.0.0.0/8'],
    ['https://10.1.2.3', '10.0.0.0/99'],
    ['https://10.1.2.3', '10.1.2.4'],
    ['https://kube.example.com', '10.0.0.0/8,,'],
    ['https://[fd00::5]:6443', '[fd00::5]:443'],
    ['https://kube.example.com', 'kube.example.com.evil'],
  ])('is used for %s when NO_PROXY is %j', (server, noProxy) => {
    expect(via(server, {HTTPS_PROXY: PROXY, NO_PROXY: noProxy})).toBe(`${PROXY}/`)
  })

  it.each([
    [{HTTPS_PROXY: 'socks5://proxy:1080'}, 'HTTPS_PROXY is a socks5 proxy: k8s-net supports http and https proxies only'],
    [{https_proxy: 'ftp://proxy:21'}, 'https_proxy is not an http(s) proxy URL: "ftp://proxy:21"'],
    [{HTTPS_PROXY: 'http://'}, 'HTTPS_PROXY is not a valid proxy URL: "http://"'],
  ])('refuses %j clearly', (env, message) => {
    expect(() => via('https://kube.example.com', env)).toThrow(new ClusterError(message))
  })

  it('names the kubeconfig when its proxy-url is refused', () => {
    expect(() => via('https://kube.example.com', {}, 'socks5h://proxy:1080')).toThrow(new ClusterError('cluster c in k: proxy-url is a socks5 proxy: k8s-net supports http and https proxies only'))
  })
})
