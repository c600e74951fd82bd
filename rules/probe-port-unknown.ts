import {defineRule} from '../src/engine/rule.js'
import {describeContainer, namedPort, type ProbePort, probePorts} from '../src/k8s/probes.js'
import {type ContainerInfo, longRunningContainers} from '../src/k8s/workloads.js'

export default defineRule({
  meta: {
    id: 'probe-port-unknown',
    description: 'A probe names a port its container does not declare, or gives gRPC a port name.',
    severity: 'error',
    category: 'workloads',
    messages: {
      grpcPortName: '{{field}} must be a port number: gRPC probes take no port names',
      grpcPortNameDeclared: '{{field}} must be a port number: gRPC probes take no port names (port {{name}} of {{container}} is {{number}})',
      quotedNumber: '{{field}} "{{number}}" is a string, which Kubernetes reads as a port name (and a port name needs a letter): write {{number}} without quotes',
      udpOnly: '{{field}} {{name}} is declared for UDP only ({{number}}/UDP), but the probe connects over TCP: it fails unless the container also listens on {{number}}/TCP',
      otherContainer: '{{field}} {{name}} is not a port of {{container}}: {{owner}} declares it, but a probe resolves names in its own container only',
      caseMismatch: '{{field}} {{name}} is not a port of {{container}} (did you mean {{near}}? port names are case-sensitive)',
      notDeclared: '{{field}} {{name}} is not a port of {{container}} (it declares {{names}})',
      noNamedPorts: '{{field}} {{name}} is not a port of {{container}} (it declares no named ports)',
    },
    // The server may listen on TCP too (a DNS server often does).
    messageSeverity: {udpOnly: 'warning'},
  },
  check({index, report}) {
    for (const template of index.podTemplates) {
      const containers = longRunningContainers(template)
      for (const container of containers) {
        for (const probePort of probePorts(container)) {
          if (typeof probePort.port !== 'string') continue
          const found = problem(probePort, probePort.port, container, containers)
          if (found) report({target: template.owner, path: probePort.path, ...found})
          else {
            const udp = udpOnly(probePort, probePort.port, container)
            if (udp) report({target: template.owner, path: probePort.path, messageId: 'udpOnly', data: udp})
          }
        }
      }
    }
  },
})

type MessageId = 'grpcPortName' | 'grpcPortNameDeclared' | 'quotedNumber' | 'otherContainer' | 'caseMismatch' | 'notDeclared' | 'noNamedPorts'

/** What is wrong with a port given as a string, or undefined when it resolves. */
/**
 * A name that resolves to a port the container declares for UDP only: the
 * kubelet looks the name up whatever its protocol, then probes over TCP
 * (HTTP and TCP probes), where nothing may listen.
 */
function udpOnly(probePort: ProbePort, name: string, container: ContainerInfo): Record<string, string | number> | undefined {
  const declared = namedPort(container, name)
  if (!declared || declared.protocol !== 'UDP' || declared.containerPort === undefined) return undefined
  const number = declared.containerPort
  if (container.ports.some((p) => p.containerPort === number && p.protocol === 'TCP')) return undefined
  return {field: `${probePort.probe}.${probePort.handler}.port`, name: JSON.stringify(name), number}
}

function problem(probePort: ProbePort, name: string, container: ContainerInfo, all: readonly ContainerInfo[]): {messageId: MessageId; data: Record<string, string | number>} | undefined {
  const data = {field: `${probePort.probe}.${probePort.handler}.port`, name: JSON.stringify(name), container: describeContainer(container)}
  const declared = namedPort(container, name)
  if (probePort.handler === 'grpc') {
    return declared?.containerPort === undefined ? {messageId: 'grpcPortName', data} : {messageId: 'grpcPortNameDeclared', data: {...data, number: declared.containerPort}}
  }

  if (declared) return undefined
  if (/^\d+$/.test(name)) return {messageId: 'quotedNumber', data: {field: data.field, number: name}}
  const owner = all.find((c) => c !== container && namedPort(c, name))
  if (owner) return {messageId: 'otherContainer', data: {...data, owner: describeContainer(owner)}}
  const names = container.ports.map((p) => p.name).filter((n): n is string => n !== undefined)
  const near = names.find((n) => n.toLowerCase() === name.toLowerCase())
  if (near) return {messageId: 'caseMismatch', data: {...data, near: JSON.stringify(near)}}
  return names.length > 0 ? {messageId: 'notDeclared', data: {...data, names: names.map((n) => JSON.stringify(n)).join(', ')}} : {messageId: 'noNamedPorts', data}
}
