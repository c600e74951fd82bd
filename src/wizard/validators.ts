/**
 * Readers of one answer, from a flag or an answers file: each returns the
 * value or says what it expected. No answer reaches a manifest unchecked.
 */
import {isIP} from 'node:net'

export type Parsed<T> = {ok: true; value: T} | {ok: false; error: string}

export const ok = <T>(value: T): Parsed<T> => ({ok: true, value})
export const fail = <T>(error: string): Parsed<T> => ({ok: false, error})
export const show = (value: unknown): string => JSON.stringify(value) ?? String(value)

export function oneOf<T extends string>(values: readonly T[]): (value: unknown) => Parsed<T> {
  return (value) =>
    typeof value === 'string' && (values as readonly string[]).includes(value)
      ? ok(value as T)
      : fail(`expected one of ${values.join(', ')}, got ${show(value)}`)
}

export function boolean(value: unknown): Parsed<boolean> {
  return typeof value === 'boolean' ? ok(value) : fail(`expected true or false, got ${show(value)}`)
}

export function integer(min: number, max: number, what = 'a whole number'): (value: unknown) => Parsed<number> {
  return (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? ok(value)
      : fail(`expected ${what} from ${min} to ${max}, got ${show(value)}`)
}

export const port: (value: unknown) => Parsed<number> = integer(1, 65_535, 'a port number')

/** A list given as a YAML sequence of strings, or as one comma-separated string (flags). */
export function list(each: (item: string) => string | undefined, what: string): (value: unknown) => Parsed<string[]> {
  return (value) => {
    let items: unknown[]
    if (typeof value === 'string') items = value.split(',')
    else if (Array.isArray(value)) items = value
    else return fail(`expected ${what}, as a list or separated by commas, got ${show(value)}`)
    const out: string[] = []
    for (const item of items) {
      if (typeof item !== 'string') return fail(`expected ${what}, got ${show(item)}`)
      const trimmed = item.trim()
      if (trimmed === '') continue
      const error = each(trimmed)
      if (error) return fail(error)
      if (!out.includes(trimmed)) out.push(trimmed)
    }

    return out.length > 0 ? ok(out) : fail(`expected at least one: ${what}`)
  }
}

export function text(each: (item: string) => string | undefined): (value: unknown) => Parsed<string> {
  return (value) => {
    if (typeof value !== 'string' || value.trim() === '') return fail(`expected a string, got ${show(value)}`)
    const error = each(value.trim())
    return error ? fail(error) : ok(value.trim())
  }
}

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const LABEL_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/

export function dns1123Label(what: string): (value: string) => string | undefined {
  return (value) =>
    value.length <= 63 && LABEL.test(value)
      ? undefined
      : `${what} must be lowercase letters, digits and '-', start and end with a letter or digit, at most 63 characters: ${show(value)}`
}

export function dns1123Subdomain(value: string): boolean {
  return value.length <= 253 && value.split('.').every((part) => part.length <= 63 && LABEL.test(part))
}

export function serviceName(value: string): string | undefined {
  // Service names are DNS-1035 labels: they become DNS names and environment variables.
  return value.length <= 63 && LABEL_1035.test(value)
    ? undefined
    : `the name becomes a Service name: lowercase letters, digits and '-', starting with a letter, at most 63 characters: ${show(value)}`
}

export function host(value: string): string | undefined {
  const name = value.startsWith('*.') ? value.slice(2) : value
  if (isIP(name) !== 0) return `hosts are DNS names, not IP addresses: ${show(value)}`
  return dns1123Subdomain(name) && name.includes('.')
    ? undefined
    : `not a host name (lowercase DNS name such as shop.example.com, or *.example.com): ${show(value)}`
}

export function path(value: string): string | undefined {
  return /^\/[^\s?#]*$/.test(value) ? undefined : `a path starts with / and holds no spaces, ? or #: ${show(value)}`
}

export function cidr(value: string): string | undefined {
  const [address, bits, ...rest] = value.split('/')
  const family = isIP(address ?? '')
  const max = family === 4 ? 32 : 128
  if (family === 0 || rest.length > 0 || bits === undefined || !/^\d{1,3}$/.test(bits) || Number(bits) > max) {
    return `not a CIDR (such as 203.0.113.0/24, or 0.0.0.0/0 for every address): ${show(value)}`
  }

  return undefined
}

export function addressRange(value: string): string | undefined {
  if (value.includes('/')) return cidr(value)
  const [from, to, ...rest] = value.split('-')
  const family = isIP(from?.trim() ?? '')
  if (family === 0 || rest.length > 0 || to === undefined || isIP(to.trim()) !== family) {
    return `not an address range (192.168.1.240-192.168.1.250) or CIDR (192.168.1.240/28): ${show(value)}`
  }

  return undefined
}

export function image(value: string): string | undefined {
  return /^[^\s]+$/.test(value) ? undefined : `an image reference holds no spaces: ${show(value)}`
}

export function externalName(value: string): string | undefined {
  if (isIP(value) !== 0) {
    return `an ExternalName points at a DNS name, not an IP address (${value}): for an address, use a Service without selector and an EndpointSlice`
  }

  return dns1123Subdomain(value) && value.includes('.') ? undefined : `not a DNS name (such as db.example.com): ${show(value)}`
}

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/

/** A label key: an optional DNS-subdomain prefix and `/`, then a name of at most 63 characters. */
function labelKey(key: string): boolean {
  const slash = key.lastIndexOf('/')
  const prefix = slash === -1 ? undefined : key.slice(0, slash)
  const name = key.slice(slash + 1)
  return (prefix === undefined || dns1123Subdomain(prefix)) && name.length <= 63 && LABEL_NAME.test(name)
}

/** A label value: empty, or at most 63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit. */
const labelValue = (value: string): boolean => value === '' || (value.length <= 63 && LABEL_NAME.test(value))

/** Who may call an internal service: `NAMESPACE`, `key=value` (pods of its own namespace) or `NAMESPACE:key=value`. */
export interface Caller {
  namespace?: string
  labels?: {key: string; value: string}
}

/** Reads one caller (see Caller); undefined when it is not one. */
export function readCaller(item: string): Caller | undefined {
  const colon = item.indexOf(':')
  const namespace = colon === -1 ? (item.includes('=') ? undefined : item) : item.slice(0, colon)
  const selector = colon === -1 ? (item.includes('=') ? item : undefined) : item.slice(colon + 1)
  if (namespace !== undefined && (namespace.length > 63 || !LABEL.test(namespace))) return undefined
  if (selector === undefined) return {namespace}
  const [key, value, ...rest] = selector.split('=')
  if (rest.length > 0 || key === undefined || value === undefined || !labelKey(key) || !labelValue(value)) return undefined
  return {namespace, labels: {key, value}}
}

export function caller(value: string): string | undefined {
  return readCaller(value)
    ? undefined
    : `not a caller: a namespace (billing), a pod label of this namespace (app.kubernetes.io/name=checkout), or both (billing:app=invoicer): ${show(value)}`
}

/** A Gateway named NAMESPACE/NAME. */
export function gatewayRef(value: string): string | undefined {
  const [namespace, name, ...rest] = value.split('/')
  return rest.length === 0 && namespace && name && namespace.length <= 63 && LABEL.test(namespace) && dns1123Subdomain(name)
    ? undefined
    : `not a Gateway as NAMESPACE/NAME (such as gateway-infra/shared): ${show(value)}`
}

/** A Kubernetes version, read as major.minor: 1.31, v1.31 or 1.31.2. */
export function kubeVersion(value: unknown): Parsed<string> {
  const match = typeof value === 'string' || typeof value === 'number' ? /^v?(1)\.(\d{1,3})(?:\.\d{1,4})?$/.exec(String(value).trim()) : null
  return match ? ok(`${match[1]}.${Number(match[2])}`) : fail(`expected a Kubernetes version such as 1.31 (v1.31.2 works too), got ${show(value)}`)
}
