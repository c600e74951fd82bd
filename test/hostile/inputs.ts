/**
 * Hostile and broken input, generated (never committed): the hostile tests
 * and the benchmark build their files from these.
 */

/** "Billion laughs": each level names the one before nine times; the last stands for 9^levels strings. */
export function aliasBomb(levels = 9): string {
  const lines = [`apiVersion: v1`, `kind: ConfigMap`, `metadata: {name: laughs}`, `l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`]
  for (let i = 1; i <= levels; i++) lines.push(`l${i}: &l${i} [${Array.from({length: 9}, () => `*l${i - 1}`).join(', ')}]`)
  return `${lines.join('\n')}\n`
}

/** An anchor whose node holds an alias to itself: an endless tree. */
export const selfAlias = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loop\ndata: &loop\n  again: *loop\n'

/** A block sequence nested `depth` levels on one line: `- - - - x`. */
export const deepBlockSequence = (depth: number): string => `${'- '.repeat(depth)}x\n`

/** A block mapping nested `depth` levels, one more space of indentation each. */
export function deepBlockMapping(depth: number): string {
  const parts: string[] = []
  for (let i = 0; i < depth; i++) parts.push(`${' '.repeat(i)}a:\n`)
  parts.push(`${' '.repeat(depth)}b: 1\n`)
  return parts.join('')
}

/** Flow sequences nested `depth` levels, as the value of a key. */
export const deepFlow = (depth: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(depth)}${']'.repeat(depth)}\n`

/** JSON objects nested `depth` levels. */
export const deepJson = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

/** The start of a PNG image: a NUL byte in the first bytes. */
export const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])

/** Latin-1 text where UTF-8 is expected: `é` as the single byte 0xE9 on line 4. */
export const invalidUtf8 = Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')])

/** A Helm chart's template, which does not parse. */
export const helmTemplate = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: {{ include "app.fullname" . }}',
  '  labels:',
  '    {{- include "app.labels" . | nindent 4 }}',
  'spec:',
  '  type: {{ .Values.service.type }}',
  '',
].join('\n')

/** A Helm template that happens to parse as YAML: `{{ x }}` reads as a mapping inside a mapping. */
export const helmTemplateThatParses = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  type: NodePort',
  '  ports:',
  '  - port: 80',
  '    nodePort: {{ .Values.nodePort }}',
  '',
].join('\n')

/** A valid Service with one finding (a nodePort outside the default range), to show the rest is still linted. */
export const serviceWithFinding = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  type: NodePort',
  '  selector: {app: web}',
  '  ports:',
  '  - port: 80',
  '    nodePort: 80',
  '',
].join('\n')

/** Many valid Services, to about `bytes` bytes. */
export function manyServices(bytes: number): string {
  const parts: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const doc = `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  namespace: ns-${i % 100}\n  labels: {app: svc-${i}}\nspec:\n  type: ClusterIP\n  selector: {app: svc-${i}}\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n`
    parts.push(doc)
    size += doc.length
  }

  return parts.join('')
}

/**
 * An application touching every kind the rules read: workloads of each kind,
 * Services of each type, Ingress, NetworkPolicy, Gateway API routes,
 * EndpointSlices. The wrong-types test swaps each of its values for values of
 * other types; the fuzz test mutates its text.
 */
export const sampleApp = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {kubernetes.io/metadata.name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
  annotations: {owner: team-web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
    matchExpressions:
    - {key: tier, operator: In, values: [frontend]}
  template:
    metadata:
      labels: {app: web, tier: frontend}
    spec:
      initContainers:
      - name: proxy
        image: envoy:1.30
        restartPolicy: Always
        ports: [{name: admin, containerPort: 9901}]
      containers:
      - name: web
        image: web:1.0
        ports:
        - {name: http, containerPort: 8080, protocol: TCP}
        - {name: metrics, containerPort: 9090}
        readinessProbe: {httpGet: {path: /ready, port: http}, periodSeconds: 5}
        livenessProbe: {tcpSocket: {port: 8080}, initialDelaySeconds: 10}
        startupProbe: {exec: {command: [cat, /tmp/ok]}, failureThreshold: 30}
        securityContext: {runAsNonRoot: true}
      hostNetwork: false
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  serviceName: db
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - name: db
        image: postgres:16
        ports: [{name: pg, containerPort: 5432, hostPort: 5432}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: shop}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: agent:2, ports: [{containerPort: 9100, hostPort: 9100}]}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: shop}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: report}}
        spec:
          restartPolicy: OnFailure
          containers: [{name: report, image: report:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: shop, labels: {app: debug}}
spec:
  containers: [{name: debug, image: busybox, ports: [{containerPort: 8081}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: http}
  - {name: metrics, port: 9090, targetPort: 9090, appProtocol: http}
---
apiVersion: v1
kind: Service
metadata: {name: web-nodeport, namespace: shop}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080, nodePort: 30080, protocol: TCP}]
---
apiVersion: v1
kind: Service
metadata: {name: web-public, namespace: shop, annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}}
spec:
  type: LoadBalancer
  selector: {app: web}
  externalTrafficPolicy: Local
  healthCheckNodePort: 31000
  loadBalancerSourceRanges: [10.0.0.0/8]
  loadBalancerClass: example.com/lb
  ports: [{port: 443, targetPort: http}]
---
apiVersion: v1
kind: Service
metadata: {name: legacy, namespace: shop}
spec:
  type: ExternalName
  externalName: legacy.example.com
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{name: pg, port: 5432}]
  sessionAffinity: ClientIP
  externalIPs: [192.0.2.10]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: external-1, namespace: shop, labels: {kubernetes.io/service-name: external}}
addressType: IPv4
ports: [{name: http, port: 80}]
endpoints: [{addresses: [192.0.2.20], conditions: {ready: true}}]
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop, annotations: {nginx.ingress.kubernetes.io/ssl-redirect: "true"}}
spec:
  ingressClassName: nginx
  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
  defaultBackend: {service: {name: web, port: {number: 80}}}
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
      - {path: /legacy, pathType: Exact, backend: {service: {name: legacy, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  egress:
  - to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
    ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-ingress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
    - podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [debug]}]}
    ports: [{port: http}, {port: 9090, endPort: 9099, protocol: TCP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: envoy}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  gatewayClassName: envoy
  listeners:
  - {name: https, protocol: HTTPS, port: 443, hostname: shop.example.com, tls: {certificateRefs: [{name: shop-tls}]}, allowedRoutes: {namespaces: {from: Same}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: edge, sectionName: https}]
  hostnames: [shop.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /}}]
    backendRefs: [{name: web, port: 80, weight: 90}, {name: web-canary, namespace: canary, port: 80, weight: 10}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-shop, namespace: canary}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
  to: [{group: "", kind: Service}]
`
