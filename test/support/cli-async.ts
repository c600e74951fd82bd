/**
 * Runs the built CLI in a child process without blocking this one: for tests
 * whose API server (or proxy) lives in the test process and must keep answering.
 * Kubeconfig discovery is cut off from the user's own: KUBECONFIG empty, HOME
 * the folder given.
 */
import {execFile} from 'node:child_process'
import {BIN} from './cli.js'
import {REPO} from './rule-tester.js'

export interface AsyncCliResult {
  code: number
  stdout: string
  stderr: string
}

export function runCliAsync(args: readonly string[], options: {home: string; cwd?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[]}): Promise<AsyncCliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), BIN, ...args],
      // NODE_ENV=production: under vitest (NODE_ENV=test) oclif would look for TypeScript sources beside dist/. The timeout trips on a hang only.
      {cwd: options.cwd ?? REPO, env: {...process.env, NODE_ENV: 'production', NO_COLOR: '1', OCLIF_COLUMNS: '1000', KUBECONFIG: '', HOME: options.home, ...options.env}, encoding: 'utf8', timeout: 180_000},
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        // oclif prefixes warnings and errors with " ›   Warning: " / " ›   Error: ".
        resolve({code, stdout, stderr: stderr.replaceAll(/^ › {3}/gm, '')})
      },
    )
  })
}
