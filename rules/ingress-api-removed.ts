import {defineRule} from '../src/engine/rule.js'
import {INGRESS_GROUPS, REMOVED_INGRESS_VERSIONS, toNetworkingV1} from '../src/k8s/ingress.js'

export default defineRule({
  meta: {
    id: 'ingress-api-removed',
    description: 'An Ingress or IngressClass in extensions/v1beta1 or networking.k8s.io/v1beta1, versions removed in Kubernetes 1.22.',
    severity: 'error',
    category: 'ingress',
    messages: {
      removedVersion: '{{kind}} {{apiVersion}} was removed in Kubernetes 1.22: use networking.k8s.io/v1',
    },
  },
  check({index, report}) {
    for (const kind of ['Ingress', 'IngressClass']) {
      for (const resource of index.byKind(kind)) {
        if (!INGRESS_GROUPS.includes(resource.group) || !REMOVED_INGRESS_VERSIONS.includes(resource.apiVersion)) continue
        report({
          target: resource,
          path: ['apiVersion'],
          messageId: 'removedVersion',
          data: {kind, apiVersion: resource.apiVersion},
          fix: toNetworkingV1(resource.object),
        })
      }
    }
  },
})
