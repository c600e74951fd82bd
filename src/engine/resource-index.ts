/**
 * The index every rule shares: objects by kind, namespace and name; the pod
 * templates of workloads; and label selection over those templates. Built
 * once per run, with maps so that no rule needs pairwise matching.
 */
import {BUILTIN_POD_TEMPLATE_KINDS, type PodTemplateKind} from './kinds.js'
import {controllerOf} from './ownership.js'
import {matches, type Selector} from './selectors.js'
import type {PodTemplate, Resource} from './types.js'
import {asRecord, getPath, isRecord, specOf, stringMap} from '../util/records.js'
import {CONTROLLER_KEYS, podsMeet} from './workload-controller-labels.js'

/**
 * Objects of one kind in some API groups, by namespace and name. Kinds repeat
 * across groups (Istio's Gateway is not a Gateway API Gateway, a Knative
 * Service is not a core Service), so lookups name the groups.
 */
export interface KindTable {
  /** In load order (linted input first, then reference input). */
  readonly all: readonly Resource[]
  /** The first object with this namespace and name (`''` for cluster-scoped kinds). */
  find(namespace: string, name: string): Resource | undefined
  /**
   * Every object with this namespace and name. The input may hold several
   * versions of one object (overlays of several environments, a file and its
   * applied copy given as context): a reference resolves when any of them fits.
   */
  findAll(namespace: string, name: string): readonly Resource[]
  /**
   * Whether the input holds any object of the kind in this namespace. Rules
   * that look for a referenced object report "not found" only when this is
   * true: otherwise the input is a partial set and they cannot know.
   */
  has(namespace: string): boolean
  /** The objects in one namespace. */
  inNamespace(namespace: string): readonly Resource[]
}

/** A map key of two or three strings (no rest parameter and join: the index makes one for every object, label and lookup). */
const key = (a: string, b: string, c?: string): string => (c === undefined ? `${a}\u0000${b}` : `${a}\u0000${b}\u0000${c}`)

export class ResourceIndex {
  private readonly byKindMap = new Map<string, Resource[]>()
  private readonly byName = new Map<string, Resource>()
  private readonly templatesByNamespace = new Map<string, PodTemplate[]>()
  private readonly templatesByLabel = new Map<string, PodTemplate[]>()
  /** Pod templates of every namespace by label and value, and by label: made when first asked for (see `templateElsewhere`). */
  private anywhere?: {byValue: Map<string, PodTemplate[]>; byKey: Map<string, PodTemplate[]>}
  private readonly tables = new Map<string, KindTable>()
  private readonly templateKindNames: ReadonlySet<string>
  readonly podTemplates: readonly PodTemplate[]

  constructor(
    readonly resources: readonly Resource[],
    podTemplateKinds: readonly PodTemplateKind[] = BUILTIN_POD_TEMPLATE_KINDS,
    /** Kinds a cluster refused to list (in one namespace, or in all): their absence means nothing. */
    private readonly unreadable: ReadonlyArray<{kind: string; namespace?: string}> = [],
  ) {
    this.templateKindNames = new Set(podTemplateKinds.map((k) => k.kind))
    const templates: PodTemplate[] = []
    const templateKinds = new Map<string, PodTemplateKind>()
    for (const k of podTemplateKinds) templateKinds.set(key(k.group, k.kind), k)
    for (const r of resources) {
      push(this.byKindMap, r.kind, r)
      this.byName.set(key(r.kind, r.namespace, r.name), r)
    }

    for (const r of resources) {
      const templateKind = templateKinds.get(key(r.group, r.kind)) ?? templateKinds.get(key('*', r.kind))
      // A ReplicaSet of a Deployment, the Pods of a ReplicaSet (as a cluster or `kubectl get -o yaml` shows them):
      // copies of their owner's template. The owner stands for them, or every workload would count several times.
      if (!templateKind || this.controllerInInput(r)) continue
      const template = makeTemplate(r, templateKind)
      if (template) templates.push(template)
    }

    for (const t of templates) {
      push(this.templatesByNamespace, t.namespace, t)
      for (const label in t.labels) push(this.templatesByLabel, key(t.namespace, label, t.labels[label]!), t)
    }

    this.podTemplates = templates
  }

  /** Whether the object's controller (its ownerReference with controller: true) is in the input too. */
  private controllerInInput(resource: Resource): boolean {
    const controller = controllerOf(resource.object)
    return controller !== undefined && this.byName.has(key(controller.kind, resource.namespace, controller.name))
  }

  /** Objects of a kind, optionally of one API group, in load order. */
  byKind(kind: string, group?: string): readonly Resource[] {
    const all = this.byKindMap.get(kind) ?? []
    return group === undefined ? all : all.filter((r) => r.group === group)
  }

