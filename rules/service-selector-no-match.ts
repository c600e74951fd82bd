import type {PodTemplate} from '../src/engine/types.js'
import {defineRule} from '../src/engine/rule.js'
import {formatSelector, type Requirement, type Selector} from '../src/engine/selectors.js'
import {editDistance, isNear} from '../src/util/suggest.js'
import {objectName} from '../src/engine/util.js'
import {controllerLabelValues, podsMeet} from '../src/engine/workload-controller-labels.js'
import {operatorPodOwner} from '../src/k8s/operators.js'
import {serviceSelector} from '../src/k8s/services.js'

export default defineRule({
  meta: {
    id: 'service-selector-no-match',
    description: 'A Service\'s selector matches no pod template in its namespace.',
    severity: 'warning',
    category: 'services',
    messages: {
      noMatch: 'selector {{selector}} matches no pod template in namespace {{namespace}}',
      nearControllerLabel: 'selector {{selector}} matches no pod template in namespace {{namespace}}: {{workload}} ({{related:0}}) gives its pods {{key}}={{value}}',
      nearLabelValue: 'selector {{selector}} matches no pod template in namespace {{namespace}}: {{workload}} ({{related:0}}) has {{key}}={{value}}',
      nearMissingLabel: 'selector {{selector}} matches no pod template in namespace {{namespace}}: {{workload}} ({{related:0}}) has no label {{key}}',
      otherNamespace:
        'selector {{selector}} matches no pod in namespace {{namespace}}: it matches the pods of {{workload}} ({{related:0}}), but a Service selects pods of its own namespace only',
    },
  },
  check({index, report}) {
    for (const service of index.byKind('Service', '')) {
      const selector = serviceSelector(service)
      if (!selector || !index.templatesReadable(service.namespace)) continue
      if (!index.hasPodTemplates(service.namespace)) {
        // No workload of the namespace in the input: silent, unless the pods it selects are all in other namespaces.
        const elsewhere = index.templateElsewhere(service.namespace, selector)
        if (elsewhere && !operatorPodOwner(index, service.namespace, selector)) {
          report({
            target: service,
            path: ['spec', 'selector'],
            messageId: 'otherNamespace',
            data: {selector: formatSelector(selector), namespace: service.namespace, workload: objectName(elsewhere.owner)},
            related: [{message: 'pods in another namespace', target: elsewhere.owner, path: [...elsewhere.path, 'metadata', 'labels']}],
          })
        }

        continue
      }
      if (index.selectTemplates(service.namespace, selector).length > 0) continue
      // Pods an operator creates from a custom resource are in no template: the input cannot tell.
      if (operatorPodOwner(index, service.namespace, selector)) continue
      const where = {target: service, path: ['spec', 'selector']}
      const data = {selector: formatSelector(selector), namespace: service.namespace}
      const near = nearestTemplate(selector, index.templatesIn(service.namespace))
      if (!near) {
        report({...where, messageId: 'noMatch', data, related: []})
        continue
      }

      const {template, miss} = near
      const owner = template.owner
      const labels = [...template.path, 'metadata', 'labels']
      const byController = controllerLabelValues(template, miss.key)
      const about = {...data, workload: objectName(owner), key: miss.key}
      if (byController !== undefined) {
        report({...where, messageId: 'nearControllerLabel', data: {...about, value: byController}, related: [{message: 'nearest workload', target: owner, path: ['metadata', 'name']}]})
      } else if (Object.hasOwn(template.labels, miss.key)) {
        const related = [{message: 'nearest pod template', target: owner, path: [...labels, miss.key]}]
        report({...where, messageId: 'nearLabelValue', data: {...about, value: template.labels[miss.key]!}, related})
      } else {
        report({...where, messageId: 'nearMissingLabel', data: about, related: [{message: 'nearest pod template', target: owner, path: labels}]})
      }
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
    if (requirements.length === 1 && !(value !== undefined && isNear(value, wanted))) continue
    // Only a distance below the best so far counts: the count stops above it.
    const distance = value === undefined ? Number.MAX_SAFE_INTEGER : editDistance(value, wanted, best ? best.distance - 1 : undefined)
    if (!best || distance < best.distance) best = {template, miss, distance}
  }

  return best && {template: best.template, miss: best.miss}
}
