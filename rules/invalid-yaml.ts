import {defineRule} from '../src/engine/rule.js'

export default defineRule({
  meta: {
    id: 'invalid-yaml',
    description: 'A document or file that cannot be read as YAML or JSON.',
    severity: 'error',
    category: 'input',
    messages: {
      invalidYaml: '{{problem}}',
    },
  },
  check({input, report}) {
    for (const problem of input.problems) {
      if (problem.type !== 'duplicate-key') report({target: problem, messageId: 'invalidYaml', data: {problem: problem.message}})
    }
  },
})
