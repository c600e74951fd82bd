/**
 * Finding objects by kind *and API group*. `ResourceIndex.find` and `hasKind`
 * key on the kind alone, but kinds repeat across groups: Istio's Gateway
 * (networking.istio.io) is not a Gateway API Gateway, a Knative Service
 * (serving.knative.dev) is not a core Service. Reference checks that resolve
 * names go through these tables, built once per index and kind.
 */
import type {ResourceIndex} from '../engine/resource-index.js'
import type {Resource} from '../engine/types.js'

/** Objects of one kind in some API groups, by namespace and name. */
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
  /** Whether the input holds any object of the kind in this namespace: else a reference check cannot say "not found". */
  has(namespace: string): boolean
  /** The objects in one namespace. */
  inNamespace(namespace: string): readonly Resource[]
}

const tables = new WeakMap<ResourceIndex, Map<string, KindTable>>()

/** The table of `kind` objects whose API group is one of `groups`. */
export function kindTable(index: ResourceIndex, kind: string, groups: readonly string[]): KindTable {
  let perIndex = tables.get(index)
  if (!perIndex) {
    perIndex = new Map()
    tables.set(index, perIndex)
  }

  const cacheKey = `${kind}\u0000${groups.join('\u0000')}`
  let table = perIndex.get(cacheKey)
  if (!table) {
    table = buildTable(index.byKind(kind).filter((r) => groups.includes(r.group)))
    perIndex.set(cacheKey, table)
  }

  return table
}

function buildTable(all: readonly Resource[]): KindTable {
  const byName = new Map<string, Resource[]>()
  const byNamespace = new Map<string, Resource[]>()
  for (const r of all) {
    push(byName, `${r.namespace}\u0000${r.name}`, r)
    push(byNamespace, r.namespace, r)
  }

  return {
    all,
    find: (namespace, name) => byName.get(`${namespace}\u0000${name}`)?.[0],
    findAll: (namespace, name) => byName.get(`${namespace}\u0000${name}`) ?? [],
    has: (namespace) => byNamespace.has(namespace),
    inNamespace: (namespace) => byNamespace.get(namespace) ?? [],
  }
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k)
  if (list) list.push(v)
  else map.set(k, [v])
}

/** Core Services (group `''`). */
export const servicesOf = (index: ResourceIndex): KindTable => kindTable(index, 'Service', [''])

/** Core Namespaces, for the labels namespace selectors read. */
export const namespacesOf = (index: ResourceIndex): KindTable => kindTable(index, 'Namespace', [''])
