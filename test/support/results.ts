/**
 * The canonical results every formatter's golden test renders: findings of
 * every severity, in two files and from a cluster (no file), with related
 * locations in another file and on a cluster object, a syntax error (no
 * object), a fix, and messages holding the characters each format must escape.
 * Rule metadata is made up here so the goldens do not change when rules do.
 */
import type {LintResult} from '../../src/engine/engine.js'
import type {RuleMeta} from '../../src/engine/rule.js'
import type {ObjectRef} from '../../src/engine/types.js'
import type {FormatOptions} from '../../src/formatters/types.js'

export const CWD = '/work/shop'

const web: ObjectRef = {apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'web'}
const admin: ObjectRef = {apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'admin'}
const api: ObjectRef = {apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'api'}
const edge: ObjectRef = {apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', namespace: 'shop', name: 'edge'}
const liveWeb: ObjectRef = {apiVersion: 'v1', kind: 'Service', namespace: 'prod', name: 'web'}
const liveEndpoints: ObjectRef = {apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', namespace: 'prod', name: 'web-x7k2p'}
const gatewayClass: ObjectRef = {apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', name: 'public'}

export const RULES: RuleMeta[] = [
  {
    id: 'nodeport-conflict',
    messages: {claimed: '{{text}}'},
    description: 'Two Services claim the same nodePort.',
    severity: 'error',
    category: 'services',
    rationale: 'Node ports are allocated cluster-wide.',
    remediation: 'Give each Service its own nodePort.',
  },
  {
    id: 'ingress-backend-missing',
    messages: {missingService: '{{text}}'},
    description: 'An Ingress routes to a Service that does not exist.',
    severity: 'warning',
    category: 'ingress',
    rationale: 'Requests to that path get a 503.',
    remediation: 'Create the Service, or fix the name.',
  },
  {
    id: 'loadbalancer-source-ranges',
    messages: {noRanges: '{{text}}'},
    description: 'A LoadBalancer open to the whole internet.',
    severity: 'info',
    category: 'services',
    rationale: 'Anyone can reach it.',
    remediation: 'Set loadBalancerSourceRanges:\n\n```yaml\nspec:\n  loadBalancerSourceRanges: [203.0.113.0/24]\n```',
    options: {
      allowedCidrs: {type: 'string[]', default: ['10.0.0.0/8'], description: 'Ranges that count as private.'},
      strict: {type: 'boolean', default: false, description: 'Also flag ranges wider than /16.'},
    },
  },
  {
    id: 'invalid-yaml',
    messages: {invalidYaml: '{{text}}'},
    description: 'A document that cannot be read as YAML.',
    severity: 'error',
    category: 'input',
    rationale: 'kubectl refuses it.',
    remediation: 'Fix the YAML.',
  },
  {
    id: 'endpoints-not-ready',
    messages: {notReady: '{{text}}'},
    description: 'A Service whose endpoints are all not ready.',
    severity: 'warning',
    category: 'workloads',
    rationale: 'Traffic has nowhere to go.',
    remediation: 'Fix the readiness probe.',
    requires: 'cluster',
  },
]

export function canonicalResult(): LintResult {
  return {
    files: ['k8s/services.yaml', 'k8s/ingress.yaml', 'k8s/empty.yaml', `${CWD}/k8s/broken.yaml`],
    objects: 9,
    suppressed: 2,
    rules: ['ingress-backend-missing', 'invalid-yaml', 'loadbalancer-source-ranges', 'nodeport-conflict'],
    skipped: 3,
    findings: [
      {
        ruleId: 'nodeport-conflict',
        messageId: 'claimed',
        severity: 'error',
        message: 'nodePort 30080 is already claimed by Service shop/web (port http, at k8s/services.yaml:12:17): node ports are cluster-wide',
        object: admin,
        file: 'k8s/services.yaml',
        start: {line: 27, column: 17},
        end: {line: 27, column: 22},
        path: ['spec', 'ports', 0, 'nodePort'],
        related: [{message: 'nodePort 30080 first claimed here', object: web, file: 'k8s/services.yaml', start: {line: 12, column: 17}, end: {line: 12, column: 22}}],
      },
      {
        ruleId: 'loadbalancer-source-ranges',
        messageId: 'noRanges',
        severity: 'info',
        message: 'LoadBalancer "web" admits 0.0.0.0/0: 100% of the internet, <all> & "everyone"',
        object: web,
        file: 'k8s/services.yaml',
        start: {line: 30, column: 3},
        end: {line: 33, column: 20},
        path: ['spec'],
        fix: 'spec:\n  loadBalancerSourceRanges:\n    - 203.0.113.0/24',
      },
      {
        ruleId: 'ingress-backend-missing',
        messageId: 'missingService',
        severity: 'warning',
        message: 'backend Service shop/catalog, port 8080, is not found (rule 0, path /api)',
        object: edge,
        file: 'k8s/ingress.yaml',
        start: {line: 14, column: 23},
        end: {line: 14, column: 30},
        path: ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service', 'name'],
        related: [
          {message: 'the Deployment that serves /api', object: api, file: 'k8s/services.yaml', start: {line: 40, column: 1}, end: {line: 58, column: 26}},
          {message: 'class of the parent Gateway', object: gatewayClass},
        ],
      },
      {
        ruleId: 'invalid-yaml',
        messageId: 'invalidYaml',
        severity: 'error',
        message: 'bad indentation of a mapping entry:\n    port: 80\n        ^',
        file: `${CWD}/k8s/broken.yaml`,
        start: {line: 4, column: 9},
        end: {line: 4, column: 10},
      },
      {
        ruleId: 'endpoints-not-ready',
        messageId: 'notReady',
        severity: 'warning',
        message: 'no ready endpoint behind Service prod/web (0 of 3 ready)',
        object: liveWeb,
        path: ['spec', 'selector'],
        related: [{message: 'its EndpointSlice', object: liveEndpoints}],
      },
    ],
  }
}

export function canonicalOptions(overrides: Partial<FormatOptions> = {}): FormatOptions {
  return {color: false, cwd: CWD, rules: RULES, failOn: 'warning', toolVersion: '1.2.3', ...overrides}
}
