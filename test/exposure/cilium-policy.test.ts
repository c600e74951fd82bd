/**
 * The exposure model reads the ingress allow rules of CiliumNetworkPolicy and
 * CiliumClusterwideNetworkPolicy: fromEndpoints, fromEntities, fromCIDR and
 * toPorts, added to the allows of the NetworkPolicies that select the same
 * pods (Cilium enforces both), with ingressDeny winning over every allow.
 * What it cannot map onto a sender stays unknown.
 */
import {describe, expect, it} from 'vitest'
import {ResourceIndex} from '../../src/engine/resource-index.js'
import {exposureModel} from '../../src/exposure/model.js'
import {type Peer, targetOf, type TargetPort, type Verdict} from '../../src/exposure/policy.js'
import {deployment, resources} from '../k8s/helpers.js'

const HTTP: TargetPort = {number: 8080, name: 'http', protocol: 'TCP'}
const web = {...deployment('web', {app: 'web'}, [{name: 'web', image: 'web'}]), metadata: {name: 'web', namespace: 'shop'}}

const SHOP_FRONT: Peer = {type: 'pods', namespace: 'shop', labels: {app: 'front'}, name: 'Deployment shop/front'}
const OTHER_FRONT: Peer = {type: 'pods', namespace: 'other', labels: {app: 'front'}, name: 'Deployment other/front'}
const INTERNET: Peer = {type: 'addresses', addresses: [[0x08000000, 0x08ffffff]], name: 'any internet client'}
const NODES: Peer = {type: 'addresses', name: 'nodes'}

