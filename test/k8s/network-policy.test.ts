import {describe, expect, it} from 'vitest'
import {ResourceIndex} from '../../src/engine/resource-index.js'
import {calicoSelects, defaultDenyDirections, type NamespaceFacts, policyTypes} from '../../src/k8s/network-policy.js'
import {LoadedInput, loadText} from '../../src/loaders/sources.js'

/** Loads YAML documents into an index; returns it and its resources. */
function load(text: string): {index: ResourceIndex; resources: ResourceIndex['resources']} {
  const input = new LoadedInput()
  loadText(input, 'test.yaml', text)
  const index = new ResourceIndex(input.resources)
  return {index, resources: index.resources}
}

const shop: NamespaceFacts = {name: 'shop'}

function directions(text: string, ns: NamespaceFacts = shop): string[] {
  const {index, resources} = load(text)
  return defaultDenyDirections(resources[0]!, ns, index)
}

describe('policyTypes', () => {
  it('implies Ingress, and Egress only when the policy has egress rules', () => {
    const none = load('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}}')
    expect([...policyTypes(none.resources[0]!)]).toEqual(['Ingress'])
    const egress = load('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {egress: [{}], policyTypes: []}')
    expect([...policyTypes(egress.resources[0]!)]).toEqual(['Ingress', 'Egress'])
    const written = load('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {egress: [{}], policyTypes: [Egress]}')
    expect([...policyTypes(written.resources[0]!)]).toEqual(['Egress'])
  })
})

describe('defaultDenyDirections', () => {
  it('NetworkPolicy: a policy of another namespace, one that allows, and a spec that is not a mapping do not count', () => {
    expect(directions('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a, namespace: other}\nspec: {podSelector: {}}')).toEqual([])
    expect(directions('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a, namespace: shop}\nspec: {ingress: [{}]}')).toEqual([])
    expect(directions('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a, namespace: shop}\nspec: [1]')).toEqual([])
    expect(directions('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a, namespace: shop}')).toEqual(['Ingress'])
    expect(
      directions('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a, namespace: shop}\nspec: {policyTypes: [Ingress, Egress], egress: [{ports: [{port: 53, protocol: UDP}, {port: 53, endPort: 60}]}]}'),
    ).toEqual(['Ingress'])
  })

  it('Cilium: specs entries, enableDefaultDeny false, namespace labels when the Namespace is known', () => {
    const cnp = (rule: string): string => `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: a, namespace: shop}\nspecs:\n  - endpointSelector: {matchLabels: {app: x}}\n    ingress: [{}]\n  - ${rule}`
    expect(directions(cnp('{endpointSelector: {}, egress: [{}]}'))).toEqual(['Egress'])
    expect(directions(cnp('{endpointSelector: {}, ingress: [{}], enableDefaultDeny: {ingress: false}}'))).toEqual([])
    expect(directions(cnp('{endpointSelector: {}, ingress: [{}], enableDefaultDeny: {ingress: false}, ingressDeny: [{fromEntities: [all]}]}'))).toEqual(['Ingress'])
    expect(directions(cnp('{nodeSelector: {}, ingress: [{}]}'))).toEqual([])
    expect(directions(cnp("{endpointSelector: {}, egress: [{toEndpoints: [{}], toPorts: [{ports: [{port: '53', protocol: ANY}]}]}]}"))).toEqual(['Egress'])

    const ccnp =
      'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: a}\nspec:\n  endpointSelector: {matchLabels: {k8s:io.cilium.k8s.namespace.labels.team: shop}}\n  ingress: [{}]'
    expect(directions(ccnp)).toEqual([])
    expect(directions(ccnp, {name: 'shop', labels: {team: 'shop'}})).toEqual(['Ingress'])
    expect(directions(ccnp, {name: 'shop', labels: {team: 'cart'}})).toEqual([])
  })

  it('Calico: types defaulted as Calico does, tiers that pass, GlobalNetworkPolicy namespaceSelector', () => {
    const np = (spec: string): string => `apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: a, namespace: shop}\nspec: ${spec}`
    expect(directions(np('{}'))).toEqual(['Ingress'])
    expect(directions(np('{egress: [{action: Deny}]}'))).toEqual(['Egress'])
    expect(directions(np('{ingress: [{action: Allow}], egress: [{action: Deny}]}'))).toEqual(['Egress'])
    expect(directions(np("{selector: \"app == 'x'\"}"))).toEqual([])
    expect(directions(np('{serviceAccountSelector: "role == \'x\'"}'))).toEqual([])

    const tiered = `${np('{tier: security}')}\n---\napiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: security}\nspec: {defaultAction: Pass}`
    expect(directions(tiered)).toEqual([])
    expect(directions(np('{tier: security}'))).toEqual(['Ingress'])

    const gnp = (selector: string): string =>
      `apiVersion: crd.projectcalico.org/v1\nkind: GlobalNetworkPolicy\nmetadata: {name: a}\nspec: {namespaceSelector: "${selector}"}`
    expect(directions(gnp("kubernetes.io/metadata.name == 'shop'"))).toEqual(['Ingress'])
    expect(directions(gnp("projectcalico.org/name == 'cart'"))).toEqual([])
    expect(directions(gnp("env == 'prod'"))).toEqual([])
    expect(directions(gnp("env == 'prod'"), {name: 'shop', labels: {env: 'prod'}})).toEqual(['Ingress'])
  })
})

