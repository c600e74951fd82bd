/**
 * Recognising ingress controllers and gateways: the front doors that route
 * HTTP for many Services behind one load balancer. They are recognised by the
 * labels their charts and operators put on the Service and the pods, and by
 * the images their pods run.
 */
import type {PodTemplate} from '../engine/types.js'
import {getPath, isRecord} from '../util/records.js'
import type {Resource} from '../engine/types.js'
import {servingContainers} from './ports.js'

/** A recognised ingress controller or gateway, and what gave it away. */
export interface FrontDoor {
  /** The product, for messages: `ingress-nginx`, `Traefik`, `Istio ingress gateway`... */
  product: string
  /** What was recognised: `label app.kubernetes.io/name=ingress-nginx`, `image traefik:v3.7`. */
  evidence: string
}

/** `app.kubernetes.io/name` (and legacy `app`) values of ingress controllers and gateways. */
const PRODUCT_NAMES: ReadonlyMap<string, string> = new Map([
  ['ingress-nginx', 'ingress-nginx'],
  ['nginx-ingress', 'NGINX Ingress Controller'],
  ['nginx-ingress-controller', 'ingress-nginx'],
  ['traefik', 'Traefik'],
  ['haproxy-ingress', 'HAProxy Ingress'],
  ['kubernetes-ingress', 'HAProxy Kubernetes Ingress Controller'],
  ['contour', 'Contour'],
  ['envoy', 'Envoy'],
  ['kong', 'Kong'],
  ['emissary-ingress', 'Emissary-ingress'],
  ['emissary', 'Emissary-ingress'],
  ['ambassador', 'Ambassador'],
  ['istio-ingressgateway', 'Istio ingress gateway'],
  ['apisix', 'Apache APISIX'],
  ['skipper-ingress', 'Skipper'],
])

/** Labels whose mere presence marks a Gateway API gateway's pods and Service. */
const GATEWAY_LABELS: ReadonlyMap<string, string> = new Map([
  ['gateway.networking.k8s.io/gateway-name', 'Gateway API gateway'],
  ['gateway.envoyproxy.io/owning-gateway-name', 'Envoy Gateway'],
  ['istio.io/gateway-name', 'Istio gateway'],
])

/**
 * Images of ingress controllers and gateway proxies: the repository path
 * without registry, tag or digest, matched on its last segments (so mirrors
 * such as `mirror.example.com/ingress-nginx/controller` count too).
 */
const IMAGES: ReadonlyArray<readonly [string, string]> = [
  ['ingress-nginx/controller', 'ingress-nginx'],
  ['ingress-nginx/controller-chroot', 'ingress-nginx'],
  ['nginx-ingress-controller', 'ingress-nginx'],
  ['nginx/nginx-ingress', 'NGINX Ingress Controller'],
  ['nginx-plus-ingress', 'NGINX Ingress Controller'],
  ['nginx-ic/nginx-ingress', 'NGINX Ingress Controller'],
  ['traefik', 'Traefik'],
  ['mirrored-library-traefik', 'Traefik'],
  ['haproxy-ingress', 'HAProxy Ingress'],
  ['haproxytech/kubernetes-ingress', 'HAProxy Kubernetes Ingress Controller'],
  ['projectcontour/contour', 'Contour'],
  ['envoyproxy/envoy', 'Envoy'],
  ['envoyproxy/envoy-distroless', 'Envoy'],
  ['kong', 'Kong'],
  ['kong/kong-gateway', 'Kong'],
  ['kong/kubernetes-ingress-controller', 'Kong'],
  ['emissaryingress/emissary', 'Emissary-ingress'],
  ['datawire/emissary', 'Emissary-ingress'],
  ['datawire/ambassador', 'Ambassador'],
  ['datawire/aes', 'Ambassador'],
  ['apache/apisix', 'Apache APISIX'],
  ['zalando/skipper', 'Skipper'],
]

const PART_OF_INGRESS = /ingress|gateway/

/**
 * A front door recognised from labels (of a Service or a pod template).
 * `extra` holds more labels that mark one, as `key=value` or `key` alone.
 */
