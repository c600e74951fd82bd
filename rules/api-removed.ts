import {defineRule} from '../src/engine/rule.js'
import {deprecationsIn} from '../src/k8s/deprecations.js'
import {INGRESS_GROUPS, toNetworkingV1} from '../src/k8s/ingress.js'

export default defineRule({
  meta: {
    id: 'api-removed',
    description: 'An object uses an API version, or a field, that the target Kubernetes version no longer serves or turns off by default.',
    severity: 'error',
    category: 'input',
    aliases: ['ingress-api-removed'],
    messages: {
      removedVersion: '{{kind}} {{apiVersion}} was removed in Kubernetes {{version}} (target: {{target}}): use {{replacement}}',
      disabledField: '{{field}} is {{removal}} from Kubernetes {{version}} (target: {{target}}): use {{replacement}}',
    },
  },
  check({index, settings, report}) {
    const {target, found} = deprecationsIn(index.resources, settings)
    for (const match of found) {
      const {resource, entry} = match
      if (match.stage !== 'removed' || entry.track !== 'kubernetes') continue
      if (entry.field) {
        report({
          target: resource,
          path: match.path,
          messageId: 'disabledField',
          data: {field: `${resource.kind} ${match.path.join('.')}`, removal: entry.removal ?? 'removed', version: entry.removed!, target, replacement: entry.replacement},
        })
        continue
      }

      const rewritable = (resource.kind === 'Ingress' || resource.kind === 'IngressClass') && INGRESS_GROUPS.includes(resource.group)
      report({
        target: resource,
        path: match.path,
        messageId: 'removedVersion',
        data: {kind: resource.kind, apiVersion: resource.apiVersion, version: entry.removed!, target, replacement: entry.replacement},
        ...(rewritable ? {fix: toNetworkingV1(resource.object)} : {}),
      })
    }
  },
})
