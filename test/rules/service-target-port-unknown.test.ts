import {ruleTester} from '../support/rule-tester.js'

ruleTester('service-target-port-unknown', {
  valid: [
    {files: ['valid/declared-by-name-and-number.yaml']},
    {files: ['valid/sidecar-port.yaml']},
    {files: ['valid/dns-on-both-protocols.yaml']},
    {files: ['valid/numbers-not-judged.yaml']},
    {files: ['valid/service-alone.yaml']},
    {name: 'gateway proxies listen where other objects say: an Istio gateway, Envoy', files: ['valid/gateway-proxies.yaml']},
    {name: 'Helm test Pods (hook annotation, restartPolicy Never) and a one-off Pod carry the selector labels but never serve', files: ['valid/helm-test-pods.yaml']},
    {name: 'the named port is declared by a workload of the context', files: ['valid/pods-in-context.yaml'], context: ['context/web.yaml']},
  ],
  invalid: [
    {
      name: 'the container probes the port it declares: the hint points at the Service',
      files: ['invalid/probe-confirms-declared-port.yaml'],
      findings: [
        {object: 'Service shop/api', line: 13, column: 19, endLine: 13, endColumn: 23, messageId: 'numberUndeclaredNear', data: {pods: 'Deployment shop/api', declared: '8080', suggestion: '8080', number: 8000}, related: ['invalid/probe-confirms-declared-port.yaml:33:13'], severity: 'warning'},
      ],
    },
    {
      name: 'a name only some selected workloads declare: the others get no endpoints',
      files: ['invalid/name-on-some-pods.yaml'],
      findings: [
        {
          object: 'Service shop/web',
          line: 13,
          column: 19,
          endLine: 13,
          endColumn: 23,
          messageId: 'partlyDeclared',
          data: {lacking: 'Deployment shop/web-canary', name: 'http', protocol: 'TCP', declaring: 'Deployment shop/web'},
          related: ['invalid/name-on-some-pods.yaml:35:15'],
          severity: 'error',
        },
      ],
    },
    {
      name: 'a number declared only for another protocol still gets endpoints, but may reach nothing',
      files: ['invalid/number-on-other-protocol.yaml'],
      findings: [
        {
          object: 'Service infra/dns',
          line: 13,
          column: 19,
          endLine: 13,
          endColumn: 21,
          messageId: 'numberOtherProtocol',
          data: {pods: 'DaemonSet infra/dns', protocols: 'UDP', container: 'coredns', protocol: 'TCP', number: 53},
          related: ['invalid/number-on-other-protocol.yaml:33:15'],
          severity: 'warning',
        },
      ],
    },
    {
      files: ['invalid/name-not-declared.yaml'],
      findings: [
        {
          object: 'Service shop/api',
          line: 12,
          column: 19,
          endLine: 12,
          endColumn: 22,
          messageId: 'nameUndeclared',
          data: {pods: 'Deployment shop/api', declared: '8080 "http", 9090 "metrics"', name: 'web'},
          related: ['invalid/name-not-declared.yaml:32:13'],
        },
      ],
    },
    {
      files: ['invalid/name-typo.yaml'],
      findings: [
        {
          object: 'Service shop/api',
          line: 11,
          column: 19,
          endLine: 11,
          endColumn: 23,
          messageId: 'nameUndeclaredNear',
          data: {pods: 'Pod shop/api', declared: '8080 "http"', suggestion: 'http', name: 'htpp'},
          related: ['invalid/name-typo.yaml:25:9'],
        },
      ],
    },
    {
      files: ['invalid/name-on-other-protocol.yaml'],
      findings: [
        {
          object: 'Service infra/dns',
          line: 13,
          column: 19,
          endLine: 13,
          endColumn: 22,
          messageId: 'nameOtherProtocol',
          data: {pods: 'DaemonSet infra/dns', protocols: 'UDP', container: 'coredns', protocol: 'TCP', name: 'dns'},
          related: ['invalid/name-on-other-protocol.yaml:33:15'],
          severity: 'error',
        },
      ],
    },
    {
      name: 'numbers no container declares, written (either side may be wrong) or defaulted (the Service forgot targetPort)',
      files: ['invalid/number-not-declared.yaml'],
      findings: [
        {object: 'Service shop/web', line: 12, column: 19, endLine: 12, endColumn: 23, messageId: 'numberUndeclaredEitherSide', data: {pods: 'Deployment shop/web', declared: '8080 "http"', number: 9090}, related: ['invalid/number-not-declared.yaml:34:13'], severity: 'warning'},
        {object: 'Service shop/web', line: 14, column: 13, endLine: 14, endColumn: 16, messageId: 'defaultedUndeclaredNear', data: {pods: 'Deployment shop/web', declared: '8080 "http"', suggestion: 'http', number: 443}, related: ['invalid/number-not-declared.yaml:34:13'], severity: 'warning'},
      ],
    },
    {
      files: ['invalid/quoted-number.yaml'],
      findings: [
        {
          object: 'Service shop/web',
          line: 11,
          column: 19,
          endLine: 11,
          endColumn: 25,
          messageId: 'quotedNumberDeclared',
          data: {number: '8080'},
          related: ['invalid/quoted-number.yaml:31:13'],
        },
      ],
    },
    {
      files: ['invalid/init-container-port.yaml'],
      findings: [
        {
          object: 'Service shop/shop',
          line: 13,
          column: 19,
          endLine: 13,
          endColumn: 24,
          messageId: 'nameOnlyInInit',
          data: {pods: 'StatefulSet shop/shop', declared: '8080 "http"', name: 'admin', init: 'migrate'},
          related: ['invalid/init-container-port.yaml:40:13'],
        },
      ],
    },
    {
      files: ['invalid/two-workloads.yaml'],
      findings: [
        {
          object: 'Service shop/search',
          line: 13,
          column: 19,
          endLine: 13,
          endColumn: 23,
          messageId: 'nameUndeclaredNear',
          data: {pods: 'Deployment shop/search, Deployment shop/search-canary', declared: '8080 "http", 9000 "grpc-api"', suggestion: 'grpc-api', name: 'grpc'},
          related: ['invalid/two-workloads.yaml:35:13'],
        },
      ],
    },
    {
      name: 'the selected workload is in the context',
      files: ['invalid/pods-in-context.yaml'],
      context: ['context/web.yaml'],
      findings: [
        {
          object: 'Service shop/web-admin',
          line: 12,
          column: 19,
          endLine: 12,
          endColumn: 24,
          messageId: 'nameUndeclared',
          data: {pods: 'Deployment shop/web', declared: '8080 "http"', name: 'admin'},
          related: ['context/web.yaml:19:13'],
        },
      ],
    },
  ],
})
