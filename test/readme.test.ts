/** The README shows real output: the example lint in it is what the CLI prints today. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from './support/cli.js'
import {REPO} from './support/rule-tester.js'

describe('README', () => {
  it('shows what `k8s-net lint examples/` prints', () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')
    const shown = /```\n(examples\/shop\.yaml\n[\s\S]*?)```\n/.exec(readme)?.[1]
    expect(shown, 'the README shows the lint of examples/').toBeDefined()
    const run = runCli(['lint', 'examples/', '--no-color'])
    expect(run.status).toBe(1)
    expect(run.stdout).toBe(shown)
  })
})
