import {defineRule} from '../src/engine/rule.js'

export default defineRule({
  meta: {
    id: 'invalid-yaml',
    description: 'A document or file that cannot be read as YAML or JSON.',
    severity: 'error',
    category: 'input',
    rationale:
      'kubectl and the API server refuse a manifest that does not parse, and a linter that skips it silently hides the objects in it. k8s-net reports the document at the line and column where parsing stopped, and goes on with the other documents and files.',
    remediation:
      'Fix the YAML at the reported position. Tabs cannot indent YAML; Helm templates ({{ ... }}) must be rendered first: helm template . | k8s-net lint -. Files over the input limits can be allowed with limits in .k8s-net.yaml.',
  },
  check({input, report}) {
    for (const problem of input.problems) {
      if (problem.type !== 'duplicate-key') report({target: problem, message: problem.message})
    }
  },
})