const cnp = (spec: Record<string, unknown>, name = 'web-in') => ({apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', metadata: {name, namespace: 'shop'}, spec})
const ccnp = (spec: Record<string, unknown>) => ({apiVersion: 'cilium.io/v2', kind: 'CiliumClusterwideNetworkPolicy', metadata: {name: 'all-in'}, spec})
const selectWeb = {endpointSelector: {matchLabels: {app: 'web'}}}

function verdict(peer: Peer, objects: Array<Record<string, unknown>>, port: TargetPort = HTTP): Verdict {
  const model = exposureModel(new ResourceIndex(resources(web, ...objects)))
  return model.evaluator.evaluate(peer, targetOf(model.workloads[0]!.template), port)
}

const status = (peer: Peer, objects: Array<Record<string, unknown>>, port?: TargetPort): string => verdict(peer, objects, port).status
const decider = (peer: Peer, objects: Array<Record<string, unknown>>, port?: TargetPort) =>
  verdict(peer, objects, port).decisions.map((d) => ({tier: d.tier, policy: d.policy?.name, path: d.path?.join('.'), text: d.text}))

describe('CiliumNetworkPolicy allow rules', () => {
  const fromFront = cnp({...selectWeb, ingress: [{fromEndpoints: [{matchLabels: {app: 'front'}}]}]})

  it('fromEndpoints without the namespace label takes the policy namespace only', () => {
    expect(status(SHOP_FRONT, [fromFront])).toBe('admitted')
    expect(decider(SHOP_FRONT, [fromFront])).toEqual([{tier: 'cni', policy: 'web-in', path: 'spec.ingress.0', text: 'admits'}])
    expect(status(OTHER_FRONT, [fromFront])).toBe('blocked')
    expect(decider(OTHER_FRONT, [fromFront])).toEqual([
      {tier: 'cni', policy: 'web-in', path: 'spec.endpointSelector', text: 'isolates the pods (Cilium default deny for ingress); no rule admits the sender'},
    ])
    // Pods of another label in the same namespace, the internet: not admitted.
    expect(status({...SHOP_FRONT, labels: {app: 'db'}}, [fromFront])).toBe('blocked')
    expect(status(INTERNET, [fromFront])).toBe('blocked')
  })

  it('fromEndpoints with k8s:io.kubernetes.pod.namespace takes that namespace; a whole namespace is part of the sender', () => {
    const fromOther = cnp({...selectWeb, ingress: [{fromEndpoints: [{matchLabels: {'k8s:io.kubernetes.pod.namespace': 'other', app: 'front'}}]}]})
    expect(status(OTHER_FRONT, [fromOther])).toBe('admitted')
    expect(status(SHOP_FRONT, [fromOther])).toBe('blocked')
    expect(status({type: 'namespace', namespace: 'other'}, [fromOther])).toBe('partial')
    const anyPodOfOther = cnp({...selectWeb, ingress: [{fromEndpoints: [{matchLabels: {'io.kubernetes.pod.namespace': 'other'}}]}]})
    expect(status({type: 'namespace', namespace: 'other'}, [anyPodOfOther])).toBe('admitted')
    // Namespace labels without the namespace name: Cilium still adds the policy's own namespace.
    const team = {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'other', labels: {team: 'a'}}}
    const byTeam = cnp({...selectWeb, ingress: [{fromEndpoints: [{matchLabels: {'io.cilium.k8s.namespace.labels.team': 'a'}}]}]})
    expect(status(OTHER_FRONT, [team, byTeam])).toBe('blocked')
    const byTeamClusterwide = ccnp({...selectWeb, ingress: [{fromEndpoints: [{matchLabels: {'io.cilium.k8s.namespace.labels.team': 'a'}}]}]})
    expect(status(OTHER_FRONT, [team, byTeamClusterwide])).toBe('admitted')
  })

  it('fromEntities: world admits the internet, cluster any pod; neither admits the other', () => {
    const world = cnp({...selectWeb, ingress: [{fromEntities: ['world']}]})
    const cluster = cnp({...selectWeb, ingress: [{fromEntities: ['cluster']}]})
    expect(status(INTERNET, [world])).toBe('admitted')
    expect(status({type: 'cluster'}, [world])).toBe('blocked')
    expect(status({type: 'cluster'}, [cluster])).toBe('admitted')
    expect(status(OTHER_FRONT, [cluster])).toBe('admitted')
    expect(status(INTERNET, [cluster])).toBe('blocked')
    // Traffic through the nodes may keep the client's address (world) or carry a node's: not known.
    expect(status(NODES, [world])).toBe('unknown')
    expect(status(NODES, [cnp({...selectWeb, ingress: [{fromEntities: ['all']}]})])).toBe('admitted')
    // An entity k8s-net does not map onto senders.
    expect(status(OTHER_FRONT, [cnp({...selectWeb, ingress: [{fromEntities: ['kube-apiserver']}]})])).toBe('unknown')
  })

  it('fromCIDR and fromCIDRSet take addresses, never pods', () => {
    const cidr = cnp({...selectWeb, ingress: [{fromCIDRSet: [{cidr: '8.0.0.0/8', except: ['8.8.0.0/16']}]}]})
    expect(status(INTERNET, [cidr])).toBe('partial')
    expect(status(INTERNET, [cnp({...selectWeb, ingress: [{fromCIDR: ['8.0.0.0/8']}]})])).toBe('admitted')
    expect(status({type: 'cluster'}, [cidr])).toBe('blocked')
  })

  it('toPorts: the port by number, range, name and protocol; L7 rules admit at L3/L4 and say so', () => {
    const ports = (toPorts: unknown[]) => cnp({...selectWeb, ingress: [{fromEndpoints: [{}], toPorts}]})
    expect(status(SHOP_FRONT, [ports([{ports: [{port: '8080', protocol: 'TCP'}]}])])).toBe('admitted')
    expect(status(SHOP_FRONT, [ports([{ports: [{port: '9090', protocol: 'TCP'}]}])])).toBe('blocked')
    expect(status(SHOP_FRONT, [ports([{ports: [{port: '8080', protocol: 'UDP'}]}])])).toBe('blocked')
    expect(status(SHOP_FRONT, [ports([{ports: [{port: '8080'}]}])])).toBe('admitted')
    expect(status(SHOP_FRONT, [ports([{ports: [{port: '8000', endPort: 8100, protocol: 'TCP'}]}])])).toBe('admitted')
    expect(status(SHOP_FRONT, [ports([{ports: [{port: 'http', protocol: 'TCP'}]}])])).toBe('admitted')
    expect(status(SHOP_FRONT, [ports([{ports: [{port: 'grpc', protocol: 'TCP'}]}])])).toBe('blocked')
    const l7 = [ports([{ports: [{port: '8080', protocol: 'TCP'}], rules: {http: [{method: 'GET'}]}}])]
    expect(decider(SHOP_FRONT, l7)).toEqual([
      {tier: 'cni', policy: 'web-in', path: 'spec.ingress.0', text: 'admits at L3/L4; the L7 rules of toPorts[0].rules then filter requests'},
    ])
    // A rule with only toPorts takes every sender on those ports.
    expect(status(INTERNET, [cnp({...selectWeb, ingress: [{toPorts: [{ports: [{port: '8080'}]}]}]})])).toBe('admitted')
  })

  it('ingressDeny wins over an allow; a deny of part of the sender leaves part in', () => {
    const allowAll = {fromEntities: ['all']}
    const denyFront = cnp({...selectWeb, ingress: [allowAll], ingressDeny: [{fromEndpoints: [{matchLabels: {app: 'front'}}]}]})
    expect(status(SHOP_FRONT, [denyFront])).toBe('blocked')
    expect(decider(SHOP_FRONT, [denyFront])).toEqual([{tier: 'cni', policy: 'web-in', path: 'spec.ingressDeny.0', text: 'denies'}])
    expect(status({type: 'namespace', namespace: 'shop'}, [denyFront])).toBe('partial')
    // A deny in another policy wins too, over a NetworkPolicy's allow as well.
    const np = {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: 'np', namespace: 'shop'}, spec: {podSelector: {}, ingress: [{}]}}
    const deny = cnp({...selectWeb, ingressDeny: [{fromEntities: ['cluster'], toPorts: [{ports: [{port: '8080', protocol: 'TCP'}]}]}]}, 'deny')
    expect(status(SHOP_FRONT, [np, deny])).toBe('blocked')
    expect(status(SHOP_FRONT, [np, deny], {number: 9090, protocol: 'TCP'})).toBe('admitted')
  })

  it('the allows of NetworkPolicies and Cilium policies add up', () => {
    const isolate = {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: 'np', namespace: 'shop'}, spec: {podSelector: {}, policyTypes: ['Ingress']}}
    const npFront = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: {name: 'np-front', namespace: 'shop'},
      spec: {podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {app: 'front'}}}]}]},
    }
    expect(status(SHOP_FRONT, [isolate])).toBe('blocked')
    expect(status(SHOP_FRONT, [isolate, fromFront])).toBe('admitted')
    expect(decider(SHOP_FRONT, [isolate, fromFront])).toEqual([{tier: 'cni', policy: 'web-in', path: 'spec.ingress.0', text: 'admits'}])
    // A Cilium policy that admits the internet does not take the NetworkPolicy's admission of the front pods away.
    const world = cnp({...selectWeb, ingress: [{fromEntities: ['world']}]})
    expect(status(SHOP_FRONT, [npFront, world])).toBe('admitted')
    expect(decider(SHOP_FRONT, [npFront, world])[0]).toMatchObject({tier: 'networkpolicy', policy: 'np-front', path: 'spec.ingress.0'})
    expect(status(INTERNET, [npFront, world])).toBe('admitted')
    expect(status(OTHER_FRONT, [npFront, world])).toBe('blocked')
  })

  it('enableDefaultDeny.ingress false: the policy adds allows and isolates nothing', () => {
    const noDefault = cnp({...selectWeb, enableDefaultDeny: {ingress: false}, ingress: [{fromEntities: ['world']}]})
    expect(status(OTHER_FRONT, [noDefault])).toBe('open')
    expect(status(INTERNET, [noDefault])).toBe('admitted')
    const isolate = cnp({...selectWeb, ingress: [{}]}, 'isolate')
    expect(status(OTHER_FRONT, [noDefault, isolate])).toBe('blocked')
    expect(status(INTERNET, [noDefault, isolate])).toBe('admitted')
    // Asked for without ingress rules: not known.
    expect(status(OTHER_FRONT, [cnp({...selectWeb, enableDefaultDeny: {ingress: true}})])).toBe('unknown')
    expect(status(OTHER_FRONT, [cnp({...selectWeb, enableDefaultDeny: {ingress: true}}), fromFront])).toBe('blocked')
  })

  it('a clusterwide policy: fromEndpoints without the namespace label takes every namespace', () => {
    const all = ccnp({...selectWeb, ingress: [{fromEndpoints: [{matchLabels: {app: 'front'}}]}]})
    expect(status(OTHER_FRONT, [all])).toBe('admitted')
    expect(status(INTERNET, [all])).toBe('blocked')
    // An empty selector may take identities outside the pods too: not known for addresses.
    expect(status(INTERNET, [ccnp({...selectWeb, ingress: [{fromEndpoints: [{}]}]})])).toBe('unknown')
  })

  it('stays unknown: fromRequires, a named port it cannot resolve, an endpointSelector it cannot decide, fields it does not read', () => {
    const requires = cnp({...selectWeb, ingress: [{fromEntities: ['all']}, {fromRequires: [{matchLabels: {env: 'prod'}}]}]})
    expect(status(SHOP_FRONT, [requires])).toBe('unknown')
    // fromRequires narrows the allows of every policy for the pods it selects, a NetworkPolicy's as well.
    const np = {apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: {name: 'np', namespace: 'shop'}, spec: {podSelector: {}, ingress: [{}]}}
    const narrows = cnp({...selectWeb, ingress: [{fromRequires: [{matchLabels: {env: 'prod'}}]}]}, 'requires')
    expect(status(SHOP_FRONT, [fromFront, narrows])).toBe('unknown')
    expect(status(SHOP_FRONT, [np, narrows])).toBe('unknown')
    expect(decider(SHOP_FRONT, [np, narrows])).toContainEqual({
      tier: 'cni',
      policy: 'requires',
      path: 'spec.ingress.0',
      text: 'unknown: its fromRequires narrows every allow rule for the pods it selects; k8s-net does not read fromRequires',
    })
    const unnamed: TargetPort = {number: 8080, protocol: 'TCP'}
    expect(status(SHOP_FRONT, [cnp({...selectWeb, ingress: [{fromEndpoints: [{}], toPorts: [{ports: [{port: 'http', protocol: 'TCP'}]}]}]})], unnamed)).toBe('unknown')
    const bySa = cnp({endpointSelector: {matchLabels: {'io.cilium.k8s.policy.serviceaccount': 'web'}}, ingress: [{fromEndpoints: [{matchLabels: {app: 'front'}}]}]})
    expect(status(OTHER_FRONT, [bySa])).toBe('unknown')
    expect(decider(OTHER_FRONT, [bySa])).toEqual([
      {tier: 'cni', policy: 'web-in', path: 'spec.endpointSelector', text: 'unknown: whether its endpointSelector selects the pods cannot be told'},
    ])
    // Admitted if it selects the pods, open if not: k8s-net does not split the answer, it says unknown.
    expect(status(SHOP_FRONT, [bySa])).toBe('unknown')
    for (const rule of [{fromEndpoints: null}, {fromGroups: [{aws: {}}]}, {fromNodes: [{}]}, {icmps: [{fields: [{type: 8}]}]}, {fromEndpoints: [{}], toPorts: [{ports: [{port: '8080'}], serverNames: ['x']}]}]) {
      expect(status(SHOP_FRONT, [cnp({...selectWeb, ingress: [rule]})])).toBe('unknown')
    }
  })

  it('policies of another namespace, or selecting other pods, change nothing', () => {
    const elsewhere = {...cnp({...selectWeb, ingress: [{}]}), metadata: {name: 'x', namespace: 'other'}}
    const others = cnp({endpointSelector: {matchLabels: {app: 'db'}}, ingress: [{}]})
    expect(status(OTHER_FRONT, [elsewhere, others])).toBe('open')
    // A host policy selects nodes.
    const host = {apiVersion: 'cilium.io/v2', kind: 'CiliumClusterwideNetworkPolicy', metadata: {name: 'host'}, spec: {nodeSelector: {}, ingress: [{}]}}
    expect(status(OTHER_FRONT, [host])).toBe('open')
  })
})
