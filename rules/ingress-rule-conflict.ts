import {defineRule} from '../src/engine/rule.js'
import type {ObjectPath, Resource} from '../src/engine/types.js'
import {controllerOf, effectiveClass, ingressesOf, ingressRules, type IngressPath} from '../src/k8s/ingress.js'

/** The controller whose admission webhook compares paths without their pathType. */
const INGRESS_NGINX = 'k8s.io/ingress-nginx'

interface Claim {
  ingress: Resource
  at: ObjectPath
}

/**
 * What a path claims, as a key: two paths conflict when their keys are equal.
 * By the Ingress API, Exact and Prefix of the same path are two routes (the
 * exact one wins for that one URL), a Prefix ignores a trailing slash, and an
 * ImplementationSpecific path (the legacy default) is compared as written.
 * ingress-nginx compares the path strings alone, whatever their type.
 */
const CANARY = 'nginx.ingress.kubernetes.io/canary'

function pathKey(p: IngressPath, nginx: boolean): string {
  const path = p.path === undefined || p.path === '' ? '/' : p.path
  if (nginx) return path
  const type = p.pathType ?? 'ImplementationSpecific'
  if (type === 'Prefix') return `Prefix\u0000${path.replace(/\/+$/, '') || '/'}`
  return `${type}\u0000${path}`
}

export default defineRule({
  meta: {
    id: 'ingress-rule-conflict',
    description: 'Two Ingresses of the same class route the same host and path.',
    severity: 'error',
    category: 'ingress',
    rationale:
      'A controller merges all the Ingresses of its class, across namespaces, into one routing table. When two of them claim the same host and path, only one backend can get the requests: ingress-nginx keeps the oldest Ingress and its admission webhook refuses the newer one ("host ... and path ... is already defined in ingress ..."), other controllers pick one by their own order, and a redeploy can silently swap which. Paths are compared as the Ingress API matches them: Exact and Prefix of the same path are distinct routes (Exact wins for that one URL), Prefix ignores a trailing slash (`/api/` is `/api`), an ImplementationSpecific path (the default of the legacy versions) meets only another ImplementationSpecific path written the same, and a path left out is `/`. When the input holds the IngressClass and its controller is ingress-nginx, the pathType is ignored, as that controller\'s webhook does. The class is `spec.ingressClassName`, else the `kubernetes.io/ingress.class` annotation, else the default IngressClass of the input; Ingresses without any of these are taken as one class. Rules without a host claim every host. The later Ingress in the input is reported; Ingresses given as context count as already applied. An ingress-nginx canary (annotation nginx.ingress.kubernetes.io/canary: "true") routes a share of the traffic of the Ingress with the same host and path, which is what it is for: a canary conflicts only with another canary.',
    remediation:
      'Keep one route per host and path in each class: delete or rename the duplicate, merge the two Ingresses, or give them different hosts or paths. Moving one to another class only helps when another controller with its own address serves it.',
  },
  check({index, report}) {
    const claims = new Map<string, Claim>()
    // Objects given as context are applied already: the linted ones are the later claimants.
    const ingresses = ingressesOf(index).sort((a, b) => Number(b.reference) - Number(a.reference) || a.uid - b.uid)
    for (const ingress of ingresses) {
      const className = effectiveClass(ingress, index) ?? ''
      const nginx = className !== '' && controllerOf(index, className) === INGRESS_NGINX
      // An ingress-nginx canary shares the host and path of its main Ingress on purpose: it claims a place of its own.
      const role = ingress.annotations[CANARY] === 'true' ? 'canary' : 'main'
      for (const rule of ingressRules(ingress)) {
        for (const p of rule.paths) {
          const key = `${className}\u0000${role}\u0000${rule.host ?? ''}\u0000${pathKey(p, nginx)}`
          const at = p.path === undefined ? p.entryPath : [...p.entryPath, 'path']
          const earlier = claims.get(key)
          if (!earlier) {
            claims.set(key, {ingress, at})
            continue
          }

          // Within one Ingress (or the same Ingress given twice), the controller does not compete with itself.
          if (earlier.ingress.namespace === ingress.namespace && earlier.ingress.name === ingress.name) continue
          const host = rule.host === undefined ? 'any host' : `host ${rule.host}`
          const route = `${host}, path ${p.path || '/'}${nginx ? '' : ` (${p.pathType ?? 'ImplementationSpecific'})`}`
          const {namespace, name} = earlier.ingress
          report({
            target: ingress,
            path: at,
            message: `${route} is already routed by Ingress ${namespace}/${name} (at {{related:0}})${className ? ` of class ${className}` : ', both without a class'}: only one of them gets the requests`,
            related: [{message: `${route} first routed here`, target: earlier.ingress, path: earlier.at}],
          })
        }
      }
    }
  },
})
