/**
 * The fuzzer shared by test/fuzz.test.ts (a few hundred cases) and
 * bench/fuzz.ts (`npm run fuzz`, many thousands): a seeded PRNG, mutations
 * of manifest text, and the checks every mutated input must pass when linted
 * through the library.
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {resolveConfig} from '../../src/config/config.js'
import {lint, type LintResult} from '../../src/engine/engine.js'
import type {Rule} from '../../src/engine/rule.js'
import {LoadedInput, loadText} from '../../src/loaders/sources.js'

/** mulberry32: a small, fast, seeded PRNG; returns numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d_2b_79_f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

type Random = () => number
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!
const int = (random: Random, max: number): number => Math.floor(random() * max)

/** Characters and fragments that YAML parsers, and the code after them, trip on. */
const SPECIAL = [
  '\t', '\r', '\r\n', '\n', '\0', '\u0007', '\uFEFF', '\uD800', 'é', '😀', '\\', '"', "'", ':', ': ', '- ', '? ', '#', '|', '>', '|-', '[', ']', '{', '}', ',',
  '&a ', '*a', '*nowhere', '<<: *a', '<<: [*a, *a]', '!!binary ', '!!str ', '!!int ', '!custom ', '%YAML 1.2\n', '---\n', '...\n', '--- ', '{{ .Values.x }}', '{{- if .Values.y }}',
  '0x1F', '0o17', '.nan', '-.inf', '1e999', '99999999999999999999', '-0', '~', 'null', 'yes', 'on', '2001-12-14', '    ', ' '.repeat(60),
]

/** What a scalar may become: other types, edges of numbers, aliases. */
const VALUES = ['[]', '{}', 'null', '~', '""', '"x"', "'80'", '-1', '0', '65536', '99999999999999999999', '1e308', '-1e308', '3.5', 'true', 'NO', '[1, [2, [3]]]', '{a: {b: c}}', '[a: 1]', '{a, b: c}', '&x [*x]', '*missing', '!!binary aGk=', '|\n  text', '>-\n  folded']

export type Mutation = (text: string, random: Random) => string

export const MUTATIONS: Record<string, Mutation> = {
  'delete a line'(text, random) {
    const lines = text.split('\n')
    lines.splice(int(random, lines.length), 1)
    return lines.join('\n')
  },
  'duplicate a line'(text, random) {
    const lines = text.split('\n')
    const i = int(random, lines.length)
    lines.splice(i, 0, lines[i]!)
    return lines.join('\n')
  },
  'swap two lines'(text, random) {
    const lines = text.split('\n')
    const i = int(random, lines.length)
    const j = int(random, lines.length)
    ;[lines[i], lines[j]] = [lines[j]!, lines[i]!]
    return lines.join('\n')
  },
  'truncate'(text, random) {
    return text.slice(0, int(random, text.length + 1))
  },
  'insert special characters'(text, random) {
    const at = int(random, text.length + 1)
    return text.slice(0, at) + pick(random, SPECIAL) + text.slice(at)
  },
  'swap a value for another type'(text, random) {
    const lines = text.split('\n')
    const candidates = lines.flatMap((l, i) => (/:\s+\S/.test(l) || /^\s*-\s+\S/.test(l) ? [i] : []))
    if (candidates.length === 0) return text
    const i = pick(random, candidates)
    lines[i] = lines[i]!.replace(/(:\s+|^\s*-\s+)\S.*$/, (_, head: string) => head + pick(random, VALUES))
    return lines.join('\n')
  },
  'change an indentation'(text, random) {
    const lines = text.split('\n')
    const i = int(random, lines.length)
    lines[i] = random() < 0.5 ? ` ${lines[i]}` : lines[i]!.replace(/^ {1,2}/, '')
    return lines.join('\n')
  },
  'nest a value deeply'(text, random) {
    const lines = text.split('\n')
    const candidates = lines.flatMap((l, i) => (/:\s+\S/.test(l) ? [i] : []))
    if (candidates.length === 0) return text
    const i = pick(random, candidates)
    const depth = 1 + int(random, 1500)
    const nested = random() < 0.5 ? `${'['.repeat(depth)}x${']'.repeat(depth)}` : `${'{a: '.repeat(depth)}x${'}'.repeat(depth)}`
    lines[i] = lines[i]!.replace(/:\s+\S.*$/, `: ${nested}`)
    return lines.join('\n')
  },
  'add aliases that multiply'(text, random) {
    const levels = 2 + int(random, 8)
    const bomb = ['x0: &x0 [a, a, a, a, a, a, a, a]']
    for (let l = 1; l < levels; l++) bomb.push(`x${l}: &x${l} [${Array.from({length: 8}, () => `*x${l - 1}`).join(', ')}]`)
    const lines = text.split('\n')
    lines.splice(int(random, lines.length + 1), 0, ...bomb)
    return lines.join('\n')
  },
  'repeat a block'(text, random) {
    const lines = text.split('\n')
    const i = int(random, lines.length)
    const block = lines.slice(i, i + 1 + int(random, 8))
    lines.splice(i, 0, ...block)
    return lines.join('\n')
  },
}

