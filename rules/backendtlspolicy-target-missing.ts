import {defineRule} from '../src/engine/rule.js'
import {backendTLSPoliciesOf, targetRefsOf} from '../src/k8s/gateway.js'
import {servicePorts} from '../src/k8s/services.js'

export default defineRule({
  meta: {
    id: 'backendtlspolicy-target-missing',
    description: 'A BackendTLSPolicy targets a Service that is not there, or a port name the Service does not declare.',
    severity: 'error',
    category: 'gateway-api',
    messages: {
      missingService: 'targetRef: Service {{name}} is not in namespace {{namespace}}: the policy applies to nothing, and the Gateway talks plain text to the backend it meant',
      missingPort: 'targetRef: Service {{service}} has no port named {{sectionName}}; it declares {{declared}}',
    },
  },
  check({index, report}) {
    const services = index.table('Service', [''])
    for (const policy of backendTLSPoliciesOf(index).all) {
      for (const ref of targetRefsOf(policy)) {
        if (ref.group !== '' || ref.kind !== 'Service') continue
        const candidates = services.findAll(policy.namespace, ref.name)
        if (candidates.length === 0) {
          if (services.has(policy.namespace)) {
            report({target: policy, path: [...ref.path, 'name'], messageId: 'missingService', data: {name: ref.name, namespace: policy.namespace}})
          }

          continue
        }

        if (ref.sectionName === undefined) continue
        if (candidates.some((s) => servicePorts(s).some((p) => p.name === ref.sectionName))) continue
        const service = candidates[0]!
        const declared = servicePorts(service).map((p) => (p.name ? p.name : `${p.port ?? '?'} (unnamed)`)).join(', ')
        report({
          target: policy,
          path: [...ref.path, 'sectionName'],
          messageId: 'missingPort',
          data: {service: `${policy.namespace}/${ref.name}`, sectionName: ref.sectionName, declared: declared || 'no ports'},
          related: [{message: `Service ${policy.namespace}/${ref.name}`, target: service, path: ['spec', 'ports']}],
        })
      }
    }
  },
})
