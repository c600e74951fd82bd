import type {PodTemplate} from '../src/engine/types.js'
import {defineRule} from '../src/engine/rule.js'
import {nearest} from '../src/util/suggest.js'
import {objectName} from '../src/engine/util.js'
import {effectiveTargetPort, mentionsPort, type PortMatch, servingContainers, targetPortDeclarations} from '../src/k8s/ports.js'
import {probePorts} from '../src/k8s/probes.js'
import {listenersConfiguredElsewhere} from '../src/k8s/proxies.js'
import {servicePorts, serviceSelector} from '../src/k8s/services.js'
import {containersOf, servingTemplates} from '../src/k8s/workloads.js'

/** How many declared ports and templates a message lists before it says "and N more". */
const LIST_LIMIT = 4

export default defineRule({
  meta: {
    id: 'service-target-port-unknown',
    description: 'A Service\'s targetPort is a port name no selected container declares (error), or a number none declares while they declare their ports (warning).',
    severity: 'error',
    category: 'services',
    messages: {
      partlyDeclared:
        'the pods of {{lacking}} declare no port named "{{name}}" ({{protocol}}), so they get no endpoints for this port, while those of {{declaring}} do (at {{related:0}})',
      nameOtherProtocol:
        'the pods of {{pods}} declare a port named "{{name}}" only as {{protocols}} (container {{container}} at {{related:0}}), but the Service port is {{protocol}}: it gets no endpoints',
      numberOtherProtocol:
        'the pods of {{pods}} declare port {{number}} only as {{protocols}} (container {{container}} at {{related:0}}), but the Service port is {{protocol}}: nothing may listen on {{number}}/{{protocol}}',
      quotedNumber: 'targetPort "{{number}}" is a string, which Kubernetes reads as a port name, and no container declares that name',
      quotedNumberDeclared:
        'targetPort "{{number}}" is a string, which Kubernetes reads as a port name, and no container declares that name: write the number without quotes (targetPort: {{number}})',
      nameUndeclared: 'no container of {{pods}} declares a port named "{{name}}"; they declare {{declared}}',
      nameUndeclaredNear: 'no container of {{pods}} declares a port named "{{name}}"; they declare {{declared}}: did you mean targetPort: {{suggestion}}?',
      nameOnlyInInit:
        'no container of {{pods}} declares a port named "{{name}}"; they declare {{declared}}; init container {{init}} declares it, but init containers finish before the pod serves',
      numberUndeclared: 'no container of {{pods}} declares port {{number}}; they declare {{declared}}',
      numberUndeclaredNear: 'no container of {{pods}} declares port {{number}}; they declare {{declared}}: did you mean targetPort: {{suggestion}}?',
      numberUndeclaredEitherSide: 'no container of {{pods}} declares port {{number}}; they declare {{declared}}: either targetPort or the port the container declares is wrong',
      defaultedUndeclared: 'no container of {{pods}} declares port {{number}} (targetPort is not set, so it is the port); they declare {{declared}}',
      defaultedUndeclaredNear:
        'no container of {{pods}} declares port {{number}} (targetPort is not set, so it is the port); they declare {{declared}}: did you mean targetPort: {{suggestion}}?',
    },
    // A name nobody declares breaks the port for certain; a number only almost always.
    messageSeverity: {
      numberOtherProtocol: 'warning',
      numberUndeclared: 'warning',
      numberUndeclaredNear: 'warning',
      numberUndeclaredEitherSide: 'warning',
      defaultedUndeclared: 'warning',
      defaultedUndeclaredNear: 'warning',
    },
  },
  check({index, report}) {
    for (const service of index.byKind('Service', '')) {
      const selector = serviceSelector(service)
      if (!selector) continue
      // Pods that never serve (test and hook Pods, Jobs) are in no endpoints worth judging.
      const templates = servingTemplates(index, service.namespace, selector)
      if (templates.length === 0) continue
      const declared = declaredPorts(templates)
      const everyContainerDeclares = templates.every((t) => servingContainers(t).every((c) => c.ports.length > 0))
      const proxies = templates.some((t) => listenersConfiguredElsewhere(index, t))
      for (const port of servicePorts(service)) {
        const target = effectiveTargetPort(port)
        if (target === undefined) continue
        // A number needs no declaration: judge it only when every container says what it serves, and none is a
        // proxy whose listeners other objects configure (an Istio gateway, Envoy).
        if (typeof target === 'number' && !(everyContainerDeclares && declared.length > 0 && !proxies)) continue
        const {matching, otherProtocol} = targetPortDeclarations(port, templates)
        if (matching.length > 0) {
          // A name resolves pod by pod: the pods whose containers lack it get no endpoint for this port (a canary
          // whose template renamed the port, say), while the others serve.
          // Copies of one workload (overlays, its applied version) count as one.
          const identity = (t: PodTemplate): string => objectName(t.owner)
          const serving = new Set(matching.map((m) => identity(m.template)))
          const lacking = typeof target === 'string' ? templates.filter((t) => !serving.has(identity(t))) : []
          if (lacking.length > 0) {
            const first = matching[0]!
            report({
              target: service,
              path: ['spec', 'ports', port.index, port.targetPort === undefined ? 'port' : 'targetPort'],
              messageId: 'partlyDeclared',
              data: {lacking: describeTemplates(lacking), name: target, protocol: port.protocol, declaring: objectName(first.template.owner)},
              related: [{message: `port "${target}" declared here`, target: first.template.owner, path: [...first.container.path, 'ports', first.port.index]}],
            })
          }

          continue
        }
        // A container started with the number in its command line or environment probably listens there.
        if (typeof target === 'number' && templates.some((t) => servingContainers(t).some((c) => mentionsPort(c, target)))) continue
        const path = ['spec', 'ports', port.index, port.targetPort === undefined ? 'port' : 'targetPort']
        if (otherProtocol.length > 0) {
          const first = otherProtocol[0]!
          const related = [{message: `declared as ${first.port.protocol}`, target: first.template.owner, path: [...first.container.path, 'ports', first.port.index]}]
          const data = {pods: describeTemplates(templates), protocols: [...new Set(otherProtocol.map((m) => m.port.protocol))].join(' and '), container: first.container.name, protocol: port.protocol}
          // A name resolves per protocol, so the port gets no endpoints; a number always does, but may reach nothing.
          if (typeof target === 'string') report({target: service, path, messageId: 'nameOtherProtocol', data: {...data, name: target}, related})
          else report({target: service, path, messageId: 'numberOtherProtocol', data: {...data, number: target}, related})
          continue
        }

        const related = declared[0] ? [{message: 'ports declared here', target: declared[0].template.owner, path: [...declared[0].container.path, 'ports']}] : []
        const suggestion = suggest(target, declared, port.protocol)
        const near: Record<string, string> = suggestion === undefined ? {} : {suggestion}
        const data = {pods: describeTemplates(templates), declared: declared.length > 0 ? listPorts(declared) : 'no ports'}
        if (typeof target === 'number') {
          // A written number is fixed on the Service side only when the containers show they listen on the declared
          // port (their probes use it); otherwise either side may be the wrong one. An unset targetPort was forgotten.
          const written = suggestion ? (probed(declared, suggestion) ? 'numberUndeclaredNear' : 'numberUndeclaredEitherSide') : 'numberUndeclared'
          const messageId = port.targetPort === undefined ? (suggestion ? 'defaultedUndeclaredNear' : 'defaultedUndeclared') : written
          report({target: service, path, messageId, data: {...data, ...(messageId === 'numberUndeclaredEitherSide' ? {} : near), number: target}, related})
        } else if (/^\d+$/.test(target)) {
          report({target: service, path, messageId: suggestion ? 'quotedNumberDeclared' : 'quotedNumber', data: {number: target}, related})
        } else {
          const init = initContainerDeclaring(templates, target)
          if (init) report({target: service, path, messageId: 'nameOnlyInInit', data: {...data, name: target, init}, related})
          else report({target: service, path, messageId: suggestion ? 'nameUndeclaredNear' : 'nameUndeclared', data: {...data, ...near, name: target}, related})
        }
      }
    }
  },
})

