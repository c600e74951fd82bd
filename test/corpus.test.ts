import {describe, expect, it} from 'vitest'
import {lintFiles} from '../src/run.js'
import {CORPUS, CORPUS_MISSING} from './support/corpus.js'

describe.skipIf(!CORPUS)('the real-world corpus', () => {
  it('is linted without a crash, every finding located', async () => {
    const {result} = await lintFiles([CORPUS!], {cwd: CORPUS})
    expect(result.files.length).toBeGreaterThan(400)
    expect(result.objects).toBeGreaterThan(1000)
    expect(result.findings.filter((f) => f.message.startsWith('internal error'))).toEqual([])
    expect(result.findings.filter((f) => !f.file || !f.start)).toEqual([])
  })
})

if (!CORPUS) it.skip(CORPUS_MISSING, () => {})
