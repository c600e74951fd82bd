/** The README's map and reach examples are what the CLI prints today. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from '../support/cli.js'
import {REPO} from '../support/rule-tester.js'

const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')
const section = readme.slice(readme.indexOf('## How each workload is reached'), readme.indexOf('## Wizard'))
const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)```\n/g)].map((m) => ({lang: m[1], body: m[2]!}))

describe('README: map and reach', () => {
  it('shows what `k8s-net map examples/` prints', () => {
    const shown = blocks.find((b) => b.lang === '' && b.body.startsWith("nodes' network"))
    expect(shown).toBeDefined()
    const run = runCli(['map', 'examples/', '--no-color'])
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(shown!.body)
  })

  it('draws examples/ with the Mermaid the CLI writes', () => {
    const shown = blocks.find((b) => b.lang === 'mermaid')
    expect(run(['map', 'examples/', '--format', 'mermaid'])).toBe(shown!.body)
  })

  it('shows what the reach example prints', () => {
    const shown = blocks.find((b) => b.lang === '' && b.body.startsWith('no: '))
    expect(run(['reach', 'shop/app=web', 'StatefulSet/shop/postgres:postgres', 'fixtures/scenarios/exposure.yaml', '--explain', '--no-color'])).toBe(shown!.body)
  })
})

function run(args: string[]): string {
  const result = runCli(args)
  expect(result.status).toBe(0)
  return result.stdout
}
