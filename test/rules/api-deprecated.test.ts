import {ruleTester} from '../support/rule-tester.js'

ruleTester('api-deprecated', {
  valid: [
    {files: ['valid/current-versions.yaml']},
    {name: 'at the default target an Ingress in extensions/v1beta1 is removed, which api-removed says', files: ['invalid/ingress-before-removal.yaml']},
  ],
  invalid: [
    {
      name: 'hand-written Endpoints, externalIPs and PreferClose at the default target (1.36)', files: ['invalid/services-and-endpoints.yaml'],
      findings: [
        {object: 'Endpoints default/my-service', line: 15, column: 7, endLine: 15, endColumn: 16, messageId: 'deprecatedKind', data: {kind: 'Endpoints', version: '1.33', target: '1.36', replacement: 'discovery.k8s.io/v1 EndpointSlice'}},
        {object: 'Service default/external-ips', line: 38, column: 5, endLine: 38, endColumn: 20, messageId: 'deprecatedField', data: {field: 'Service spec.externalIPs', version: '1.36', later: ', and disabled by default from 1.40', target: '1.36', replacement: 'a LoadBalancer Service (or a Gateway) for an address from outside the cluster'}},
        {object: 'Service default/close-by', line: 49, column: 24, endLine: 49, endColumn: 35, messageId: 'deprecatedField', data: {field: 'Service spec.trafficDistribution: PreferClose', version: '1.35', later: '', target: '1.36', replacement: 'trafficDistribution: PreferSameZone, which PreferClose is an alias of'}},
      ],
    },
    {
      name: 'at 1.40 externalIPs are off by default, which api-removed says', files: ['invalid/services-and-endpoints.yaml'], config: {kubeVersion: '1.40'},
      findings: [
        {object: 'Endpoints default/my-service', line: 15, column: 7, endLine: 15, endColumn: 16, messageId: 'deprecatedKind', data: {kind: 'Endpoints', version: '1.33', target: '1.40', replacement: 'discovery.k8s.io/v1 EndpointSlice'}},
        {object: 'Service default/close-by', line: 49, column: 24, endLine: 49, endColumn: 35, messageId: 'deprecatedField', data: {field: 'Service spec.trafficDistribution: PreferClose', version: '1.35', later: '', target: '1.40', replacement: 'trafficDistribution: PreferSameZone, which PreferClose is an alias of'}},
      ],
    },
    {
      name: 'CRD versions their projects stopped serving, whatever the Kubernetes version', files: ['invalid/crd-versions.yaml'], config: {kubeVersion: '1.20'},
      findings: [
        {object: 'TLSRoute default/example-route', line: 3, column: 13, endLine: 3, endColumn: 47, messageId: 'unservedVersion', data: {kind: 'TLSRoute', apiVersion: 'gateway.networking.k8s.io/v1alpha2', replacement: 'gateway.networking.k8s.io/v1 TLSRoute', version: '1.5'}},
        {object: 'AdminNetworkPolicy cluster-wide-deny-example', line: 17, column: 7, endLine: 17, endColumn: 25, messageId: 'supersededKind', data: {kind: 'AdminNetworkPolicy', version: '0.2.0', replacement: 'policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy with tier: Admin'}},
        {object: 'BaselineAdminNetworkPolicy default', line: 34, column: 7, endLine: 34, endColumn: 33, messageId: 'supersededKind', data: {kind: 'BaselineAdminNetworkPolicy', version: '0.2.0', replacement: 'policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy with tier: Baseline'}},
      ],
    },
    {
      name: 'before 1.22 the Ingress is deprecated, not removed', files: ['invalid/ingress-before-removal.yaml'], config: {kubeVersion: '1.21'},
      findings: [
        {object: 'Ingress default/nginx-test', line: 2, column: 13, endLine: 2, endColumn: 31, messageId: 'deprecatedVersion', data: {kind: 'Ingress', apiVersion: 'extensions/v1beta1', replacement: 'networking.k8s.io/v1 Ingress', version: '1.14', later: ', and removed from 1.22', target: '1.21'}},
      ],
    },
  ],
})
