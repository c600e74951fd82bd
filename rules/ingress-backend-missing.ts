import {defineRule} from '../src/engine/rule.js'
import type {Resource} from '../src/engine/types.js'
import {ALB_ACTION_PORT, albActionAnnotation, ingressBackends, ingressesOf} from '../src/k8s/ingress.js'
import {operatorServiceOwner} from '../src/k8s/operators.js'
import {servicePorts, serviceType} from '../src/k8s/services.js'

export default defineRule({
  meta: {
    id: 'ingress-backend-missing',
    description: 'An Ingress backend names a Service that is not in its namespace, or a port that Service does not have.',
    severity: 'error',
    category: 'ingress',
    rationale:
      'An Ingress routes to Services of its own namespace only. When the Service it names does not exist, or has no port with the number or name the backend gives, the controller has nowhere to send the request and answers 503 (ingress-nginx) or 404, while the Ingress itself applies without complaint. The legacy shape (`serviceName`/`servicePort`) and the `networking.k8s.io/v1` shape (`service.name` with `port.number` or `port.name`) are both read, the default backend included; resource backends point at other objects and are left alone. In a networking.k8s.io/v1 Ingress the legacy fields are an error of their own: the API server rejects them. A backend whose port is `use-annotation` names an action of the AWS Load Balancer Controller, written in the `alb.ingress.kubernetes.io/actions.<service name>` annotation, not a Service; the rule checks that the annotation is there. A Service that an operator makes from a custom resource of the input (its name starts with the resource\'s, as ECK\'s `kibana-kb-http` for the Kibana named kibana or Rook\'s `rook-ceph-mgr-dashboard` for the CephCluster named rook-ceph) is not reported missing. A Service is reported missing only when the input holds Services of that namespace, so an Ingress linted without its Services gives no finding: pass them with `--context` to check it.',
    remediation:
      'Correct the Service name (it must be in the Ingress\'s namespace), or add the Service. Name the port by its `port` number or by its `name`, not by the container\'s `targetPort`.\n\n```yaml\nspec:\n  rules:\n    - host: shop.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: storefront   # a Service in this namespace\n                port:\n                  name: http       # or number: 80, a port the Service declares\n```',
  },
  check({index, report}) {
    const services = index.table('Service', [''])
    for (const ingress of ingressesOf(index)) {
      for (const backend of ingressBackends(ingress)) {
        const ref = backend.service
        if (!ref) continue
        if (ref.legacy && ingress.apiVersion === 'networking.k8s.io/v1') {
          report({
            target: ingress,
            path: ref.namePath,
            message: `serviceName and servicePort (${backend.where}) belong to the removed v1beta1 Ingress: networking.k8s.io/v1 has no such fields, so the API server rejects this backend; write service.name and service.port`,
          })
          continue
        }

        const action = albActionAnnotation(ref)
        if (action) {
          // The AWS Load Balancer Controller reads the action from the annotation; no Service is involved.
          if (ingress.annotations[action] === undefined) {
            report({
              target: ingress,
              path: ref.portPath,
              message: `port ${ALB_ACTION_PORT} (${backend.where}) refers to the annotation ${action}, which the Ingress does not have: the AWS Load Balancer Controller has no action to take`,
            })
          }

          continue
        }

        const candidates = services.findAll(ingress.namespace, ref.name)
        const service = candidates[0]
        if (!service) {
          // An operator makes Services from custom resources (ECK's kibana-kb-http for the Kibana named kibana).
          if (services.has(ingress.namespace) && !operatorServiceOwner(index, ingress.namespace, ref.name)) {
            report({
              target: ingress,
              path: ref.namePath,
              message: `Service ${ref.name} (${backend.where}) is not in namespace ${ingress.namespace}`,
            })
          }

          continue
        }

        const port = ref.port
        if (port === undefined) continue
        // An ExternalName Service declares ports optionally: the controller dials the port the backend gives.
        const hasPort = (s: Resource): boolean =>
          serviceType(s) === 'ExternalName' ||
          servicePorts(s).some((p) => (typeof port === 'number' ? p.port === port : p.name === port || (/^\d+$/.test(port) && p.port === Number(port))))
        if (candidates.some(hasPort)) continue
        const declared = servicePorts(service)
          .map((p) => (p.name ? `${p.port ?? '?'} (${p.name})` : String(p.port ?? '?')))
          .join(', ')
        report({
          target: ingress,
          path: ref.portPath,
          message: `Service ${ref.name} has no port ${typeof port === 'number' ? port : `named ${port}`} (${backend.where}); it declares ${declared || 'no ports'}`,
          related: [{message: `Service ${ref.name}`, target: service, path: ['spec', 'ports']}],
        })
      }
    }
  },
})
