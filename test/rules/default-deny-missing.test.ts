import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {type InvalidCase, lintWithRule, ruleTester} from '../support/rule-tester.js'

const requireEgress = {requireEgress: true}

/** A fixture whose namespace shop has no default deny k8s-net reads, beside a policy object it does not read (at `related`). */
function unreadPolicy(name: string, related: string, line: number, policy: string, reason: string): InvalidCase {
  return {
    name,
    files: [related.split(':')[0]!],
    findings: [
      {
        object: 'Deployment shop/web',
        line,
        column: 9,
        endLine: line,
        endColumn: 12,
        messageId: 'unreadPolicy',
        data: {namespace: 'shop', directions: 'ingress', policy, reason},
        related: [related],
        severity: 'info',
      },
    ],
  }
}

ruleTester('default-deny-missing', {
  valid: [
    {name: 'a Baseline ClusterNetworkPolicy that denies ingress from every namespace (network-policy-api v0.2.0)', files: ['valid/cluster-network-policy.yaml']},
    {name: 'podSelector: {} with policyTypes absent and no rules denies ingress', files: ['valid/policy-types-absent.yaml']},
    {name: 'an ingress-only default deny beside allow policies', files: ['valid/ingress-only-deny-and-allow-rules.yaml']},
    {name: 'ingress and egress denied, egress keeping DNS open', files: ['valid/ingress-and-egress-deny.yaml'], options: requireEgress},
    {name: 'Cilium policies, namespaced and clusterwide', files: ['valid/cilium.yaml']},
    {name: 'Calico policies, namespaced and global', files: ['valid/calico.yaml'], options: requireEgress},
    {files: ['valid/system-namespace.yaml']},
    {name: 'the default deny is given with --context', files: ['valid/workload-only.yaml'], context: ['context/shop-default-deny.yaml']},
  ],
  invalid: [
    unreadPolicy(
      'a ClusterNetworkPolicy of a version k8s-net does not read may cover the namespace: an info that says which, not a warning',
      'invalid/cluster-network-policy-unread-version.yaml:3:13',
      20,
      'ClusterNetworkPolicy default',
      'k8s-net reads ClusterNetworkPolicy policy.networking.k8s.io/v1alpha2, not policy.networking.k8s.io/v1beta1',
    ),
    unreadPolicy(
      'an AdminNetworkPolicy (network-policy-api v0.1) is not read either: the same info',
      'invalid/admin-network-policy.yaml:4:7',
      19,
      'AdminNetworkPolicy default',
      'network-policy-api v0.2.0 replaced AdminNetworkPolicy with ClusterNetworkPolicy, which k8s-net reads instead',
    ),
    {
      name: 'an Admin ClusterNetworkPolicy that passes some traffic to NetworkPolicies denies nothing of it by default',
      files: ['invalid/cluster-network-policy-pass.yaml'],
      findings: [
        {
          object: 'Deployment shop/web',
          line: 25,
          column: 9,
          endLine: 25,
          endColumn: 12,
          messageId: 'noDefaultDeny',
          data: {namespace: 'shop', directions: 'ingress', consequence: 'any pod in the cluster can connect to its pods'},
        },
      ],
    },
    {
      name: 'every pod isolated by an allow-list: info on the Namespace, about the pods to come',
      files: ['invalid/isolated-by-allow-lists.yaml'],
      findings: [
        {object: 'Namespace cache', line: 7, column: 9, endLine: 7, endColumn: 14, messageId: 'isolatedByAllowLists', data: {namespace: 'cache'}, severity: 'info'},
      ],
    },
    {
      name: 'a workload no policy selects keeps the warning',
      files: ['invalid/some-pods-not-isolated.yaml'],
      findings: [
        {object: 'Deployment shop/api', line: 5, column: 9, endLine: 5, endColumn: 12, messageId: 'noDefaultDeny', data: {namespace: 'shop', directions: 'ingress', consequence: 'any pod in the cluster can connect to its pods'}, severity: 'warning'},
      ],
    },
    {
      name: 'a policy that selects every pod but allows ingress is no default deny',
      files: ['invalid/select-all-with-allow-rule.yaml'],
      findings: [
        {
          object: 'Deployment shop/web',
          line: 19,
          column: 9,
          endLine: 19,
          endColumn: 12,
          messageId: 'rulesAllow',
          data: {namespace: 'shop', directions: 'ingress', consequence: 'any pod in the cluster can connect to its pods', policy: 'allow-cluster', field: 'ingress'},
          related: ['invalid/select-all-with-allow-rule.yaml:13:5'],
        },
      ],
    },
    {
      name: 'a select-all policy that lets in only its own namespace: its rules decide, not anyone in the cluster',
      files: ['invalid/select-all-same-namespace.yaml'],
      findings: [
        {
          object: 'Deployment shop/web',
          line: 19,
          column: 9,
          endLine: 19,
          endColumn: 12,
          messageId: 'rulesAllow',
          data: {namespace: 'shop', directions: 'ingress', consequence: 'every pod accepts what the ingress rules of NetworkPolicy allow-same-namespace allow, for all of them alike', policy: 'allow-same-namespace', field: 'ingress'},
          related: ['invalid/select-all-same-namespace.yaml:13:5'],
        },
      ],
    },
    {
      name: 'a default deny in another namespace does not cover this one',
      files: ['invalid/deny-in-another-namespace.yaml'],
      findings: [
        {
          object: 'Namespace shop',
          line: 24,
          column: 9,
          endLine: 24,
          endColumn: 13,
          messageId: 'noDefaultDeny',
          data: {namespace: 'shop', directions: 'ingress', consequence: 'any pod in the cluster can connect to its pods'},
        },
      ],
    },
    {
      name: 'requireEgress: both directions missing in one namespace, egress in the other',
      files: ['invalid/deny-in-another-namespace.yaml'],
      options: requireEgress,
      findings: [
        {
          object: 'Namespace shop',
          line: 24,
          column: 9,
          endLine: 24,
          endColumn: 13,
          messageId: 'noDefaultDeny',
          data: {namespace: 'shop', directions: 'ingress and egress', consequence: 'any pod in the cluster can connect to its pods, and they can connect anywhere, outside the cluster included'},
        },
        {
          object: 'Pod other/tool',
          line: 37,
          column: 9,
          endLine: 37,
          endColumn: 13,
          messageId: 'isolatesOther',
          data: {namespace: 'other', directions: 'egress', consequence: 'its pods can connect anywhere, outside the cluster included', policy: 'default-deny', isolated: 'ingress only'},
          related: ['invalid/deny-in-another-namespace.yaml:32:3'],
        },
      ],
    },
    {
      name: 'an egress-only policy and a policy that selects some pods',
      files: ['invalid/egress-only-and-partial-selector.yaml'],
      findings: [
        {
          object: 'Namespace shop',
          line: 28,
          column: 9,
          endLine: 28,
          endColumn: 13,
          messageId: 'isolatesOther',
          data: {namespace: 'shop', directions: 'ingress', consequence: 'any pod in the cluster can connect to its pods', policy: 'deny-egress', isolated: 'egress only'},
          related: ['invalid/egress-only-and-partial-selector.yaml:11:5'],
        },
      ],
    },
    {
      name: 'requireEgress: an ingress-only deny, and an egress rule that allows more than DNS',
      files: ['invalid/egress-required.yaml'],
      options: requireEgress,
      findings: [
        {
          object: 'Pod shop/web',
          line: 33,
          column: 9,
          endLine: 33,
          endColumn: 12,
          messageId: 'rulesAllow',
          data: {namespace: 'shop', directions: 'egress', consequence: 'its pods can connect anywhere, outside the cluster included', policy: 'default-deny-egress', field: 'egress'},
          related: ['invalid/egress-required.yaml:24:5'],
        },
      ],
    },
    {
      name: 'Cilium and Calico policies that allow traffic, do not apply, or select some pods',
      files: ['invalid/cni-policies-that-allow.yaml'],
      findings: [
        {
          object: 'Namespace shop',
          line: 50,
          column: 9,
          endLine: 50,
          endColumn: 13,
          messageId: 'noDefaultDeny',
          data: {namespace: 'shop', directions: 'ingress', consequence: 'any pod in the cluster can connect to its pods'},
        },
      ],
    },
    {
      name: 'with the Namespace object in --context, the finding goes on the linted workload',
      files: ['invalid/namespace-in-context.yaml'],
      context: ['context/data-namespace.yaml'],
      findings: [
        {
          object: 'StatefulSet data/db',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 11,
          messageId: 'noDefaultDeny',
          data: {namespace: 'data', directions: 'ingress', consequence: 'any pod in the cluster can connect to its pods'},
        },
      ],
    },
  ],
})

