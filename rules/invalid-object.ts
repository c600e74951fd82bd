import {defineRule} from '../src/engine/rule.js'

export default defineRule({
  meta: {
    id: 'invalid-object',
    description: 'A document that parses but is not a Kubernetes object (no apiVersion or kind).',
    severity: 'warning',
    category: 'input',
    rationale:
      'A document without apiVersion and kind is refused by kubectl, and no rule can check it. Linters that drop such documents silently let typos (apiversion:, Kind:) and half-rendered templates through; k8s-net reports them.',
    remediation: 'Add apiVersion and kind, or remove the document if it is not meant to be applied.',
  },
  check({input, report}) {
    for (const document of input.incomplete) report({target: document, message: document.problem})
  },
})
