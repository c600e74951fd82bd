/**
 * `k8s-net init`: a commented `.k8s-net.yaml` to start from, and the
 * pre-commit and GitHub Actions set-ups, read from the docs shipped with the
 * package (docs/ci/) so that what init prints and what the docs show are one text.
 */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {CONFIG_FILE_NAMES, DEFAULT_SYSTEM_NAMESPACES} from '../config/config.js'
import {packageRoot} from '../util/package-root.js'
import type {OptionSpec, RuleMeta} from '../engine/rule.js'
import {DEFAULT_LIMITS} from '../loaders/documents.js'

export const CONFIG_FILE = CONFIG_FILE_NAMES[0]!

/** The config file already exists (init never overwrites one): exit 2. */
export class InitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InitError'
  }
}

const optionValue = (spec: OptionSpec): string => JSON.stringify(spec.default)

/**
 * The commented config. Prose comments start with a capital letter; commented
 * settings start with a lowercase key or a deeper indent, so removing their
 * `# ` gives a working config (a test does exactly that).
 */
export function configTemplate(rules: readonly RuleMeta[]): string {
  const out = [
    '# k8s-net configuration. k8s-net finds this file from the working directory upward;',
    '# --config names another. Command-line flags (--rule, --node-port-range) win over it.',
    '',
    '# Severity of each rule: off, info, warning or error. Every rule is listed with its',
    '# default; uncomment a line to change it. `k8s-net explain <rule-id>` says what a rule checks.',
    'rules:',
  ]
  for (const m of rules) {
    const options = Object.entries(m.options ?? {})
    if (options.length === 0) {
      out.push(`  # ${m.id}: ${m.severity}`)
      continue
    }

    out.push(`  # ${m.id}:`, `  #   severity: ${m.severity}`, '  #   options:')
    for (const [name, spec] of options) out.push(`  #     ${name}: ${optionValue(spec)}`)
  }

  out.push(
    '',
    '# Exemptions drop findings: for third-party charts and deliberate exceptions. Every',
    '# criterion given must match; a list matches when any of its entries does. Names and',
    '# paths are glob patterns (paths relative to this file\'s folder). To silence one rule',
    '# on one object, annotate the object',
    '# instead, with the reason as the value: ignore.k8s-net.io/<rule-id>: "<reason>".',
    'exemptions:',
    `  # - rules: [${rules.find((m) => m.category !== 'input')?.id ?? rules[0]?.id ?? 'rule-id'}]`,
    '  #   namespaces: [legacy]',
    '  #   kinds: [Service]',
    '  #   names: ["debug-*"]',
    '  #   paths: ["vendor/**"]',
    '  #   reason: owned by the platform team',
    '',
    "# The cluster's node port range (the API server's --service-node-port-range).",
    '# nodePortRange: 30000-32767',
    '',
    '# Namespaces that namespace-level rules skip.',
    `# systemNamespaces: [${DEFAULT_SYSTEM_NAMESPACES.join(', ')}]`,
    '',
    '# Custom resources that carry a pod template, so that the Services and policies that',
    '# select their pods are checked (Deployments, StatefulSets, Jobs and the like are known).',
    '# podTemplates:',
    '#   - kind: Rollout',
    '#     group: argoproj.io',
    '#     path: spec.template',
    '',
    '# Input limits: files larger, or documents expanding further, are reported, not read.',
    '# limits:',
    ...Object.entries(DEFAULT_LIMITS).map(([k, v]) => `#   ${k}: ${v}`),
  )
  return `${out.join('\n')}\n`
}

/** Writes the config into `dir`; refuses when a config file is there already. */
export async function writeConfigFile(dir: string, text: string): Promise<string> {
  for (const name of CONFIG_FILE_NAMES) {
    const existing = path.join(dir, name)
    try {
      await readFile(existing)
      throw new InitError(`${name} exists already: k8s-net init never overwrites it. Remove or rename it to start afresh.`)
    } catch (error) {
      if (error instanceof InitError) throw error
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new InitError(`cannot read ${name}: ${(error as Error).message}`)
    }
  }

  const file = path.join(dir, CONFIG_FILE)
  try {
    // `wx`: fail rather than overwrite, should the file appear meanwhile.
    await writeFile(file, text, {flag: 'wx'})
  } catch (error) {
    throw new InitError(`cannot write ${CONFIG_FILE}: ${(error as Error).message}`)
  }

  return file
}

export interface Snippet {
  title: string
  /** Where the snippet goes in the user's repository. */
  target: string
  text: string
}

/** The set-up snippets shipped in docs/ci/. */
export async function setupSnippets(root = packageRoot()): Promise<Snippet[]> {
  const read = (file: string): Promise<string> => readFile(path.join(root, 'docs', 'ci', file), 'utf8')
  return [
    {title: 'pre-commit', target: '.pre-commit-config.yaml', text: await read('pre-commit-config.yaml')},
    {title: 'GitHub Actions, findings as code scanning alerts', target: '.github/workflows/k8s-net.yml', text: await read('github-actions.yml')},
  ]
}
