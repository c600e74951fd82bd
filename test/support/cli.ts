/**
 * Runs the built CLI (bin/run.cjs over dist/, as users get it; `npm test`
 * builds first) in a child process and collects what it prints.
 */
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {REPO} from './rule-tester.js'

export const BIN = path.join(REPO, 'bin', 'run.cjs')

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

export function runCli(args: readonly string[], options: {cwd?: string; input?: string; env?: NodeJS.ProcessEnv} = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? '',
    encoding: 'utf8',
    // NODE_ENV=test (set by vitest) would make oclif look for TypeScript sources: run as users do.
    // OCLIF_COLUMNS: messages on one line, as wide as they are, whatever the terminal.
    env: {...process.env, NODE_ENV: undefined, NO_COLOR: '1', FORCE_COLOR: undefined, OCLIF_COLUMNS: '1000', ...options.env},
    timeout: 30_000,
  })
  return {status: r.status, stdout: r.stdout, stderr: r.stderr}
}
