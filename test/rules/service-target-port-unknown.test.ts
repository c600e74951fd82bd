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
        {
          object: 'Service shop/api',
          line: 13,
          column: 19,
          endLine: 13,
          endColumn: 23,
          severity: 'warning',
          message: 'no container of Deployment shop/api declares port 8000; they declare 8080: did you mean targetPort: 8080?',
        },
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
          severity: 'error',
          message:
            'the pods of Deployment shop/web-canary declare no port named "http" (TCP), so they get no endpoints for this port, while those of Deployment shop/web do (at invalid/name-on-some-pods.yaml:35:15)',
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
          severity: 'warning',
          message:
            'the pods of DaemonSet infra/dns declare port 53 only as UDP (container coredns at invalid/number-on-other-protocol.yaml:33:15), but the Service port is TCP: nothing may listen on 53/TCP',
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
          message: 'no container of Deployment shop/api declares a port named "web"; they declare 8080 "http", 9090 "metrics"',
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
          message: 'no container of Pod shop/api declares a port named "htpp"; they declare 8080 "http": did you mean targetPort: http?',
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
          severity: 'error',
          message:
            'the pods of DaemonSet infra/dns declare a port named "dns" only as UDP (container coredns at invalid/name-on-other-protocol.yaml:33:15), but the Service port is TCP: it gets no endpoints',
        },
      ],
    },
    {
      name: 'numbers no container declares, written (either side may be wrong) or defaulted (the Service forgot targetPort)',
      files: ['invalid/number-not-declared.yaml'],
      findings: [
        {
          object: 'Service shop/web',
          line: 12,
          column: 19,
          severity: 'warning',
          message: 'no container of Deployment shop/web declares port 9090; they declare 8080 "http": either targetPort or the port the container declares is wrong',
        },
        {
          object: 'Service shop/web',
          line: 14,
          column: 13,
          endColumn: 16,
          severity: 'warning',
          message:
            'no container of Deployment shop/web declares port 443 (targetPort is not set, so it is the port); they declare 8080 "http": did you mean targetPort: http?',
        },
      ],
    },
    {
      files: ['invalid/quoted-number.yaml'],
      findings: [
        {
          object: 'Service shop/web',
          line: 11,
          column: 19,
          endColumn: 25,
          message:
            'targetPort "8080" is a string, which Kubernetes reads as a port name, and no container declares that name: write the number without quotes (targetPort: 8080)',
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
          message:
            'no container of StatefulSet shop/shop declares a port named "admin"; they declare 8080 "http"; init container migrate declares it, but init containers finish before the pod serves',
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
          message:
            'no container of Deployment shop/search, Deployment shop/search-canary declares a port named "grpc"; they declare 8080 "http", 9000 "grpc-api": did you mean targetPort: grpc-api?',
        },
      ],
    },
    {
      name: 'the selected workload is in the context',
      files: ['invalid/pods-in-context.yaml'],
      context: ['context/web.yaml'],
      findings: [{object: 'Service shop/web-admin', line: 12, column: 19, message: 'no container of Deployment shop/web declares a port named "admin"; they declare 8080 "http"'}],
    },
  ],
})
