import {ruleTester} from '../support/rule-tester.js'

const shop = ['context/shop-workloads.yaml']

ruleTester('networkpolicy-selects-nothing', {
  valid: [
    {name: 'matchLabels and matchExpressions that select pods given with --context', files: ['valid/selectors-that-match.yaml'], context: shop},
    {name: 'an empty podSelector, and a namespace without pod templates in the input', files: ['valid/select-all-and-partial-input.yaml']},
    {name: 'pods an operator creates from custom resources', files: ['valid/operator-managed-pods.yaml']},
  ],
  invalid: [
    {
      name: 'a peer podSelector (no namespaceSelector) that matches no pod of the namespace',
      files: ['invalid/peer-selects-nothing.yaml'],
      findings: [
        {
          object: 'NetworkPolicy shop/api-from-frontend',
          line: 16,
          column: 13,
          endLine: 17,
          endColumn: 28,
          message: 'ingress peer podSelector app=frontend matches no pod template in namespace shop, so this peer admits no one (on its pod templates, app is api, web-frontend)',
        },
      ],
    },
    {
      name: 'a typo, a label too many, a Deployment label, NotIn and DoesNotExist that exclude every pod',
      files: ['invalid/selectors-that-match-nothing.yaml'],
      context: shop,
      findings: [
        {
          object: 'NetworkPolicy shop/frontend-typo',
          line: 9,
          column: 5,
          endLine: 10,
          endColumn: 19,
          message: 'podSelector app=frontnd matches no pod template in namespace shop (did you mean app=frontend?)',
        },
        {
          object: 'NetworkPolicy shop/every-label-must-match',
          line: 19,
          column: 5,
          message:
            'podSelector app=frontend,tier=data matches no pod template in namespace shop (on its pod templates, app is cart-db, cleanup, frontend; tier is data, web)',
        },
        {
          object: 'NetworkPolicy shop/deployment-label',
          line: 30,
          column: 5,
          message:
            'podSelector team=storefront matches no pod template in namespace shop (Deployment frontend carries these labels, but its pod template does not: a policy selects pods)',
        },
        {
          object: 'NetworkPolicy shop/excludes-everything',
          line: 40,
          column: 5,
          message: 'podSelector app notin (frontend,cart-db,cleanup) matches no pod template in namespace shop (on its pod templates, app is cart-db, cleanup, frontend)',
        },
        {object: 'NetworkPolicy shop/no-pod-lacks-app', line: 52, column: 5, message: /^podSelector !app matches no pod template in namespace shop/},
      ],
    },
    {
      files: ['invalid/pods-in-another-namespace.yaml'],
      findings: [
        {
          object: 'NetworkPolicy shop/allow-api',
          line: 9,
          column: 5,
          message:
            'podSelector app=api matches no pod template in namespace shop (it matches the pods of Pod api/api, but a policy selects pods of its own namespace only)',
        },
      ],
    },
  ],
})
