import {getPath, type ResourceIndex} from '../src/engine/resource-index.js'
import {defineRule} from '../src/engine/rule.js'
import {isRecord} from '../src/engine/util.js'
import type {RelatedLocation, Resource} from '../src/engine/types.js'
import {
  defaultDenyDirections,
  defaultDenyPolicy,
  type Direction,
  isNetworkPolicy,
  podSelectorOf,
  policyObjects,
  policyTypes,
  rulesOf,
} from '../src/k8s/network-policy.js'

export default defineRule({
  meta: {
    id: 'default-deny-missing',
    description: 'A namespace has no NetworkPolicy that denies ingress (and, optionally, egress) by default.',
    severity: 'warning',
    category: 'network-policy',
    options: {
      requireEgress: {
        type: 'boolean',
        default: false,
        description: 'Also require a default deny for egress, so that pods reach only what a policy allows.',
      },
    },
    rationale:
      'A pod that no NetworkPolicy selects accepts connections from every pod in the cluster, and from outside it through any Service or node port that reaches it. A default-deny policy in each namespace turns this around: nothing gets in until a policy allows it, so a new workload is not exposed by accident and a compromised pod cannot probe its neighbours. The rule looks at every namespace that holds workloads in the input, or whose Namespace object is in the input, except settings.systemNamespaces (kube-system, kube-public and kube-node-lease by default). A namespace counts as covered for a direction when a policy selects every pod there and allows nothing in that direction. Recognised: a NetworkPolicy of that namespace with `podSelector: {}`, the direction among its effective policyTypes (when policyTypes is absent, Ingress is implied, and Egress only if the policy has egress rules) and no rules in that direction; a CiliumNetworkPolicy of that namespace or a CiliumClusterwideNetworkPolicy whose endpointSelector selects every endpoint of the namespace (`{}`, or only requirements on io.kubernetes.pod.namespace, or on io.cilium.k8s.namespace.labels.* when the Namespace object is in the input) with an ingress or egress section made of empty rules (`- {}`) and enableDefaultDeny not false, or an ingressDeny or egressDeny rule for the entity `all`; a Calico NetworkPolicy of that namespace or GlobalNetworkPolicy whose selector is absent, `all()` or tests only projectcalico.org/namespace (and, for GlobalNetworkPolicy, whose namespaceSelector is absent, `all()` or matches the namespace by name or by the labels of its Namespace object), with the direction among its types (defaulted as Calico does) and only Deny or Log rules in it, outside a tier whose Tier object says defaultAction: Pass. For egress, in all of them, rules that open nothing but port 53 (DNS) still count as a default deny. Other forms (Calico selectors with || or parentheses, AdminNetworkPolicy) are not read, and do not count. A policy in another namespace never covers this one, and a policy with an allowing rule (`- from: ...`, or `- {}`, which allows everything) is not a default deny, however broad its selector. Policies loaded with --context count: when you lint part of your manifests (one file in a pre-commit hook, one chart), the default-deny policy may live elsewhere, and this rule cannot see it unless you pass it with --context. When every pod template of the namespace is already selected by an ingress policy that admits only some peers, its pods are isolated today and the finding is an info about workloads added later.',
    remediation:
      'Add a default-deny NetworkPolicy to the namespace, then one policy per workload that allows what it needs (its Service\'s clients, its ingress controller, its metrics scraper). The finding carries a ready-to-apply policy for its namespace (fix, in the JSON output). If the namespace is covered by a policy kept in other files, pass them with --context so that k8s-net sees it; if it is covered in a way this rule does not recognise, suppress the finding with the annotation ignore.k8s-net.io/default-deny-missing on the Namespace, or an exemption in .k8s-net.yaml. With requireEgress, the egress default deny below keeps DNS open; narrow it to your cluster DNS if you can.\n\n```yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes:\n    - Ingress\n```',
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
      const near = nearMiss(byNamespace.get(name) ?? [], missing)
      const what = missing.map((d) => d.toLowerCase()).join(' and ')
      // A policy that selects every pod isolates the pods even with rules: unless a rule lets everyone in (or out),
      // its rules, not "anyone", decide.
      const isolating = (d: Direction): Resource | undefined =>
        (byNamespace.get(name) ?? []).find((p) => {
          if (!isNetworkPolicy(p) || !policyTypes(p).has(d) || allowsEveryone(p, d)) return false
          const selector = podSelectorOf(p)
          return selector.ok && selector.selector.requirements.length === 0
        })
      const ingressBy = isolating('Ingress')
      const egressBy = isolating('Egress')
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
            severity: 'info',
            message: `namespace ${name} has no NetworkPolicy that denies ingress by default: its pods are isolated today, each by a policy that admits only some peers, but a workload added later accepts connections from any pod in the cluster until a policy selects it`,
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
        message: `namespace ${name} has no NetworkPolicy that denies ${what} by default: ${consequence}${near ? `; ${near.message} ({{related:0}})` : ''}`,
        ...(near ? {related: [near.related]} : {}),
        fix: defaultDenyPolicy(name, freeName(index, name, missing), missing),
      })
    }
  },
})

