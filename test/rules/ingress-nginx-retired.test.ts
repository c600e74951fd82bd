import {ruleTester} from '../support/rule-tester.js'

ruleTester('ingress-nginx-retired', {
  valid: [
    {name: 'F5 NGINX Ingress Controller, and the admission Job of ingress-nginx (no controller image)', files: ['valid/other-controllers.yaml']},
  ],
  invalid: [
    {
      name: 'the controller Deployment and IngressClass of the static manifest', files: ['invalid/controller.yaml'],
      findings: [
        {object: 'IngressClass nginx', line: 13, column: 15, endLine: 13, endColumn: 35, messageId: 'ingressClass', data: {name: 'nginx', controller: 'k8s.io/ingress-nginx', ingresses: 0}},
        {object: 'Deployment ingress-nginx/ingress-nginx-controller', line: 42, column: 16, endLine: 42, endColumn: 136, messageId: 'controller', data: {kind: 'Deployment', name: 'ingress-nginx/ingress-nginx-controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.15.1@sha256:594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1'}},
      ],
    },
    {
      name: 'the 2019 controller image', files: ['invalid/old-controller-image.yaml'],
      findings: [
        {object: 'DaemonSet ingress-nginx/nginx-ingress-controller', line: 20, column: 18, endLine: 20, endColumn: 87, messageId: 'controller', data: {kind: 'DaemonSet', name: 'ingress-nginx/nginx-ingress-controller', image: 'quay.io/kubernetes-ingress-controller/nginx-ingress-controller:0.26.1'}},
      ],
    },
  ],
})
