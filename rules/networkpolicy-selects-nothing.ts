import {defineRule} from '../src/engine/rule.js'
import type {ResourceIndex} from '../src/engine/resource-index.js'
import {formatSelector, matches, parseLabelSelector, type Selector} from '../src/engine/selectors.js'
import {networkPolicies, podSelectorOf, rulesOf} from '../src/k8s/network-policy.js'
import {editDistance, isRecord} from '../src/engine/util.js'
import {operatorPodOwner} from '../src/k8s/operators.js'

export default defineRule({
  meta: {
    id: 'networkpolicy-selects-nothing',
    description: 'A NetworkPolicy\'s podSelector, or a peer podSelector of its rules, matches no pod template in its namespace.',
    severity: 'warning',
    category: 'network-policy',
    rationale:
      'A NetworkPolicy applies to the pods its podSelector selects in the policy\'s own namespace, and to no others. A selector that matches no pod (a typo in a label, labels changed on the workload but not on the policy, the policy applied to the wrong namespace) leaves the pods it was written for unprotected, or blocks nothing while everyone believes it does. The selector is evaluated as the API server does: every matchLabels entry must hold, and matchExpressions with In, NotIn, Exists and DoesNotExist are honoured, against the labels of pod templates (not the labels of the Deployment or other owner). An empty podSelector (`{}`) selects every pod of the namespace and is never reported. The rule speaks only when the input holds pod templates in that namespace: when the policy is linted without its workloads (one file in a pre-commit hook), pass them with --context. Pods that operators create from custom resources have no pod template in the input; the rule stays silent when a custom resource in the namespace carries labels the selector matches, or when the selector names the kind of a custom resource of the input (as in `alertmanager: main` or `app.kubernetes.io/name: prometheus`). CRD kinds that do carry a pod template (Argo Rollouts) are configured under podTemplates. The same holds for the peers of its rules: a `from` or `to` entry with a podSelector and no namespaceSelector selects pods of the policy\'s namespace, and one that matches none admits (or reaches) no one.',
    remediation:
      'Make the podSelector match the labels in the pod template (spec.template.metadata.labels of the Deployment, StatefulSet or DaemonSet), put the policy in the namespace of the pods, or delete the policy if its workload is gone.\n\n```yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-allow-frontend\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      app: api        # as in the Deployment\'s spec.template.metadata.labels\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: frontend\n```',
  },
  check({index, report}) {
    for (const policy of networkPolicies(index)) {
      const parsed = podSelectorOf(policy)
      if (!parsed.ok || parsed.selector.requirements.length === 0) continue
      const {namespace} = policy
      if (!index.hasPodTemplates(namespace) || !index.templatesReadable(namespace)) continue
      const selector = parsed.selector
      if (index.selectTemplates(namespace, selector).length > 0) continue
      if (operatorPodOwner(index, namespace, selector)) continue
      report({
        target: policy,
        path: ['spec', 'podSelector'],
        message: `podSelector ${formatSelector(selector)} matches no pod template in namespace ${namespace}${hints(selector, namespace, index)}`,
      })
    }

    // Peers: a podSelector without namespaceSelector selects pods of the policy's namespace.
    for (const policy of networkPolicies(index)) {
      const {namespace} = policy
      if (!index.hasPodTemplates(namespace) || !index.templatesReadable(namespace)) continue
      for (const direction of ['Ingress', 'Egress'] as const) {
        const field = direction === 'Ingress' ? 'ingress' : 'egress'
        const peersKey = direction === 'Ingress' ? 'from' : 'to'
        for (const [i, rule] of (rulesOf(policy, direction) ?? []).entries()) {
          const peers = isRecord(rule) ? rule[peersKey] : undefined
          if (!Array.isArray(peers)) continue
          for (const [j, peer] of peers.entries()) {
            if (!isRecord(peer) || peer.namespaceSelector !== undefined || peer.podSelector === undefined) continue
            const peerSelector = parseLabelSelector(peer.podSelector)
            if (!peerSelector.ok || peerSelector.selector.requirements.length === 0) continue
            const selector = peerSelector.selector
            if (index.selectTemplates(namespace, selector).length > 0 || operatorPodOwner(index, namespace, selector)) continue
            report({
              target: policy,
              path: ['spec', field, i, peersKey, j, 'podSelector'],
              message: `${field} peer podSelector ${formatSelector(selector)} matches no pod template in namespace ${namespace}, so this peer admits no one${hints(selector, namespace, index)}`,
            })
          }
        }
      }
    }
  },
})

/** What was probably meant: the mistakes that leave a selector empty-handed. */
function hints(selector: Selector, namespace: string, index: ResourceIndex): string {
  const templates = index.templatesIn(namespace)
  // Only a selector that asks for labels can be said to have meant someone's labels.
  if (selector.requirements.some((r) => r.operator === 'In' || r.operator === 'Exists')) {
    const owner = templates.find((t) => matches(selector, t.owner.labels))
    if (owner) {
      return ` (${owner.owner.kind} ${owner.owner.name} carries these labels, but its pod template does not: a policy selects pods)`
    }

    const elsewhere = index.podTemplates.find((t) => t.namespace !== namespace && matches(selector, t.labels))
    if (elsewhere) {
      return ` (it matches the pods of ${elsewhere.owner.kind} ${elsewhere.namespace}/${elsewhere.owner.name}, but a policy selects pods of its own namespace only)`
    }
  }

  // A typo in a value: the selector with the nearest values instead selects a pod template.
  const fixed = selector.requirements.map((r) => {
    if (r.operator !== 'In' || r.values.length !== 1) return r
    const values = new Set(templates.map((t) => t.labels[r.key]).filter((v): v is string => v !== undefined))
    if (values.has(r.values[0]!)) return r
    const near = [...values].sort().find((v) => similar(v, r.values[0]!))
    return near === undefined ? r : {...r, values: [near]}
  })
  const changed = fixed.filter((r, i) => r !== selector.requirements[i])
  if (changed.length > 0 && templates.some((t) => matches({requirements: fixed}, t.labels))) {
    return ` (did you mean ${changed.map((r) => `${r.key}=${r.values[0]}`).join(',')}?)`
  }

  const parts: string[] = []
  for (const key of new Set(selector.requirements.map((r) => r.key))) {
    const values = [...new Set(templates.map((t) => t.labels[key]).filter((v): v is string => v !== undefined))].sort()
    if (values.length === 0) continue
    const shown = values.slice(0, 5).join(', ') + (values.length > 5 ? `, and ${values.length - 5} more` : '')
    parts.push(`${key} is ${shown}`)
  }

  return parts.length > 0 ? ` (on its pod templates, ${parts.join('; ')})` : ''
}

/** Whether two label values differ by a typo: case and punctuation, or an edit or two. */
function similar(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replaceAll(/[^a-z0-9]/g, '')
  if (norm(a) === norm(b)) return true
  return editDistance(a, b) <= Math.min(2, Math.floor(Math.max(a.length, b.length) / 4))
}

