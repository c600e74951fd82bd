import {defineRule} from '../src/engine/rule.js'
import {describeContainer, namedPort, type ProbePort, probePorts} from '../src/k8s/probes.js'
import {type ContainerInfo, longRunningContainers} from '../src/k8s/workloads.js'

export default defineRule({
  meta: {
    id: 'probe-port-unknown',
    description: 'A probe names a port its container does not declare, or gives gRPC a port name.',
    severity: 'error',
    category: 'workloads',
    rationale:
      'httpGet.port and tcpSocket.port of a readiness, liveness or startup probe take a number or the name of a port, and the kubelet looks the name up in the ports of that same container only: a name declared nowhere, misspelled, or declared by another container of the pod cannot be resolved, so the probe fails every time. A failing readiness probe keeps the pod out of its Services for good; a failing liveness or startup probe restarts the container in a loop. A port written as a quoted number ("8080") is a name to Kubernetes, and the API server refuses it. grpc.port is a number in the API: gRPC probes take no port names. A numeric port needs no declaration: ports in a container spec are informational. A name resolves whatever the protocol of the port it names, and HTTP and TCP probes connect over TCP: a name declared for UDP only (a DNS server\'s `dns` port) is probed where nothing may listen (a warning, for the server may listen on TCP too).',
    remediation:
      'Use a port name that the container declares under ports (names are case-sensitive), declare the port with that name, or write the port number. For gRPC probes, write the number.\n\n```yaml\ncontainers:\n  - name: api\n    ports:\n      - name: http\n        containerPort: 8080\n      - name: grpc\n        containerPort: 9090\n    readinessProbe:\n      httpGet:\n        path: /ready\n        port: http\n    livenessProbe:\n      grpc:\n        port: 9090\n```',
  },
  check({index, report}) {
    for (const template of index.podTemplates) {
      const containers = longRunningContainers(template)
      for (const container of containers) {
        for (const probePort of probePorts(container)) {
          if (typeof probePort.port !== 'string') continue
          const message = problem(probePort, probePort.port, container, containers)
          if (message) report({target: template.owner, path: probePort.path, message})
          else {
            const udp = udpOnly(probePort, probePort.port, container)
            if (udp) report({target: template.owner, path: probePort.path, message: udp, severity: 'warning'})
          }
        }
      }
    }
  },
})

/** What is wrong with a port given as a string, or undefined when it resolves. */
function problem(probePort: ProbePort, name: string, container: ContainerInfo, all: readonly ContainerInfo[]): string | undefined {
  const field = `${probePort.probe}.${probePort.handler}.port`
  const declared = namedPort(container, name)
  if (probePort.handler === 'grpc') {
    const hint = declared?.containerPort === undefined ? '' : ` (port ${JSON.stringify(name)} of ${describeContainer(container)} is ${declared.containerPort})`
    return `${field} must be a port number: gRPC probes take no port names${hint}`
  }

  if (declared) return undefined
  if (/^\d+$/.test(name)) {
    return `${field} "${name}" is a string, which Kubernetes reads as a port name (and a port name needs a letter): write ${name} without quotes`
  }

  return `${field} ${JSON.stringify(name)} is not a port of ${describeContainer(container)}${hint(name, container, all)}`
}

/**
 * A name that resolves to a port the container declares for UDP only: the
 * kubelet looks the name up whatever its protocol, then probes over TCP
 * (HTTP and TCP probes), where nothing may listen.
 */
function udpOnly(probePort: ProbePort, name: string, container: ContainerInfo): string | undefined {
  const declared = namedPort(container, name)
  if (!declared || declared.protocol !== 'UDP' || declared.containerPort === undefined) return undefined
  const number = declared.containerPort
  if (container.ports.some((p) => p.containerPort === number && p.protocol === 'TCP')) return undefined
  return `${probePort.probe}.${probePort.handler}.port ${JSON.stringify(name)} is declared for UDP only (${number}/UDP), but the probe connects over TCP: it fails unless the container also listens on ${number}/TCP`
}

function hint(name: string, container: ContainerInfo, all: readonly ContainerInfo[]): string {
  const owner = all.find((c) => c !== container && namedPort(c, name))
  if (owner) return `: ${describeContainer(owner)} declares it, but a probe resolves names in its own container only`
  const names = container.ports.map((p) => p.name).filter((n): n is string => n !== undefined)
  const near = names.find((n) => n.toLowerCase() === name.toLowerCase())
  if (near) return ` (did you mean ${JSON.stringify(near)}? port names are case-sensitive)`
  return names.length > 0 ? ` (it declares ${names.map((n) => JSON.stringify(n)).join(', ')})` : ' (it declares no named ports)'
}
