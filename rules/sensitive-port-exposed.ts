import {defineRule, type RuleContext} from '../src/engine/rule.js'
import type {RelatedLocation} from '../src/engine/types.js'
import {objectName} from '../src/engine/util.js'
import {exposureModel, type Hop, type WorkloadExposure} from '../src/exposure/model.js'

/** Ports of datastores, caches and brokers: reached by their own apps, never by the world. */
export const DATASTORE_PORTS: ReadonlyMap<number, string> = new Map([
  [5432, 'PostgreSQL'],
  [3306, 'MySQL'],
  [6379, 'Redis'],
  [27017, 'MongoDB'],
  [9200, 'Elasticsearch'],
  [9092, 'Kafka'],
  [2379, 'etcd'],
])

/** Admin and metrics ports. */
export const ADMIN_PORTS: ReadonlyMap<number, string> = new Map([[10250, 'the kubelet API']])

/** HTTP paths of metrics, debug and admin endpoints. */
const ADMIN_PATHS = /^\/(?:metrics|actuator|debug\/pprof)(?:\/|$)/

/** Container port names that say metrics or admin. */
const ADMIN_NAMES = /^(?:metrics|http-metrics|admin|http-admin)$/

/** What a hop into pods reaches that must stay private, if anything: `PostgreSQL (5432)`, `a metrics port "metrics" (9090)`. */
function sensitive(hop: Hop): string | undefined {
  const port = hop.verdict?.port
  if (port?.number === undefined) return undefined
  const product = DATASTORE_PORTS.get(port.number) ?? ADMIN_PORTS.get(port.number)
  if (product) return `${product} (port ${port.number})`
  if (port.name !== undefined && ADMIN_NAMES.test(port.name)) return `port "${port.name}" (${port.number})`
  return undefined
}

const reachable = (hop: Hop): boolean => hop.verdict?.status === 'open' || hop.verdict?.status === 'admitted' || hop.verdict?.status === 'partial'

export default defineRule({
  meta: {
    id: 'sensitive-port-exposed',
    description: 'A datastore, admin or metrics port is reachable from the internet or a private network, or a datastore from every pod of the cluster.',
    severity: 'warning',
    category: 'network-policy',
    messages: {
      fromOutside: '{{via}} makes {{what}} of {{workload}} reachable from {{source}} ({{verdict}})',
      adminPath: '{{via}} routes {{path}} of {{workload}} to {{source}}: metrics and debug endpoints tell an attacker much about the service',
      fromCluster: '{{service}} makes {{what}} of {{workload}} reachable from every pod of the cluster, and no policy selects its pods: a datastore is for its own app',
    },
    messageSeverity: {fromCluster: 'info'},
  },
  check({index, report}) {
    for (const w of exposureModel(index).workloads) {
      outside(w, report)
      cluster(w, report)
    }
  },
})

type Reporter = RuleContext<unknown, 'fromOutside' | 'adminPath' | 'fromCluster'>['report']

const SOURCES = {internet: 'the internet', private: 'a private network'} as const

function outside(w: WorkloadExposure, report: Reporter): void {
  const seen = new Set<string>()
  for (const path of w.paths) {
    // Source ranges that narrow the clients to some networks are an allowlist someone wrote: not "the internet".
    if ((path.class !== 'internet' && path.class !== 'private') || path.restricted) continue
    const entry = path.hops.find((h) => h.type === 'ingress' || h.type === 'route') ?? path.hops[0]!
    if (!entry.object) continue
    const pods = path.hops.at(-1)!
    const source = SOURCES[path.class]
    const what = sensitive(pods)
    if (what && reachable(pods)) {
      const k = `${entry.object.uid}\u0000${what}`
      if (!seen.has(k)) {
        seen.add(k)
        report({
          target: entry.object,
          path: entry.path,
          messageId: 'fromOutside',
          data: {via: objectName(entry.object), what, workload: objectName(w.template.owner), source, verdict: pods.verdict!.status === 'open' ? 'no policy selects its pods' : 'its ingress policies admit it'},
        })
      }
    }

    for (const p of entry.paths.filter((x) => ADMIN_PATHS.test(x))) {
      const k = `${entry.object.uid}\u0000${p}`
      if (seen.has(k) || !reachable(pods)) continue
      seen.add(k)
      report({target: entry.object, path: entry.path, messageId: 'adminPath', data: {via: objectName(entry.object), path: p, workload: objectName(w.template.owner), source}})
    }
  }
}

function cluster(w: WorkloadExposure, report: Reporter): void {
  const seen = new Set<string>()
  for (const path of w.paths) {
    if (path.class !== 'cluster') continue
    const service = path.hops[0]!
    for (const hop of path.hops.slice(1)) {
      const port = hop.verdict?.port.number
      if (port === undefined || !DATASTORE_PORTS.has(port) || hop.verdict!.status !== 'open') continue
      const k = `${service.object!.uid}\u0000${port}`
      if (seen.has(k)) continue
      seen.add(k)
      const related: RelatedLocation[] = [{message: `${objectName(w.template.owner)}: no policy selects its pods`, target: w.template.owner, path: ['metadata', 'name']}]
      report({
        target: service.object!,
        path: service.path,
        messageId: 'fromCluster',
        data: {service: objectName(service.object!), what: sensitive(hop)!, workload: objectName(w.template.owner)},
        related,
      })
    }
  }
}
