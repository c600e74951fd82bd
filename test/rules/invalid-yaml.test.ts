import {ruleTester} from '../support/rule-tester.js'

ruleTester('invalid-yaml', {
  valid: [{files: ['valid/multi-document.yaml']}, {files: ['valid/flow-style.json']}],
  invalid: [
    {
      name: 'a broken document among good ones is reported where it breaks',
      files: ['invalid/broken-among-good.yaml'],
      findings: [{line: 11, column: 20, message: 'invalid YAML: unexpected end of the stream within a flow collection'}],
    },
    {files: ['invalid/bad-indentation.yaml'], findings: [{line: 5, column: 13, message: /bad indentation/}]},
    {files: ['invalid/tab-indent.yaml'], findings: [{line: 4, column: 1, message: /tab characters must not be used in indentation/}]},
    {files: ['invalid/broken.json'], findings: [{line: 5, column: 3, message: /missed comma/}]},
    {
      name: 'a Helm template that happens to parse as YAML is reported, not linted',
      files: ['invalid/helm-template.yaml'],
      findings: [{line: 4, column: 9, message: /this is a template, not a Kubernetes manifest: .*helm template \. \| k8s-net lint -/}],
    },
  ],
})
