import {defineRule} from '../src/engine/rule.js'
import {INGRESS_GROUPS, REMOVED_INGRESS_VERSIONS, toNetworkingV1} from '../src/k8s/ingress.js'

export default defineRule({
  meta: {
    id: 'ingress-api-removed',
    description: 'An Ingress or IngressClass in extensions/v1beta1 or networking.k8s.io/v1beta1, versions removed in Kubernetes 1.22.',
    severity: 'error',
    category: 'ingress',
    rationale:
      'Kubernetes 1.22 stopped serving Ingress in extensions/v1beta1 and networking.k8s.io/v1beta1, and IngressClass in networking.k8s.io/v1beta1. A manifest that still uses them is refused by every supported cluster ("no matches for kind Ingress in version ..."), so the route it describes is never created. The v1 shape differs: a backend names `service.name` and `service.port.number` or `service.port.name` instead of `serviceName`/`servicePort`, the default backend is `defaultBackend`, and every path needs a `pathType`.',
    remediation:
      'Rewrite the object for networking.k8s.io/v1; each finding carries the rewritten object. `serviceName`/`servicePort` become `service.name` and `service.port.number` (or `service.port.name` for a named port), `backend` becomes `defaultBackend`, and a path without `pathType` gets `ImplementationSpecific`, which is what the removed versions meant. The `kubernetes.io/ingress.class` annotation becomes `spec.ingressClassName`: the API server refuses an Ingress that sets both, the annotation is deprecated, and every controller that serves v1 reads the field. The field names an IngressClass object: check that the cluster has one of that name (`kubectl get ingressclass`), as controllers since ingress-nginx 1.0 create.\n\n```yaml\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: nginx\n  rules:\n    - host: shop.example.com\n      http:\n        paths:\n          - path: /\n            pathType: ImplementationSpecific\n            backend:\n              service:\n                name: storefront\n                port:\n                  number: 80\n```',
  },
  check({index, report}) {
    for (const kind of ['Ingress', 'IngressClass']) {
      for (const resource of index.byKind(kind)) {
        if (!INGRESS_GROUPS.includes(resource.group) || !REMOVED_INGRESS_VERSIONS.includes(resource.apiVersion)) continue
        report({
          target: resource,
          path: ['apiVersion'],
          message: `${kind} ${resource.apiVersion} was removed in Kubernetes 1.22: use networking.k8s.io/v1`,
          fix: toNetworkingV1(resource.object),
        })
      }
    }
  },
})
