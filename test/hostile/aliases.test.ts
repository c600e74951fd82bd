/**
 * Aliases that blow a small document up ("billion laughs"), or make it
 * endless: refused with the limit named, at the first alias, without a hang,
 * and the other documents and files still linted.
 */
import {describe, expect, it} from 'vitest'
import {aliasBomb, selfAlias, serviceWithFinding} from './inputs.js'
import {columnOf, INPUT_RULES, lineOf, lintIn, of, tempDir, where} from './support.js'

describe('aliases', () => {
  const {dir, write} = tempDir('aliases')
  const bomb = aliasBomb()
  write('bomb.yaml', `${bomb}---\n${serviceWithFinding}`)
  write('self.yaml', selfAlias)
  const cycleInSequence = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: seq}\ndata: &s [1, *s]\n'
  write('cycle-in-sequence.yaml', cycleInSequence)
  write('service.yaml', serviceWithFinding)

  it('refuses a billion laughs at its first alias, and lints the next document of the file and the next file', async () => {
    const linted = await lintIn(dir, ['bomb.yaml', 'service.yaml'])
    const findings = of(linted.findings, ...INPUT_RULES)
    const serviceLine = lineOf(serviceWithFinding, 'nodePort: 80')
    const bombLine = lineOf(bomb, '*l0')
    expect(findings.map(where)).toEqual([
      `bomb.yaml:${bombLine}:${columnOf(bomb, '*l0')} invalid-yaml`,
      // The Service after the bomb: its lines count from the start of the file.
      `bomb.yaml:${bomb.split('\n').length + serviceLine}:15 nodeport-out-of-range`,
      `service.yaml:${serviceLine}:15 nodeport-out-of-range`,
    ])
    expect(findings[0]!.message).toMatch(/^document expands to more than \d+ nodes through aliases \(limits\.maxAliasNodes\): not read$/)
    expect(linted.exitCode).toBe(1)
  })

  it('refuses an anchor that refers to itself, in a mapping or a sequence', async () => {
    const {findings} = await lintIn(dir, ['self.yaml', 'cycle-in-sequence.yaml'])
    expect(of(findings, ...INPUT_RULES).map((f) => [where(f), f.message])).toEqual([
      [`self.yaml:${lineOf(selfAlias, '*loop')}:${columnOf(selfAlias, '*loop')} invalid-yaml`, 'document refers to itself through an alias (a cycle): not read'],
      [`cycle-in-sequence.yaml:4:${columnOf(cycleInSequence, '*s')} invalid-yaml`, 'document refers to itself through an alias (a cycle): not read'],
    ])
  })

  it('reads aliases within the budget, and the budget is limits.maxAliasNodes', async () => {
    const small = tempDir('alias-budget')
    // Three levels of nine: 9 + 81 + 729 strings through aliases.
    small.write('small-bomb.yaml', aliasBomb(3))
    const accepted = await lintIn(small.dir, ['small-bomb.yaml'])
    expect(of(accepted.findings, ...INPUT_RULES)).toEqual([])
    small.write('.k8s-net.yaml', 'limits:\n  maxAliasNodes: 100\n')
    const refused = await lintIn(small.dir, ['small-bomb.yaml'])
    expect(of(refused.findings, ...INPUT_RULES).map((f) => f.message)).toEqual([expect.stringMatching(/through aliases \(limits\.maxAliasNodes\)/)])
  })

  it('reads shared anchors and merge keys that stay small', async () => {
    const shared = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web, labels: &labels {app: web}}',
      'spec:',
      '  selector: {matchLabels: *labels}',
      '  template:',
      '    metadata: {labels: *labels}',
      '    spec:',
      '      containers:',
      '      - &container {name: web, image: web:1, ports: [{containerPort: 8080}]}',
      '      - <<: *container',
      '        name: sidecar',
      '',
    ].join('\n')
    write('shared.yaml', shared)
    const {findings} = await lintIn(dir, ['shared.yaml'])
    expect(findings.filter((f) => f.ruleId === 'invalid-yaml')).toEqual([])
  })
})
