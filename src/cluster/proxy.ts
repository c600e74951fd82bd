/**
 * Which proxy a connection to an API server goes through, as kubectl decides:
 * the cluster's `proxy-url` in the kubeconfig when it names one, else the
 * environment's (Go's ProxyFromEnvironment): `HTTPS_PROXY` (or `https_proxy`)
 * for an https server, `HTTP_PROXY` (or `http_proxy`) for an http one, unless
 * `NO_PROXY` (or `no_proxy`) names the server, and never for `localhost` or a
 * loopback address. Only http and https proxies are supported.
 */
import {BlockList, isIP} from 'node:net'
import {ClusterError, redact, registerSecret} from './errors.js'
import {quoted} from './names.js'

/**
 * The proxy for `server`: `configured` (the kubeconfig's proxy-url, read for
 * `owner`) when set, else the environment's.
 */
export function proxyFor(server: URL, configured: string | undefined, owner: string, env: NodeJS.ProcessEnv): URL | undefined {
  if (configured !== undefined) return proxyUrl(configured, `${owner}: proxy-url is`, false)
  const name = server.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY'
  const [variable, value] = fromEnv(env, name)
  if (value === undefined || !wantsProxy(server, env)) return undefined
  return proxyUrl(value, `${variable} is`, true)
}

/** A variable by its upper-case name, else its lower-case one, as Go reads them; empty counts as unset. */
function fromEnv(env: NodeJS.ProcessEnv, name: string): [string, string | undefined] {
  for (const n of [name, name.toLowerCase()]) {
    const value = env[n]?.trim()
    if (value) return [n, value]
  }

  return [name, undefined]
}

/**
 * A proxy URL, checked: http or https, no other scheme. From the environment,
 * a bare `host:port` means http, as in Go.
 */
function proxyUrl(text: string, what: string, bareIsHttp: boolean): URL {
  let url: URL | undefined
  try {
    url = new URL(text)
  } catch {
    url = undefined
  }

  // `proxy.example:3128` parses as scheme `proxy.example:` with no host.
  if (bareIsHttp && (url === undefined || url.host === '') && !text.includes('://')) {
    try {
      url = new URL(`http://${text}`)
    } catch {
      url = undefined
    }
  }

  if (url === undefined) throw new ClusterError(`${what} not a valid proxy URL: ${quoted(redact(text))}`)
  if (url.protocol === 'socks5:' || url.protocol === 'socks5h:') throw new ClusterError(`${what} a socks5 proxy: k8s-net supports http and https proxies only`)
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new ClusterError(`${what} not an http(s) proxy URL: ${quoted(redact(text))}`)
  }

  if (url.username !== '' || url.password !== '') registerSecret(decodeURIComponent(url.password))
  return url
}

/** Whether the environment's proxy applies to this server: not for loopback, nor for what NO_PROXY names. */
function wantsProxy(server: URL, env: NodeJS.ProcessEnv): boolean {
  const host = server.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (host === 'localhost' || isLoopback(host)) return false
  const [, noProxy] = fromEnv(env, 'NO_PROXY')
  if (noProxy === undefined) return true
  const port = server.port || (server.protocol === 'https:' ? '443' : '80')
  return !noProxy.split(',').some((entry) => matchesNoProxy(entry.trim().toLowerCase(), host, port))
}

function isLoopback(host: string): boolean {
  const family = isIP(host)
  if (family === 4) return host.startsWith('127.')
  if (family === 6) return inSubnet(host, '::1', 128, 'ipv6')
  return false
}

/**
 * One NO_PROXY entry, as Go reads it: `*` for every host; an address or a
 * CIDR range; a domain, which covers its subdomains (`.example.com` covers
 * only them; `*.example.com` is the same), optionally with a port.
 */
function matchesNoProxy(entry: string, host: string, port: string): boolean {
  if (entry === '') return false
  if (entry === '*') return true
  const family = isIP(host)
  const slash = entry.indexOf('/')
  if (slash !== -1) {
    const prefix = Number(entry.slice(slash + 1))
    const base = entry.slice(0, slash)
    const type = isIP(base)
    if (family === 0 || type !== family || !/^\d{1,3}$/.test(entry.slice(slash + 1)) || prefix > (type === 4 ? 32 : 128)) return false
    return inSubnet(host, base, prefix, type === 4 ? 'ipv4' : 'ipv6')
  }

  // An address, bare or bracketed with a port: [::1]:6443, 10.0.0.1:6443.
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  let name = bracketed ? bracketed[1]! : entry
  let entryPort = bracketed?.[2]
  if (!bracketed && isIP(entry) === 0) {
    const colon = entry.lastIndexOf(':')
    if (colon !== -1 && /^\d+$/.test(entry.slice(colon + 1))) {
      name = entry.slice(0, colon)
      entryPort = entry.slice(colon + 1)
    }
  }

  if (entryPort !== undefined && entryPort !== port) return false
  if (isIP(name) !== 0) return family !== 0 && sameAddress(name, host)
  if (name.startsWith('*.')) name = name.slice(1)
  if (name.startsWith('.')) return host.endsWith(name)
  return host === name || host.endsWith(`.${name}`)
}

function inSubnet(address: string, base: string, prefix: number, type: 'ipv4' | 'ipv6'): boolean {
  const list = new BlockList()
  try {
    list.addSubnet(base, prefix, type)
  } catch {
    return false
  }

  return list.check(address, type)
}

function sameAddress(a: string, b: string): boolean {
  const family = isIP(a)
  return family === isIP(b) && inSubnet(b, a, family === 4 ? 32 : 128, family === 4 ? 'ipv4' : 'ipv6')
}
