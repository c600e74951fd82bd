import {ruleTester} from '../support/rule-tester.js'

ruleTester('ingress-rule-conflict', {
  valid: [
    {files: ['valid/distinct-routes.yaml']},
    {name: 'an ingress-nginx canary shares the host and path of its main Ingress', files: ['valid/canary.yaml']},
    {files: ['valid/other-class.yaml']},
    {name: 'Exact and Prefix of one path are two routes when the controller is not ingress-nginx', files: ['valid/exact-and-prefix.yaml']},
    {name: 'nor when ingress-nginx is only guessed from the class name nginx: no error on a guess', files: ['valid/nginx-class-guessed.yaml']},
    {name: 'an Ingress does not conflict with its own applied copy', files: ['valid/same-ingress-applied.yaml'], context: ['context/applied.yaml']},
  ],
  invalid: [
    {
      name: 'two canaries of one route conflict',
      files: ['invalid/two-canaries.yaml'],
      findings: [
        {
          object: 'Ingress shop/web-canary-b',
          line: 36,
          column: 19,
          endLine: 36,
          endColumn: 20,
          messageId: 'conflict',
          data: {route: 'host shop.example.com, path / (Prefix)', ingress: 'shop/web-canary-a', className: 'nginx'},
          related: ['invalid/two-canaries.yaml:15:19'],
        },
      ],
    },
    {
      name: 'same host and Prefix path across namespaces, trailing slash and host case ignored',
      files: ['invalid/same-host-and-path.yaml'],
      findings: [
        {
          object: 'Ingress team-b/api-v2',
          line: 32,
          column: 19,
          endLine: 32,
          endColumn: 24,
          messageId: 'conflict',
          data: {route: 'host shop.example.com, path /api/ (Prefix)', ingress: 'team-a/api', className: 'nginx'},
          related: ['invalid/same-host-and-path.yaml:13:19'],
        },
      ],
    },
    {
      name: 'ingress-nginx compares paths without their pathType',
      files: ['invalid/ingress-nginx-ignores-path-type.yaml'],
      findings: [
        {
          object: 'Ingress default/login-api',
          line: 37,
          column: 19,
          endLine: 37,
          endColumn: 25,
          messageId: 'conflict',
          data: {route: 'host shop.example.com, path /login', ingress: 'default/login-page', className: 'nginx'},
          related: ['invalid/ingress-nginx-ignores-path-type.yaml:19:19'],
        },
      ],
    },
    {
      name: 'the class annotation names the IngressClass of ingress-nginx as spec.ingressClassName does',
      files: ['invalid/ingress-nginx-class-by-annotation.yaml'],
      findings: [
        {
          object: 'Ingress default/login-api',
          line: 39,
          column: 19,
          endLine: 39,
          endColumn: 25,
          messageId: 'conflict',
          data: {route: 'host shop.example.com, path /login', ingress: 'default/login-page', className: 'nginx'},
          related: ['invalid/ingress-nginx-class-by-annotation.yaml:20:19'],
        },
      ],
    },
    {
      name: 'an Ingress without a class takes the default IngressClass; a legacy path left out is /',
      files: ['invalid/default-class.yaml'],
      findings: [
        {
          object: 'Ingress default/whoami-legacy',
          line: 38,
          column: 9,
          endLine: 40,
          endColumn: 26,
          messageId: 'conflict',
          data: {route: 'host whoami.example.com, path / (ImplementationSpecific)', ingress: 'default/whoami', className: 'traefik'},
          related: ['invalid/default-class.yaml:21:19'],
        },
      ],
    },
    {
      files: ['invalid/catch-all-without-class.yaml'],
      findings: [
        {
          object: 'Ingress default/maintenance',
          line: 26,
          column: 19,
          endLine: 26,
          endColumn: 20,
          messageId: 'conflictWithoutClass',
          data: {route: 'any host, path / (Prefix)', ingress: 'default/fallback'},
          related: ['invalid/catch-all-without-class.yaml:10:19'],
        },
      ],
    },
    {
      name: 'a linted Ingress that takes the route of one given as context is reported, the context one is not',
      files: ['invalid/claims-applied-route.yaml'],
      context: ['context/applied.yaml'],
      findings: [
        {
          object: 'Ingress shop/storefront-canary',
          line: 13,
          column: 19,
          endLine: 13,
          endColumn: 20,
          messageId: 'conflict',
          data: {route: 'host shop.example.com, path / (Prefix)', ingress: 'shop/storefront', className: 'nginx'},
          related: ['context/applied.yaml:12:19'],
        },
      ],
    },
  ],
})
