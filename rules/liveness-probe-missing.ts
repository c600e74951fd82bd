import {defineRule} from '../src/engine/rule.js'
import {containersWithoutProbe, describeContainer} from '../src/k8s/probes.js'

export default defineRule({
  meta: {
    id: 'liveness-probe-missing',
    description: 'A container of a long-running workload has no livenessProbe.',
    severity: 'warning',
    category: 'workloads',
    messages: {
      noLivenessProbe: '{{container}} has no livenessProbe: if it hangs without exiting, Kubernetes will not restart it',
    },
  },
  check({index, report}) {
    for (const {template, container, path} of containersWithoutProbe(index, 'livenessProbe')) {
      report({
        target: template.owner,
        path,
        messageId: 'noLivenessProbe',
        data: {container: describeContainer(container)},
      })
    }
  },
})
