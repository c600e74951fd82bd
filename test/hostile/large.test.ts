/**
 * Input large in count rather than in bytes: hundreds of thousands of
 * documents, List items, labels or arguments. Nothing may overflow the
 * stack (`push(...items)` passes every item as an argument), and a limit
 * set beyond what the runtime can hold is clamped with a clear message
 * instead of crashing.
 */
import {truncateSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseLabelSelector} from '../../src/engine/selectors.js'
import {mentionsPort} from '../../src/k8s/ports.js'
import {MAX_TEXT_BYTES} from '../../src/util/bytes.js'
import {lintIn, tempDir} from './support.js'

/** More than one call takes arguments on Node's default stack. */
const MANY = 200_000

describe('large counts', () => {
  it(`reads a file of ${MANY} documents given as --context (merged into the linted input)`, {timeout: 120_000}, async () => {
    const {dir, write} = tempDir('many-documents')
    write('many.yaml', 'a: 1\n---\n'.repeat(MANY))
    write('app.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: app}\n')
    const {files} = await lintIn(dir, ['app.yaml'], {contextPaths: ['many.yaml']})
    expect(files).toEqual(['app.yaml'])
  })

  it(`reads a List of ${MANY} items`, {timeout: 120_000}, async () => {
    const {dir, write} = tempDir('many-items')
    write('list.json', JSON.stringify({apiVersion: 'v1', kind: 'List', items: Array.from({length: MANY}, (_, i) => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: `x${i}`}}))}))
    const {lintFiles} = await import('../../src/run.js')
    const {result} = await lintFiles(['list.json'], {cwd: dir})
    expect(result.objects).toBe(MANY)
  })

  it(`parses a selector of ${MANY} labels and scans ${MANY} container arguments`, () => {
    const matchLabels = Object.fromEntries(Array.from({length: MANY}, (_, i) => [`k${i}`, 'v']))
    const parsed = parseLabelSelector({matchLabels})
    expect(parsed.ok && parsed.selector.requirements.length).toBe(MANY)
    const container = {container: {name: 'c', args: Array.from({length: MANY}, () => '-v')}}
    expect(mentionsPort(container as unknown as Parameters<typeof mentionsPort>[0], 8080)).toBe(false)
  })
})

describe('limits.maxFileBytes beyond what the runtime can hold', () => {
  it('is clamped: a 600 MB file is refused, unread, with a message that names both figures', async () => {
    const {dir, write} = tempDir('clamp')
    write('.k8s-net.yaml', 'limits:\n  maxFileBytes: 1073741824\n')
    write('huge.yaml', '')
    // Sparse: its size is what is checked first.
    truncateSync(path.join(dir, 'huge.yaml'), 600 * 1024 * 1024)
    const {findings} = await lintIn(dir, ['huge.yaml'])
    expect(findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([
      `invalid-yaml: file is 629145600 bytes, over the limit of ${MAX_TEXT_BYTES} (the most one text can hold in this runtime; limits.maxFileBytes is set to 1073741824): not read`,
    ])
  })
})
