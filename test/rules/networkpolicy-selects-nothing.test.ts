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
        {object: 'NetworkPolicy shop/api-from-frontend', line: 16, column: 13, endLine: 17, endColumn: 28, messageId: 'peerSelectsNothing', data: {field: 'ingress', selector: 'app=frontend', namespace: 'shop', effect: 'admits'}, severity: 'info'},
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
          messageId: 'nearValues',
          data: {selector: 'app=frontnd', namespace: 'shop', labels: 'app=frontend'},
        },
        {
          object: 'NetworkPolicy shop/every-label-must-match',
          line: 19,
          column: 5,
          endLine: 21,
          endColumn: 17,
          messageId: 'templateValues',
          data: {selector: 'app=frontend,tier=data', namespace: 'shop', values: 'app is cart-db, cleanup, frontend; tier is data, web'},
        },
        {
          object: 'NetworkPolicy shop/deployment-label',
          line: 30,
          column: 5,
          endLine: 31,
          endColumn: 23,
          messageId: 'ownerLabels',
          data: {selector: 'team=storefront', namespace: 'shop', owner: 'Deployment frontend'},
        },
        {
          object: 'NetworkPolicy shop/excludes-everything',
          line: 40,
          column: 5,
          endLine: 43,
          endColumn: 45,
          messageId: 'templateValues',
          data: {selector: 'app notin (frontend,cart-db,cleanup)', namespace: 'shop', values: 'app is cart-db, cleanup, frontend'},
        },
        {
          object: 'NetworkPolicy shop/no-pod-lacks-app',
          line: 52,
          column: 5,
          endLine: 54,
          endColumn: 31,
          messageId: 'templateValues',
          data: {selector: '!app', namespace: 'shop', values: 'app is cart-db, cleanup, frontend'},
        },
      ],
    },
    {
      files: ['invalid/pods-in-another-namespace.yaml'],
      findings: [
        {
          object: 'NetworkPolicy shop/allow-api',
          line: 9,
          column: 5,
          endLine: 10,
          endColumn: 15,
          messageId: 'otherNamespace',
          data: {selector: 'app=api', namespace: 'shop', owner: 'Pod api/api'},
        },
      ],
    },
  ],
})
