import {describe, expect, it} from 'vitest'
import {escapeData, escapeProperty, github} from '../../src/formatters/github.js'
import {canonicalOptions, canonicalResult} from '../support/results.js'

/** Reads a workflow command back as the runner does: command, properties (unescaped), message (unescaped). */
function parseCommand(line: string): {command: string; properties: Record<string, string>; message: string} {
  const m = /^::(\w+) ?([^:]*)::(.*)$/.exec(line)
  if (!m) throw new Error(`not a workflow command: ${line}`)
  const unescape = (s: string, property: boolean): string => {
    let out = s.replaceAll('%0D', '\r').replaceAll('%0A', '\n')
    if (property) out = out.replaceAll('%3A', ':').replaceAll('%2C', ',')
    return out.replaceAll('%25', '%')
  }

  const properties: Record<string, string> = {}
  for (const pair of m[2] ? m[2].split(',') : []) {
    const eq = pair.indexOf('=')
    properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true)
  }

  return {command: m[1]!, properties, message: unescape(m[3]!, false)}
}

describe('github', () => {
  const lines = github(canonicalResult(), canonicalOptions()).trimEnd().split('\n')
  const commands = lines.map((l) => parseCommand(l))

  it('prints one command per finding: ::error, ::warning, ::notice for info', () => {
    expect(lines).toHaveLength(5)
    expect(commands.map((c) => c.command)).toEqual(['error', 'notice', 'warning', 'error', 'warning'])
    expect(commands.map((c) => c.properties.title)).toEqual(['nodeport-conflict', 'loadbalancer-source-ranges', 'ingress-backend-missing', 'invalid-yaml', 'endpoints-not-ready'])
  })

  it('locates findings: relative file, line, column, and an inclusive end column on a one-line range', () => {
    expect(commands[0]!.properties).toEqual({file: 'k8s/services.yaml', line: '27', col: '17', endLine: '27', endColumn: '21', title: 'nodeport-conflict'})
    expect(commands[3]!.properties).toMatchObject({file: 'k8s/broken.yaml', line: '4', col: '9', endLine: '4', endColumn: '9'})
  })

  it('gives lines only for a range over several lines (GitHub takes columns on one line only)', () => {
    expect(commands[1]!.properties).toEqual({file: 'k8s/services.yaml', line: '30', endLine: '33', title: 'loadbalancer-source-ranges'})
  })

  it('names the object when there is no file', () => {
    expect(commands[4]!.properties).toEqual({title: 'endpoints-not-ready'})
    expect(commands[4]!.message).toBe('Service prod/web: no ready endpoint behind Service prod/web (0 of 3 ready)\nits EndpointSlice (EndpointSlice prod/web-x7k2p)')
  })

  it('escapes messages and properties so that they read back exactly', () => {
    expect(commands[1]!.message).toBe('LoadBalancer "web" admits 0.0.0.0/0: 100% of the internet, <all> & "everyone"')
    expect(commands[3]!.message).toBe('bad indentation of a mapping entry:\n    port: 80\n        ^')
    expect(escapeData('100%\r\n')).toBe('100%25%0D%0A')
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A')
    const result = canonicalResult()
    result.findings = [{...result.findings[0]!, file: 'k8s/odd,name:1%.yaml', ruleId: 'r'}]
    const [line] = github(result, canonicalOptions()).trimEnd().split('\n')
    expect(line).toContain('file=k8s/odd%2Cname%3A1%25.yaml,')
    expect(parseCommand(line!).properties.file).toBe('k8s/odd,name:1%.yaml')
  })

  it('prints nothing when there is no finding', () => {
    expect(github({...canonicalResult(), findings: []}, canonicalOptions())).toBe('')
  })
})
