import {defineRule} from '../src/engine/rule.js'
import type {ObjectPath, Resource} from '../src/engine/types.js'
import {isRecord, specOf} from '../src/util/records.js'
import {probePorts} from '../src/k8s/probes.js'
import {containersOf} from '../src/k8s/workloads.js'

type NameProblem = 'nameTooLong' | 'nameCharacters' | 'nameDigitsOnly' | 'nameHyphens'

/** IANA_SVC_NAME as the API server checks it: at most 15 characters of a-z, 0-9 and '-', a letter among them, no '-' at either end nor twice in a row. */
function portNameProblem(name: string): NameProblem | undefined {
  if (name.length > 15) return 'nameTooLong'
  if (!/^[a-z0-9-]+$/.test(name)) return 'nameCharacters'
  if (!/[a-z]/.test(name)) return 'nameDigitsOnly'
  if (name.startsWith('-') || name.endsWith('-') || name.includes('--')) return 'nameHyphens'
  return undefined
}

const inRange = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 65535

export default defineRule({
  meta: {
    id: 'port-invalid',
    description: 'A port number outside 1-65535, or a port name the API server rejects (IANA_SVC_NAME: at most 15 characters, a letter, a-z 0-9 and \'-\').',
    severity: 'error',
    category: 'services',
    messages: {
      numberOutOfRange: '{{field}} {{number}} is not a port number: the API server accepts 1 to 65535',
      nameTooLong: '{{field}} {{name}} is no valid port name: it is {{length}} characters long, and port names have at most 15',
      nameCharacters: '{{field}} {{name}} is no valid port name: it may hold only lower-case letters, digits and \'-\'',
      nameDigitsOnly: '{{field}} {{name}} is no valid port name: it needs a letter, and all digits make it a number written as a string',
      nameHyphens: '{{field}} {{name}} is no valid port name: it may not start or end with \'-\' nor hold \'--\'',
    },
  },
  check({index, report}) {
    // Paths and field names are made only for a report: most ports are fine.
    const checkNumber = (value: unknown, path: () => ObjectPath, field: () => string, target: Resource): void => {
      if (typeof value === 'number' && !inRange(value)) report({target, path: path(), messageId: 'numberOutOfRange', data: {field: field(), number: value}})
    }
    const checkName = (name: string, path: () => ObjectPath, field: () => string, target: Resource): void => {
      const problem = portNameProblem(name)
      if (problem) report({target, path: path(), messageId: problem, data: {field: field(), name: JSON.stringify(name), ...(problem === 'nameTooLong' ? {length: name.length} : {})}})
    }

    for (const service of index.byKind('Service', '')) {
      const ports = specOf(service).ports
      if (!Array.isArray(ports)) continue
      for (const [i, p] of ports.entries()) {
        if (!isRecord(p)) continue
        checkNumber(p.port, () => ['spec', 'ports', i, 'port'], () => 'port', service)
        checkNumber(p.targetPort, () => ['spec', 'ports', i, 'targetPort'], () => 'targetPort', service)
        // A string of digits is a quoted number, which service-target-port-unknown explains.
        if (typeof p.targetPort === 'string' && !/^\d+$/.test(p.targetPort)) checkName(p.targetPort, () => ['spec', 'ports', i, 'targetPort'], () => 'targetPort', service)
      }
    }

    for (const template of index.podTemplates) {
      const owner = template.owner
      for (const container of containersOf(template)) {
        const ports = container.container.ports
        if (Array.isArray(ports)) {
          for (const [i, p] of ports.entries()) {
            if (!isRecord(p)) continue
            checkNumber(p.containerPort, () => [...container.path, 'ports', i, 'containerPort'], () => `containerPort of container ${JSON.stringify(container.name)}`, owner)
            if (typeof p.name === 'string') checkName(p.name, () => [...container.path, 'ports', i, 'name'], () => `container ${JSON.stringify(container.name)} port`, owner)
          }
        }

        for (const probe of probePorts(container)) {
          // A name is checked where the container declares it; one it does not declare, by probe-port-unknown.
          checkNumber(probe.port, () => probe.path, () => `${probe.probe}.${probe.handler}.port`, owner)
        }
      }
    }
  },
})
