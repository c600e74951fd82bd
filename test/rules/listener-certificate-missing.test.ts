import {ruleTester} from '../support/rule-tester.js'

ruleTester('listener-certificate-missing', {
  valid: [
    {name: 'a certificate across namespaces with its ReferenceGrant, TLS passthrough, a terminating TLS listener', files: ['valid/certificates.yaml']},
    {name: 'certificates from tls.options, and a Secret of a namespace the input holds no Secret of', files: ['valid/implementation-options.yaml']},
  ],
  invalid: [
    {
      name: 'no ReferenceGrant for Gateways, an HTTPS listener without tls, a Secret the input lacks beside one it holds', files: ['invalid/certificates.yaml'],
      findings: [
        {object: 'Gateway gateway-api-example-ns1/cross-namespace-tls-gateway', line: 21, column: 20, endLine: 21, endColumn: 43, messageId: 'notGranted', data: {secret: 'gateway-api-example-ns2/wildcard-example-com-cert', namespace: 'gateway-api-example-ns2', kind: 'Gateway', from: 'gateway-api-example-ns1'}},
        {object: 'Gateway gateway-api-example-ns1/cross-namespace-tls-gateway', line: 23, column: 15, endLine: 23, endColumn: 20, messageId: 'noCertificate', data: {listener: 'listener https-no-cert', protocol: 'HTTPS'}},
        {object: 'Gateway gateway-api-example-ns1/cross-namespace-tls-gateway', line: 31, column: 15, endLine: 31, endColumn: 40, messageId: 'missingSecret', data: {name: 'tls-terminate-certificate', namespace: 'gateway-api-example-ns1'}},
      ],
    },
  ],
})
