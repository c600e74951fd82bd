import {type PodTemplate, serviceSelector} from '../src/engine/resource-index.js'
import {defineRule} from '../src/engine/rule.js'
import {formatSelector, matches, type Requirement, type Selector} from '../src/engine/selectors.js'
import type {RelatedLocation} from '../src/engine/types.js'
import {editDistance, isNear, objectName} from '../src/engine/util.js'
import {controllerLabelValues, podsMeet} from '../src/engine/controller-labels.js'
import {operatorPodOwner} from '../src/k8s/operators.js'

export default defineRule({
  meta: {
    id: 'service-selector-no-match',
    description: 'A Service\'s selector matches no pod template in its namespace.',
    severity: 'warning',
    category: 'services',
    rationale:
      'A Service sends traffic to the pods whose labels match every label of its selector, in its own namespace. When no workload\'s pod template carries them, the Service has no endpoints: clients get connection refused or time out, and an Ingress or Gateway in front of it answers 503. The usual causes are a typo, a label renamed on one side only, a selector copied from the Deployment\'s own metadata.labels (which Services never look at) instead of its pod template, or a Service and workload in different namespaces. Services without a selector (their Endpoints or EndpointSlices are written by hand or by a controller) and ExternalName Services select no pods and are not checked. The rule speaks only when the input holds pod templates in the Service\'s namespace (Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Jobs, CronJobs, Pods, and the kinds configured under podTemplates): a Service linted apart from its workloads is not reported; pass them with --context to check it. One exception: when the only pods the selector matches are in other namespaces, the Service and its workload were put in different namespaces, and the rule says so.',
    remediation:
      'Make the selector equal to labels of the pod template (spec.template.metadata.labels of the workload), or fix the template\'s labels; the message names the nearest template and the label that differs. Keep the Service in the workload\'s namespace. If the pods come from an operator or from a kind k8s-net does not know, declare that kind under podTemplates in .k8s-net.yaml, or lint with the objects that create them.\n\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web   # what the Service selects\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n```',
  },
  check({index, report}) {
    for (const service of index.byKind('Service', '')) {
      const selector = serviceSelector(service)
      if (!selector || !index.templatesReadable(service.namespace)) continue
      if (!index.hasPodTemplates(service.namespace)) {
        // No workload of the namespace in the input: silent, unless the pods it selects are all in other namespaces.
        const elsewhere = index.podTemplates.find((t) => t.namespace !== service.namespace && matches(selector, t.labels))
        if (elsewhere && !operatorPodOwner(index, service.namespace, selector)) {
          report({
            target: service,
            path: ['spec', 'selector'],
            message: `selector ${formatSelector(selector)} matches no pod in namespace ${service.namespace}: it matches the pods of ${objectName(elsewhere.owner)} ({{related:0}}), but a Service selects pods of its own namespace only`,
            related: [{message: 'pods in another namespace', target: elsewhere.owner, path: [...elsewhere.path, 'metadata', 'labels']}],
          })
        }

        continue
      }

      if (index.selectTemplates(service.namespace, selector).length > 0) continue
      // Pods an operator creates from a custom resource are in no template: the input cannot tell.
      if (operatorPodOwner(index, service.namespace, selector)) continue
      let message = `selector ${formatSelector(selector)} matches no pod template in namespace ${service.namespace}`
      const related: RelatedLocation[] = []
      const near = nearestTemplate(selector, index.templatesIn(service.namespace))
      if (near) {
        const {template, miss} = near
        const owner = template.owner
        const labels = [...template.path, 'metadata', 'labels']
        const byController = controllerLabelValues(template, miss.key)
        if (byController !== undefined) {
          message += `: ${objectName(owner)} ({{related:0}}) gives its pods ${miss.key}=${byController}`
          related.push({message: 'nearest workload', target: owner, path: ['metadata', 'name']})
        } else if (Object.hasOwn(template.labels, miss.key)) {
          message += `: ${objectName(owner)} ({{related:0}}) has ${miss.key}=${template.labels[miss.key]}`
          related.push({message: 'nearest pod template', target: owner, path: [...labels, miss.key]})
        } else {
          message += `: ${objectName(owner)} ({{related:0}}) has no label ${miss.key}`
          related.push({message: 'nearest pod template', target: owner, path: labels})
        }
      }

      report({target: service, path: ['spec', 'selector'], message, related})
    }
  },
})

/**
 * The pod template that misses the selector by one requirement, when one is
 * close enough to be worth naming: it meets every other requirement of a
 * selector with several, or, for a selector of one label, has that label
 * with a similar value (`web-v2` for `web`).
 */
function nearestTemplate(selector: Selector, templates: readonly PodTemplate[]): {template: PodTemplate; miss: Requirement} | undefined {
  const requirements = selector.requirements
  let best: {template: PodTemplate; miss: Requirement; distance: number} | undefined
  for (const template of templates) {
    const misses = requirements.filter((r) => !podsMeet(r, template))
    if (misses.length !== 1) continue
    const miss = misses[0]!
    const value = template.labels[miss.key]
    const wanted = miss.values[0] ?? ''
    const distance = value === undefined ? Number.MAX_SAFE_INTEGER : editDistance(value, wanted)
    if (requirements.length === 1 && !(value !== undefined && isNear(value, wanted))) continue
    if (!best || distance < best.distance) best = {template, miss, distance}
  }

  return best && {template: best.template, miss: best.miss}
}
