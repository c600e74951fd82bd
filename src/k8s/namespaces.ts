/**
 * Namespaces as selectors see them: the one reading of a namespace selector
 * for NetworkPolicies, ClusterNetworkPolicies, the exposure model and the
 * Gateway API's `allowedRoutes` and `allowedListeners`.
 */
import {matches, type Selector} from '../engine/selectors.js'

/** The label the API server puts on every Namespace (Kubernetes 1.22 and later): its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name'

/**
 * Whether a namespace selector takes a namespace: by its labels when its
 * Namespace object is in the input (`labels`), else by its name alone. With
 * labels unknown, a requirement on the name that fails decides (false);
 * another requirement leaves it unknown (undefined).
 */
export function namespaceSelects(selector: Selector, namespace: string, labels: Readonly<Record<string, string>> | undefined): boolean | undefined {
  const name = {[NAMESPACE_NAME_LABEL]: namespace}
  if (labels) return matches(selector, labels[NAMESPACE_NAME_LABEL] === namespace ? labels : {...labels, ...name})
  if (selector.requirements.every((r) => r.key === NAMESPACE_NAME_LABEL)) return matches(selector, name)
  const onName = {requirements: selector.requirements.filter((r) => r.key === NAMESPACE_NAME_LABEL)}
  return matches(onName, name) ? undefined : false
}