export function frontDoorFromLabels(labels: Readonly<Record<string, string>>, extra: readonly string[] = []): FrontDoor | undefined {
  const has = (key: string): boolean => Object.hasOwn(labels, key)
  const found = (key: string, product: string): FrontDoor => ({product, evidence: `label ${key}${labels[key] === '' ? '' : `=${labels[key]}`}`})

  // part-of names the suite a component belongs to, not the component: ingress-nginx's own examples label their echo
  // server part-of=ingress-nginx. It is read only when no label names the component itself.
  const named = has('app.kubernetes.io/name') || has('app') || has('k8s-app')
  for (const key of ['app.kubernetes.io/name', 'app', 'app.kubernetes.io/part-of', 'k8s-app']) {
    if (!has(key) || (named && key === 'app.kubernetes.io/part-of')) continue
    const product = PRODUCT_NAMES.get(labels[key]!.toLowerCase())
    if (product) return found(key, product)
  }

  for (const [key, product] of GATEWAY_LABELS) if (has(key)) return found(key, product)

  // Istio's gateway charts label their pods istio=ingressgateway (or another *gateway), and app=istio-<name>gateway.
  if (has('istio') && labels.istio!.toLowerCase().includes('gateway')) return found('istio', 'Istio gateway')
  if (has('app') && /^istio-.*gateway$/.test(labels.app!)) return found('app', 'Istio gateway')
  if (labels.gloo === 'gateway-proxy') return found('gloo', 'Gloo gateway proxy')

  // A chart installed under another name keeps its component: a controller whose name says ingress or gateway.
  if (labels['app.kubernetes.io/component'] === 'controller') {
    for (const key of ['app.kubernetes.io/name', 'app.kubernetes.io/instance', 'app.kubernetes.io/part-of']) {
      if (has(key) && PART_OF_INGRESS.test(labels[key]!.toLowerCase())) return found(key, labels[key]!)
    }
  }

  for (const entry of extra) {
    const eq = entry.indexOf('=')
    const key = eq === -1 ? entry : entry.slice(0, eq)
    if (!has(key)) continue
    if (eq === -1 || labels[key] === entry.slice(eq + 1)) return found(key, 'ingress controller or gateway')
  }

  return undefined
}

/** The repository path of an image reference: `registry.k8s.io/ingress-nginx/controller:v1@sha256:…` → `ingress-nginx/controller`. */
export function imageRepository(image: string): string {
  let ref = image.trim().toLowerCase()
  const at = ref.indexOf('@')
  if (at !== -1) ref = ref.slice(0, at)
  const colon = ref.lastIndexOf(':')
  if (colon > ref.lastIndexOf('/')) ref = ref.slice(0, colon)
  const parts = ref.split('/')
  // The first segment is a registry when it has a dot or a port, or is localhost.
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) parts.shift()
  if (parts[0] === 'library') parts.shift()
  return parts.join('/')
}

/** A front door recognised from a container image. */
export function frontDoorFromImage(image: string): FrontDoor | undefined {
  return frontDoorFromRepository(imageRepository(image), image)
}

function frontDoorFromRepository(repository: string, image: string): FrontDoor | undefined {
  for (const [suffix, product] of IMAGES) {
    if (repository === suffix || repository.endsWith(`/${suffix}`)) return {product, evidence: `image ${image}`}
  }

  return undefined
}

/**
 * Words every image of a front door has in its repository: the last segment of each known one, and Istio's
 * proxy. An image without any of them is none, whatever its registry and tag.
 */
const IMAGE_WORDS = new RegExp([...new Set([...IMAGES.map(([suffix]) => suffix.split('/').at(-1)!), 'proxyv2'])].map((w) => w.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i')

/** Whether a container of the template (init containers too) runs an image that may be a front door's. */
function mentionsFrontDoorImage(template: PodTemplate): boolean {
  for (const field of ['containers', 'initContainers'] as const) {
    const list = template.spec[field]
    if (!Array.isArray(list)) continue
    for (const c of list) if (isRecord(c) && typeof c.image === 'string' && IMAGE_WORDS.test(c.image)) return true
  }

  return false
}

/** Whether the pods of a template run an ingress controller or a gateway proxy: by their labels, images, or Istio's gateway injection. */
export function frontDoorOfTemplate(template: PodTemplate, extra: readonly string[] = []): FrontDoor | undefined {
  const byLabels = frontDoorFromLabels(template.labels, extra)
  if (byLabels) return byLabels
  // Most pods run no front door: their containers are read only when an image could be one.
  for (const container of mentionsFrontDoorImage(template) ? servingContainers(template) : []) {
    const image = container.container.image
    if (typeof image !== 'string') continue
    const repository = imageRepository(image)
    const byImage = frontDoorFromRepository(repository, image)
    if (byImage) return byImage
    // Istio's proxy image runs sidecars too: it is a gateway only when started as a router.
    const args = container.container.args
    if (repository.endsWith('proxyv2') && Array.isArray(args) && args.includes('router')) {
      return {product: 'Istio gateway', evidence: `image ${image} started as a router`}
    }
  }

  const inject = getPath(template.owner.object, [...template.path, 'metadata', 'annotations', 'inject.istio.io/templates'])
  if (typeof inject === 'string' && inject.split(',').includes('gateway')) {
    return {product: 'Istio gateway', evidence: 'annotation inject.istio.io/templates=gateway'}
  }

  return undefined
}

/**
 * Whether a Service is the front door of an ingress controller or gateway: its
 * own labels say so, or the pods it selects run one. The Service's labels
 * are enough when its pods are not in the input.
 */
export function frontDoorOfService(
  service: Resource,
  selected: readonly PodTemplate[],
  extra: readonly string[] = [],
): FrontDoor | undefined {
  const byLabels = frontDoorFromLabels(service.labels, extra)
  if (byLabels) return byLabels
  for (const template of selected) {
    const found = frontDoorOfTemplate(template, extra)
    if (found) return found
  }

  return undefined
}
