import {defineRule} from '../src/engine/rule.js'

export default defineRule({
  meta: {
    id: 'invalid-object',
    description: 'A document that parses but is not a Kubernetes object (no apiVersion or kind).',
    severity: 'warning',
    category: 'input',
    messages: {
      notAnObject: '{{problem}}',
    },
  },
  check({input, report}) {
    for (const document of input.incomplete) report({target: document, messageId: 'notAnObject', data: {problem: document.problem}})
  },
})
