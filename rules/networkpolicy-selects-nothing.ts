import {defineRule} from '../src/engine/rule.js'
import type {ResourceIndex} from '../src/engine/resource-index.js'
import {formatSelector, matches, parseLabelSelector, type Selector} from '../src/engine/selectors.js'
import {isRecord} from '../src/util/records.js'
import {networkPolicies, podSelectorOf, rulesOf} from '../src/k8s/network-policy.js'
import {nearest} from '../src/util/suggest.js'
import {operatorPodOwner} from '../src/k8s/operators.js'

export default defineRule({
  meta: {
    id: 'networkpolicy-selects-nothing',
    description: 'A NetworkPolicy\'s podSelector, or a peer podSelector of its rules, matches no pod template in its namespace.',
    severity: 'warning',
    category: 'network-policy',
    messages: {
      selectsNothing: 'podSelector {{selector}} matches no pod template in namespace {{namespace}}',
      ownerLabels: 'podSelector {{selector}} matches no pod template in namespace {{namespace}} ({{owner}} carries these labels, but its pod template does not: a policy selects pods)',
      otherNamespace:
        'podSelector {{selector}} matches no pod template in namespace {{namespace}} (it matches the pods of {{owner}}, but a policy selects pods of its own namespace only)',
      nearValues: 'podSelector {{selector}} matches no pod template in namespace {{namespace}} (did you mean {{labels}}?)',
      templateValues: 'podSelector {{selector}} matches no pod template in namespace {{namespace}} (on its pod templates, {{values}})',
      peerSelectsNothing: '{{field}} peer podSelector {{selector}} matches no pod template in namespace {{namespace}}, so this peer {{effect}} no one',
    },
    // Peers often name pods that controllers and operators make at run time (CSI plugins, job pods): worth a look, not a failure.
    messageSeverity: {peerSelectsNothing: 'info'},
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
        ...hint(selector, namespace, index, {selector: formatSelector(selector), namespace}),
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
            const parsed = parseLabelSelector(peer.podSelector)
            if (!parsed.ok || parsed.selector.requirements.length === 0) continue
            const selector = parsed.selector
            if (index.selectTemplates(namespace, selector).length > 0 || operatorPodOwner(index, namespace, selector)) continue
            report({
              target: policy,
              path: ['spec', field, i, peersKey, j, 'podSelector'],
              messageId: 'peerSelectsNothing',
              data: {field, selector: formatSelector(selector), namespace, effect: direction === 'Ingress' ? 'admits' : 'reaches'},
            })
          }
        }
      }
    }
  },
})

type Hint = {messageId: 'selectsNothing' | 'ownerLabels' | 'otherNamespace' | 'nearValues' | 'templateValues'; data: Record<string, string>}

/** What was probably meant: the mistakes that leave a selector empty-handed. */
function hint(selector: Selector, namespace: string, index: ResourceIndex, data: Record<string, string>): Hint {
  const templates = index.templatesIn(namespace)
  // Only a selector that asks for labels can be said to have meant someone's labels.
  if (selector.requirements.some((r) => r.operator === 'In' || r.operator === 'Exists')) {
    const owner = templates.find((t) => matches(selector, t.owner.labels))
    if (owner) {
      return {messageId: 'ownerLabels', data: {...data, owner: `${owner.owner.kind} ${owner.owner.name}`}}
    }

    const elsewhere = index.templateElsewhere(namespace, selector)
    if (elsewhere) {
      return {messageId: 'otherNamespace', data: {...data, owner: `${elsewhere.owner.kind} ${elsewhere.namespace}/${elsewhere.owner.name}`}}
    }
  }

  // A typo in a value: the selector with the nearest values instead selects a pod template.
  const fixed = selector.requirements.map((r) => {
    if (r.operator !== 'In' || r.values.length !== 1) return r
    const values = new Set(templates.map((t) => t.labels[r.key]).filter((v): v is string => v !== undefined))
    if (values.has(r.values[0]!)) return r
    const near = nearest(r.values[0]!, values)
    return near === undefined ? r : {...r, values: [near]}
  })
  const changed = fixed.filter((r, i) => r !== selector.requirements[i])
  if (changed.length > 0 && templates.some((t) => matches({requirements: fixed}, t.labels))) {
    return {messageId: 'nearValues', data: {...data, labels: changed.map((r) => `${r.key}=${r.values[0]}`).join(',')}}
  }

  const parts: string[] = []
  for (const key of new Set(selector.requirements.map((r) => r.key))) {
    const values = [...new Set(templates.map((t) => t.labels[key]).filter((v): v is string => v !== undefined))].sort()
    if (values.length === 0) continue
    const shown = values.slice(0, 5).join(', ') + (values.length > 5 ? `, and ${values.length - 5} more` : '')
    parts.push(`${key} is ${shown}`)
  }

  return parts.length > 0 ? {messageId: 'templateValues', data: {...data, values: parts.join('; ')}} : {messageId: 'selectsNothing', data}
}

