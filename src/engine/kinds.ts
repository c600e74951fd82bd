/** Facts about Kubernetes kinds that the loader and the index need. */
import type {ObjectPath} from './types.js'

/** Kinds that have no namespace. Anything else, CRD kinds included, is taken as namespaced. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'StorageClass',
  'IngressClass',
  'GatewayClass',
  'PriorityClass',
  'RuntimeClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'APIService',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'CertificateSigningRequest',
  'ClusterIssuer',
  'CiliumClusterwideNetworkPolicy',
  'ClusterNetworkPolicy',
  'GlobalNetworkPolicy',
  'GlobalNetworkSet',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'ClusterTrustBundle',
  'PodSecurityPolicy',
])

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind)
}

/** A kind that carries a pod template, and where. */
export interface PodTemplateKind {
  /** API group, `''` for the core group; `*` matches any group. */
  group: string
  kind: string
  /** Path from the object to the pod template (`metadata` and `spec`); `[]` for a Pod itself. */
  path: ObjectPath
  /** Pods that run to completion: not long-running, no probes expected. */
  batch?: boolean
}

export const BUILTIN_POD_TEMPLATE_KINDS: readonly PodTemplateKind[] = [
  {group: '', kind: 'Pod', path: []},
  {group: 'apps', kind: 'Deployment', path: ['spec', 'template']},
  {group: 'extensions', kind: 'Deployment', path: ['spec', 'template']},
  {group: 'apps', kind: 'StatefulSet', path: ['spec', 'template']},
  {group: 'apps', kind: 'DaemonSet', path: ['spec', 'template']},
  {group: 'extensions', kind: 'DaemonSet', path: ['spec', 'template']},
  {group: 'apps', kind: 'ReplicaSet', path: ['spec', 'template']},
  {group: 'extensions', kind: 'ReplicaSet', path: ['spec', 'template']},
  {group: '', kind: 'ReplicationController', path: ['spec', 'template']},
  {group: 'batch', kind: 'Job', path: ['spec', 'template'], batch: true},
  {group: 'batch', kind: 'CronJob', path: ['spec', 'jobTemplate', 'spec', 'template'], batch: true},
  // Argo Rollouts replace Deployments in many clusters; Services point at their pods.
  {group: 'argoproj.io', kind: 'Rollout', path: ['spec', 'template']},
]

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `''`. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/')
  return slash === -1 ? '' : apiVersion.slice(0, slash)
}
