import {defineRule} from '../src/engine/rule.js'
import type {Resource} from '../src/engine/types.js'
import {ingressBackends, ingressesOf} from '../src/k8s/ingress.js'
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
    },
  },
  check({index, report}) {
    const services = index.table('Service', [''])
    for (const ingress of ingressesOf(index)) {
      for (const backend of ingressBackends(ingress)) {
        const ref = backend.service
        if (!ref) continue
        const candidates = services.findAll(ingress.namespace, ref.name)
        const service = candidates[0]
        if (!service) {
          if (services.has(ingress.namespace)) {
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
