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
        {
          object: 'Service shop/storefront',
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 21,
          message: 'LoadBalancer for one HTTP service (port 80): an Ingress or a Gateway lets one load balancer serve many services',
        },
      ],
    },
    {
      name: 'a Service and its applied copy are one load balancer, not two',
      files: ['invalid/one-http-service.yaml'],
      context: ['context/applied-storefront.yaml'],
      findings: [
        {
          object: 'Service shop/storefront',
          line: 7,
          column: 9,
          message: 'LoadBalancer for one HTTP service (port 80): an Ingress or a Gateway lets one load balancer serve many services',
        },
      ],
    },
    {
      name: 'several LoadBalancers are counted in each message',
      files: ['invalid/three-http-services.yaml'],
      findings: [
        {object: 'Service shop/admin', line: 8, column: 9, message: 'one of 3 LoadBalancers that each expose one HTTP service: one Ingress could serve them all (this one: port 9443)'},
        {object: 'Service shop/orders', line: 23, column: 9, message: /one of 3 LoadBalancers .*\(this one: port 9090 "grpc-api"\)$/},
        {object: 'Service docs/docs', line: 36, column: 9, message: /one of 3 LoadBalancers .*\(this one: port 3000 "http-docs"\)$/},
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
          message:
            'LoadBalancer for one HTTP service (port 5000 "h2c"): an Ingress or a Gateway lets one load balancer serve many services; Service traefik/traefik (invalid/beside-an-ingress-controller.yaml:9:9) is already the load balancer of Traefik',
        },
      ],
    },
    {
      name: 'LoadBalancers of the context are counted, not reported',
      files: ['invalid/counted-with-context.yaml'],
      context: ['context/cluster-load-balancers.yaml'],
      findings: [{object: 'Service shop/api', line: 7, column: 9, message: /^one of 2 LoadBalancers .*\(this one: port 443 "https"\)$/}],
    },
  ],
})
