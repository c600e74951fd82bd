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
          endColumn: 14,
          message:
            'Deployment storefront runs a single replica and is reached from outside through LoadBalancer Service shop/storefront and 1 more: a restart, rollout or node drain leaves it with no pod',
        },
      ],
    },
    {
      name: 'a ReplicationController published by a legacy Ingress',
      files: ['invalid/legacy-ingress.yaml'],
      findings: [{object: 'ReplicationController default/http-svc', line: 20, column: 13, message: /through Ingress default\/foo-tls \(Service default\/http-svc\):/}],
    },
    {
      name: 'without spec.replicas, at the name',
      files: ['invalid/gateway-route.yaml'],
      findings: [{object: 'Deployment default/productpage', line: 5, column: 9, message: /through HTTPRoute default\/bookinfo \(Service default\/productpage\):/}],
    },
    {
      files: ['invalid/autoscaler-min-one.yaml'],
      findings: [
        {
          // Its spec.replicas (3) is not what is wrong: the finding is on the workload, the autoscaler related.
          object: 'Deployment default/api',
          line: 4,
          column: 9,
          message:
            'Deployment api scales down to a single replica (HorizontalPodAutoscaler api has minReplicas 1, at invalid/autoscaler-min-one.yaml:28:16) and is reached from outside through NodePort Service default/api: a restart, rollout or node drain can leave it with no pod',
        },
      ],
    },
    {
      name: 'the way in written beside the workload is named first',
      files: ['invalid/debug-nodeport.yaml', 'invalid/catalog.yaml'],
      findings: [{object: 'Deployment default/catalog', line: 7, column: 13, message: /through LoadBalancer Service default\/catalog and 1 more:/}],
    },
    {
      name: 'the Service and the Ingress that publish the workloads given as context',
      files: ['invalid/exposed-by-context.yaml'],
      context: ['context/edge.yaml'],
      findings: [
        {object: 'Deployment shop/api', line: 8, column: 13, message: /through LoadBalancer Service shop\/api-public:/},
        {object: 'Deployment shop/web', line: 27, column: 13, message: /through Ingress shop\/web \(Service shop\/web\):/},
      ],
    },
  ],
})
