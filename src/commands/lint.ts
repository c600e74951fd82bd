import {Args, Command, Flags} from '@oclif/core'
import {writeFile} from 'node:fs/promises'
import {ConfigError} from '../config/config.js'
import type {Severity, SeverityLevel} from '../engine/types.js'
import {FORMAT_NAMES, FORMATTERS, type FormatName} from '../formatters/index.js'
import {InputError} from '../loaders/sources.js'
import {exitCodeFor, lintFiles} from '../run.js'
import {useColor} from '../formatters/color.js'

export default class Lint extends Command {
  static override summary = 'Lint Kubernetes manifests for network exposure problems.'

  static override description = `Reads YAML or JSON manifests (multi-document, List kinds) from files, directories, glob patterns, or standard input with "-", and reports findings at their line and column.

Exit codes: 0 when no finding is at or above --fail-on; 1 when one is, or when warnings exceed --max-warnings; 2 for usage, config and input errors.`

  static override examples = [
    '<%= config.bin %> <%= command.id %> k8s/',
    'helm template . | <%= config.bin %> <%= command.id %> -',
    '<%= config.bin %> <%= command.id %> k8s/policies.yaml --context k8s/',
    '<%= config.bin %> <%= command.id %> k8s/ --format json --fail-on warning',
  ]

  static override strict = false

  static override args = {
    paths: Args.string({description: 'files, directories, glob patterns, or - for standard input'}),
  }

  static override flags = {
    format: Flags.string({char: 'f', summary: 'Output format.', options: FORMAT_NAMES, default: 'stylish'}),
    'output-file': Flags.string({char: 'o', summary: 'Write the report to this file instead of standard output.'}),
    config: Flags.string({char: 'c', summary: 'Config file (default: .k8s-net.yaml found from the working directory upward).'}),
    context: Flags.string({
      summary: 'Manifests to use as reference only: they resolve selectors and references, findings are not reported on them.',
      multiple: true,
    }),
    namespace: Flags.string({char: 'n', summary: 'Namespace for objects that set none (default: default).'}),
    'fail-on': Flags.string({summary: 'Lowest severity that makes the run fail (exit 1).', options: ['error', 'warning', 'info'], default: 'error'}),
    'max-warnings': Flags.integer({summary: 'Fail (exit 1) when there are more warnings than this.', min: 0}),
    rule: Flags.string({summary: 'Set a rule\'s severity, over the config file: --rule nodeport-exposed=off.', multiple: true}),
    'node-port-range': Flags.string({summary: 'The cluster\'s node port range (default 30000-32767).'}),
    color: Flags.boolean({summary: 'Colour the output (default: when writing to a terminal and NO_COLOR is unset).', allowNo: true}),
  }

  public async run(): Promise<void> {
    const {argv, flags} = await this.parse(Lint)
    const paths = argv as string[]
    if (paths.length === 0) {
      this.error('no input: pass files, directories or glob patterns to lint, or - to read standard input (helm template . | k8s-net lint -)', {exit: 2})
    }

    const ruleOverrides: Record<string, SeverityLevel> = {}
    for (const entry of flags.rule ?? []) {
      const [id, severity] = entry.split('=')
      if (!id || !severity) this.error(`--rule takes id=severity, not ${entry}`, {exit: 2})
      ruleOverrides[id!] = severity as SeverityLevel
    }

    try {
      const {result, rules} = await lintFiles(paths, {
        configFile: flags.config,
        contextPaths: flags.context,
        namespace: flags.namespace,
        overrides: {rules: ruleOverrides, nodePortRange: flags['node-port-range']},
        readStdin,
      })
      const failOn = flags['fail-on'] as Severity
      const output = FORMATTERS[flags.format as FormatName](result, {
        color: flags['output-file'] ? false : useColor(flags.color),
        cwd: process.cwd(),
        rules: rules.map((r) => r.meta),
        failOn,
      })
      if (flags['output-file']) await writeFile(flags['output-file'], output)
      else process.stdout.write(output)
      process.exitCode = exitCodeFor(result, failOn, flags['max-warnings'])
    } catch (error) {
      if (error instanceof InputError || error instanceof ConfigError) this.error(error.message, {exit: 2})
      throw error
    }
  }
}

async function readStdin(): Promise<Buffer> {
  if (process.stdin.isTTY) throw new InputError('"-" reads manifests from standard input, but standard input is a terminal: pipe them in (helm template . | k8s-net lint -)')
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  // Bytes, not text: the loader checks them as it checks files (size, binary, UTF-8).
  return Buffer.concat(chunks)
}
