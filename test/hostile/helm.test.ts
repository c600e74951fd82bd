/**
 * Helm templates are not manifests: `{{ ... }}` either breaks the YAML or,
 * worse, parses as a mapping inside a mapping. Both are reported with the
 * way out (render first: helm template . | k8s-net lint -); templates that
 * are data (inside strings and block scalars) are left alone.
 */
import {describe, expect, it} from 'vitest'
import {helmTemplate, helmTemplateThatParses, serviceWithFinding} from './inputs.js'
import {columnOf, INPUT_RULES, lineOf, lintIn, of, tempDir, where} from './support.js'

const HINT = 'helm template . | k8s-net lint -'

describe('Helm templates', () => {
  const {dir, write} = tempDir('helm')

  it('suggests rendering a template that does not parse, and lints the rest', async () => {
    write('deployment.yaml', helmTemplate)
    write('service.yaml', serviceWithFinding)
    const {findings, exitCode} = await lintIn(dir, ['deployment.yaml', 'service.yaml'])
    const input = of(findings, ...INPUT_RULES)
    expect(input.map((f) => f.file)).toEqual(['deployment.yaml', 'service.yaml'])
    expect(input[0]!.ruleId).toBe('invalid-yaml')
    expect(input[0]!.message).toContain(HINT)
    // js-yaml stops at the `{{-` line, where `{{` no longer reads as a mapping.
    expect(input[0]!.start?.line).toBe(lineOf(helmTemplate, '{{- include'))
    expect(exitCode).toBe(1)
  })

  it('reports a template that happens to parse, at its first {{, instead of linting the mapping it reads as', async () => {
    write('parses.yaml', helmTemplateThatParses)
    const {findings} = await lintIn(dir, ['parses.yaml'])
    expect(of(findings, ...INPUT_RULES).map((f) => [where(f), f.message])).toEqual([
      [
        `parses.yaml:${lineOf(helmTemplateThatParses, '{{')}:${columnOf(helmTemplateThatParses, '{{')} invalid-yaml`,
        `this is a template, not a Kubernetes manifest: {{ ... }} cannot stand unquoted in YAML. If it is a Helm chart, render it first, for example \`${HINT}\``,
      ],
    ])
  })

  it('leaves {{ }} alone inside quoted strings, plain text and block scalars', async () => {
    const data = [
      'apiVersion: monitoring.coreos.com/v1',
      'kind: PrometheusRule',
      'metadata:',
      '  name: alerts',
      'spec:',
      '  groups:',
      '  - name: pods',
      '    rules:',
      '    - alert: PodDown',
      '      annotations:',
      '        summary: Pod {{ $labels.pod }} is down',
      '        description: "{{ $labels.namespace }}/{{ $labels.pod }}"',
      "        runbook: '{{ $externalURL }}'",
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: templates',
      'data:',
      '  page.tmpl: |',
      '    {{ define "page" }}',
      '    {{ range .Items }}<li>{{ . }}</li>{{ end }}',
      '    {{ end }}',
      '',
    ].join('\n')
    write('data.yaml', data)
    const {findings} = await lintIn(dir, ['data.yaml'])
    expect(of(findings, ...INPUT_RULES)).toEqual([])
  })
})
