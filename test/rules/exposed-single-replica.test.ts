import {ruleTester} from '../support/rule-tester.js'

ruleTester('exposed-single-replica', {
  valid: [
    {files: ['valid/two-replicas.yaml']},
    {name: 'a ClusterIP Service and a mesh route reach a workload from inside only', files: ['valid/internal-only.yaml']},
    {name: 'an autoscaler with minReplicas 3 counts as three', files: ['valid/autoscaled.yaml']},
    {files: ['valid/daemonset-and-job.yaml']},
    {name: 'an Ingress whose Service the input lacks reaches no known workload', files: ['valid/ingress-service-unknown.yaml']},
  ],
  invalid: [
    {
      files: ['invalid/load-balancer.yaml'],
      findings: [
        {
          object: 'Deployment shop/storefront',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 14,
          messageId: 'singleReplica',
          data: {workload: 'Deployment storefront', exposures: 'LoadBalancer Service shop/storefront and 1 more'},
          related: ['invalid/load-balancer.yaml:27:9'],
        },
      ],
    },
    {
      name: 'a ReplicationController published by a legacy Ingress',
      files: ['invalid/legacy-ingress.yaml'],
      findings: [
        {
          object: 'ReplicationController default/http-svc',
          line: 20,
          column: 13,
          endLine: 20,
          endColumn: 14,
          messageId: 'singleReplica',
          data: {workload: 'ReplicationController http-svc', exposures: 'Ingress default/foo-tls (Service default/http-svc)'},
          related: ['invalid/legacy-ingress.yaml:42:24'],
        },
      ],
    },
    {
      name: 'without spec.replicas, at the name',
      files: ['invalid/gateway-route.yaml'],
      findings: [
        {
          object: 'Deployment default/productpage',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 20,
          messageId: 'singleReplica',
          data: {workload: 'Deployment productpage', exposures: 'HTTPRoute default/bookinfo (Service default/productpage)'},
          related: ['invalid/gateway-route.yaml:38:17'],
        },
      ],
    },
    {
      files: ['invalid/autoscaler-min-one.yaml'],
      findings: [
        {
          object: 'Deployment default/api',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 12,
          messageId: 'scalesToOne',
          data: {workload: 'Deployment api', exposures: 'NodePort Service default/api', autoscaler: 'api'},
          related: ['invalid/autoscaler-min-one.yaml:36:9', 'invalid/autoscaler-min-one.yaml:28:16'],
        },
      ],
    },
    {
      name: 'the way in written beside the workload is named first',
      files: ['invalid/debug-nodeport.yaml', 'invalid/catalog.yaml'],
      findings: [
        {
          object: 'Deployment default/catalog',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 14,
          messageId: 'singleReplica',
          data: {workload: 'Deployment catalog', exposures: 'LoadBalancer Service default/catalog and 1 more'},
          related: ['invalid/catalog.yaml:25:9'],
        },
      ],
    },
    {
      name: 'the Service and the Ingress that publish the workloads given as context',
      files: ['invalid/exposed-by-context.yaml'],
      context: ['context/edge.yaml'],
      findings: [
        {
          object: 'Deployment shop/api',
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 14,
          messageId: 'singleReplica',
          data: {workload: 'Deployment api', exposures: 'LoadBalancer Service shop/api-public'},
          related: ['context/edge.yaml:7:9'],
        },
        {
          object: 'Deployment shop/web',
          line: 27,
          column: 13,
          endLine: 27,
          endColumn: 14,
          messageId: 'singleReplica',
          data: {workload: 'Deployment web', exposures: 'Ingress shop/web (Service shop/web)'},
          related: ['context/edge.yaml:27:23'],
        },
      ],
    },
  ],
})
