/**
 * Gateway proxies whose listeners come from other objects: an Istio gateway
 * listens on the ports of the `networking.istio.io` Gateways that select it,
 * Envoy (Envoy Gateway's proxies, Contour's Envoy) on the ports its control
 * plane configures. Their declared containerPorts say little about where they
 * listen, so a numeric targetPort they do not declare is no sign of a mistake.
 */
import type {ResourceIndex} from '../engine/resource-index.js'
import type {PodTemplate} from '../engine/types.js'
import {getPath} from '../util/records.js'
import {matches, parseMatchLabels, type Selector} from '../engine/selectors.js'
import {longRunningContainers} from './workloads.js'
import {onceFor} from '../util/once.js'

/** Images of proxies configured at run time: Envoy, and Istio's proxy (its gateway template injects `auto`). */
const PROXY_IMAGE = /(?:^|\/)(?:envoyproxy\/envoy[^/:@]*|envoy|proxyv2)(?:[:@]|$)/
/** The injection template by which Istio turns a Deployment into a gateway. */
const ISTIO_GATEWAY_TEMPLATE = 'inject.istio.io/templates'

/** The `spec.selector` of every Istio Gateway (`networking.istio.io`) in the input, those that select something. */
const istioGatewaySelectors = onceFor((index: ResourceIndex): readonly Selector[] => {
  const selectors: Selector[] = []
  for (const gateway of index.byKind('Gateway', 'networking.istio.io')) {
    const parsed = parseMatchLabels(getPath(gateway.object, ['spec', 'selector']))
    if (parsed.ok && parsed.selector.requirements.length > 0) selectors.push(parsed.selector)
  }

  return selectors
})

/**
 * Whether the pods of a template are a gateway proxy that listens where other
 * objects say: an Istio Gateway of the input selects them (Istio Gateways
 * select pods in every namespace), Istio injects its gateway template into
 * them, or a serving container runs Envoy or Istio's proxy.
 */
export function listenersConfiguredElsewhere(index: ResourceIndex, template: PodTemplate): boolean {
  const injected = getPath(template.owner.object, [...template.path, 'metadata', 'annotations', ISTIO_GATEWAY_TEMPLATE])
  if (typeof injected === 'string' && injected.split(',').some((t) => t.trim() === 'gateway')) return true
  if (longRunningContainers(template).some((c) => typeof c.container.image === 'string' && PROXY_IMAGE.test(c.container.image))) return true
  return istioGatewaySelectors(index).some((selector) => matches(selector, template.labels))
}
