import {ruleTester} from '../support/rule-tester.js'

ruleTester('loadbalancer-single-service', {
  valid: [
    {files: ['valid/front-door-by-service-labels.yaml']},
    {files: ['valid/front-door-by-pod-labels.yaml']},
    {files: ['valid/front-door-by-image.yaml']},
    {files: ['valid/front-door-gateway-api.yaml']},
    {files: ['valid/front-door-renamed-controller.yaml']},
    {
      name: 'an in-house edge proxy named in the frontDoorLabels option',
      files: ['valid/front-door-label-option.yaml'],
      options: {frontDoorLabels: ['platform.example.com/role=edge']},
    },
    {files: ['valid/not-http.yaml']},
    {files: ['valid/http-beside-udp.yaml']},
    {files: ['valid/no-selector.yaml']},
    {files: ['valid/other-types.yaml']},
  ],
  invalid: [
    {
      files: ['invalid/one-http-service.yaml'],
      findings: [
        {object: 'Service shop/storefront', line: 7, column: 9, endLine: 7, endColumn: 21, messageId: 'single', data: {ports: 'port 80'}},
      ],
    },
    {
      name: 'a Service and its applied copy are one load balancer, not two',
      files: ['invalid/one-http-service.yaml'],
      context: ['context/applied-storefront.yaml'],
      findings: [
        {object: 'Service shop/storefront', line: 7, column: 9, endLine: 7, endColumn: 21, messageId: 'single', data: {ports: 'port 80'}},
      ],
    },
    {
      name: 'several LoadBalancers are counted in each message',
      files: ['invalid/three-http-services.yaml'],
      findings: [
        {object: 'Service shop/admin', line: 8, column: 9, endLine: 8, endColumn: 21, messageId: 'oneOfMany', data: {ports: 'port 9443', count: 3}},
        {
          object: 'Service shop/orders',
          line: 23,
          column: 9,
          endLine: 23,
          endColumn: 21,
          messageId: 'oneOfMany',
          data: {ports: 'port 9090 "grpc-api"', count: 3},
        },
        {
          object: 'Service docs/docs',
          line: 36,
          column: 9,
          endLine: 36,
          endColumn: 23,
          messageId: 'oneOfMany',
          data: {ports: 'port 3000 "http-docs"', count: 3},
        },
      ],
    },
    {
      name: 'the ingress controller in the input is named, and not counted',
      files: ['invalid/beside-an-ingress-controller.yaml'],
      findings: [
        {
          object: 'Service blog/blog',
          line: 22,
          column: 9,
          endLine: 22,
          endColumn: 21,
          messageId: 'singleBesideFrontDoor',
          data: {ports: 'port 5000 "h2c"', frontDoor: 'Service traefik/traefik', product: 'Traefik'},
          related: ['invalid/beside-an-ingress-controller.yaml:9:9'],
        },
      ],
    },
    {
      name: 'LoadBalancers of the context are counted, not reported',
      files: ['invalid/counted-with-context.yaml'],
      context: ['context/cluster-load-balancers.yaml'],
      findings: [
        {object: 'Service shop/api', line: 7, column: 9, endLine: 7, endColumn: 21, messageId: 'oneOfMany', data: {ports: 'port 443 "https"', count: 2}},
      ],
    },
  ],
})
