/**
 * Nesting far deeper than any manifest: refused with limits.maxDepth named,
 * at the line where it goes too deep, before the parser's recursion can run
 * out of stack, in block and flow YAML and in JSON.
 */
import {describe, expect, it} from 'vitest'
import {deepBlockMapping, deepBlockSequence, deepFlow, deepJson, serviceWithFinding} from './inputs.js'
import {INPUT_RULES, lintIn, of, tempDir, where} from './support.js'

const DEPTH_MESSAGE = 'document is nested more than 500 levels deep (limits.maxDepth): not read'

describe('nesting', () => {
  const {dir, write} = tempDir('depth')
  write('service.yaml', serviceWithFinding)

  it('refuses a block sequence, a flow sequence and JSON 10,000 levels deep, at the level past the limit', async () => {
    write('sequence.yaml', deepBlockSequence(10_000))
    write('flow.yaml', deepFlow(10_000))
    write('deep.json', deepJson(10_000))
    write('array.json', `${'['.repeat(10_000)}${']'.repeat(10_000)}`)
    const {findings, exitCode} = await lintIn(dir, ['sequence.yaml', 'flow.yaml', 'deep.json', 'array.json', 'service.yaml'])
    // `- - - x`: the 502nd dash opens the node past the limit (the bottom value counts as a level of its own).
    // `data: [[[`: the 501st bracket, after the 6 characters of `data: `. JSON: the 501st brace or bracket.
    expect(of(findings, ...INPUT_RULES).map(where)).toEqual([
      `sequence.yaml:1:${501 * 2 + 1} invalid-yaml`,
      `flow.yaml:4:${6 + 501} invalid-yaml`,
      `deep.json:1:${500 * '{"a":'.length + 1} invalid-yaml`,
      'array.json:1:501 invalid-yaml',
      'service.yaml:10:15 nodeport-out-of-range',
    ])
    for (const f of of(findings, 'invalid-yaml')) expect(f.message).toBe(DEPTH_MESSAGE)
    expect(exitCode).toBe(1)
  })

  it('reads 500 levels of block mappings and JSON, and refuses 501', async () => {
    write('map-500.yaml', deepBlockMapping(499))
    write('map-501.yaml', deepBlockMapping(500))
    write('json-500.json', `${'['.repeat(500)}${']'.repeat(500)}`)
    write('json-501.json', `${'['.repeat(501)}${']'.repeat(501)}`)
    const {findings} = await lintIn(dir, ['map-500.yaml', 'map-501.yaml', 'json-500.json', 'json-501.json'])
    // deepBlockMapping(n) nests n mappings of `a:` around a last mapping `b: 1`, on line n + 1 at column n + 1.
    expect(of(findings, 'invalid-yaml').map(where)).toEqual(['map-501.yaml:501:501 invalid-yaml', 'json-501.json:1:501 invalid-yaml'])
    // The documents read are not Kubernetes objects; that is all there is to say about them.
    expect(of(findings, 'invalid-object').map((f) => f.file)).toEqual(['map-500.yaml', 'json-500.json'])
  })

  it('takes its limit from limits.maxDepth', async () => {
    const raised = tempDir('depth-raised')
    raised.write('map-600.yaml', deepBlockMapping(600))
    raised.write('.k8s-net.yaml', 'limits:\n  maxDepth: 1000\n')
    expect(of((await lintIn(raised.dir, ['map-600.yaml'])).findings, 'invalid-yaml')).toEqual([])
    const lowered = tempDir('depth-lowered')
    lowered.write('map-20.yaml', deepBlockMapping(20))
    lowered.write('.k8s-net.yaml', 'limits:\n  maxDepth: 10\n')
    const {findings} = await lintIn(lowered.dir, ['map-20.yaml'])
    expect(of(findings, 'invalid-yaml').map((f) => [where(f), f.message])).toEqual([
      ['map-20.yaml:11:11 invalid-yaml', 'document is nested more than 10 levels deep (limits.maxDepth): not read'],
    ])
  })

  it('says so, without a crash, when limits.maxDepth is set past what the parser can recurse', async () => {
    const unbounded = tempDir('depth-unbounded')
    unbounded.write('sequence.yaml', deepBlockSequence(10_000))
    unbounded.write('flow.yaml', deepFlow(10_000))
    unbounded.write('deep.json', deepJson(10_000))
    unbounded.write('.k8s-net.yaml', 'limits:\n  maxDepth: 1000000\n')
    const {findings} = await lintIn(unbounded.dir, ['sequence.yaml', 'flow.yaml', 'deep.json'])
    expect(of(findings, 'invalid-yaml').map((f) => [f.file, f.message])).toEqual([
      ['sequence.yaml', 'document is nested too deeply for the YAML parser (limits.maxDepth is set higher than it can go): not read'],
      ['flow.yaml', 'document is nested too deeply for the YAML parser (limits.maxDepth is set higher than it can go): not read'],
    ])
    // JSON.parse does not recurse: the JSON document is read, and is not an object.
    expect(of(findings, 'invalid-object').map((f) => f.file)).toEqual(['deep.json'])
  })

  it('refuses a 50 MB block mapping 10,000 levels deep by its size, and by its depth once the size is allowed', async () => {
    const big = tempDir('depth-50mb')
    big.write('deep.yaml', deepBlockMapping(10_000))
    const bySize = await lintIn(big.dir, ['deep.yaml'])
    expect(of(bySize.findings, 'invalid-yaml').map((f) => [where(f), f.message])).toEqual([
      ['deep.yaml:1:1 invalid-yaml', expect.stringMatching(/^file is 500\d{5} bytes, over the limit of 33554432 \(limits\.maxFileBytes\): not read$/)],
    ])
    big.write('.k8s-net.yaml', 'limits:\n  maxFileBytes: 67108864\n')
    const byDepth = await lintIn(big.dir, ['deep.yaml'])
    expect(of(byDepth.findings, 'invalid-yaml').map((f) => [where(f), f.message])).toEqual([['deep.yaml:501:501 invalid-yaml', DEPTH_MESSAGE]])
  })
})