describe('default-deny-missing fix', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'k8s-net-default-deny-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('is a policy for the namespace, named apart from existing ones, that keeps DNS open', async () => {
    const [finding] = await lintWithRule('default-deny-missing', {files: ['invalid/egress-required.yaml'], options: requireEgress})
    expect(finding?.fix).toBe(
      [
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata:',
        '  name: default-deny-egress-2',
        '  namespace: shop',
        'spec:',
        '  podSelector: {}',
        '  policyTypes:',
        '    - Egress',
        '  egress:',
        '    - ports:',
        '        - protocol: UDP',
        '          port: 53',
        '        - protocol: TCP',
        '          port: 53',
        '',
      ].join('\n'),
    )
  })

  for (const [file, options] of [
    ['invalid/select-all-with-allow-rule.yaml', {}],
    ['invalid/deny-in-another-namespace.yaml', {}],
    ['invalid/deny-in-another-namespace.yaml', requireEgress],
    ['invalid/cni-policies-that-allow.yaml', requireEgress],
    ['invalid/egress-required.yaml', requireEgress],
  ] as const) {
    it(`applied, clears the finding: ${file}${options === requireEgress ? ' (requireEgress)' : ''}`, async () => {
      const findings = await lintWithRule('default-deny-missing', {files: [file], options})
      expect(findings.length).toBeGreaterThan(0)
      const fixes = findings.map((f, i) => {
        const fixFile = path.join(dir, `${path.basename(file, '.yaml')}-${i}.yaml`)
        writeFileSync(fixFile, f.fix ?? '')
        return fixFile
      })
      expect(await lintWithRule('default-deny-missing', {files: [file, ...fixes], options})).toEqual([])
    })
  }
})
