/**
 * The library entry loads what linting needs and nothing more: importing
 * k8s-net (dist/src/index.js, as users get it; `npm test` builds first) does
 * not load the wizard or the `yaml` module, and linting a clean file does not
 * either. `loadWizard()` brings the wizard when asked. The command line as
 * installed (lib/cli.cjs) lints a clean file without running the parts of
 * k8s-net a lint run does not use.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {REPO} from './support/rule-tester.js'

const scratch = mkdtempSync(path.join(tmpdir(), 'k8s-net-entry-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

/** Runs a module script; the URLs of the modules it loaded, in order. */
function loadedUrls(script: string, args: string[] = []): string[] {
  const hook = path.join(scratch, 'hook.mjs')
  writeFileSync(
    hook,
    `export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  process.stderr.write('LOADED ' + result.url + '\\n')
  return result
}
`,
  )
  const register = path.join(scratch, 'register.mjs')
  writeFileSync(register, `import {register} from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hook).href)})\n`)
  const main = path.join(scratch, 'main.mjs')
  writeFileSync(main, script.replaceAll('LIBRARY', JSON.stringify(pathToFileURL(path.join(REPO, 'dist', 'src', 'index.js')).href)))
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, main, ...args], {cwd: REPO, encoding: 'utf8'})
  expect(run.status, run.stderr).toBe(0)
  return [...run.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1]!)
}

/** Runs a module script that imports the built library; the k8s-net modules and packages it loaded, as `pkg:<name>` or a path under dist/. */
function loaded(script: string): string[] {
  const names = new Set<string>()
  for (const url of loadedUrls(script)) {
    const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url!)
    if (pkg) names.add(`pkg:${pkg[1]}`)
    else if (url!.includes('/dist/')) names.add(url!.slice(url!.indexOf('/dist/') + 1))
  }

  return [...names]
}

describe('the library entry', () => {
  it('importing it loads neither the wizard nor yaml', () => {
    const names = loaded('await import(LIBRARY)\n')
    expect(names).toContain('dist/src/engine/engine.js')
    expect(names.filter((n) => n === 'pkg:yaml' || n.startsWith('dist/src/wizard/') || n.startsWith('dist/src/commands/'))).toEqual([])
  }, 30_000)

  it('linting a clean file does not load yaml; loadWizard() loads the wizard', () => {
    const clean = path.join(REPO, 'fixtures', 'scenarios', 'clean-app.yaml')
    const names = loaded(`const k = await import(LIBRARY)\nconst run = await k.lintFiles([${JSON.stringify(clean)}])\nif (run.result.findings.some((f) => f.fix)) throw new Error('a fix needs yaml')\nprocess.stderr.write('LINTED\\n')\nconst w = await k.loadWizard()\nif (typeof w.recommend !== 'function') throw new Error('no wizard')\n`)
    const beforeWizard = names.slice(0, names.findIndex((n) => n.startsWith('dist/src/wizard/')))
    expect(beforeWizard).not.toContain('pkg:yaml')
    expect(names).toContain('dist/src/wizard/index.js')
  }, 30_000)
})

describe('the command line as installed (lib/cli.cjs)', () => {
  it('linting a clean file, and one whose finding has a fix the default output does not show, runs none of the wizard, yaml, the cluster client, the cache, the rule docs, init or reach', () => {
    // V8's coverage says which functions ran; the bundle names the source of each module in a comment before it.
    const coverage = path.join(scratch, 'coverage')
    const clean = path.join(REPO, 'fixtures', 'scenarios', 'clean-app.yaml')
    const fixable = path.join(REPO, 'fixtures', 'default-deny-missing', 'invalid', 'cluster-network-policy-pass.yaml')
    const cli = path.join(REPO, 'lib', 'cli.cjs')
    const lint = (files: string[], args: string[] = [], env: NodeJS.ProcessEnv = {}) =>
      spawnSync(process.execPath, ['-e', `require(${JSON.stringify(cli)}).run()`, 'k8s-net', 'lint', ...files, ...args], {
        cwd: REPO,
        encoding: 'utf8',
        env: {...process.env, NODE_ENV: undefined, ...env},
      })
    // As JSON, the finding shows its fix.
    expect(lint([fixable], ['--format', 'json']).stdout).toMatch(/"fix": "apiVersion: networking.k8s.io\/v1/)
    for (const files of [[clean], [fixable]]) {
      const run = lint(files, [], {NODE_V8_COVERAGE: coverage})
      expect(run.status, run.stderr).toBe(0)
    }

    const text = readFileSync(cli, 'utf8')
    const modules = [...text.matchAll(/^\/\/ (\S+)$/gm)].map((m) => ({source: m[1]!, start: m.index}))
    const moduleAt = (offset: number): string => modules.findLast((m) => m.start <= offset)?.source ?? '(before the first module)'
    const url = pathToFileURL(cli).href
    const ran = new Set<string>()
    for (const file of readdirSync(coverage)) {
      const {result} = JSON.parse(readFileSync(path.join(coverage, file), 'utf8')) as {result: Array<{url: string; functions: Array<{ranges: Array<{startOffset: number; count: number}>}>}>}
      for (const script of result.filter((r) => r.url === url)) {
        for (const fn of script.functions) if (fn.ranges[0]!.count > 0) ran.add(moduleAt(fn.ranges[0]!.startOffset))
      }
    }

    expect(ran).toContain('src/engine/engine.ts')
    // The wizard command's flags take their choices from answers.ts; the wizard itself runs when it is asked for.
    const unused = [/^src\/wizard\/(?!answers\.ts$)/, /node_modules\/yaml\//, /^src\/cluster\/(?!errors\.ts)/, /^src\/loaders\/cache\.ts$/, /^src\/docs\//, /^src\/init\//, /^src\/exposure\/reach\.ts$/, /^src\/exposure\/render\/reach\.ts$/]
    expect([...ran].filter((s) => unused.some((re) => re.test(s)))).toEqual([])
  }, 60_000)
})
