import {describe, expect, it} from 'vitest'
import {rulesIndexMarkdown} from '../../src/docs/rule-docs.js'
import {loadRules} from '../../src/engine/registry.js'
import {docsUrl} from '../../src/engine/rule.js'
import {runCli} from '../support/cli.js'

describe('k8s-net explain', () => {
  it('prints rationale, remediation, a bad example with its findings and a good example', async () => {
    const meta = (await loadRules()).find((r) => r.meta.id === 'nodeport-conflict')!.meta
    const r = runCli(['explain', 'nodeport-conflict'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(meta.rationale)
    expect(r.stdout).toContain(meta.remediation)
    expect(r.stdout).toContain('Flagged: fixtures/nodeport-conflict/invalid/repeated-in-one-service.yaml')
    // Numbered like the file: line 15 is the repeated nodePort the finding points at.
    expect(r.stdout).toContain('  15 |       nodePort: 31000')
    expect(r.stdout).toContain('fixtures/nodeport-conflict/invalid/repeated-in-one-service.yaml:15:17  error  nodePort 31000/TCP is repeated')
    expect(r.stdout).toContain('Passes: fixtures/nodeport-conflict/valid/dns-tcp-and-udp.yaml')
  })

  it('a renamed rule is explained under its old id too', () => {
    const r = runCli(['explain', 'httproute-parent-missing'])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(runCli(['explain', 'route-parent-missing']).stdout)
  })

  it('an unknown id is exit 2 with suggestions', () => {
    const r = runCli(['explain', 'nodeport-conflit'])
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('unknown rule "nodeport-conflit": did you mean nodeport-conflict?')
    const none = runCli(['explain', 'zzz'])
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('k8s-net rules lists every rule')
  })
})

describe('k8s-net rules', () => {
  it('--format markdown prints the index with links to each page', async () => {
    const r = runCli(['rules', '--format', 'markdown'])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(rulesIndexMarkdown((await loadRules()).map((x) => x.meta), docsUrl))
  })

  it('--json lists every rule', async () => {
    const r = runCli(['rules', '--json'])
    expect(r.status).toBe(0)
    expect((JSON.parse(r.stdout) as Array<{id: string}>).map((x) => x.id)).toEqual((await loadRules()).map((x) => x.meta.id))
  })
})
