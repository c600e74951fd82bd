import {defineRule} from '../src/engine/rule.js'

export default defineRule({
  meta: {
    id: 'duplicate-key',
    description: 'A mapping that repeats a key.',
    severity: 'error',
    category: 'input',
    messages: {
      duplicateKey: '{{problem}}',
    },
  },
  check({input, report}) {
    for (const problem of input.problems) {
      if (problem.type === 'duplicate-key') report({target: problem, messageId: 'duplicateKey', data: {problem: problem.message}})
    }
  },
})
