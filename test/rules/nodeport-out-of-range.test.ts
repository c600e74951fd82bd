import {ruleTester} from '../support/rule-tester.js'

ruleTester('nodeport-out-of-range', {
  valid: [
    {files: ['valid/in-range.yaml']},
    {files: ['valid/health-check-port.yaml']},
    {name: 'a nodePort inside the range set in config', files: ['valid/custom-range.yaml'], config: {nodePortRange: '20000-22767'}},
  ],
  invalid: [
    {
      files: ['invalid/health-check-port.yaml'],
      findings: [
        {object: 'Service shop/edge', line: 9, column: 24, message: 'healthCheckNodePort 80 is outside the node port range 30000-32767'},
        {object: 'Service shop/internal', line: 21, column: 24, message: 'healthCheckNodePort 31000 is set, but only a LoadBalancer with externalTrafficPolicy: Local has one'},
      ],
    },
    {
      files: ['invalid/outside-range.yaml'],
      findings: [
        {object: 'Service shop/web', line: 13, column: 17, endLine: 13, endColumn: 21, message: 'nodePort 8080 is outside the node port range 30000-32767'},
        {object: 'Service shop/web', line: 16, column: 17, message: 'nodePort 32768 is outside the node port range 30000-32767'},
      ],
    },
    {
      name: 'the default range applies when config sets none; a custom range moves it',
      files: ['valid/custom-range.yaml'],
      findings: [{object: 'Service default/legacy', line: 12, column: 17, message: /nodePort 20080 is outside the node port range 30000-32767/}],
    },
    {
      files: ['invalid/on-clusterip.yaml'],
      findings: [
        {object: 'Service data/db', line: 11, column: 17, message: 'nodePort 30432 on a Service of type ClusterIP, which allocates no node ports'},
        {object: 'Service data/upstream', line: 23, column: 17, message: /type ExternalName/},
      ],
    },
    {
      files: ['invalid/not-a-number.yaml'],
      findings: [{object: 'Service default/api', line: 11, column: 17, endColumn: 24, message: 'nodePort must be a whole number, not "30080"'}],
    },
  ],
})
