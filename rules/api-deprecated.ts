import {defineRule} from '../src/engine/rule.js'
import type {Resource} from '../src/engine/types.js'
import type {ResourceIndex} from '../src/engine/resource-index.js'
import {deprecationsIn} from '../src/k8s/deprecations.js'
import {serviceSelector} from '../src/k8s/services.js'

/** The label the endpoints controller puts on the Endpoints it writes (Kubernetes 1.33 and later). */
const MANAGED_BY = 'endpoints.kubernetes.io/managed-by'

/**
 * Endpoints the control plane writes for a Service with a selector: nobody
 * wrote them, and they go away with the Service. Only hand-written ones are
 * the user's to replace.
 */
function controllerManaged(endpoints: Resource, index: ResourceIndex): boolean {
  if (endpoints.labels[MANAGED_BY] === 'endpoint-controller') return true
  return index.table('Service', ['']).findAll(endpoints.namespace, endpoints.name).some((s) => serviceSelector(s) !== undefined)
}

export default defineRule({
  meta: {
    id: 'api-deprecated',
    description: 'An object uses an API, API version or field that is deprecated at the target Kubernetes version, or a CRD version its project no longer serves.',
    severity: 'warning',
    category: 'input',
    messages: {
      deprecatedVersion: '{{kind}} {{apiVersion}} is deprecated since Kubernetes {{version}}{{later}} (target: {{target}}): use {{replacement}}',
      deprecatedKind: '{{kind}} is deprecated since Kubernetes {{version}} (target: {{target}}): use {{replacement}}',
      deprecatedField: '{{field}} is deprecated since Kubernetes {{version}}{{later}} (target: {{target}}): use {{replacement}}',
      unservedVersion:
        '{{kind}} {{apiVersion}} is not served by the standard channel of Gateway API since v{{version}} (the experimental channel may still serve it, deprecated): use {{replacement}}',
      removedKind: '{{kind}} ({{apiVersion}}) is gone since Gateway API v{{version}}: use {{replacement}}',
      supersededKind: '{{kind}} is superseded: network-policy-api v{{version}} merged it into ClusterNetworkPolicy; use {{replacement}}',
    },
  },
  check({index, settings, report}) {
    const {target, found} = deprecationsIn(index.resources, settings)
    for (const match of found) {
      const {resource, entry, path} = match
      const base = {kind: resource.kind, apiVersion: resource.apiVersion, replacement: entry.replacement}
      if (entry.track === 'gateway-api') {
        const messageId = entry.removal === 'removed' ? 'removedKind' : 'unservedVersion'
        report({target: resource, path, messageId, data: {...base, version: entry.removed ?? entry.deprecated ?? '?'}})
        continue
      }

      if (entry.track === 'network-policy-api') {
        report({target: resource, path, messageId: 'supersededKind', data: {kind: resource.kind, version: entry.deprecated ?? '?', replacement: entry.replacement}})
        continue
      }

      if (match.stage !== 'deprecated') continue // removed: api-removed says so
      if (resource.kind === 'Endpoints' && controllerManaged(resource, index)) continue
      const later = entry.removed ? `, and ${entry.removal ?? 'removed'} from ${entry.removed}` : ''
      if (entry.field) {
        report({target: resource, path, messageId: 'deprecatedField', data: {field: `${resource.kind} ${path.join('.')}${entry.field.value ? `: ${entry.field.value}` : ''}`, version: entry.deprecated!, later, target, replacement: entry.replacement}})
      } else if (entry.apiVersions) {
        report({target: resource, path, messageId: 'deprecatedVersion', data: {...base, version: entry.deprecated!, later, target}})
      } else {
        report({target: resource, path, messageId: 'deprecatedKind', data: {kind: resource.kind, version: entry.deprecated!, target, replacement: entry.replacement}})
      }
    }
  },
})
