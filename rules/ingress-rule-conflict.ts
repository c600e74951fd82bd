import {defineRule} from '../src/engine/rule.js'
import type {ObjectPath, Resource} from '../src/engine/types.js'
import {effectiveClass, ingressesOf, ingressNginxClass, ingressRules, type IngressPath} from '../src/k8s/ingress.js'

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
    messages: {
      conflict: '{{route}} is already routed by Ingress {{ingress}} (at {{related:0}}) of class {{className}}: only one of them gets the requests',
      conflictWithoutClass: '{{route}} is already routed by Ingress {{ingress}} (at {{related:0}}), both without a class: only one of them gets the requests',
    },
  },
  check({index, report}) {
    const claims = new Map<string, Claim>()
    // Objects given as context are applied already: the linted ones are the later claimants.
    const ingresses = ingressesOf(index).sort((a, b) => Number(b.reference) - Number(a.reference) || a.uid - b.uid)
    for (const ingress of ingresses) {
      const className = effectiveClass(ingress, index) ?? ''
      // ingress-nginx's admission webhook compares paths without their pathType: only when the input says it is ingress-nginx (an error is never raised on a guess).
      const nginx = ingressNginxClass(index, className)?.certain === true
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
            ...(className
              ? {messageId: 'conflict', data: {route, ingress: `${namespace}/${name}`, className}}
              : {messageId: 'conflictWithoutClass', data: {route, ingress: `${namespace}/${name}`}}),
            related: [{message: `${route} first routed here`, target: earlier.ingress, path: earlier.at}],
          })
        }
      }
    }
  },
})
