/**
 * The pre-commit hook, run by the real pre-commit framework in a scratch git
 * repository: a commit that adds a NodePort conflict with a Service already
 * in k8s/ is refused with the finding shown; a clean one goes through.
 *
 * What this covers: the shipped .pre-commit-hooks.yaml (pre-commit validates
 * it, and its files, exclude and pass_filenames are the ones used here), the
 * documented --context k8s/ argument with staged files passed after it, and
 * the exit codes pre-commit reads. What it does not: the hook's
 * `language: node`, with which pre-commit clones this repository and
 * installs it with npm; test/ci/pre-commit-remote.sh does that, with two
 * versions of pre-commit, in .ci/run. The hook here is a `repo: local` one of
 * `language: system` whose entry runs the built CLI; everything else is
 * taken from the shipped hook definition.
 *
 * Skipped, saying so, where pre-commit is not installed (apt-get install pre-commit).
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {parse, stringify} from 'yaml'
import {BIN} from '../support/cli.js'
import {REPO} from '../support/rule-tester.js'

const hasPreCommit = spawnSync('pre-commit', ['--version'], {encoding: 'utf8'}).status === 0
if (!hasPreCommit) console.warn('pre-commit tests skipped: pre-commit is not installed (apt-get install pre-commit; .ci/run installs it)')

interface HookDefinition {
  id: string
  entry: string
  language: string
  files: string
  exclude: string
  pass_filenames: boolean
}

const service = (name: string, nodePort: number): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      nodePort: ${nodePort}\n`

describe.skipIf(!hasPreCommit)(`pre-commit hook${hasPreCommit ? '' : ' (skipped: pre-commit is not installed)'}`, () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-pre-commit-'))
  afterAll(() => rmSync(tmp, {recursive: true, force: true}))
  const repo = path.join(tmp, 'app')
  // Keep the scratch repository away from the machine's git config and pre-commit cache.
  const env = {...process.env, NODE_ENV: undefined, GIT_CONFIG_GLOBAL: path.join(tmp, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1', PRE_COMMIT_HOME: path.join(tmp, 'cache'), NO_COLOR: '1'}
  const run = (command: string, args: string[], cwd = repo): {status: number | null; output: string} => {
    const r = spawnSync(command, args, {cwd, env, encoding: 'utf8', timeout: 60_000})
    return {status: r.status, output: `${r.stdout}${r.stderr}`}
  }

  const git = (...args: string[]): {status: number | null; output: string} => run('git', args)
  const commits = (): number => Number(git('rev-list', '--count', 'HEAD').output.trim())

  it('the shipped hook and the documented config are valid for pre-commit', () => {
    expect(run('pre-commit', ['validate-manifest', '.pre-commit-hooks.yaml'], REPO)).toMatchObject({status: 0})
    expect(run('pre-commit', ['validate-config', 'docs/ci/pre-commit-config.yaml'], REPO)).toMatchObject({status: 0})
    const [hook] = parse(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[]
    expect(hook).toMatchObject({id: 'k8s-net', entry: 'k8s-net lint', language: 'node', pass_filenames: true})
  })

  it('refuses a commit that adds a NodePort conflict, showing the finding; lets a clean one through', () => {
    const [hook] = parse(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[]
    mkdirSync(path.join(repo, 'k8s'), {recursive: true})
    writeFileSync(env.GIT_CONFIG_GLOBAL, '[user]\n\tname = k8s-net test\n\temail = test@example.com\n[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n')
    expect(git('init', '-q')).toMatchObject({status: 0})
    const config = {
      repos: [
        {
          repo: 'local',
          hooks: [
            {
              id: hook!.id,
              name: hook!.id,
              // The shipped entry (k8s-net lint) with the built CLI for the command.
              entry: `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${hook!.entry.replace(/^k8s-net /, '')}`,
              language: 'system',
              files: hook!.files,
              exclude: hook!.exclude,
              pass_filenames: hook!.pass_filenames,
              args: ['--context', 'k8s/'],
            },
          ],
        },
      ],
    }
    writeFileSync(path.join(repo, '.pre-commit-config.yaml'), stringify(config))
    writeFileSync(path.join(repo, 'k8s', 'a.yaml'), service('a', 30080))
    writeFileSync(path.join(repo, 'package.json'), '{"name": "app"}\n')
    expect(run('pre-commit', ['install'])).toMatchObject({status: 0})

    // A clean first commit: the manifest passes; .pre-commit-config.yaml and package.json are excluded.
    git('add', '.')
    const first = git('commit', '-m', 'first')
    expect(first.output).toMatch(/k8s-net\.+Passed/)
    expect(first.status).toBe(0)
    expect(commits()).toBe(1)

    // b.yaml claims a's node port: refused, and the finding is shown at b.yaml line 11 ("      nodePort: 30080"), column 17.
    writeFileSync(path.join(repo, 'k8s', 'b.yaml'), service('b', 30080))
    git('add', 'k8s/b.yaml')
    const refused = git('commit', '-m', 'conflict')
    expect(refused.status).not.toBe(0)
    expect(refused.output).toMatch(/k8s-net\.+Failed/)
    expect(refused.output).toContain('k8s/b.yaml')
    expect(refused.output).toContain('11:17  error    nodePort 30080 is already claimed by Service default/a (port 80, at k8s/a.yaml:11:17)')
    expect(refused.output).not.toContain('a.yaml\n') // only the staged file is reported on
    expect(refused.output).not.toContain('.pre-commit-config.yaml:')
    expect(commits()).toBe(1)

    // Fixed: another port, and the commit goes through.
    writeFileSync(path.join(repo, 'k8s', 'b.yaml'), service('b', 30081))
    git('add', 'k8s/b.yaml')
    const fixed = git('commit', '-m', 'no conflict')
    expect(fixed.output).toMatch(/k8s-net\.+Passed/)
    expect(fixed.status).toBe(0)
    expect(commits()).toBe(2)

    // A commit without manifests does not run the hook.
    writeFileSync(path.join(repo, 'README.md'), '# app\n')
    git('add', 'README.md')
    const docs = git('commit', '-m', 'readme')
    expect(docs.output).toMatch(/k8s-net\.+\(no files to check\)Skipped/)
    expect(docs.status).toBe(0)
  })
})
