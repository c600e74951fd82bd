import {ruleTester} from '../support/rule-tester.js'

ruleTester('ingress-backend-missing', {
  valid: [
    {files: ['valid/backends-resolve.yaml']},
    {files: ['valid/legacy-backends-resolve.yaml']},
    {name: 'an Ingress linted alone (no Service of its namespace in the input) gives no finding', files: ['valid/ingress-alone.yaml']},
    {name: 'the same Ingress resolves against Services given as context', files: ['valid/ingress-alone.yaml'], context: ['context/services.yaml']},
    {files: ['valid/resource-backend.yaml']},
    {name: 'Services of another namespace, or of another API group, do not make the namespace known', files: ['valid/only-other-services.yaml']},
    {files: ['valid/external-name-backend.yaml']},
    {files: ['valid/two-versions-of-service.yaml']},
    {name: 'AWS Load Balancer Controller actions (port use-annotation) with their annotations', files: ['valid/alb-actions.yaml']},
    {name: 'Services an operator makes from custom resources of the input (ECK, Rook)', files: ['valid/operator-made-services.yaml']},
  ],
  invalid: [
    {
      name: 'port use-annotation without the action annotation of that name',
      files: ['invalid/alb-action-annotation-missing.yaml'],
      findings: [
        {
          object: 'Ingress echoserver/echoserver',
          line: 33,
          column: 25,
          endLine: 33,
          endColumn: 39,
          message:
            'port use-annotation (any host, path /) refers to the annotation alb.ingress.kubernetes.io/actions.ssl-redirect, which the Ingress does not have: the AWS Load Balancer Controller has no action to take',
        },
      ],
    },
    {
      name: 'a networking.k8s.io/v1 Ingress with serviceName/servicePort has no valid backend',
      files: ['invalid/v1-with-legacy-fields.yaml'],
      findings: [
        {
          object: 'Ingress shop/shop',
          line: 28,
          column: 28,
          endLine: 28,
          endColumn: 38,
          message:
            'serviceName and servicePort (host shop.example.com, path /) belong to the removed v1beta1 Ingress: networking.k8s.io/v1 has no such fields, so the API server rejects this backend; write service.name and service.port',
        },
      ],
    },
    {
      name: 'a custom resource excuses only the Services whose names start with its name',
      files: ['invalid/operator-namespace-other-service.yaml'],
      findings: [{object: 'Ingress elastic/kibana', line: 37, column: 23, endLine: 37, endColumn: 30, message: 'Service kb-http (host kb.example.com, path /) is not in namespace elastic'}],
    },
    {
      files: ['invalid/service-not-found.yaml'],
      findings: [
        {object: 'Ingress shop/shop', line: 21, column: 13, endColumn: 27, message: 'Service not-found-page (the default backend) is not in namespace shop'},
        {object: 'Ingress shop/shop', line: 39, column: 23, message: 'Service checkout (host shop.example.com, path /checkout) is not in namespace shop'},
      ],
    },
    {
      files: ['invalid/port-not-found.yaml'],
      findings: [
        {object: 'Ingress shop/shop', line: 30, column: 27, message: 'Service storefront has no port 8080 (host shop.example.com, path /); it declares 80 (http)'},
        {object: 'Ingress shop/shop', line: 37, column: 25, message: /^Service storefront has no port named https \(host shop.example.com, path \/api\)/},
      ],
    },
    {
      name: 'legacy serviceName/servicePort and spec.backend are read',
      files: ['invalid/legacy-backends.yaml'],
      findings: [
        {object: 'Ingress default/cookie', line: 19, column: 18, message: 'Service default-http-backend (the default backend) is not in namespace default'},
        {object: 'Ingress default/cookie', line: 28, column: 28, message: /^Service http-svc has no port named web/},
      ],
    },
    {
      name: 'a Service given as context is checked for the port',
      files: ['invalid/port-missing-on-context-service.yaml'],
      context: ['context/services.yaml'],
      findings: [{object: 'Ingress shop/secure', line: 18, column: 27, message: /^Service storefront has no port 443/}],
    },
  ],
})
