import {ruleTester} from '../support/rule-tester.js'

ruleTester('sensitive-port-exposed', {
  valid: [
    {name: 'a database whose policy admits its app only', files: ['valid/postgres-for-its-app.yaml']},
    {name: 'a web app on the internet, its metrics port on no Service', files: ['valid/web-on-the-internet.yaml']},
    {name: 'a load balancer whose source ranges allow one office network', files: ['valid/postgres-office-only.yaml']},
  ],
  invalid: [
    {
      name: 'PostgreSQL behind a LoadBalancer, and a policy that admits everyone on its port',
      files: ['invalid/postgres-load-balancer.yaml'],
      findings: [
        {
          object: 'Service shop/postgres-public',
          line: 26,
          column: 9,
          endLine: 26,
          endColumn: 21,
          messageId: 'fromOutside',
          severity: 'warning',
          data: {via: 'Service shop/postgres-public', what: 'PostgreSQL (port 5432)', workload: 'StatefulSet shop/postgres', source: 'the internet', verdict: 'its ingress policies admit it'},
        },
      ],
    },
    {
      name: 'an Ingress that routes /metrics to the internet',
      files: ['invalid/metrics-ingress.yaml'],
      findings: [
        {
          object: 'Ingress shop/api',
          line: 42,
          column: 31,
          endLine: 42,
          endColumn: 34,
          messageId: 'adminPath',
          severity: 'warning',
          data: {via: 'Ingress shop/api', path: '/metrics', workload: 'Deployment shop/api', source: 'the internet'},
        },
      ],
    },
    {
      name: 'Redis on a ClusterIP Service, no policy: every pod of the cluster reaches it',
      files: ['invalid/redis-without-policy.yaml'],
      findings: [
        {
          object: 'Service shop/redis',
          line: 26,
          column: 10,
          endLine: 26,
          endColumn: 56,
          messageId: 'fromCluster',
          severity: 'info',
          data: {service: 'Service shop/redis', what: 'Redis (port 6379)', workload: 'Deployment shop/redis'},
          related: ['invalid/redis-without-policy.yaml:4:9'],
        },
      ],
    },
  ],
})