/**
 * The targetPort probably meant: a declared name close to the one written,
 * the number a quoted number stands for, or, for a number, the only port
 * the containers declare with that protocol.
 */
function suggest(target: number | string, declared: readonly PortMatch[], protocol: string): string | undefined {
  const ofProtocol = declared.filter((m) => m.port.protocol === protocol)
  if (typeof target === 'string') {
    if (/^\d+$/.test(target)) return ofProtocol.some((m) => m.port.containerPort === Number(target)) ? target : undefined
    return nearest(target, ofProtocol.flatMap((m) => (m.port.name === undefined ? [] : [m.port.name])))
  }

  const numbers = new Set(ofProtocol.map((m) => m.port.containerPort))
  if (numbers.size !== 1) return undefined
  const only = ofProtocol[0]!.port
  return only.name ?? (only.containerPort === undefined ? undefined : String(only.containerPort))
}

/** Whether a declared port of this name or number is one that the declaring container's probes connect to. */
function probed(declared: readonly PortMatch[], port: string): boolean {
  return declared.some(
    (m) => (m.port.name === port || String(m.port.containerPort) === port) && probePorts(m.container).some((p) => p.port === m.port.name || p.port === m.port.containerPort),
  )
}

/** An init container (one that runs to completion) declaring a port of this name, if any. */
function initContainerDeclaring(templates: readonly PodTemplate[], name: string): string | undefined {
  for (const template of templates) {
    for (const container of containersOf(template)) {
      if (container.role === 'init' && container.ports.some((p) => p.name === name)) return container.name
    }
  }

  return undefined
}

/** Every container port the templates' serving containers declare. */
function declaredPorts(templates: readonly PodTemplate[]): PortMatch[] {
  return templates.flatMap((template) =>
    servingContainers(template).flatMap((container) => container.ports.map((port) => ({template, container, port}))),
  )
}

/** `8080 "http", 9090/UDP "metrics"`, each once, the first few. */
function listPorts(matches: readonly PortMatch[]): string {
  const texts = [
    ...new Set(
      matches.map(({port}) => {
        const number = port.containerPort === undefined ? '?' : String(port.containerPort)
        return `${number}${port.protocol === 'TCP' ? '' : `/${port.protocol}`}${port.name === undefined ? '' : ` "${port.name}"`}`
      }),
    ),
  ]
  return limited(texts)
}

function describeTemplates(templates: readonly PodTemplate[]): string {
  return limited([...new Set(templates.map((t) => objectName(t.owner)))])
}

function limited(items: readonly string[]): string {
  if (items.length <= LIST_LIMIT) return items.join(', ')
  return `${items.slice(0, LIST_LIMIT).join(', ')} and ${items.length - LIST_LIMIT} more`
}
