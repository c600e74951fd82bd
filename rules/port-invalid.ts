import {defineRule} from '../src/engine/rule.js'
import type {ObjectPath} from '../src/engine/types.js'
import {isRecord} from '../src/engine/util.js'
import {probePorts} from '../src/k8s/probes.js'
import {serviceSpec} from '../src/k8s/services.js'
import {containersOf} from '../src/k8s/workloads.js'

/** IANA_SVC_NAME as the API server checks it: at most 15 characters of a-z, 0-9 and '-', a letter among them, no '-' at either end nor twice in a row. */
function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return `is ${name.length} characters long, and port names have at most 15`
  if (!/^[a-z0-9-]+$/.test(name)) return 'may hold only lower-case letters, digits and \'-\''
  if (!/[a-z]/.test(name)) return 'needs a letter: all digits make it a number written as a string'
  if (name.startsWith('-') || name.endsWith('-') || name.includes('--')) return 'may not start or end with \'-\' nor hold \'--\''
  return undefined
}

const inRange = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 65535

export default defineRule({
  meta: {
    id: 'port-invalid',
    description: 'A port number outside 1-65535, or a port name the API server rejects (IANA_SVC_NAME: at most 15 characters, a letter, a-z 0-9 and \'-\').',
    severity: 'error',
    category: 'services',
    rationale:
      'The API server validates ports before it stores an object: a Service port, targetPort or containerPort must be a whole number from 1 to 65535, and a port name (a container port\'s name, a Service targetPort given by name) must be an IANA service name: at most 15 characters, lower-case letters, digits and \'-\', at least one letter, and no \'-\' at either end nor two in a row. A manifest that breaks one of these never applies: `kubectl apply` fails, and a Helm release or an Argo CD sync stops half-way. Names are often written too long (`metrics-exporter-http`, 21 characters) or with capitals; numbers go wrong through templating (`0`, `70000`). A targetPort or probe port written as a quoted number (`"8080"`) is reported by service-target-port-unknown and probe-port-unknown, which say how to fix it.',
    remediation:
      'Shorten the name to 15 characters or fewer of a-z, 0-9 and \'-\' (and use the same name where the Service\'s targetPort or a probe refers to it), or write a port number from 1 to 65535.\n\n```yaml\nports:\n  - name: metrics-http   # not metrics-exporter-http (21 characters)\n    containerPort: 9100\n```',
  },
  check({index, report}) {
    const checkNumber = (value: unknown, path: ObjectPath, what: string, target: Parameters<typeof report>[0]['target']): void => {
      if (typeof value === 'number' && !inRange(value)) report({target, path, message: `${what} ${value} is not a port number: the API server accepts 1 to 65535`})
    }

    for (const service of index.byKind('Service', '')) {
      const ports = serviceSpec(service).ports
      if (!Array.isArray(ports)) continue
      for (const [i, p] of ports.entries()) {
        if (!isRecord(p)) continue
        checkNumber(p.port, ['spec', 'ports', i, 'port'], 'port', service)
        checkNumber(p.targetPort, ['spec', 'ports', i, 'targetPort'], 'targetPort', service)
        // A string of digits is a quoted number, which service-target-port-unknown explains.
        if (typeof p.targetPort === 'string' && !/^\d+$/.test(p.targetPort)) {
          const problem = portNameProblem(p.targetPort)
          if (problem) report({target: service, path: ['spec', 'ports', i, 'targetPort'], message: `targetPort ${JSON.stringify(p.targetPort)} is no valid port name: it ${problem}`})
        }
      }
    }

    for (const template of index.podTemplates) {
      const owner = template.owner
      for (const container of containersOf(template)) {
        const ports = container.container.ports
        if (Array.isArray(ports)) {
          for (const [i, p] of ports.entries()) {
            if (!isRecord(p)) continue
            checkNumber(p.containerPort, [...container.path, 'ports', i, 'containerPort'], `containerPort of container ${JSON.stringify(container.name)}`, owner)
            if (typeof p.name === 'string') {
              const problem = portNameProblem(p.name)
              if (problem) report({target: owner, path: [...container.path, 'ports', i, 'name'], message: `port name ${JSON.stringify(p.name)} of container ${JSON.stringify(container.name)} is invalid: it ${problem}`})
            }
          }
        }

        for (const probe of probePorts(container)) {
          const what = `${probe.probe}.${probe.handler}.port`
          // A name is checked where the container declares it; one it does not declare, by probe-port-unknown.
          checkNumber(probe.port, probe.path, what, owner)
        }
      }
    }
  },
})