  /** The objects of a kind in the given API groups (`''` is the core group), by namespace and name. */
  table(kind: string, groups: readonly string[]): KindTable {
    const cacheKey = [kind, ...groups].join('\u0000')
    let table = this.tables.get(cacheKey)
    if (!table) {
      table = buildTable(this.byKind(kind).filter((r) => groups.includes(r.group)))
      this.tables.set(cacheKey, table)
    }

    return table
  }

  /**
   * Whether every object of this kind in the namespace could be read. Input
   * from files always could; a cluster may refuse to list a kind (403), and
   * then a rule must not conclude there is none.
   */
  readable(kind: string, namespace: string): boolean {
    return !this.unreadable.some((u) => u.kind === kind && (u.namespace === undefined || u.namespace === namespace))
  }

  /** Whether every kind that carries pod templates could be read in the namespace (see `readable`). */
  templatesReadable(namespace: string): boolean {
    return this.unreadable.every((u) => !this.templateKindNames.has(u.kind) || (u.namespace !== undefined && u.namespace !== namespace))
  }

  /** Whether the input holds any workload (pod template) in this namespace. */
  hasPodTemplates(namespace: string): boolean {
    return this.templatesByNamespace.has(namespace)
  }

  templatesIn(namespace: string): readonly PodTemplate[] {
    return this.templatesByNamespace.get(namespace) ?? []
  }

  /**
   * Pod templates in a namespace whose pods the selector reaches. An empty
   * selector selects all of them. Labels that controllers add to their pods
   * (`pod-template-hash`, `statefulset.kubernetes.io/pod-name`, `job-name`...)
   * count, with their values checked where they can be known.
   */
  selectTemplates(namespace: string, selector: Selector): PodTemplate[] {
    const written = selector.requirements.filter((r) => !CONTROLLER_KEYS.has(r.key))
    // Narrow with the first single-valued equality; filter the rest.
    const eq = written.find((r) => r.operator === 'In' && r.values.length === 1)
    const candidates = eq
      ? (this.templatesByLabel.get(key(namespace, eq.key, eq.values[0]!)) ?? [])
      : this.templatesIn(namespace)
    if (written.length === selector.requirements.length) return candidates.filter((t) => matches(selector, t.labels))
    return candidates.filter((t) => selector.requirements.every((r) => podsMeet(r, t)))
  }

  /**
   * The first pod template, in load order, outside a namespace whose own
   * labels the selector matches: for messages that say a selector matches
   * another namespace's pods. The candidates are the templates with the label
   * of the selector's first single-valued `In` (else its first `Exists`):
   * each selector is not compared with every template.
   */
  templateElsewhere(namespace: string, selector: Selector): PodTemplate | undefined {
    const by = selector.requirements.find((r) => r.operator === 'In' && r.values.length === 1) ?? selector.requirements.find((r) => r.operator === 'Exists')
    let candidates = this.podTemplates
    if (by) {
      if (!this.anywhere) {
        this.anywhere = {byValue: new Map(), byKey: new Map()}
        for (const t of this.podTemplates) {
          for (const label in t.labels) {
            push(this.anywhere.byValue, key(label, t.labels[label]!), t)
            push(this.anywhere.byKey, label, t)
          }
        }
      }

      candidates = (by.operator === 'In' ? this.anywhere.byValue.get(key(by.key, by.values[0]!)) : this.anywhere.byKey.get(by.key)) ?? []
    }

    return candidates.find((t) => t.namespace !== namespace && matches(selector, t.labels))
  }
}

function makeTemplate(owner: Resource, kind: PodTemplateKind): PodTemplate | undefined {
  const template = kind.path.length === 0 ? owner.object : getPath(owner.object, kind.path)
  if (!isRecord(template)) return undefined
  const metadata = asRecord(template.metadata)
  const spec = asRecord(template.spec)
  let replicas: number | undefined
  if (owner.kind !== 'Pod' && owner.kind !== 'DaemonSet' && !kind.batch) {
    const value = specOf(owner).replicas
    // Unset is 1. A value that is no count (.nan, .inf, 2.5, -1, a string: the API server refuses them all) is unknown, not a number of replicas.
    replicas = value === undefined || value === null ? 1 : Number.isInteger(value) && (value as number) >= 0 ? (value as number) : undefined
  }

  return {
    owner,
    path: kind.path,
    namespace: owner.namespace,
    labels: stringMap(metadata.labels),
    spec,
    batch: kind.batch ?? false,
    replicas,
  }
}

function buildTable(all: readonly Resource[]): KindTable {
  const byName = new Map<string, Resource[]>()
  const byNamespace = new Map<string, Resource[]>()
  for (const r of all) {
    push(byName, key(r.namespace, r.name), r)
    push(byNamespace, r.namespace, r)
  }

  return {
    all,
    find: (namespace, name) => byName.get(key(namespace, name))?.[0],
    findAll: (namespace, name) => byName.get(key(namespace, name)) ?? [],
    has: (namespace) => byNamespace.has(namespace),
    inNamespace: (namespace) => byNamespace.get(namespace) ?? [],
  }
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k)
  if (list) list.push(v)
  else map.set(k, [v])
}
