import {defineRule} from '../src/engine/rule.js'
import type {Resource} from '../src/engine/types.js'
import {isRecord} from '../src/util/records.js'
import {hostMatches, ingressesOf, ingressRules, mergeableType, tlsCoverage} from '../src/k8s/ingress.js'

export default defineRule({
  meta: {
    id: 'ingress-tls-missing',
    description: 'An Ingress routes a host that no spec.tls entry covers: that host is served over plain HTTP.',
    severity: 'warning',
    category: 'ingress',
    messages: {
      noTls: 'host {{host}} is served without TLS: the Ingress has no spec.tls',
      hostNotListed: 'host {{host}} is served without TLS: no spec.tls entry lists it (TLS hosts: {{tlsHosts}})',
    },
    options: {
      tlsAnnotations: {
        type: 'string[]',
        default: [
          'alb.ingress.kubernetes.io/certificate-arn',
          'networking.gke.io/managed-certificates',
          'ingress.gcp.kubernetes.io/pre-shared-cert',
          'appgw.ingress.kubernetes.io/appgw-ssl-certificate',
          'traefik.ingress.kubernetes.io/router.tls',
        ],
        description: 'Annotations that make the controller terminate TLS without spec.tls (a cloud certificate). An annotation set to "false" does not count.',
      },
    },
  },
  check({index, options, report}) {
    for (const ingress of ingressesOf(index)) {
      // An NGINX Inc. minion cannot carry TLS: its master's spec.tls covers the host, and the master is checked.
      if (mergeableType(ingress) === 'minion') continue
      const annotated = options.tlsAnnotations.some((a) => {
        const value = ingress.annotations[a]
        return value !== undefined && value !== '' && value.toLowerCase() !== 'false'
      })
      // The AWS Load Balancer Controller opens an HTTPS listener with a certificate it discovers in ACM by host.
      if (annotated || albHttpsListener(ingress)) continue
      const coverage = tlsCoverage(ingress)
      if (coverage.all) continue
      const seen = new Set<string>()
      for (const rule of ingressRules(ingress)) {
        const host = rule.host
        if (host === undefined || seen.has(host)) continue
        seen.add(host)
        if (coverage.hosts.some((pattern) => hostMatches(pattern, host))) continue
        report({
          target: ingress,
          path: rule.hostPath,
          ...(coverage.hosts.length === 0
            ? {messageId: 'noTls', data: {host}}
            : {messageId: 'hostNotListed', data: {host, tlsHosts: coverage.hosts.join(', ')}}),
        })
      }
    }
  },
})

/** Whether `alb.ingress.kubernetes.io/listen-ports` asks for an HTTPS listener (`[{"HTTP": 80}, {"HTTPS": 443}]`). */
function albHttpsListener(ingress: Resource): boolean {
  const value = ingress.annotations['alb.ingress.kubernetes.io/listen-ports']
  if (value === undefined) return false
  try {
    const listeners: unknown = JSON.parse(value)
    return Array.isArray(listeners) && listeners.some((l) => isRecord(l) && Object.hasOwn(l, 'HTTPS'))
  } catch {
    return false
  }
}
