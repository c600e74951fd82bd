import type {ResourceIndex} from '../src/engine/resource-index.js'
import {defineRule} from '../src/engine/rule.js'
import type {RelatedLocation, Resource} from '../src/engine/types.js'
import {unreadPolicyObjects} from '../src/k8s/cluster-network-policy.js'
import {
  allowsEveryone,
  defaultDenyDirections,
  defaultDenyPolicy,
  type Direction,
  isNetworkPolicy,
  isolatingPolicy,
  nearDefaultDeny,
  podSelectorOf,
  policyObjects,
  policyTypes,
} from '../src/k8s/network-policy.js'
import {getPath} from '../src/util/records.js'

export default defineRule({
  meta: {
    id: 'default-deny-missing',
    description: 'A namespace has no NetworkPolicy that denies ingress (and, optionally, egress) by default.',
    severity: 'warning',
    category: 'network-policy',
    messages: {
      noDefaultDeny: 'namespace {{namespace}} has no NetworkPolicy that denies {{directions}} by default: {{consequence}}',
      isolatedByAllowLists:
        'namespace {{namespace}} has no NetworkPolicy that denies ingress by default: its pods are isolated today, each by a policy that admits only some peers, but a workload added later accepts connections from any pod in the cluster until a policy selects it',
      rulesAllow:
        'namespace {{namespace}} has no NetworkPolicy that denies {{directions}} by default: {{consequence}}; NetworkPolicy {{policy}} selects every pod but its {{field}} rules allow traffic, so it is no default deny ({{related:0}})',
      isolatesOther:
        'namespace {{namespace}} has no NetworkPolicy that denies {{directions}} by default: {{consequence}}; NetworkPolicy {{policy}} selects every pod but isolates {{isolated}} ({{related:0}})',
      unreadPolicy:
        'namespace {{namespace}} has no NetworkPolicy that denies {{directions}} by default, unless {{policy}} does, which k8s-net does not read ({{reason}}; {{related:0}})',
    },
    options: {
      requireEgress: {
        type: 'boolean',
        default: false,
        description: 'Also require a default deny for egress, so that pods reach only what a policy allows.',
      },
    },
    // Nothing is open today: the gap is for workloads to come. Or nothing is known: a policy k8s-net does not read may cover the namespace.
    messageSeverity: {isolatedByAllowLists: 'info', unreadPolicy: 'info'},
  },
  check({index, options, settings, report}) {
    const wanted: Direction[] = options.requireEgress ? ['Ingress', 'Egress'] : ['Ingress']
    const system = new Set(settings.systemNamespaces)

    // What each namespace holds that a finding can be placed on: its Namespace object first, then its workloads.
    const places = new Map<string, Resource[]>()
    const add = (namespace: string, resource: Resource): void => {
      if (namespace === '' || system.has(namespace)) return
      const list = places.get(namespace)
      if (list) list.push(resource)
      else places.set(namespace, [resource])
    }

    const namespaceObjects = new Map<string, Resource>()
    for (const ns of index.byKind('Namespace', '')) {
      const written = getPath(ns.object, ['metadata', 'name'])
      if (typeof written !== 'string' || written === '') continue
      if (!namespaceObjects.has(ns.name)) namespaceObjects.set(ns.name, ns)
      add(ns.name, ns)
    }

    for (const template of index.podTemplates) add(template.namespace, template.owner)

    // Namespaced policies apply in their own namespace only; cluster-wide ones may apply in any.
    const byNamespace = new Map<string, Resource[]>()
    const clusterWide: Resource[] = []
    for (const policy of policyObjects(index)) {
      if (policy.namespace === '') clusterWide.push(policy)
      else if (byNamespace.has(policy.namespace)) byNamespace.get(policy.namespace)!.push(policy)
      else byNamespace.set(policy.namespace, [policy])
    }

    // Cluster-wide objects of network-policy-api that k8s-net does not read: any of them may cover any namespace.
    const [unread] = unreadPolicyObjects(index)
    for (const name of [...places.keys()].sort()) {
      // Policies a cluster would not let us list may well be there.
      if (!index.readable('NetworkPolicy', name)) continue
      const facts = {name, labels: namespaceObjects.get(name)?.labels}
      const covered = new Set<Direction>()
      for (const policy of [...(byNamespace.get(name) ?? []), ...clusterWide]) {
        for (const d of defaultDenyDirections(policy, facts, index)) covered.add(d)
      }

      const missing = wanted.filter((d) => !covered.has(d))
      if (missing.length === 0) continue
      const candidates = places.get(name)!
      const target = candidates.find((c) => !c.reference) ?? candidates[0]!
      const what = missing.map((d) => d.toLowerCase()).join(' and ')
      if (unread) {
        const policy = `${unread.policy.kind} ${unread.policy.name}`
        report({
          target,
          path: ['metadata', 'name'],
          messageId: 'unreadPolicy',
          data: {namespace: name, directions: what, policy, reason: unread.reason},
          related: [{message: policy, target: unread.policy, path: unread.path}],
          fix: defaultDenyPolicy(name, freeName(index, name, missing), missing),
        })
        continue
      }

      const near = nearMiss(byNamespace.get(name) ?? [], missing)
      // A policy that selects every pod isolates the pods even with rules: unless a rule lets everyone in (or out),
      // its rules, not "anyone", decide.
      const ingressBy = isolatingPolicy(byNamespace.get(name) ?? [], 'Ingress')
      const egressBy = isolatingPolicy(byNamespace.get(name) ?? [], 'Egress')
      // Every pod of the namespace already isolated by a policy that admits only some peers: the gap is for pods to come.
      if (missing.length === 1 && missing[0] === 'Ingress' && !ingressBy) {
        const allowLists = (byNamespace.get(name) ?? []).filter((p) => isNetworkPolicy(p) && policyTypes(p).has('Ingress') && !allowsEveryone(p, 'Ingress'))
        const isolated = new Set(
          allowLists.flatMap((p) => {
            const selector = podSelectorOf(p)
            return selector.ok ? index.selectTemplates(name, selector.selector) : []
          }),
        )
        const templates = index.templatesIn(name)
        if (templates.length > 0 && templates.every((t) => isolated.has(t))) {
          report({
            target,
            path: ['metadata', 'name'],
            messageId: 'isolatedByAllowLists',
            data: {namespace: name},
            fix: defaultDenyPolicy(name, freeName(index, name, missing), missing),
          })
          continue
        }
      }

      const consequence = [
        missing.includes('Ingress')
          ? ingressBy
            ? `every pod accepts what the ingress rules of NetworkPolicy ${ingressBy.name} allow, for all of them alike`
            : 'any pod in the cluster can connect to its pods'
          : undefined,
        missing.includes('Egress')
          ? egressBy
            ? `every pod may connect where the egress rules of NetworkPolicy ${egressBy.name} allow`
            : `${missing.includes('Ingress') && !ingressBy ? 'they' : 'its pods'} can connect anywhere, outside the cluster included`
          : undefined,
      ]
        .filter(Boolean)
        .join(', and ')
      report({
        target,
        path: ['metadata', 'name'],
        ...(near
          ? {messageId: near.messageId, data: {namespace: name, directions: what, consequence, ...near.data}, related: [near.related]}
          : {messageId: 'noDefaultDeny', data: {namespace: name, directions: what, consequence}}),
        fix: defaultDenyPolicy(name, freeName(index, name, missing), missing),
      })
    }
  },
})

