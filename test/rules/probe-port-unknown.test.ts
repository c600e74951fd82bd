import {ruleTester} from '../support/rule-tester.js'

ruleTester('probe-port-unknown', {
  valid: [
    {files: ['valid/named-and-numbered-ports.yaml']},
    {name: 'a UDP port name whose number the container also declares for TCP', files: ['valid/dns-on-both-protocols.yaml']},
  ],
  invalid: [
    {
      name: 'a probe on a port name declared for UDP only connects over TCP',
      files: ['invalid/udp-only-named-port.yaml'],
      findings: [
        {
          object: 'Deployment infra/dns',
          line: 26,
          column: 21,
          endLine: 26,
          endColumn: 24,
          severity: 'warning',
          message: 'livenessProbe.tcpSocket.port "dns" is declared for UDP only (53/UDP), but the probe connects over TCP: it fails unless the container also listens on 53/TCP',
        },
      ],
    },
    {
      name: 'names the container does not declare: unknown, wrong case, no named ports at all',
      files: ['invalid/names-not-declared.yaml'],
      findings: [
        {
          object: 'Deployment shop/web',
          line: 26,
          column: 21,
          endLine: 26,
          endColumn: 25,
          message: 'readinessProbe.httpGet.port "http" is not a port of container "web" (it declares "web", "admin")',
        },
        {
          object: 'Deployment shop/web',
          line: 30,
          column: 21,
          message: 'livenessProbe.httpGet.port "Admin" is not a port of container "web" (did you mean "admin"? port names are case-sensitive)',
        },
        {
          object: 'Deployment shop/web',
          line: 35,
          column: 21,
          message: 'startupProbe.tcpSocket.port "queue" is not a port of container "worker" (it declares no named ports)',
        },
      ],
    },
    {
      files: ['invalid/port-of-another-container.yaml'],
      findings: [
        {
          object: 'Pod shop/app',
          line: 21,
          column: 17,
          message:
            'readinessProbe.httpGet.port "envoy-admin" is not a port of container "app": sidecar container "envoy" declares it, but a probe resolves names in its own container only',
        },
      ],
    },
    {
      name: 'a quoted number is a port name; gRPC takes numbers only',
      files: ['invalid/quoted-number-and-grpc-name.yaml'],
      findings: [
        {
          object: 'StatefulSet shop/search',
          line: 24,
          column: 21,
          endColumn: 27,
          message:
            'readinessProbe.tcpSocket.port "9200" is a string, which Kubernetes reads as a port name (and a port name needs a letter): write 9200 without quotes',
        },
        {
          object: 'StatefulSet shop/search',
          line: 27,
          column: 21,
          message: 'livenessProbe.grpc.port must be a port number: gRPC probes take no port names (port "grpc" of container "search" is 9090)',
        },
      ],
    },
  ],
})
