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
    messages: {
      missingService: 'Service {{name}} ({{where}}) is not in namespace {{namespace}}',
      missingPort: 'Service {{name}} has no port {{port}} ({{where}}); it declares {{declared}}',
      missingNamedPort: 'Service {{name}} has no port named {{port}} ({{where}}); it declares {{declared}}',
      legacyFieldsInV1:
        'serviceName and servicePort ({{where}}) belong to the removed v1beta1 Ingress: networking.k8s.io/v1 has no such fields, so the API server rejects this backend; write service.name and service.port',
      albActionMissing:
        'port {{port}} ({{where}}) refers to the annotation {{annotation}}, which the Ingress does not have: the AWS Load Balancer Controller has no action to take',
    },
  },
  check({index, report}) {
    const services = index.table('Service', [''])
    for (const ingress of ingressesOf(index)) {
      for (const backend of ingressBackends(ingress)) {
        const ref = backend.service
        if (!ref) continue
        if (ref.legacy && ingress.apiVersion === 'networking.k8s.io/v1') {
          report({target: ingress, path: ref.namePath, messageId: 'legacyFieldsInV1', data: {where: backend.where}})
          continue
        }

        const action = albActionAnnotation(ref)
        if (action) {
          // The AWS Load Balancer Controller reads the action from the annotation; no Service is involved.
          if (ingress.annotations[action] === undefined) {
            report({target: ingress, path: ref.portPath, messageId: 'albActionMissing', data: {port: ALB_ACTION_PORT, where: backend.where, annotation: action}})
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
              messageId: 'missingService',
              data: {name: ref.name, where: backend.where, namespace: ingress.namespace},
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
          messageId: typeof port === 'number' ? 'missingPort' : 'missingNamedPort',
          data: {name: ref.name, port, where: backend.where, declared: declared || 'no ports'},
          related: [{message: `Service ${ref.name}`, target: service, path: ['spec', 'ports']}],
        })
      }
    }
  },
})
