/**
 * lib/ is the CLI and library as users install them (npm run bundle), and it
 * is committed: installing from git or a tarball builds nothing. These tests
 * fail while lib/ differs from a fresh bundle of src/ and rules/, and when a
 * command module is missing from src/cli.ts.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {bundle, OUT_DIR} from '../../scripts/bundle.js'
import {COMMANDS} from '../../src/cli.js'
import {REPO} from '../support/rule-tester.js'

function committed(dir: string, prefix = ''): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? committed(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  )
}

describe('the bundle in lib/', () => {
  it('is what npm run bundle makes of src/ and rules/ now', async () => {
    const fresh = await bundle()
    const stale = [...fresh].filter(([name, text]) => {
      try {
        return readFileSync(path.join(OUT_DIR, name), 'utf8') !== text
      } catch {
        return true
      }
    })
    const extra = committed(OUT_DIR).filter((name) => !fresh.has(name))
    const problems = [...stale.map(([name]) => `lib/${name} differs or is missing`), ...extra.map((name) => `lib/${name} is not part of the bundle`)]
    expect(problems, `lib/ is stale: run \`npm run bundle\` and commit lib/.\n${problems.join('\n')}`).toEqual([])
  }, 180_000)

  it('needs no script at install: npm runs none, and builds nothing from git', () => {
    // npm runs prepare (with devDependencies) when it installs from git, and pacote also clones and links (a link
    // into npm's cache, gone after the install) a git package with a build, prepack or prepare script.
    const {scripts = {}} = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {scripts?: Record<string, string>}
    const atInstall = ['build', 'prepare', 'prepack', 'postpack', 'preinstall', 'install', 'postinstall']
    expect(Object.keys(scripts).filter((name) => atInstall.includes(name))).toEqual([])
  })

  it('holds every command of src/commands/', () => {
    const modules = readdirSync(path.join(REPO, 'src', 'commands'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .sort()
    expect(Object.keys(COMMANDS).sort(), 'src/cli.ts lists the commands by id: add the new module to COMMANDS').toEqual(modules)
    for (const [id, command] of Object.entries(COMMANDS)) expect(typeof command.run, id).toBe('function')
  })
})
