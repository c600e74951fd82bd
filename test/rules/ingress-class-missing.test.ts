import {ruleTester} from '../support/rule-tester.js'

ruleTester('ingress-class-missing', {
  valid: [
    {files: ['valid/class-named.yaml']},
    {files: ['valid/legacy-annotation.yaml']},
    {files: ['valid/default-class-in-input.yaml']},
    {name: 'a default IngressClass given as context serves Ingresses without a class', files: ['invalid/no-class.yaml'], context: ['context/cluster-classes.yaml']},
  ],
  invalid: [
    {
      name: 'a class the input\'s IngressClasses do not have is a warning, with the name probably meant',
      files: ['invalid/unknown-class.yaml'],
      findings: [
        {
          object: 'Ingress shop/web',
          line: 16,
          column: 21,
          severity: 'warning',
          message: 'ingressClassName ngnix names no IngressClass of the input (it holds nginx), so no controller serves this Ingress: did you mean nginx?',
        },
      ],
    },
    {
      files: ['invalid/no-class.yaml'],
      findings: [
        {
          object: 'Ingress shop/web',
          line: 7,
          column: 3,
          message:
            'Ingress names no class (spec.ingressClassName) and the input holds no IngressClass marked ingressclass.kubernetes.io/is-default-class: no controller may serve it',
        },
      ],
    },
    {files: ['invalid/class-not-marked-default.yaml'], findings: [{object: 'Ingress default/cookie', line: 16, column: 3}]},
  ],
})
