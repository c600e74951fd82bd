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
          endLine: 16,
          endColumn: 26,
          messageId: 'unknownClassNear',
          data: {name: 'ngnix', classes: 'nginx', near: 'nginx'},
          severity: 'warning',
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
          endLine: 17,
          endColumn: 29,
          messageId: 'noClass',
          data: {annotation: 'ingressclass.kubernetes.io/is-default-class'},
        },
      ],
    },
    {files: ['invalid/class-not-marked-default.yaml'], findings: [
                                                         {
                                                           object: 'Ingress default/cookie',
                                                           line: 16,
                                                           column: 3,
                                                           endLine: 18,
                                                           endColumn: 20,
                                                           messageId: 'noClass',
                                                           data: {annotation: 'ingressclass.kubernetes.io/is-default-class'},
                                                         },
                                                       ]},
  ],
})
