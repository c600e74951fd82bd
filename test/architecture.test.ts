/**
 * The layers hold: no module imports a layer above it, and no two modules
 * import each other (docs/architecture.md; the table is .dependency-cruiser.cjs).
 * The same check from a shell: npx depcruise src rules --config .dependency-cruiser.cjs
 */
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {REPO} from './support/rule-tester.js'

interface Violation {
  from: string
  to: string
  rule: {name: string}
  cycle?: Array<{name: string}>
}

/** Runs dependency-cruiser over `src` and `rules` of a tree, with the project's config; its violations. */
function cruise(root: string): Violation[] {
  const bin = path.join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs')
  const run = spawnSync(process.execPath, [bin, 'src', 'rules', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {cwd: root, encoding: 'utf8'})
  expect(run.stderr, 'dependency-cruiser ran').not.toMatch(/ERROR/)
  return (JSON.parse(run.stdout) as {summary: {violations: Violation[]}}).summary.violations
}

const describeViolation = (v: Violation): string => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`

describe('layers', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'k8s-net-layers-'))
  afterAll(() => rmSync(scratch, {recursive: true, force: true}))

  it('no module imports a layer above it, and there is no import cycle', () => {
    expect(cruise(REPO).map((v) => describeViolation(v))).toEqual([])
  }, 60_000)

  it('the check can fail: an upward import and a cycle are found', () => {
    // A small tree with the project's config: the engine importing config (upward), two loaders importing each other.
    const file = (name: string, text: string): void => {
      mkdirSync(path.dirname(path.join(scratch, name)), {recursive: true})
      writeFileSync(path.join(scratch, name), text)
    }

    copyFileSync(path.join(REPO, '.dependency-cruiser.cjs'), path.join(scratch, '.dependency-cruiser.cjs'))
    copyFileSync(path.join(REPO, 'tsconfig.json'), path.join(scratch, 'tsconfig.json'))
    symlinkSync(path.join(REPO, 'node_modules'), path.join(scratch, 'node_modules'))
    file('src/config/config.ts', 'export const config = 1\n')
    file('src/engine/engine.ts', "import {config} from '../config/config.js'\nexport const engine = config\n")
    file('src/loaders/a.ts', "import {b} from './b.js'\nexport const a = () => b\n")
    file('src/loaders/b.ts', "import {a} from './a.js'\nexport const b = () => a\n")
    file('rules/r.ts', "import {engine} from '../src/engine/engine.js'\nexport default engine\n")
    expect(cruise(scratch).map((v) => describeViolation(v)).sort()).toEqual([
      'no-cycle: src/loaders/a.ts → src/loaders/b.ts (src/loaders/b.ts → src/loaders/a.ts)',
      'not-in-allowed: src/engine/engine.ts → src/config/config.ts',
    ])
  }, 60_000)
})
