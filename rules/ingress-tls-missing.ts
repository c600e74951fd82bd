import {defineRule} from '../src/engine/rule.js'
import {hostMatches, ingressesOf, ingressRules, mergeableType, tlsCoverage} from '../src/k8s/ingress.js'

export default defineRule({
  meta: {
    id: 'ingress-tls-missing',
    description: 'An Ingress routes a host that no spec.tls entry covers: that host is served over plain HTTP.',
    severity: 'warning',
    category: 'ingress',
    rationale:
      'An Ingress terminates TLS only for the hosts listed in `spec.tls[].hosts`. A host routed by a rule but listed in no TLS entry is served over plain HTTP, or over HTTPS with the controller\'s self-signed default certificate: credentials and cookies cross the network in clear, and browsers warn. A TLS host `*.example.com` covers exactly one more label (`shop.example.com`, not `example.com` nor `a.shop.example.com`), as certificates match. A TLS entry without hosts covers every host (the API defaults it to the controller\'s wildcard). Rules without a host are the controller\'s catch-all and are not checked. Controllers that terminate TLS from an annotation (a cloud certificate) are recognised by the annotations of the `tlsAnnotations` option. NGINX Inc.\'s mergeable Ingresses (`nginx.org/mergeable-ingress-type`) keep TLS on the master, which is checked; minions cannot carry it and are not.',
    remediation:
      'List the host under `spec.tls[].hosts` with the Secret that holds its certificate (cert-manager can issue it from an annotation), or cover it with a wildcard entry. If a load balancer in front terminates TLS through an annotation this rule does not know, add that annotation to `tlsAnnotations`.\n\n```yaml\nspec:\n  tls:\n    - hosts:\n        - shop.example.com\n      secretName: shop-example-com-tls\n  rules:\n    - host: shop.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: storefront\n                port:\n                  number: 80\n```',
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
      if (annotated) continue
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
          message:
            coverage.hosts.length === 0
              ? `host ${host} is served without TLS: the Ingress has no spec.tls`
              : `host ${host} is served without TLS: no spec.tls entry lists it (TLS hosts: ${coverage.hosts.join(', ')})`,
        })
      }
    }
  },
})
