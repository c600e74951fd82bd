/**
 * Which API or field is deprecated, or removed, in which version: one table
 * for every rule that judges an object by the version of the cluster it is
 * meant for (`--kube-version`, `kubeVersion:` in config, or the server's
 * `/version` in cluster mode).
 *
 * Three tracks. `kubernetes` entries are gated by the target Kubernetes
 * version: an entry applies once the target reaches its `deprecated` (or
 * `removed`) version. `gateway-api` and `network-policy-api` entries are CRDs
 * installed apart from Kubernetes, whose versions k8s-net does not know: they
 * apply always, and say from which release of that project on.
 */
import {compareVersions, formatVersion, type KubeVersion, parseKubeVersion} from '../engine/kube-version.js'
import type {ObjectPath, Resource} from '../engine/types.js'
import {isRecord} from '../util/records.js'

export type Track = 'kubernetes' | 'gateway-api' | 'network-policy-api'

export interface Deprecation {
  /** Stable key, for tests and docs. */
  key: string
  track: Track
  group: string
  kind: string
  /** `apiVersion` values the entry is about; undefined: every version of the kind. */
  apiVersions?: readonly string[]
  /** For a field: its path in the object, and the value that is deprecated (undefined: any non-empty value). */
  field?: {path: ObjectPath; value?: string}
  /** Version from which it is deprecated (still served, a warning from the API server). */
  deprecated?: string
  /** Version from which it is gone (`removed`), or turned off by default (`disabled`). */
  removed?: string
  /** What `removed` means for this entry. */
  removal?: 'removed' | 'disabled by default' | 'not served by the standard channel'
  /** What to use instead, as a user writes it. */
  replacement: string
}

/** Gateway API's standard channel: the kind is served at v1 only. */
const unserved = (kind: string, versions: string[], since: string, replacement = `gateway.networking.k8s.io/v1 ${kind}`): Deprecation => ({
  key: `gateway-api-${kind.toLowerCase()}-${versions.map((v) => v.split('/')[1]).join('-')}`,
  track: 'gateway-api',
  group: 'gateway.networking.k8s.io',
  kind,
  apiVersions: versions,
  removed: since,
  removal: 'not served by the standard channel',
  replacement,
})

const removedWorkload = (kind: string, versions: string[]): Deprecation => ({
  key: `${kind.toLowerCase()}-${versions.map((v) => v.replace('/', '-')).join('-')}`,
  track: 'kubernetes',
  group: '*',
  kind,
  apiVersions: versions,
  removed: '1.16',
  removal: 'removed',
  replacement: `apps/v1 ${kind}`,
})