const NAMES = Object.keys(MUTATIONS)

/** One to four mutations of a text; returns the text and what was done. */
export function mutate(text: string, random: Random): {text: string; applied: string[]} {
  const applied: string[] = []
  let out = text
  for (let n = 1 + int(random, 4); n > 0; n--) {
    const name = pick(random, NAMES)
    applied.push(name)
    out = MUTATIONS[name]!(out, random)
  }

  return {text: out, applied}
}

/** The manifests to mutate from the corpus, if there is one: YAML and JSON files up to `maxBytes`, sorted. */
export function corpusFiles(maxBytes: number): string[] {
  // The repository: the first folder up with a package.json (this file also runs compiled, from dist/test/support).
  let repo = import.meta.dirname
  while (!existsSync(path.join(repo, 'package.json')) && path.dirname(repo) !== repo) repo = path.dirname(repo)
  const candidates = [process.env.K8S_NET_CORPUS, path.resolve(repo, '../shared/corpus'), '/work/shared/corpus']
  const root = candidates.find((c): c is string => c !== undefined && c !== '' && existsSync(c))
  if (!root) return []
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name)
      const info = statSync(full)
      if (info.isDirectory()) walk(full)
      else if (/\.(ya?ml|json)$/.test(name) && info.size <= maxBytes) out.push(full)
    }
  }

  walk(root)
  return out
}

export const readText = (file: string): string => readFileSync(file, 'utf8')

/** Lints one text with every rule, as a file of that name; never throws unless k8s-net does. */
export async function lintOne(rules: readonly Rule[], name: string, text: string): Promise<LintResult> {
  const config = resolveConfig({}, rules)
  const input = new LoadedInput()
  loadText(input, name, text, {limits: config.settings.limits})
  return lint(input, config, rules)
}

/** What is wrong with a lint result of a text: internal errors, positions outside the text. Empty when all is well. */
export function problemsWith(result: LintResult, text: string): string[] {
  const problems: string[] = []
  const lines = text.split('\n').length
  for (const f of result.findings) {
    if (f.message.startsWith('internal error')) problems.push(f.message)
    for (const at of [f.start, f.end]) {
      if (at && (!Number.isInteger(at.line) || !Number.isInteger(at.column) || at.line < 1 || at.line > lines + 1 || at.column < 1)) {
        problems.push(`${f.ruleId} at ${at.line}:${at.column}, outside a text of ${lines} lines: ${f.message}`)
      }
    }

    if (f.start && f.end && (f.end.line < f.start.line || (f.end.line === f.start.line && f.end.column < f.start.column))) {
      problems.push(`${f.ruleId} ends (${f.end.line}:${f.end.column}) before it starts (${f.start.line}:${f.start.column})`)
    }

    if (f.message.trim() === '') problems.push(`${f.ruleId} has an empty message`)
  }

  return problems
}