/**
 * Whether a rule of the policy lets any peer through in this direction: a rule
 * without peers (`- {}`, or ports only), a peer of every namespace
 * (`namespaceSelector: {}` with no podSelector or an empty one), or an ipBlock
 * of the whole address space.
 */
function allowsEveryone(policy: Resource, direction: Direction): boolean {
  const peersKey = direction === 'Ingress' ? 'from' : 'to'
  return (rulesOf(policy, direction) ?? []).some((rule) => {
    const peers = isRecord(rule) ? rule[peersKey] : undefined
    if (!Array.isArray(peers) || peers.length === 0) return true
    return peers.some((peer) => {
      if (!isRecord(peer)) return false
      const everyNamespace = isRecord(peer.namespaceSelector) && Object.keys(peer.namespaceSelector).length === 0
      const everyPod = peer.podSelector === undefined || (isRecord(peer.podSelector) && Object.keys(peer.podSelector).length === 0)
      const cidr = isRecord(peer.ipBlock) ? peer.ipBlock.cidr : undefined
      return (everyNamespace && everyPod) || cidr === '0.0.0.0/0' || cidr === '::/0'
    })
  })
}

/**
 * A NetworkPolicy of the namespace that selects every pod but is no default
 * deny for a missing direction, the usual mistake: rules that allow traffic
 * first, then policyTypes that leave the direction out.
 */
function nearMiss(policies: readonly Resource[], missing: readonly Direction[]): {message: string; related: RelatedLocation} | undefined {
  const selectAll = policies.filter((p) => {
    if (!isNetworkPolicy(p)) return false
    const selector = podSelectorOf(p)
    return selector.ok && selector.selector.requirements.length === 0
  })
  for (const d of missing) {
    const field = d.toLowerCase()
    const allowing = selectAll.find((p) => policyTypes(p).has(d) && (rulesOf(p, d)?.length ?? 1) > 0)
    if (allowing) {
      return {
        message: `NetworkPolicy ${allowing.name} selects every pod but its ${field} rules allow traffic, so it is no default deny`,
        related: {message: `the ${field} rules of NetworkPolicy ${allowing.name}`, target: allowing, path: ['spec', field]},
      }
    }
  }

  for (const d of missing) {
    const other = selectAll.find((p) => !policyTypes(p).has(d))
    if (other) {
      const types = [...policyTypes(other)].map((t) => t.toLowerCase())
      return {
        message: `NetworkPolicy ${other.name} selects every pod but isolates ${types.length > 0 ? `${types.join(' and ')} only` : 'no direction'}`,
        related: {message: `the policyTypes of NetworkPolicy ${other.name}`, target: other, path: ['spec', 'policyTypes']},
      }
    }
  }

  return undefined
}

/** A name for the new policy that no NetworkPolicy of the namespace has yet. */
function freeName(index: ResourceIndex, namespace: string, missing: readonly Direction[]): string {
  const base = missing.length === 2 ? 'default-deny' : `default-deny-${missing[0]!.toLowerCase()}`
  const policies = index.table('NetworkPolicy', ['networking.k8s.io'])
  let name = base
  for (let i = 2; policies.find(namespace, name); i++) name = `${base}-${i}`
  return name
}
