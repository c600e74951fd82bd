import {defineRule} from '../src/engine/rule.js'
import {backendRefsOf, GATEWAY_GROUP, grantAllows, isServiceRef, referenceGrantsOf, routesOf} from '../src/k8s/gateway.js'
import {servicePorts, serviceType} from '../src/k8s/services.js'

export default defineRule({
  meta: {
    id: 'httproute-backend-missing',
    description: 'A Gateway API route has a backendRef to a Service that is not there, to a port the Service lacks, or across namespaces without a ReferenceGrant.',
    severity: 'error',
    category: 'gateway-api',
    rationale:
      'A backendRef of an HTTPRoute (and of GRPCRoute, TLSRoute, TCPRoute and UDPRoute, which share the shape) names a Service (group "" and kind Service by default), in the route\'s namespace unless it sets `namespace`, and a `port` that must be one of the Service\'s `port` numbers. When the Service or the port is not there, the route\'s ResolvedRefs condition turns false (BackendNotFound) and HTTP requests get a 500. A backendRef into another namespace is allowed only by a ReferenceGrant in that namespace that lets routes of this kind from the route\'s namespace refer to Services there; without one the reference is refused (RefNotPermitted). Mirror targets (RequestMirror filters) are checked too. Partial input: a Service is reported missing only when the input holds Services of its namespace. A missing ReferenceGrant is reported only when the input holds ReferenceGrants or Services of the target namespace: grants live beside the Services they share, so once the input carries that namespace\'s objects, the absence of a grant means something. Lint a route alone and the rule stays silent; give the target namespace with `--context` to check it.',
    remediation:
      'Correct the backendRef\'s name, namespace or port (the Service\'s `port`, not its `targetPort`). For a Service in another namespace, its owners add a ReferenceGrant there:\n\n```yaml\napiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata:\n  name: allow-routes-from-web\n  namespace: backend        # where the Service is\nspec:\n  from:\n    - group: gateway.networking.k8s.io\n      kind: HTTPRoute\n      namespace: web        # where the route is\n  to:\n    - group: ""\n      kind: Service\n```',
  },
  check({index, report}) {
    const services = index.table('Service', [''])
    const grants = referenceGrantsOf(index)
    for (const route of routesOf(index)) {
      for (const ref of backendRefsOf(route)) {
        if (!isServiceRef(ref)) continue
        const target = `${ref.namespace}/${ref.name}`
        if (ref.port === undefined) {
          // The API server's own validation: a Service reference must say which port.
          report({target: route, path: [...ref.path, 'port'], message: `${ref.where}: the backendRef to Service ${target} has no port, which a Service reference needs`})
        }

        if (ref.namespace !== route.namespace && (grants.has(ref.namespace) || services.has(ref.namespace))) {
          const allowed = grantAllows(index, {
            from: {group: GATEWAY_GROUP, kind: route.kind, namespace: route.namespace},
            to: {group: '', kind: 'Service', namespace: ref.namespace, name: ref.name},
          })
          if (!allowed) {
            report({
              target: route,
              path: [...ref.path, 'namespace'],
              message: `${ref.where}: Service ${target} is in another namespace, and no ReferenceGrant in ${ref.namespace} lets ${route.kind}s from ${route.namespace} refer to it`,
            })
          }
        }

        const candidates = services.findAll(ref.namespace, ref.name)
        const service = candidates[0]
        if (!service) {
          if (services.has(ref.namespace)) {
            report({target: route, path: [...ref.path, 'name'], message: `${ref.where}: Service ${ref.name} is not in namespace ${ref.namespace}`})
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
          message: `${ref.where}: Service ${target} has no port ${port}; it declares ${declared || 'no ports'}`,
          related: [{message: `Service ${target}`, target: service, path: ['spec', 'ports']}],
        })
      }
    }
  },
})
