/**
 * Labels that controllers add to the pods they create, beyond those written
 * in the pod template: a Deployment's `pod-template-hash`, a StatefulSet's
 * `statefulset.kubernetes.io/pod-name`, a Job's `job-name`. Selectors may
 * use them (a Service per StatefulSet pod), so selection counts them.
 */
import {matches, type Requirement} from './selectors.js'
import type {PodTemplate, Resource} from './types.js'

type ValueTest = (value: string, owner: Resource) => boolean
const any: ValueTest = () => true
const ordinal: ValueTest = (value) => /^\d+$/.test(value)

/** Labels each built-in controller puts on its pods, with the values they can take. Maps: kinds and keys come from the input. */
const CONTROLLER_LABELS: ReadonlyMap<string, ReadonlyMap<string, ValueTest>> = new Map([
  ['Deployment', new Map([['pod-template-hash', any]])],
  [
    'StatefulSet',
    new Map([
      ['statefulset.kubernetes.io/pod-name', (value, owner) => value.startsWith(`${owner.name}-`) && ordinal(value.slice(owner.name.length + 1), owner)],
      ['apps.kubernetes.io/pod-index', ordinal],
      ['controller-revision-hash', any],
    ]),
  ],
  [
    'DaemonSet',
    new Map([
      ['controller-revision-hash', any],
      ['pod-template-generation', ordinal],
    ]),
  ],
  [
    'Job',
    new Map([
      ['controller-uid', any],
      ['batch.kubernetes.io/controller-uid', any],
      ['job-name', (value, owner) => value === owner.name],
      ['batch.kubernetes.io/job-name', (value, owner) => value === owner.name],
      ['batch.kubernetes.io/job-completion-index', ordinal],
    ]),
  ],
  [
    'CronJob',
    new Map([
      ['controller-uid', any],
      ['batch.kubernetes.io/controller-uid', any],
      ['job-name', (value, owner) => value.startsWith(`${owner.name}-`)],
      ['batch.kubernetes.io/job-name', (value, owner) => value.startsWith(`${owner.name}-`)],
      ['batch.kubernetes.io/job-completion-index', ordinal],
    ]),
  ],
])

const CONTROLLER_GROUPS = new Set(['apps', 'extensions', 'batch'])
export const CONTROLLER_KEYS: ReadonlySet<string> = new Set([...CONTROLLER_LABELS.values()].flatMap((labels) => [...labels.keys()]))

/** The labels the controller owning a template adds to its pods, if it is a built-in one. */
function controllerLabels(template: PodTemplate): ReadonlyMap<string, ValueTest> | undefined {
  const owner = template.owner
  return CONTROLLER_GROUPS.has(owner.group) ? CONTROLLER_LABELS.get(owner.kind) : undefined
}

/** Whether the pods of a template can meet one requirement, counting the labels their controller adds. */
export function podsMeet(requirement: Requirement, template: PodTemplate): boolean {
  // A label written in the template is what the pods carry (the controller's own labels are not written there).
  if (Object.hasOwn(template.labels, requirement.key)) return matches({requirements: [requirement]}, template.labels)
  const test = controllerLabels(template)?.get(requirement.key)
  if (!test) return matches({requirements: [requirement]}, {})
  switch (requirement.operator) {
    case 'In': {
      return requirement.values.some((v) => test(v, template.owner))
    }

    case 'Exists': {
      return true
    }

    case 'DoesNotExist': {
      return false
    }

    // NotIn: the value is not known before the pod exists (a hash, a uid), so it may hold.
    default: {
      return true
    }
  }
}

/**
 * The values a template's controller gives one of its own labels on the pods,
 * for messages (`redis-<ordinal>`), or undefined when it sets no such label.
 */
export function controllerLabelValues(template: PodTemplate, key: string): string | undefined {
  if (!controllerLabels(template)?.has(key)) return undefined
  const name = template.owner.name
  switch (key) {
    case 'statefulset.kubernetes.io/pod-name': {
      return `${name}-<ordinal>`
    }

    case 'apps.kubernetes.io/pod-index':
    case 'batch.kubernetes.io/job-completion-index': {
      return '<ordinal>'
    }

    case 'job-name':
    case 'batch.kubernetes.io/job-name': {
      return template.owner.kind === 'CronJob' ? `${name}-<scheduled time>` : name
    }

    default: {
      return '<generated>'
    }
  }
}
