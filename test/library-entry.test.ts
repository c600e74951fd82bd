/**
 * The library entry loads what linting needs and nothing more: importing
 * k8s-net (dist/src/index.js, as users get it; `npm test` builds first) does
 * not load the wizard or the `yaml` module, and linting a clean file does not
 * either. `loadWizard()` brings the wizard when asked. The command line as
 * installed (the bundle in lib/) lints a clean file without reading the parts
 * of k8s-net a lint run does not use.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {build} from 'esbuild'
import {afterAll, describe, expect, it} from 'vitest'
import {buildOptions} from '../scripts/bundle.js'
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

describe('the command line as installed (lib/)', () => {
  it('linting a clean file reads none of the wizard, yaml, the cluster client, the cache, the rule docs, init or reach', async () => {
    // Which sources each file of lib/ holds, as npm run bundle makes it (test/ci/bundle.test.ts checks lib/ is that).
    const {metafile} = await build(buildOptions())
    const clean = path.join(REPO, 'fixtures', 'scenarios', 'clean-app.yaml')
    const cli = pathToFileURL(path.join(REPO, 'lib', 'cli.js')).href
    const urls = loadedUrls(`const {run} = await import(${JSON.stringify(cli)})\nawait run()\n`, ['lint', clean])
    const files = urls.filter((u) => u.includes('/lib/')).map((u) => path.relative(REPO, new URL(u).pathname).split(path.sep).join('/'))
    expect(files).toContain('lib/cli.js')
    const sources = files.flatMap((f) => Object.keys(metafile.outputs[f]?.inputs ?? {}))
    expect(sources).toContain('src/engine/engine.ts')
    // The wizard command's flags take their choices from answers.ts; the wizard itself is loaded when it runs.
    const unused = [/^src\/wizard\/(?!answers\.ts$)/, /node_modules\/yaml\//, /^src\/cluster\/(?!errors\.ts)/, /^src\/loaders\/cache\.ts$/, /^src\/docs\//, /^src\/init\//, /^src\/exposure\/reach\.ts$/, /^src\/exposure\/render\/reach\.ts$/]
    expect(sources.filter((s) => unused.some((re) => re.test(s)))).toEqual([])
    expect(urls.filter((u) => /\/node_modules\/(yaml|@inquirer)\//.test(u))).toEqual([])
  }, 60_000)
})