describe('ClusterNetworkPolicy (network-policy-api v1alpha2)', () => {
  const cnp = (spec: string): string => `apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: a}\nspec: ${spec}`

  it('the Baseline example of the documentation (user story 5) denies ingress in every namespace', () => {
    const story5 = cnp('{tier: Baseline, priority: 10, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}')
    expect(directions(story5)).toEqual(['Ingress'])
    const {resources} = load(story5)
    expect(resources[0]!.namespace).toBe('')
  })

  it('the Admin example (user story 1) covers the namespace its subject names, and no other', () => {
    const story1 =
      cnp('{tier: Admin, priority: 10, subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: sensitive-ns}}}, ingress: [{action: Deny, from: [{namespaces: {matchLabels: {}}}], name: select-all-deny-all}]}')
    expect(directions(story1, {name: 'sensitive-ns'})).toEqual(['Ingress'])
    expect(directions(story1)).toEqual([])
  })

  it('Pass or Accept rules leave the decision to NetworkPolicies; an unknown tier or a narrow peer is no default deny', () => {
    expect(directions(cnp('{tier: Admin, subject: {namespaces: {}}, ingress: [{action: Pass, from: [{namespaces: {}}]}, {action: Deny, from: [{namespaces: {}}]}]}'))).toEqual([])
    expect(directions(cnp('{tier: Admin, subject: {namespaces: {}}, ingress: [{action: Accept, from: [{namespaces: {}}]}]}'))).toEqual([])
    expect(directions(cnp('{tier: Developer, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}'))).toEqual([])
    expect(directions(cnp('{tier: Baseline, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {matchLabels: {a: b}}}]}]}'))).toEqual([])
    expect(directions(cnp('{tier: Baseline, subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: x}}}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}'))).toEqual([])
  })

  it('a subject selector on labels decides only when the Namespace object is known', () => {
    const labelled = cnp('{tier: Baseline, subject: {namespaces: {matchLabels: {env: prod}}}, ingress: [{action: Deny, from: [{pods: {namespaceSelector: {}, podSelector: {}}}]}]}')
    expect(directions(labelled)).toEqual([])
    expect(directions(labelled, {name: 'shop', labels: {env: 'prod'}})).toEqual(['Ingress'])
  })

  it('egress: a Deny to networks 0.0.0.0/0, DNS accepted beside it', () => {
    const egress = cnp(
      '{tier: Baseline, subject: {namespaces: {}}, egress: [{action: Accept, to: [{namespaces: {}}], protocols: [{udp: {destinationPort: {number: 53}}}]}, {action: Deny, to: [{networks: [0.0.0.0/0, "::/0"]}]}]}',
    )
    expect(directions(egress)).toEqual(['Egress'])
    expect(directions(cnp('{tier: Baseline, subject: {namespaces: {}}, egress: [{action: Deny, to: [{namespaces: {}}]}]}'))).toEqual([])
  })

  it('another version of the kind, and AdminNetworkPolicy, are not read: no default deny, whatever they say', () => {
    const story5 = '{tier: Baseline, priority: 10, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}'
    expect(directions(cnp(story5).replace('/v1alpha2', '/v1beta1'))).toEqual([])
    expect(directions(`apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: a}\nspec: {priority: 10, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}`)).toEqual([])
  })

  it('pods without a namespaceSelector take every namespace, as the API reads it; without the required podSelector, nothing is read', () => {
    expect(directions(cnp('{tier: Baseline, subject: {pods: {podSelector: {}}}, ingress: [{action: Deny, from: [{pods: {podSelector: {}}}]}]}'))).toEqual(['Ingress'])
    expect(directions(cnp('{tier: Baseline, subject: {pods: {namespaceSelector: {}}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}'))).toEqual([])
    // protocols: null is no protocols: the Deny takes every port.
    expect(directions(cnp('{tier: Baseline, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}], protocols: null}]}'))).toEqual(['Ingress'])
  })

  it('a policy that goes first and lets everyone through to the whole namespace undoes a deny, as map and reach read the tiers', () => {
    const policies = (...specs: string[]): string => specs.map((spec, i) => cnp(spec).replace('{name: a}', `{name: p${i}}`)).join('\n---\n')
    const deny = (tier: string, priority: number): string => `{tier: ${tier}, priority: ${priority}, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}`
    const opens = (tier: string, priority: number, action: string, subject = '{namespaces: {}}', from = '{namespaces: {}}'): string =>
      `{tier: ${tier}, priority: ${priority}, subject: ${subject}, ingress: [{action: ${action}, from: [${from}]}]}`
    // The deny is the first object: directions() reads it.
    expect(directions(policies(deny('Admin', 10), opens('Admin', 5, 'Accept')))).toEqual([])
    expect(directions(policies(deny('Admin', 10), opens('Admin', 5, 'Pass')))).toEqual([])
    expect(directions(policies(deny('Baseline', 10), opens('Admin', 50, 'Accept')))).toEqual([])
    expect(directions(policies(deny('Baseline', 10), opens('Baseline', 5, 'Pass')))).toEqual([])
    // The same priority: either may go first.
    expect(directions(policies(deny('Admin', 10), opens('Admin', 10, 'Accept')))).toEqual([])
    // An Admin Pass still meets the Baseline deny; a later policy, another namespace, some pods or some peers leave it whole.
    expect(directions(policies(deny('Baseline', 10), opens('Admin', 5, 'Pass')))).toEqual(['Ingress'])
    expect(directions(policies(deny('Admin', 10), opens('Admin', 20, 'Accept')))).toEqual(['Ingress'])
    expect(directions(policies(deny('Admin', 10), opens('Admin', 5, 'Accept', '{namespaces: {matchLabels: {kubernetes.io/metadata.name: cart}}}')))).toEqual(['Ingress'])
    expect(directions(policies(deny('Admin', 10), opens('Admin', 5, 'Accept', '{pods: {podSelector: {matchLabels: {app: web}}}}')))).toEqual(['Ingress'])
    expect(directions(policies(deny('Admin', 10), opens('Admin', 5, 'Accept', '{namespaces: {}}', '{namespaces: {matchLabels: {team: ops}}}')))).toEqual(['Ingress'])
    // A policy that denies everyone before its Accept lets no one through.
    expect(directions(policies(deny('Admin', 10), '{tier: Admin, priority: 5, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}, {action: Accept, from: [{namespaces: {}}]}]}'))).toEqual(['Ingress'])
  })

  it("Antrea's ClusterNetworkPolicy (another group) is not read", () => {
    expect(directions('apiVersion: crd.antrea.io/v1beta1\nkind: ClusterNetworkPolicy\nmetadata: {name: a}\nspec: {tier: Baseline, subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}')).toEqual([])
  })
})

describe('calicoSelects', () => {
  const lookup = (key: string): {known: boolean; value?: string} => (key === 'projectcalico.org/namespace' ? {known: true, value: 'shop'} : {known: false})

  it.each([
    [undefined, true],
    ['', true],
    [' all() ', true],
    ["projectcalico.org/namespace not in {'kube-system', 'calico-system'}", true],
    ["projectcalico.org/namespace in {'kube-system'}", false],
    ['projectcalico.org/namespace == "shop" && has(projectcalico.org/namespace)', true],
    ["projectcalico.org/namespace != 'shop'", false],
    ['!has(projectcalico.org/namespace)', false],
    ["app == 'web'", undefined],
    ["all() || app == 'web'", undefined],
    ['(all())', undefined],
    [7, undefined],
  ])('%j → %j', (selector, expected) => {
    expect(calicoSelects(selector, lookup)).toBe(expected)
  })
})
