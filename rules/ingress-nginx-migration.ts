import {defineRule} from '../src/engine/rule.js'
import {ingressesOf, nginxAnnotationsOf, type NginxAnnotation, NGINX_ANNOTATION_PREFIX, servedByIngressNginx} from '../src/k8s/ingress.js'

const LABEL = {standard: 'standard', implementation: 'implementation-specific', none: 'no equivalent'} as const

/** `rewrite-target: standard (HTTPRoute URLRewrite filter)` for each annotation. */
function details(annotations: readonly NginxAnnotation[]): string {
  return annotations
    .map((a) => {
      const name = a.key.slice(NGINX_ANNOTATION_PREFIX.length)
      return a.class ? `${name}: ${LABEL[a.class.portability]} (${a.class.how})` : `${name}: unknown, not an ingress-nginx annotation (a typo?)`
    })
    .join('; ')
}

export default defineRule({
  meta: {
    id: 'ingress-nginx-migration',
    description: 'How an Ingress served by ingress-nginx carries over to the Gateway API: each nginx.ingress.kubernetes.io annotation classified.',
    severity: 'info',
    category: 'ingress',
    messages: {
      noAnnotations: 'migration to Gateway API: no ingress-nginx annotations, so the hosts, paths and TLS of this Ingress map to a Gateway and HTTPRoutes as they are ({{why}})',
      standardOnly: 'migration to Gateway API: all {{count}} ingress-nginx annotations have standard equivalents ({{why}}): {{details}}',
      mixed: 'migration to Gateway API: of {{count}} ingress-nginx annotations, {{standard}} standard, {{implementation}} implementation-specific, {{none}} with no equivalent{{unknown}} ({{why}}): {{details}}',
    },
  },
  check({index, report}) {
    for (const ingress of ingressesOf(index)) {
      const why = servedByIngressNginx(ingress, index)?.why
      if (!why) continue
      const annotations = nginxAnnotationsOf(ingress)
      if (annotations.length === 0) {
        report({target: ingress, path: ['metadata', 'name'], messageId: 'noAnnotations', data: {why}})
        continue
      }

      const count = (p: string): number => annotations.filter((a) => a.class?.portability === p).length
      const unknown = annotations.filter((a) => !a.class).length
      const path = ['metadata', 'annotations']
      if (count('standard') === annotations.length) {
        report({target: ingress, path, messageId: 'standardOnly', data: {count: annotations.length, why, details: details(annotations)}})
        continue
      }

      report({
        target: ingress,
        path,
        messageId: 'mixed',
        data: {
          count: annotations.length,
          standard: count('standard'),
          implementation: count('implementation'),
          none: count('none'),
          unknown: unknown > 0 ? `, ${unknown} unknown` : '',
          why,
          details: details(annotations),
        },
      })
    }
  },
})
