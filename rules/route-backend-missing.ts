import {defineRule} from '../src/engine/rule.js'
import {backendRefsOf, isServiceRef, lacksGrant, routesOf} from '../src/k8s/gateway.js'
import {servicePorts, serviceType} from '../src/k8s/services.js'

export default defineRule({
  meta: {
    id: 'route-backend-missing',
    description: 'A Gateway API route has a backendRef to a Service that is not there, to a port the Service lacks, or across namespaces without a ReferenceGrant.',
    severity: 'error',
    category: 'gateway-api',
    aliases: ['httproute-backend-missing'],
    messages: {
      noPort: '{{where}}: the backendRef to Service {{service}} has no port, which a Service reference needs',
      notGranted: '{{where}}: Service {{service}} is in another namespace, and no ReferenceGrant in {{namespace}} lets {{kind}}s from {{from}} refer to it',
      missingService: '{{where}}: Service {{name}} is not in namespace {{namespace}}',
      missingPort: '{{where}}: Service {{service}} has no port {{port}}; it declares {{declared}}',
    },
  },
  check({index, report}) {
    const services = index.table('Service', [''])
    for (const route of routesOf(index)) {
      for (const ref of backendRefsOf(route)) {
        if (!isServiceRef(ref)) continue
        const target = `${ref.namespace}/${ref.name}`
        if (ref.port === undefined) {
          // The API server's own validation: a Service reference must say which port.
          report({target: route, path: [...ref.path, 'port'], messageId: 'noPort', data: {where: ref.where, service: target}})
        }

        if (lacksGrant(index, route, {group: '', kind: 'Service', namespace: ref.namespace, name: ref.name}, services)) {
          report({
            target: route,
            path: [...ref.path, 'namespace'],
            messageId: 'notGranted',
            data: {where: ref.where, service: target, namespace: ref.namespace, kind: route.kind, from: route.namespace},
          })
        }

        const candidates = services.findAll(ref.namespace, ref.name)
        const service = candidates[0]
        if (!service) {
          if (services.has(ref.namespace)) {
            report({target: route, path: [...ref.path, 'name'], messageId: 'missingService', data: {where: ref.where, name: ref.name, namespace: ref.namespace}})
          }

          continue
        }

        const port = ref.port
        if (typeof port !== 'number') continue
        if (candidates.some((s) => serviceType(s) === 'ExternalName' || servicePorts(s).some((p) => p.port === port))) continue
        const declared = servicePorts(service)
          .map((p) => String(p.port ?? '?'))
          .join(', ')
        report({
          target: route,
          path: [...ref.path, 'port'],
          messageId: 'missingPort',
          data: {where: ref.where, service: target, port, declared: declared || 'no ports'},
          related: [{message: `Service ${target}`, target: service, path: ['spec', 'ports']}],
        })
      }
    }
  },
})
