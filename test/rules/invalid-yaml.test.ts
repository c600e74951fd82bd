import {ruleTester} from '../support/rule-tester.js'

ruleTester('invalid-yaml', {
  valid: [{files: ['valid/multi-document.yaml']}, {files: ['valid/flow-style.json']}],
  invalid: [
    {
      name: 'a broken document among good ones is reported where it breaks',
      files: ['invalid/broken-among-good.yaml'],
      findings: [
        {
          line: 11,
          column: 20,
          endLine: 11,
          endColumn: 21,
          messageId: 'invalidYaml',
          data: {problem: 'invalid YAML: unexpected end of the stream within a flow collection'},
        },
      ],
    },
    {files: ['invalid/bad-indentation.yaml'], findings: [
                                                {
                                                  line: 5,
                                                  column: 13,
                                                  endLine: 5,
                                                  endColumn: 14,
                                                  messageId: 'invalidYaml',
                                                  data: {problem: 'invalid YAML: bad indentation of a mapping entry'},
                                                },
                                              ]},
    {files: ['invalid/tab-indent.yaml'], findings: [
                                           {
                                             line: 4,
                                             column: 1,
                                             endLine: 4,
                                             endColumn: 2,
                                             messageId: 'invalidYaml',
                                             data: {problem: 'invalid YAML: tab characters must not be used in indentation'},
                                           },
                                         ]},
    {files: ['invalid/broken.json'], findings: [
                                       {
                                         line: 5,
                                         column: 3,
                                         endLine: 5,
                                         endColumn: 4,
                                         messageId: 'invalidYaml',
                                         data: {problem: 'invalid YAML: missed comma between flow collection entries'},
                                       },
                                     ]},
    {
      name: 'a Helm template that happens to parse as YAML is reported, not linted',
      files: ['invalid/helm-template.yaml'],
      findings: [
        {
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 10,
          messageId: 'invalidYaml',
          data: {problem: 'this is a template, not a Kubernetes manifest: {{ ... }} cannot stand unquoted in YAML. If it is a Helm chart, render it first, for example `helm template . | k8s-net lint -`'},
        },
      ],
    },
  ],
})
