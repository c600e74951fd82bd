/** Naming objects in messages. */
import type {Resource} from '../engine/types.js'

/** `Deployment shop/web`; `IngressClass nginx` for cluster-scoped kinds. */
export function describeResource(resource: Resource): string {
  return `${resource.kind} ${resource.namespace === '' ? '' : `${resource.namespace}/`}${resource.name}`
}
