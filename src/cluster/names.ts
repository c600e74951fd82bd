/**
 * Kubernetes' own name syntax, checked before a name from a kubeconfig, a
 * flag or an API server goes into a URL: an API group is a DNS subdomain, a
 * version, a resource or a namespace a DNS label. A name that passes has no
 * `/`, `.`-only segment, `%`, `?` or `#`: it cannot change the path it goes into.
 */
const LABEL = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/
const SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/

/** A DNS label (RFC 1123): lower-case letters, digits and `-`, at most 63 characters. */
export const isDnsLabel = (value: unknown): value is string => typeof value === 'string' && LABEL.test(value)

/** A DNS subdomain (RFC 1123): DNS labels joined by `.`, at most 253 characters. */
export const isDnsSubdomain = (value: unknown): value is string => typeof value === 'string' && value.length <= 253 && SUBDOMAIN.test(value)

/** A name quoted for a message, control characters escaped and cut short: it may come from a hostile server. */
export function quoted(value: unknown): string {
  const text = JSON.stringify(typeof value === 'string' ? value : String(value)) ?? '""'
  return text.length > 80 ? `${text.slice(0, 77)}..."` : text
}