export const DEPRECATIONS: readonly Deprecation[] = [
  // Kubernetes: APIs that networking objects and the workloads behind them were written in.
  {key: 'ingress-extensions-v1beta1', track: 'kubernetes', group: 'extensions', kind: 'Ingress', apiVersions: ['extensions/v1beta1'], deprecated: '1.14', removed: '1.22', removal: 'removed', replacement: 'networking.k8s.io/v1 Ingress'},
  {key: 'ingress-networking-v1beta1', track: 'kubernetes', group: 'networking.k8s.io', kind: 'Ingress', apiVersions: ['networking.k8s.io/v1beta1'], deprecated: '1.19', removed: '1.22', removal: 'removed', replacement: 'networking.k8s.io/v1 Ingress'},
  {key: 'ingressclass-networking-v1beta1', track: 'kubernetes', group: 'networking.k8s.io', kind: 'IngressClass', apiVersions: ['networking.k8s.io/v1beta1'], deprecated: '1.19', removed: '1.22', removal: 'removed', replacement: 'networking.k8s.io/v1 IngressClass'},
  {key: 'networkpolicy-extensions-v1beta1', track: 'kubernetes', group: 'extensions', kind: 'NetworkPolicy', apiVersions: ['extensions/v1beta1'], deprecated: '1.9', removed: '1.16', removal: 'removed', replacement: 'networking.k8s.io/v1 NetworkPolicy'},
  removedWorkload('Deployment', ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']),
  removedWorkload('DaemonSet', ['extensions/v1beta1', 'apps/v1beta2']),
  removedWorkload('ReplicaSet', ['extensions/v1beta1', 'apps/v1beta2']),
  removedWorkload('StatefulSet', ['apps/v1beta1', 'apps/v1beta2']),
  {key: 'endpointslice-discovery-v1beta1', track: 'kubernetes', group: 'discovery.k8s.io', kind: 'EndpointSlice', apiVersions: ['discovery.k8s.io/v1beta1'], deprecated: '1.21', removed: '1.25', removal: 'removed', replacement: 'discovery.k8s.io/v1 EndpointSlice'},
  {key: 'hpa-autoscaling-v2beta1', track: 'kubernetes', group: 'autoscaling', kind: 'HorizontalPodAutoscaler', apiVersions: ['autoscaling/v2beta1'], deprecated: '1.23', removed: '1.25', removal: 'removed', replacement: 'autoscaling/v2 HorizontalPodAutoscaler'},
  {key: 'hpa-autoscaling-v2beta2', track: 'kubernetes', group: 'autoscaling', kind: 'HorizontalPodAutoscaler', apiVersions: ['autoscaling/v2beta2'], deprecated: '1.23', removed: '1.26', removal: 'removed', replacement: 'autoscaling/v2 HorizontalPodAutoscaler'},
  {key: 'endpoints', track: 'kubernetes', group: '', kind: 'Endpoints', deprecated: '1.33', replacement: 'discovery.k8s.io/v1 EndpointSlice'},
  {
    key: 'service-external-ips',
    track: 'kubernetes',
    group: '',
    kind: 'Service',
    field: {path: ['spec', 'externalIPs']},
    deprecated: '1.36',
    removed: '1.40',
    removal: 'disabled by default',
    replacement: 'a LoadBalancer Service (or a Gateway) for an address from outside the cluster',
  },
  {
    key: 'service-traffic-distribution-prefer-close',
    track: 'kubernetes',
    group: '',
    kind: 'Service',
    field: {path: ['spec', 'trafficDistribution'], value: 'PreferClose'},
    deprecated: '1.35',
    replacement: 'trafficDistribution: PreferSameZone, which PreferClose is an alias of',
  },
  // Gateway API: versions the standard channel no longer serves (v1.6 CRDs).
  unserved('Gateway', ['gateway.networking.k8s.io/v1alpha2'], '0.8'),
  unserved('GatewayClass', ['gateway.networking.k8s.io/v1alpha2'], '0.8'),
  unserved('HTTPRoute', ['gateway.networking.k8s.io/v1alpha2'], '0.8'),
  unserved('GRPCRoute', ['gateway.networking.k8s.io/v1alpha2'], '1.2'),
  unserved('ReferenceGrant', ['gateway.networking.k8s.io/v1alpha2'], '1.2'),
  unserved('BackendTLSPolicy', ['gateway.networking.k8s.io/v1alpha2', 'gateway.networking.k8s.io/v1alpha3'], '1.4'),
  unserved('TLSRoute', ['gateway.networking.k8s.io/v1alpha2', 'gateway.networking.k8s.io/v1alpha3'], '1.5'),
  unserved('TCPRoute', ['gateway.networking.k8s.io/v1alpha2'], '1.6'),
  unserved('UDPRoute', ['gateway.networking.k8s.io/v1alpha2'], '1.6'),
  {
    key: 'gateway-api-xlistenerset',
    track: 'gateway-api',
    group: 'gateway.networking.x-k8s.io',
    kind: 'XListenerSet',
    removed: '1.5',
    removal: 'removed',
    replacement: 'gateway.networking.k8s.io/v1 ListenerSet',
  },
  // network-policy-api v0.2.0 merged both kinds into ClusterNetworkPolicy.
  {
    key: 'adminnetworkpolicy',
    track: 'network-policy-api',
    group: 'policy.networking.k8s.io',
    kind: 'AdminNetworkPolicy',
    deprecated: '0.2.0',
    replacement: 'policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy with tier: Admin',
  },
  {
    key: 'baselineadminnetworkpolicy',
    track: 'network-policy-api',
    group: 'policy.networking.k8s.io',
    kind: 'BaselineAdminNetworkPolicy',
    deprecated: '0.2.0',
    replacement: 'policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy with tier: Baseline',
  },
]

const at = (text: string): KubeVersion => parseKubeVersion(text)!

/**
 * The newest Kubernetes version the table knows as released: the default
 * target. Stages announced for later versions (externalIPs off by default in
 * 1.40) apply only when a later target is asked for.
 */
export const NEWEST_KNOWN_VERSION: KubeVersion = {major: 1, minor: 36}

/** The version rules judge against: the one run settings give, else the newest known. */
export const targetVersion = (settings: {kubeVersion?: KubeVersion}): KubeVersion => settings.kubeVersion ?? NEWEST_KNOWN_VERSION

/** What an entry means for an object at the target version. */
export type Stage = 'deprecated' | 'removed'

export interface DeprecationMatch {
  entry: Deprecation
  stage: Stage
  /** Where in the object: `apiVersion` for a version, `kind` for a whole kind, or the field. */
  path: ObjectPath
}

function fieldMatches(resource: Resource, field: {path: ObjectPath; value?: string}): boolean {
  let value: unknown = resource.object
  for (const segment of field.path) {
    if (!isRecord(value)) return false
    value = value[segment]
  }

  if (field.value !== undefined) return value === field.value
  if (Array.isArray(value)) return value.length > 0
  return value !== undefined && value !== null && value !== ''
}

/** The stage an entry has reached at the target, or undefined when it does not apply yet. */
export function stageAt(entry: Deprecation, target: KubeVersion): Stage | undefined {
  if (entry.track !== 'kubernetes') return entry.removed === undefined ? 'deprecated' : 'removed'
  if (entry.removed !== undefined && compareVersions(target, at(entry.removed)) >= 0) return 'removed'
  if (entry.deprecated !== undefined && compareVersions(target, at(entry.deprecated)) >= 0) return 'deprecated'
  return undefined
}

/** Table entries that apply to an object at the target version. */
export function deprecationsOf(resource: Resource, target: KubeVersion, table: readonly Deprecation[] = DEPRECATIONS): DeprecationMatch[] {
  const out: DeprecationMatch[] = []
  for (const entry of table) {
    if (entry.kind !== resource.kind || (entry.group !== '*' && entry.group !== resource.group)) continue
    if (entry.apiVersions && !entry.apiVersions.includes(resource.apiVersion)) continue
    if (entry.field && !fieldMatches(resource, entry.field)) continue
    const stage = stageAt(entry, target)
    if (stage) out.push({entry, stage, path: entry.field ? entry.field.path : entry.apiVersions ? ['apiVersion'] : ['kind']})
  }

  return out
}

/** The project a track's versions belong to, for messages. */
export function trackName(track: Track): string {
  return track === 'kubernetes' ? 'Kubernetes' : track === 'gateway-api' ? 'Gateway API' : 'network-policy-api'
}

/** Every table entry that applies to the objects at the target version of the run, with the target as messages write it. */
export function deprecationsIn(
  resources: readonly Resource[],
  settings: {kubeVersion?: KubeVersion},
): {target: string; found: Array<DeprecationMatch & {resource: Resource}>} {
  const version = targetVersion(settings)
  return {target: formatVersion(version), found: resources.flatMap((resource) => deprecationsOf(resource, version).map((m) => ({...m, resource})))}
}
