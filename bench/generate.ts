/**
 * Synthetic applications for the benchmark: N objects spread over
 * namespaces, each component a Deployment, a Service (every type in turn), a
 * NetworkPolicy and, for every other component, an Ingress; each namespace a
 * Namespace and a default-deny policy. Some problems are planted at fixed
 * intervals (nodePort conflicts and ports out of range, Services that select
 * nothing, Ingress backends that do not exist, containers without readiness
 * probes, named target ports no container has, policies that select nothing),
 * so the rules have something to find at every size.
 *
 * Deterministic: the same N gives the same files.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import jsYaml from 'js-yaml'

type Obj = Record<string, unknown>

export interface SyntheticApp {
  /** Path relative to the application's folder → the objects in that file, in order. */
  files: Map<string, Obj[]>
  objects: number
  /** How many of each planted problem the application holds. */
  planted: Record<string, number>
}

const COMPONENTS_PER_NAMESPACE = 40
const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'Headless'] as const

/** An application of exactly `n` objects. */
export function generateApp(n: number): SyntheticApp {
  const files = new Map<string, Obj[]>()
  const planted: Record<string, number> = {
    'nodePort claimed twice': 0,
    'nodePort out of range': 0,
    'Service selecting no pods': 0,
    'Ingress backend missing': 0,
    'container without readiness probe': 0,
    'targetPort naming no container port': 0,
    'NetworkPolicy selecting no pods': 0,
  }
  let objects = 0
  let explicitNodePorts = 0
  let lastNodePort = 30_000
  const add = (file: string, object: Obj): boolean => {
    if (objects >= n) return false
    const list = files.get(file)
    if (list) list.push(object)
    else files.set(file, [object])
    objects++
    return true
  }

  for (let c = 0; objects < n; c++) {
    const nsIndex = Math.floor(c / COMPONENTS_PER_NAMESPACE)
    const namespace = `team-${nsIndex}`
    if (c % COMPONENTS_PER_NAMESPACE === 0) {
      const file = `${namespace}/namespace.yaml`
      add(file, {apiVersion: 'v1', kind: 'Namespace', metadata: {name: namespace}})
      add(file, {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: {name: 'default-deny', namespace},
        spec: {podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [{ports: [{port: 53, protocol: 'UDP'}, {port: 53, protocol: 'TCP'}]}]},
      })
    }

    const name = `svc-${c}`
    const file = `${namespace}/${name}.yaml`
    const peer = `svc-${c % COMPONENTS_PER_NAMESPACE === 0 ? c + 1 : c - 1}`
    const labels = {app: name, tier: c % 3 === 0 ? 'frontend' : 'backend'}

    const container: Obj = {
      name: 'app',
      image: `registry.example.com/${name}:1.${c % 10}.0`,
      ports: [
        {name: 'http', containerPort: 8080},
        {name: 'metrics', containerPort: 9090},
      ],
      livenessProbe: {httpGet: {path: '/healthz', port: 'http'}, periodSeconds: 20},
      resources: {requests: {cpu: '100m', memory: '128Mi'}, limits: {memory: '256Mi'}},
    }
    if (c % 7 === 6) planted['container without readiness probe']!++
    else container.readinessProbe = {httpGet: {path: '/ready', port: 'http'}, periodSeconds: 5}

    if (
      !add(file, {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {name, namespace, labels},
        spec: {
          replicas: 1 + (c % 3),
          selector: {matchLabels: {app: name}},
          template: {metadata: {labels}, spec: {containers: [container]}},
        },
      })
    ) {
      break
    }

    const type = SERVICE_TYPES[c % SERVICE_TYPES.length]!
    const spec: Obj = {}
    const port: Obj = {name: 'http', port: 80, targetPort: 'http'}
    if (type === 'ExternalName') {
      spec.type = 'ExternalName'
      spec.externalName = `${name}.legacy.example.com`
    } else {
      if (type === 'Headless') spec.clusterIP = 'None'
      else spec.type = type
      if (c % 53 === 52) {
        planted['Service selecting no pods']!++
        spec.selector = {app: `${name}-old`}
      } else {
        spec.selector = {app: name}
      }

      if (c % 89 === 88) {
        planted['targetPort naming no container port']!++
        port.targetPort = 'web'
      }

      if (type === 'NodePort' || type === 'LoadBalancer') {
        // Most Services let the cluster pick; one in four fixes its nodePort, and some of those collide or miss the range.
        if ((c >> 1) % 4 === 0) {
          explicitNodePorts++
          if (explicitNodePorts % 50 === 0) {
            planted['nodePort out of range']!++
            port.nodePort = 8000 + c
          } else if (explicitNodePorts % 16 === 0) {
            planted['nodePort claimed twice']!++
            port.nodePort = lastNodePort
          } else {
            lastNodePort = 30_000 + (explicitNodePorts % 2700)
            port.nodePort = lastNodePort
          }
        }

        if (type === 'LoadBalancer') spec.loadBalancerSourceRanges = c % 4 === 1 ? ['0.0.0.0/0'] : ['10.0.0.0/8']
      }
    }

    spec.ports = [port]
    if (!add(file, {apiVersion: 'v1', kind: 'Service', metadata: {name, namespace, labels}, spec})) break

    let podSelector: Obj = {matchLabels: {app: name}}
    if (c % 101 === 100) {
      planted['NetworkPolicy selecting no pods']!++
      podSelector = {matchLabels: {app: name, release: 'canary'}}
    }

    if (
      !add(file, {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: {name: `${name}-ingress`, namespace},
        spec: {
          podSelector,
          policyTypes: ['Ingress'],
          ingress: [
            {from: [{podSelector: {matchLabels: {app: peer}}}, {namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'ingress-nginx'}}}], ports: [{port: 'http'}]},
          ],
        },
      })
    ) {
      break
    }

    if (c % 2 === 0 && type !== 'ExternalName') {
      let backend = name
      if (c % 61 === 60) {
        planted['Ingress backend missing']!++
        backend = `${name}-v2`
      }

      add(file, {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: {name, namespace, annotations: {'nginx.ingress.kubernetes.io/ssl-redirect': 'true'}},
        spec: {
          ingressClassName: 'nginx',
          tls: c % 4 === 0 ? [{hosts: [`${name}.example.com`], secretName: `${name}-tls`}] : undefined,
          rules: [{host: `${name}.example.com`, http: {paths: [{path: '/', pathType: 'Prefix', backend: {service: {name: backend, port: {name: 'http'}}}}]}}],
        },
      })
    }
  }

  return {files, objects, planted}
}

const dump = (object: unknown): string => jsYaml.dump(object, {noRefs: true, lineWidth: -1, skipInvalid: true})

/** Writes the application as one multi-document file per component. Returns the file count. */
export function writeApp(app: SyntheticApp, dir: string): number {
  for (const [file, objects] of app.files) {
    const full = path.join(dir, file)
    mkdirSync(path.dirname(full), {recursive: true})
    writeFileSync(full, objects.map((o) => dump(o)).join('---\n'))
  }

  return app.files.size
}

/** The application as one `kind: List` document, as `kubectl get -o yaml` prints a dump. */
export function appAsList(app: SyntheticApp): string {
  return dump({apiVersion: 'v1', kind: 'List', metadata: {resourceVersion: ''}, items: [...app.files.values()].flat()})
}
