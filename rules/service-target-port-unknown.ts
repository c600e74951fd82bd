import {type PodTemplate, serviceSelector} from '../src/engine/resource-index.js'
import {defineRule} from '../src/engine/rule.js'
import type {RelatedLocation} from '../src/engine/types.js'
import {nearest, objectName} from '../src/engine/util.js'
import {effectiveTargetPort, mentionsPort, type PortMatch, servingContainers, targetPortDeclarations} from '../src/k8s/ports.js'
import {probePorts} from '../src/k8s/probes.js'
import {listenersConfiguredElsewhere} from '../src/k8s/proxies.js'
import {servicePorts} from '../src/k8s/services.js'
import {containersOf, servingTemplates} from '../src/k8s/workloads.js'

/** How many declared ports and templates a message lists before it says "and N more". */
const LIST_LIMIT = 4

export default defineRule({
  meta: {
    id: 'service-target-port-unknown',
    description: 'A Service\'s targetPort is a port name no selected container declares (error), or a number none declares while they declare their ports (warning).',
    severity: 'error',
    category: 'services',
    rationale:
      'A Service port forwards to its targetPort, which defaults to the port itself. A named targetPort is looked up, for each pod, among the ports its containers (and sidecars) declare, by name and protocol: when none matches, the pod is left out of the Service\'s endpoints for that port, and the Service answers nothing there although every pod is ready. A port named dns declared only as UDP does not serve a TCP Service port. A name resolves pod by pod: when only some of the selected workloads declare it (a canary whose template renamed the port), the others get no endpoints for that port. A numeric targetPort needs no declaration, since containerPort is informational; but when every selected container lists the ports it serves and none is the targetPort, the Service almost always sends traffic where nothing listens: the targetPort was left to default to port 80 while the application listens on 8080, or a port changed on one side only. A name no container declares breaks the port for certain and is an error; a number none declares is a warning, since the container may listen on ports it does not list; it is checked only when every container of the selected pods declares its ports, so a container that declares none (it may listen anywhere) keeps the rule silent. The rule speaks only when the selected pod templates are in the input.',
    remediation:
      'Point targetPort at a port the container declares, by name (preferred: the number can then change in one place) or by number, with the same protocol; or declare the port in the container. Write a numeric targetPort without quotes: `"8080"` is a port name.\n\n```yaml\n# Deployment: the pod template\ncontainers:\n  - name: web\n    ports:\n      - name: http\n        containerPort: 8080\n---\n# Service\nports:\n  - name: http\n    port: 80\n    targetPort: http\n```',
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
      const pods = describeTemplates(templates)
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
              message: `the pods of ${describeTemplates(lacking)} declare no port named "${target}" (${port.protocol}), so they get no endpoints for this port, while those of ${objectName(first.template.owner)} do (at {{related:0}})`,
              related: [{message: `port "${target}" declared here`, target: first.template.owner, path: [...first.container.path, 'ports', first.port.index]}],
            })
          }

          continue
        }
        // A container started with the number in its command line or environment probably listens there.
        if (typeof target === 'number' && templates.some((t) => servingContainers(t).some((c) => mentionsPort(c, target)))) continue
        const path = ['spec', 'ports', port.index, port.targetPort === undefined ? 'port' : 'targetPort']
        const what = typeof target === 'string' ? `a port named "${target}"` : `port ${target}`
        const related: RelatedLocation[] = []
        let message: string
        if (otherProtocol.length > 0) {
          const first = otherProtocol[0]!
          const protocols = [...new Set(otherProtocol.map((m) => m.port.protocol))].join(' and ')
          // A name resolves per protocol, so the port gets no endpoints; a number always does, but may reach nothing.
          const consequence = typeof target === 'string' ? 'it gets no endpoints' : `nothing may listen on ${target}/${port.protocol}`
          message = `the pods of ${pods} declare ${what} only as ${protocols} (container ${first.container.name} at {{related:0}}), but the Service port is ${port.protocol}: ${consequence}`
          related.push({message: `declared as ${first.port.protocol}`, target: first.template.owner, path: [...first.container.path, 'ports', first.port.index]})
        } else {
          const suggestion = suggest(target, declared, port.protocol)
          if (typeof target === 'string' && /^\d+$/.test(target)) {
            message = `targetPort "${target}" is a string, which Kubernetes reads as a port name, and no container declares that name`
            if (suggestion) message += `: write the number without quotes (targetPort: ${target})`
          } else {
            const defaulted = port.targetPort === undefined ? ` (targetPort is not set, so it is the port)` : ''
            message = `no container of ${pods} declares ${what}${defaulted}`
            message += declared.length > 0 ? `; they declare ${listPorts(declared)}` : '; they declare no ports'
            // A number is fixed on the Service side only when the containers show they listen on the declared port
            // (their probes use it), or when targetPort was never written; otherwise either side may be the wrong one.
            if (suggestion && (typeof target === 'string' || port.targetPort === undefined || probed(declared, suggestion))) {
              message += `: did you mean targetPort: ${suggestion}?`
            } else if (suggestion) {
              message += `: either targetPort or the port the container declares is wrong`
            }
            const init = typeof target === 'string' ? initContainerDeclaring(templates, target) : undefined
            if (init) message += `; init container ${init} declares it, but init containers finish before the pod serves`
          }

          if (declared[0]) related.push({message: 'ports declared here', target: declared[0].template.owner, path: [...declared[0].container.path, 'ports']})
        }

        // A name nobody declares breaks the port for certain; a number only almost always.
        report({target: service, path, message, related, severity: typeof target === 'number' ? 'warning' : undefined})
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