/**
 * The usual mistake beside a missing default deny, as a message: a
 * NetworkPolicy that selects every pod but whose rules allow traffic, or whose
 * policyTypes leave the direction out.
 */
function nearMiss(
  policies: readonly Resource[],
  missing: readonly Direction[],
): {messageId: 'rulesAllow' | 'isolatesOther'; data: Record<string, string>; related: RelatedLocation} | undefined {
  const near = nearDefaultDeny(policies, missing)
  if (!near) return undefined
  const {policy} = near
  if (near.problem === 'rules-allow') {
    const field = near.direction.toLowerCase()
    const related = {message: `the ${field} rules of NetworkPolicy ${policy.name}`, target: policy, path: ['spec', field]}
    return {messageId: 'rulesAllow', data: {policy: policy.name, field}, related}
  }

  const types = [...policyTypes(policy)].map((t) => t.toLowerCase())
  const related = {message: `the policyTypes of NetworkPolicy ${policy.name}`, target: policy, path: ['spec', 'policyTypes']}
  return {messageId: 'isolatesOther', data: {policy: policy.name, isolated: types.length > 0 ? `${types.join(' and ')} only` : 'no direction'}, related}
}

/** A name for the new policy that no NetworkPolicy of the namespace has yet. */
function freeName(index: ResourceIndex, namespace: string, missing: readonly Direction[]): string {
  const base = missing.length === 2 ? 'default-deny' : `default-deny-${missing[0]!.toLowerCase()}`
  const policies = index.table('NetworkPolicy', ['networking.k8s.io'])
  let name = base
  for (let i = 2; policies.find(namespace, name); i++) name = `${base}-${i}`
  return name
}
