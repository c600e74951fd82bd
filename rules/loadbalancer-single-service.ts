import {serviceSelector} from '../src/engine/resource-index.js'
import {defineRule} from '../src/engine/rule.js'
import type {RelatedLocation, Resource} from '../src/engine/types.js'
import {type FrontDoor, frontDoorOfService} from '../src/k8s/controllers.js'
import {describeServicePort, portTraffic} from '../src/k8s/ports.js'
import {servicePorts, serviceType, type ServicePort} from '../src/k8s/services.js'
import {objectName} from '../src/engine/util.js'

interface Candidate {
  service: Resource
  httpPorts: ServicePort[]
}

export default defineRule({
  meta: {
    id: 'loadbalancer-single-service',
    description: 'A LoadBalancer Service exposes HTTP for one workload: it belongs behind an Ingress or a Gateway.',
    severity: 'warning',
    category: 'services',
    rationale:
      'Every Service of type LoadBalancer gets a load balancer of its own from the cloud provider: one more external IP, one more bill, one more place to set up TLS, access logs and firewall rules. For HTTP(S) that is rarely needed: an Ingress controller or a Gateway API implementation, itself behind a single LoadBalancer, routes by host and path to any number of ClusterIP Services and terminates TLS in one place. A Service is taken as HTTP when a port has an HTTP appProtocol (http, https, h2c, kubernetes.io/h2c, kubernetes.io/ws, kubernetes.io/wss, or http2, grpc, grpc-web), or, without appProtocol, is named http*, https* or grpc* (the `<protocol>-<suffix>` convention included) or is port 80, 443, 8080 or 8443, and no port says it carries anything else (UDP or SCTP, another appProtocol, or a name such as tcp-*, tls-* or mysql). LoadBalancers that carry TCP or UDP only are not reported: they have no Ingress alternative. Neither is the front door of an ingress controller or gateway (ingress-nginx, the NGINX Ingress Controller, Traefik, HAProxy, Contour and Envoy, Envoy Gateway, Istio gateways, Kong, Emissary-ingress and Ambassador, APISIX, Skipper, Gloo), recognised by the labels of the Service or of the pods it selects (app.kubernetes.io/name, app, a controller component named after ingress or gateway, istio=*gateway, gateway.networking.k8s.io/gateway-name, gateway.envoyproxy.io/owning-gateway-name...) or by the images those pods run; when the pods are not in the input, the Service\'s own labels decide. A LoadBalancer without a selector routes to endpoints k8s-net cannot see and is not reported either. When the input holds several such LoadBalancers, the message counts them: that is how many load balancers one Ingress would replace.',
    remediation:
      'Make the Service a ClusterIP and route to it from an Ingress (or an HTTPRoute attached to a Gateway) served by the cluster\'s ingress controller, which alone keeps a LoadBalancer. If the load balancer is needed (a dedicated IP, a protocol the controller cannot proxy), suppress the finding on the Service with the annotation `ignore.k8s-net.io/loadbalancer-single-service` and the reason as its value. If the Service fronts an ingress controller or gateway that k8s-net does not know, list its labels in the rule\'s frontDoorLabels option.\n\n```yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ClusterIP\n  selector:\n    app: web\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: nginx\n  rules:\n    - host: web.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  name: http\n```',
    options: {
      frontDoorLabels: {
        type: 'string[]',
        default: [],
        description:
          'More labels that mark a Service, or the pods it selects, as the front door of an ingress controller or gateway: `key=value`, or `key` alone for any value.',
      },
    },
  },
  check({index, options, report}) {
    const extra = options.frontDoorLabels
    const candidates: Candidate[] = []
    const frontDoors: Array<{service: Resource; frontDoor: FrontDoor}> = []
    for (const service of index.byKind('Service', '')) {
      if (serviceType(service) !== 'LoadBalancer') continue
      const selector = serviceSelector(service)
      const selected = selector ? index.selectTemplates(service.namespace, selector) : []
      const frontDoor = frontDoorOfService(service, selected, extra)
      if (frontDoor) {
        frontDoors.push({service, frontDoor})
        continue
      }

      if (!selector) continue
      const ports = servicePorts(service)
      const traffic = ports.map((p) => portTraffic(p))
      if (traffic.includes('other') || !traffic.includes('http')) continue
      candidates.push({service, httpPorts: ports.filter((_, i) => traffic[i] === 'http')})
    }

    // Reference objects count too: they are load balancers of the same cluster. Copies of one Service count once.
    const count = new Set(candidates.map((c) => `${c.service.namespace}/${c.service.name}`)).size
    const existing = frontDoors[0]
    for (const {service, httpPorts} of candidates) {
      const ports = `port${httpPorts.length > 1 ? 's' : ''} ${httpPorts.map((p) => describeServicePort(p)).join(', ')}`
      let message =
        count > 1
          ? `one of ${count} LoadBalancers that each expose one HTTP service: one Ingress could serve them all (this one: ${ports})`
          : `LoadBalancer for one HTTP service (${ports}): an Ingress or a Gateway lets one load balancer serve many services`
      const related: RelatedLocation[] = []
      if (existing) {
        message += `; ${objectName(existing.service)} ({{related:0}}) is already the load balancer of ${existing.frontDoor.product}`
        related.push({message: `load balancer of ${existing.frontDoor.product}`, target: existing.service, path: ['spec', 'type']})
      }

      report({target: service, path: ['spec', 'type'], message, related})
    }
  },
})

