/**
 * Namespaces as selectors see them: the one reading of a namespace selector
 * for NetworkPolicies, ClusterNetworkPolicies, the exposure model and the
 * Gateway API's `allowedRoutes` and `allowedListeners`.
 */
import { type Selector } from '../engine/selectors.js';
/** The label the API server puts on every Namespace (Kubernetes 1.22 and later): its name. */
export declare const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
/**
 * Whether a namespace selector takes a namespace: by its labels when its
 * Namespace object is in the input (`labels`), else by its name alone. With
 * labels unknown, a requirement on the name that fails decides (false);
 * another requirement leaves it unknown (undefined).
 */
export declare function namespaceSelects(selector: Selector, namespace: string, labels: Readonly<Record<string, string>> | undefined): boolean | undefined;
