/**
 * What reaches a terminal or a pipe: names and values from manifests with
 * control characters are shown escaped (issue 12, item 6); a closed pipe on
 * standard output (`| head -1`) ends quietly and any other failed write to it
 * (`> /dev/full`) is exit 2 with one line (item 22); report files are checked
 * before any is written and no `.tmp` file outlives Ctrl+C (item 11).
 */
import {spawn, spawnSync} from 'node:child_process'
import {closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {BIN, runCli} from '../support/cli.js'
import {REPO} from '../support/rule-tester.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-terminal-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

// Raw C0 controls other than line feed and tab, DEL, C1 controls, and the bidirectional overrides.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

const service = (name: string, nodePort: number): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      nodePort: ${nodePort}\n`

describe('control characters from manifests', () => {
  // A selector value that would set the terminal's title, ring its bell and copy to the clipboard (OSC 52),
  // and a name with a right-to-left override.
  const hostile = [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: "web\\u202Egpj.exe"',
    '  namespace: shop',
    'spec:',
    '  selector:',
    '    app: "x\\e]0;pwned\\a\\e]52;c;Y3VybCBldmlsLnNoIHwgc2g=\\a\\x9b2J\\r"',
    '  ports:',
    '    - port: 80',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    '  namespace: shop',
    'spec:',
    '  selector: {matchLabels: {app: api}}',
    '  template:',
    '    metadata: {labels: {app: api}}',
    '    spec: {containers: [{name: api, image: api}]}',
    '',
  ].join('\n')
  const file = path.join(dir, 'hostile.yaml')
  writeFileSync(file, hostile)

  for (const format of ['stylish', 'github'] as const) {
    it(`${format}: shown escaped, never raw`, () => {
      for (const color of ['--no-color', '--color']) {
        const r = runCli(['lint', file, '--format', format, color])
        expect(r.status).toBe(0)
        expect(r.stdout).toContain('service-selector-no-match')
        // Colour codes are k8s-net's own ESC [ … m: take them out, and nothing else may be a control character.
        const text = r.stdout.replaceAll(/\u001B\[\d+(?:;\d+)*m/g, '')
        expect(text).not.toMatch(RAW_CONTROL)
        // A carriage return is %0D in a workflow command, as GitHub decodes it.
        expect(text).toContain(`x\\x1B]0;pwned\\x07\\x1B]52;c;Y3VybCBldmlsLnNoIHwgc2g=\\x07\\x9B2J${format === 'github' ? '%0D' : '\\x0D'}`)
      }
    })
  }

  it('in error messages too', () => {
    const r = runCli(['lint', path.join(dir, 'missing\u001B]0;pwned\u0007.yaml')])
    expect(r.status).toBe(2)
    expect(r.stderr).not.toMatch(RAW_CONTROL)
    expect(r.stderr).toContain('missing\\x1B]0;pwned\\x07.yaml')
  })
})

describe('standard output that fails', () => {
  // Enough findings that the output outlives the reader of a pipe.
  const many = path.join(dir, 'many.yaml')
  writeFileSync(many, Array.from({length: 3000}, (_, i) => service(`s${i}`, 30000 + (i % 2000))).join('---\n'))

  it('a closed pipe (| head -1) ends quietly: no message, no stack trace', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" lint "${many}" | head -1; exit "\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
      env: {...process.env, NODE_ENV: undefined, NO_COLOR: '1'},
      timeout: 60_000,
    })
    expect(r.stdout).toBe(`${many}\n`)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1) // the findings decide the exit code, as if the reader had read them all
  })

  it('a full disk (> /dev/full) is exit 2 with one line, no stack trace', () => {
    const full = openSync('/dev/full', 'w')
    try {
      const r = spawnSync(process.execPath, [BIN, 'lint', path.join(REPO, 'examples')], {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        env: {...process.env, NODE_ENV: undefined, NO_COLOR: '1'},
        timeout: 60_000,
      })
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(/^k8s-net: cannot write to standard output: .*ENOSPC.*\n$/)
    } finally {
      closeSync(full)
    }
  })
})

describe('report files', () => {
  it('a folder as a report file is refused before anything is written, leaving no .tmp', () => {
    const out = path.join(dir, 'folder-target')
    mkdirSync(path.join(out, 'k8s-net.sarif'), {recursive: true})
    const r = runCli(['lint', path.join(REPO, 'examples'), '--format', 'stylish', '--format', `json=${out}/a.json`, '--format', `sarif=${out}/k8s-net.sarif`])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`cannot write the sarif report to ${out}/k8s-net.sarif: it is a folder`)
    expect(r.stdout).toBe('')
    expect(readdirSync(out)).toEqual(['k8s-net.sarif'])
  })

  it('a path under a file is refused before anything is written', () => {
    const out = path.join(dir, 'file-parent')
    mkdirSync(out)
    writeFileSync(path.join(out, 'report'), 'not a folder')
    const r = runCli(['lint', path.join(REPO, 'examples'), '--format', `json=${out}/a.json`, '--format', `sarif=${out}/report/k8s-net.sarif`])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(`cannot write the sarif report to ${out}/report/k8s-net.sarif: ${out}/report is a file, not a folder`)
    expect(readdirSync(out)).toEqual(['report'])
  })

  it('Ctrl+C while reports are written leaves no .tmp file and no report', async () => {
    const out = path.join(dir, 'interrupted')
    mkdirSync(out)
    // The second report is staged into a FIFO nobody reads: writing it blocks until the signal comes.
    const script = [
      `import {writeOutputs} from ${JSON.stringify(path.join(REPO, 'dist/src/formatters/outputs.js'))}`,
      `process.stdout.write(process.pid + '\\n')`,
      `await new Promise((resolve) => process.stdin.once('data', resolve))`,
      `await writeOutputs([{format: 'json', file: ${JSON.stringify(path.join(out, 'a.json'))}, text: '{}'}, {format: 'sarif', file: ${JSON.stringify(path.join(out, 'b.sarif'))}, text: '{}'}], () => {})`,
    ].join('\n')
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: ['pipe', 'pipe', 'pipe']})
    const pid = await new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))))
    expect(spawnSync('mkfifo', [path.join(out, `b.sarif.${pid}.tmp`)]).status).toBe(0)
    child.stdin.write('go\n')
    const first = path.join(out, `a.json.${pid}.tmp`)
    for (let i = 0; i < 200 && !existsSync(first); i++) await new Promise((resolve) => setTimeout(resolve, 25))
    expect(existsSync(first)).toBe(true)
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
    child.kill('SIGINT')
    expect(await exited).toBe('SIGINT')
    expect(readdirSync(out)).toEqual([])
  }, 30_000)
})
