/**
 * Every file k8s-net reads for a user is size-limited and type-checked
 * before it is read whole: a device that never ends (/dev/zero), a folder,
 * a FIFO. Each gives a message, never a hang or a crash.
 */
import {execFileSync} from 'node:child_process'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readAnswersFile} from '../../src/wizard/answers-file.js'
import {lintIn, tempDir} from './support.js'

describe('files that are not files', () => {
  it('/dev/zero named as a manifest is read up to the size limit, then reported', async () => {
    const {dir, write} = tempDir('dev-zero')
    write('.k8s-net.yaml', 'limits:\n  maxFileBytes: 100000\n')
    const {findings} = await lintIn(dir, ['/dev/zero'])
    expect(findings.map((f) => `${f.file}: ${f.message}`)).toEqual(['/dev/zero: file is over the limit of 100000 bytes (limits.maxFileBytes): not read'])
  })

  it('/dev/zero, a folder or a binary file as wizard answers is an answers error, read no further than 1 MiB', async () => {
    const {dir, write} = tempDir('answers')
    await expect(readAnswersFile('/dev/zero')).rejects.toThrow('/dev/zero: answers file is over the limit of 1048576 bytes (the most an answers file may hold): not read')
    await expect(readAnswersFile(dir)).rejects.toThrow(`${dir}: answers file is a directory: not read`)
    write('answers.yaml', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x00]))
    await expect(readAnswersFile(path.join(dir, 'answers.yaml'))).rejects.toThrow('binary answers file (it holds NUL bytes), not YAML or JSON: not read')
  })

  it('a FIFO in a folder is not waited on: only regular files are walked', async () => {
    const {dir, write} = tempDir('fifo')
    write('app.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: app}\n')
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')])
    const {files} = await lintIn(dir, ['.'])
    expect(files).toEqual(['app.yaml'])
  })
})
