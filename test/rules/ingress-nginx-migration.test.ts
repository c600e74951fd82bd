import {ruleTester} from '../support/rule-tester.js'

ruleTester('ingress-nginx-migration', {
  valid: [
    {name: 'nginx.org annotations, and an Ingress whose class the input says is Traefik', files: ['valid/other-controller.yaml']},
    {name: 'class nginx-internal without an IngressClass, and class nginx whose IngressClass is F5\'s', files: ['valid/class-name-not-guessed.yaml']},
    {name: 'class nginx without an IngressClass, on Ingresses that carry F5 NGINX Ingress Controller annotations', files: ['valid/f5-annotations.yaml']},
  ],
  invalid: [
    {
      name: 'regex rewrite, snippet, weighted canary, and no annotations at all', files: ['invalid/rewrite-and-snippets.yaml'],
      findings: [
        {object: 'Ingress default/rewrite', line: 14, column: 5, endLine: 15, endColumn: 52, messageId: 'mixed', data: {count: 2, standard: 0, implementation: 1, none: 1, unknown: '', why: 'IngressClass nginx has controller k8s.io/ingress-nginx', details: 'rewrite-target: no equivalent (regex captures in the rewrite: URLRewrite replaces a prefix or the full path only); use-regex: implementation-specific (RegularExpression path matches, which implementations support or not)'}},
        {object: 'Ingress default/nginx-configuration-snippet', line: 37, column: 5, endLine: 38, endColumn: 46, messageId: 'mixed', data: {count: 1, standard: 0, implementation: 0, none: 1, unknown: '', why: 'IngressClass nginx has controller k8s.io/ingress-nginx', details: 'configuration-snippet: no equivalent (raw NGINX configuration: rewrite what it does)'}},
        {object: 'Ingress default/production-canary', line: 58, column: 5, endLine: 59, endColumn: 52, messageId: 'standardOnly', data: {count: 2, why: 'IngressClass nginx has controller k8s.io/ingress-nginx', details: 'canary: standard (a match or a weight on the HTTPRoute rule that carries both backends); canary-weight: standard (a match or a weight on the HTTPRoute rule that carries both backends)'}},
        {object: 'Ingress default/plain', line: 77, column: 9, endLine: 77, endColumn: 14, messageId: 'noAnnotations', data: {why: 'IngressClass nginx has controller k8s.io/ingress-nginx'}},
      ],
    },
    {
      name: 'no IngressClass in the input: the annotations tell; an unknown key is named', files: ['invalid/annotations-only.yaml'],
      findings: [
        {object: 'Ingress default/external-auth', line: 6, column: 5, endLine: 7, endColumn: 50, messageId: 'mixed', data: {count: 2, standard: 0, implementation: 0, none: 1, unknown: ', 1 unknown', why: 'it carries nginx.ingress.kubernetes.io/* annotations', details: 'auth-typo: unknown, not an ingress-nginx annotation (a typo?); auth-url: no equivalent (external authentication (some implementations offer an ext-auth policy of their own))'}},
      ],
    },
    {
      name: 'class nginx by the annotation or spec.ingressClassName, no IngressClass in the input: a guess from the name', files: ['invalid/class-name-only.yaml'],
      findings: [
        {object: 'Ingress monitoring/grafana', line: 6, column: 9, endLine: 6, endColumn: 16, messageId: 'noAnnotations', data: {why: 'class nginx is ingress-nginx\'s default class name: a guess from the name, as no IngressClass nginx is in the input'}},
        {object: 'Ingress default/docs', line: 26, column: 9, endLine: 26, endColumn: 13, messageId: 'noAnnotations', data: {why: 'class nginx is ingress-nginx\'s default class name: a guess from the name, as no IngressClass nginx is in the input'}},
      ],
    },
  ],
})
