import {defineRule} from '../src/engine/rule.js'

export default defineRule({
  meta: {
    id: 'duplicate-key',
    description: 'A mapping that repeats a key.',
    severity: 'error',
    category: 'input',
    rationale:
      'The API server\'s strict decoding refuses a manifest with a duplicate key, and tools that accept it keep only one of the values, silently: a port, a selector or a label may not be what the file seems to say. k8s-net lints the document with the last value, as YAML tools usually keep it, and reports the repeated key.',
    remediation: 'Remove one of the two keys, keeping the value you mean.',
  },
  check({input, report}) {
    for (const problem of input.problems) {
      if (problem.type === 'duplicate-key') report({target: problem, message: problem.message})
    }
  },
})
