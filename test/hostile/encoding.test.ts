/**
 * Bytes that are not a manifest: binary files, invalid UTF-8, byte-order
 * marks, CRLF line ends, tabs, duplicate keys, files over the size limit.
 * Each is reported at its file and line with a clear message; the other
 * files are still linted.
 */
import {describe, expect, it} from 'vitest'
import {loadPaths} from '../../src/loaders/sources.js'
import {binary, invalidUtf8, manyServices, serviceWithFinding} from './inputs.js'
import {INPUT_RULES, lineOf, lintIn, of, tempDir, where} from './support.js'

describe('encodings and sizes', () => {
  const {dir, write} = tempDir('encoding')
  write('service.yaml', serviceWithFinding)
  const nodePortLine = lineOf(serviceWithFinding, 'nodePort: 80')

  it('refuses a binary file and invalid UTF-8, naming the line and column of the bad byte', async () => {
    write('image.yaml', binary)
    write('latin1.yaml', invalidUtf8)
    const {findings, exitCode} = await lintIn(dir, ['image.yaml', 'latin1.yaml', 'service.yaml'])
    // invalidUtf8 is `  name: caf` then 0xE9 on its line 4: the bad byte is the 12th character.
    expect(of(findings, ...INPUT_RULES).map((f) => [where(f), f.message])).toEqual([
      ['image.yaml:1:1 invalid-yaml', 'binary file (it holds NUL bytes), not YAML or JSON: not read'],
      ['latin1.yaml:4:12 invalid-yaml', 'file is not valid UTF-8 (byte 0xe9 at line 4, column 12): not read'],
      [`service.yaml:${nodePortLine}:15 nodeport-out-of-range`, 'nodePort 80 is outside the node port range 30000-32767'],
    ])
    expect(exitCode).toBe(1)
  })

  it('checks standard input as it checks files', async () => {
    const stdin = await loadPaths(['-'], {cwd: dir, readStdin: async () => invalidUtf8})
    expect(stdin.problems.map((p) => [p.origin.file, p.range.start, p.message])).toEqual([
      ['<stdin>', {line: 4, column: 12}, 'standard input is not valid UTF-8 (byte 0xe9 at line 4, column 12): not read'],
    ])
    const binaryStdin = await loadPaths(['-'], {cwd: dir, readStdin: async () => binary})
    expect(binaryStdin.problems.map((p) => p.message)).toEqual(['binary standard input (it holds NUL bytes), not YAML or JSON: not read'])
    const big = await loadPaths(['-'], {cwd: dir, readStdin: async () => Buffer.alloc(2000, 'a'), limits: {maxFileBytes: 1000, maxAliasNodes: 100_000, maxDepth: 500}})
    expect(big.problems.map((p) => p.message)).toEqual(['standard input is over the limit of 1000 bytes (limits.maxFileBytes): not read'])
  })

  it('refuses a 50 MB file without reading it, and reads it when limits.maxFileBytes allows', async () => {
    // A sparse file: its size is what is checked first.
    write('huge.yaml', Buffer.alloc(0))
    const {truncateSync} = await import('node:fs')
    truncateSync(`${dir}/huge.yaml`, 50 * 1024 * 1024)
    const {findings} = await lintIn(dir, ['huge.yaml', 'service.yaml'])
    expect(of(findings, ...INPUT_RULES).map((f) => [where(f), f.message])).toEqual([
      ['huge.yaml:1:1 invalid-yaml', 'file is 52428800 bytes, over the limit of 33554432 (limits.maxFileBytes): not read'],
      [`service.yaml:${nodePortLine}:15 nodeport-out-of-range`, 'nodePort 80 is outside the node port range 30000-32767'],
    ])

    const small = tempDir('size-limit')
    small.write('services.yaml', manyServices(3000))
    small.write('.k8s-net.yaml', 'limits:\n  maxFileBytes: 2000\n')
    expect(of((await lintIn(small.dir, ['services.yaml'])).findings, 'invalid-yaml').map((f) => f.message)).toEqual([
      expect.stringMatching(/^file is 3\d{3} bytes, over the limit of 2000 \(limits\.maxFileBytes\): not read$/),
    ])
    small.write('.k8s-net.yaml', 'limits:\n  maxFileBytes: 4000\n')
    expect(of((await lintIn(small.dir, ['services.yaml'])).findings, 'invalid-yaml')).toEqual([])
  })

  it('names UTF-16 and UTF-32 text (with or without a byte-order mark) and says to convert it, instead of calling it binary', async () => {
    const text = `\uFEFF${serviceWithFinding}`
    const swap = (b: Buffer): Buffer => Buffer.from(b).swap16()
    write('utf16le.yaml', Buffer.from(text, 'utf16le'))
    write('utf16be.yaml', swap(Buffer.from(text, 'utf16le')))
    write('utf16-no-bom.yaml', Buffer.from(serviceWithFinding, 'utf16le'))
    write('utf32le.yaml', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('a\0\0\0')]))
    const {findings} = await lintIn(dir, ['utf16le.yaml', 'utf16be.yaml', 'utf16-no-bom.yaml', 'utf32le.yaml'])
    const convert = (encoding: string) => `file is ${encoding} text, not UTF-8: convert it to UTF-8 (iconv -f ${encoding} -t UTF-8): not read`
    expect(of(findings, ...INPUT_RULES).map((f) => [where(f), f.message])).toEqual([
      ['utf16le.yaml:1:1 invalid-yaml', convert('UTF-16LE')],
      ['utf16be.yaml:1:1 invalid-yaml', convert('UTF-16BE')],
      ['utf16-no-bom.yaml:1:1 invalid-yaml', convert('UTF-16LE')],
      ['utf32le.yaml:1:1 invalid-yaml', convert('UTF-32LE')],
    ])
  })

  it('ignores a byte-order mark, and keeps columns as an editor shows them', async () => {
    write('bom.yaml', `\uFEFF${serviceWithFinding}`)
    const {findings} = await lintIn(dir, ['bom.yaml'])
    expect(of(findings, ...INPUT_RULES).map(where)).toEqual([`bom.yaml:${nodePortLine}:15 nodeport-out-of-range`])
  })

  it('keeps lines and columns right with CRLF line ends, finding ends included', async () => {
    write('crlf.yaml', serviceWithFinding.replaceAll('\n', '\r\n'))
    const {findings} = await lintIn(dir, ['crlf.yaml'])
    const f = of(findings, 'nodeport-out-of-range')
    expect(f.map((x) => [x.start, x.end])).toEqual([[{line: nodePortLine, column: 15}, {line: nodePortLine, column: 17}]])
  })

  it('reports tabs that indent, and reads tabs elsewhere', async () => {
    const tabbed = 'apiVersion: v1\nkind: Service\nmetadata:\n\tname: web\n'
    write('tabs.yaml', tabbed)
    write('tab-in-value.yaml', serviceWithFinding.replace('name: web', 'name:\tweb'))
    const {findings} = await lintIn(dir, ['tabs.yaml', 'tab-in-value.yaml'])
    expect(of(findings, ...INPUT_RULES).map((f) => [where(f), f.message])).toEqual([
      ['tabs.yaml:4:1 invalid-yaml', 'invalid YAML: tab characters must not be used in indentation'],
      [`tab-in-value.yaml:${nodePortLine}:15 nodeport-out-of-range`, 'nodePort 80 is outside the node port range 30000-32767'],
    ])
  })

  it('reports a duplicate key at the repeated key, and lints the document with the last value', async () => {
    const duplicated = serviceWithFinding.replace('  type: NodePort\n', '  type: ClusterIP\n  type: NodePort\n')
    write('duplicate.yaml', duplicated)
    const {findings} = await lintIn(dir, ['duplicate.yaml'])
    expect(of(findings, ...INPUT_RULES).map((f) => [where(f), f.message])).toEqual([
      [`duplicate.yaml:${lineOf(duplicated, 'type: NodePort')}:3 duplicate-key`, 'duplicate key "type"'],
      // The last type wins: NodePort, so the nodePort is judged against the range, not as a ClusterIP's.
      [`duplicate.yaml:${lineOf(duplicated, 'nodePort: 80')}:15 nodeport-out-of-range`, 'nodePort 80 is outside the node port range 30000-32767'],
    ])
  })

  it('reports NUL bytes past the first 8 kB, and control characters, at their line', async () => {
    const late = `${'# padding\n'.repeat(1000)}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\u0000y\n`
    write('late-nul.yaml', late)
    write('control.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bell\u0007\n')
    const {findings} = await lintIn(dir, ['late-nul.yaml', 'control.yaml'])
    expect(of(findings, ...INPUT_RULES).map((f) => [where(f), f.message])).toEqual([
      [`late-nul.yaml:${lineOf(late, 'x\u0000y')}:10 invalid-yaml`, 'invalid YAML: null byte is not allowed in input'],
      ['control.yaml:4:13 invalid-yaml', 'invalid YAML: the stream contains non-printable characters'],
    ])
  })
})

describe('a bad first byte', () => {
  it('is reported on line 1, column 1', async () => {
    const {dir, write} = tempDir('first-byte')
    write('f.yaml', Buffer.concat([Buffer.from([0xff]), Buffer.from('apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n')]))
    const input = await loadPaths(['f.yaml'], {cwd: dir})
    expect(input.problems.map((p) => [p.range.start, p.message])).toEqual([[{line: 1, column: 1}, 'file is not valid UTF-8 (byte 0xff at line 1, column 1): not read']])
  })
})
