import {ruleTester} from '../support/rule-tester.js'

ruleTester('exposure-blocked', {
  valid: [
    {name: 'a policy admits the ingress controller by its namespace', files: ['valid/controller-admitted.yaml']},
    {name: 'the controller is not in the input and the policy names a namespace label: unknown, not reported', files: ['valid/controller-not-in-input.yaml']},
    {name: 'a load balancer keeping client addresses, whose source range the policy admits', files: ['valid/load-balancer-admitted.yaml']},
    {name: 'a Gateway not in the input may be proxies outside the cluster: a policy admitting address ranges may admit them', files: ['valid/managed-gateway-proxy-ranges.yaml']},
  ],
  invalid: [
    {
      name: 'an Ingress whose controller lives in another namespace than the only pods the policy admits',
      files: ['invalid/ingress-controller-not-admitted.yaml'],
      findings: [
        {
          object: 'Ingress shop/web',
          line: 59,
          column: 31,
          endLine: 59,
          endColumn: 34,
          messageId: 'blockedFromPods',
          severity: 'error',
          data: {
            via: 'Ingress shop/web',
            workload: 'Deployment shop/web',
            port: '8080',
            sender: "the ingress controller's pods (Deployment ingress-nginx/ingress-nginx-controller)",
            policy: 'NetworkPolicy shop/web-from-shop',
            decision: 'isolates the pods; no rule admits the sender',
          },
          related: ['invalid/ingress-controller-not-admitted.yaml:69:5'],
        },
      ],
    },
    {
      name: 'a default deny leaves a route to the Gateway with nothing to admit its pods, whatever their labels',
      files: ['invalid/gateway-default-deny.yaml'],
      findings: [
        {
          object: 'HTTPRoute shop/api',
          line: 36,
          column: 28,
          endLine: 36,
          endColumn: 31,
          messageId: 'blockedFromPods',
          severity: 'error',
          data: {
            via: 'HTTPRoute shop/api',
            workload: 'Deployment shop/api',
            port: '9000',
            sender: 'the pods of Gateway gateways/public (not in the input)',
            policy: 'NetworkPolicy shop/default-deny',
            decision: 'isolates the pods; no rule admits the sender',
          },
          related: ['invalid/gateway-default-deny.yaml:44:16'],
        },
      ],
    },
    {
      name: 'a LoadBalancer whose pods admit other pods only: its traffic comes from node addresses',
      files: ['invalid/load-balancer-pods-only.yaml'],
      findings: [
        {
          object: 'Service shop/api',
          line: 25,
          column: 9,
          endLine: 25,
          endColumn: 21,
          messageId: 'blockedFromAddresses',
          severity: 'warning',
          data: {
            via: 'Service shop/api',
            workload: 'Deployment shop/api',
            port: '9000',
            sender: "node addresses (externalTrafficPolicy Cluster: the node forwards the client's traffic as its own)",
            policy: 'NetworkPolicy shop/api-from-web',
            decision: 'isolates the pods; no rule admits the sender',
          },
          related: ['invalid/load-balancer-pods-only.yaml:37:5'],
        },
      ],
    },
  ],
})
