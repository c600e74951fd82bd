import * as Args from '@oclif/core/args'
import {Command} from '@oclif/core/command'
import * as Flags from '@oclif/core/flags'
import path from 'node:path'
import {ConfigError} from '../config/config.js'
import type {Severity, SeverityLevel} from '../engine/types.js'
import {FORMAT_NAMES, FORMATS_WITH_FIXES} from '../formatters/index.js'
import {OutputError, planOutputs, renderOutputs, writeOutputs} from '../formatters/outputs.js'
import {repositoryRoot} from '../formatters/paths.js'
import {escapeControl} from '../util/terminal.js'
import {InputError} from '../loaders/sources.js'
import {readStreamBounded} from '../util/bytes.js'
import {exitCodeFor, lintFiles} from '../run.js'
import {useColor} from '../formatters/color.js'

export default class Lint extends Command {
  static override summary = 'Lint Kubernetes manifests for network exposure problems.'

  static override description = `Reads YAML or JSON manifests (multi-document, List kinds) from files, directories, glob patterns, or standard input with "-", and reports findings at their line and column.

With --cluster, lints the live cluster of the kubeconfig context instead (GET requests only; Secrets and ConfigMaps are never read), or, with paths, uses it as reference for them. The kubeconfig context is --kube-context: --context names reference manifests.

Exit codes: 0 when no finding is at or above --fail-on; 1 when one is, or when warnings exceed --max-warnings; 2 for usage, config and input errors.`

  static override examples = [
    '<%= config.bin %> <%= command.id %> k8s/',
    'helm template . | <%= config.bin %> <%= command.id %> -',
    'helm template chart | <%= config.bin %> <%= command.id %> - --stdin-filename chart/rendered.yaml --format sarif=k8s-net.sarif',
    '<%= config.bin %> <%= command.id %> k8s/policies.yaml --context k8s/',
    '<%= config.bin %> <%= command.id %> k8s/ --format json --fail-on warning',
    '<%= config.bin %> <%= command.id %> k8s/ --format stylish --format sarif=k8s-net.sarif',
    '<%= config.bin %> <%= command.id %> k8s/ --format junit --output-file k8s-net.xml',
    '<%= config.bin %> <%= command.id %> --cluster',
    '<%= config.bin %> <%= command.id %> --cluster --kube-context prod -n shop -n payments',
    'helm template . | <%= config.bin %> <%= command.id %> - --cluster',
  ]

  static override strict = false

  static override args = {
    paths: Args.string({description: 'files, directories, glob patterns, or - for standard input'}),
  }

  static override flags = {
    format: Flags.string({
      char: 'f',
      summary: `Output format: ${FORMAT_NAMES.join(', ')} (default stylish). Repeat it for several reports; NAME=FILE writes one to a file.`,
      description: 'Each --format is NAME or NAME=FILE. A format without =FILE goes to --output-file when given, else to standard output; only one can. Example: --format stylish --format sarif=k8s-net.sarif prints findings and writes SARIF in one run.',
      multiple: true,
      multipleNonGreedy: true,
      helpValue: 'NAME[=FILE]',
    }),
    'output-file': Flags.string({char: 'o', summary: 'Write the report of the --format without =FILE to this file instead of standard output.'}),
    'stdin-filename': Flags.string({summary: 'The file name standard input stands for, in findings of every format and in config exemptions (with -).', helpValue: 'FILE'}),
    'sarif-root': Flags.string({
      summary: 'The folder SARIF file locations are relative to (%SRCROOT%); default: the git repository holding the input, else the working directory.',
      helpValue: 'DIR',
    }),
    config: Flags.string({char: 'c', summary: 'Config file (default: .k8s-net.yaml found from the working directory upward).'}),
    context: Flags.string({
      summary: 'Manifests to use as reference only: they resolve selectors and references, findings are not reported on them.',
      multiple: true,
      multipleNonGreedy: true,
    }),
    namespace: Flags.string({
      char: 'n',
      summary: 'Namespace for objects that set none (default: default). With --cluster: read this namespace only; repeat it for several.',
      multiple: true,
      multipleNonGreedy: true,
    }),
    cluster: Flags.boolean({summary: 'Lint the live cluster of the kubeconfig context (read only). With paths, the cluster is reference for them.'}),
    kubeconfig: Flags.string({summary: 'Kubeconfig file for --cluster (default: KUBECONFIG, else ~/.kube/config).', dependsOn: ['cluster']}),
    'kube-context': Flags.string({
      summary: 'Kubeconfig context for --cluster (default: its current-context). Not --context, which names reference manifests.',
      dependsOn: ['cluster'],
    }),
    'request-timeout': Flags.string({summary: 'Deadline of each request to the cluster: 30s (default), 1m, 500ms; 0 for none.', dependsOn: ['cluster']}),
    'fail-on': Flags.string({summary: 'Lowest severity that makes the run fail (exit 1).', options: ['error', 'warning', 'info'], default: 'error'}),
    'max-warnings': Flags.integer({summary: 'Fail (exit 1) when there are more warnings than this.', min: 0}),
    rule: Flags.string({summary: 'Set a rule\'s severity, over the config file: --rule nodeport-exposed=off.', multiple: true, multipleNonGreedy: true}),
    'node-port-range': Flags.string({summary: 'The cluster\'s node port range (default 30000-32767).'}),
    'kube-version': Flags.string({summary: 'Kubernetes version the manifests are for, such as 1.33: deprecated and removed APIs are judged against it (default: kubeVersion in the config file, else the cluster\'s with --cluster, else the newest k8s-net knows).'}),
    cache: Flags.boolean({summary: 'Reuse what the last run with --cache found when nothing changed, else the parsed documents and located ranges of unchanged files.'}),
    'cache-location': Flags.string({
      summary: 'Cache file, or folder to hold it (default: node_modules/.cache/k8s-net/ found upward from the working directory, else the system cache folder).',
      dependsOn: ['cache'],
    }),
    color: Flags.boolean({summary: 'Colour the output (default: when writing to a terminal and NO_COLOR is unset).', allowNo: true}),
  }

  public async run(): Promise<void> {
    const {argv, flags} = await this.parse(Lint)
    const paths = argv as string[]
    if (paths.length === 0 && !flags.cluster) {
      this.error('no input: pass files, directories or glob patterns to lint, - to read standard input (helm template . | k8s-net lint -), or --cluster', {exit: 2})
    }

    const namespaces = flags.namespace ?? []
    if (paths.length > 0 && namespaces.length > 1) {
      this.error('--namespace takes one value when linting files: the namespace of objects that set none (several are for --cluster alone)', {exit: 2})
    }

    if (flags['stdin-filename'] !== undefined && !paths.includes('-')) {
      this.error('--stdin-filename names standard input: lint - --stdin-filename FILE', {exit: 2})
    }

    const ruleOverrides: Record<string, SeverityLevel> = {}
    for (const entry of flags.rule ?? []) {
      const at = entry.indexOf('=')
      const [id, severity] = at === -1 ? [entry, undefined] : [entry.slice(0, at), entry.slice(at + 1)]
      if (!id || !severity) this.error(`--rule takes id=severity, not ${entry}`, {exit: 2})
      ruleOverrides[id!] = severity as SeverityLevel
    }

    try {
      const outputs = planOutputs(flags.format, flags['output-file'])
      const {result, rules, config} = await lintFiles(paths, {
        configFile: flags.config,
        contextPaths: flags.context,
        namespace: paths.length > 0 ? namespaces[0] : undefined,
        overrides: {rules: ruleOverrides, nodePortRange: flags['node-port-range'], kubeVersion: flags['kube-version']},
        readStdin,
        stdinFilename: flags['stdin-filename'],
        fixes: outputs.some((o) => FORMATS_WITH_FIXES.has(o.format)),
        cache: flags.cache ? {location: flags['cache-location'], version: this.config.version, onWarning: (message) => this.warn(message)} : undefined,
        cluster: flags.cluster
          ? {
              kubeconfig: flags.kubeconfig,
              context: flags['kube-context'],
              namespaces,
              requestTimeout: flags['request-timeout'],
              onWarning: (message) => this.warn(escapeControl(message)),
            }
          : undefined,
      })
      for (const warning of config.warnings) this.warn(warning)
      const failOn = flags['fail-on'] as Severity
      const rendered = renderOutputs(result, outputs, {
        color: useColor(flags.color),
        cwd: process.cwd(),
        sourceRoot: flags['sarif-root'] === undefined ? repositoryRoot(paths.find((p) => p !== '-') ?? '.') : path.resolve(flags['sarif-root']),
        rules: rules.map((r) => r.meta),
        failOn,
        toolVersion: this.config.version,
      })
      await writeOutputs(rendered, (text) => process.stdout.write(text))
      process.exitCode = exitCodeFor(result, failOn, flags['max-warnings'])
    } catch (error) {
      if (error instanceof InputError || error instanceof ConfigError || error instanceof OutputError) this.error(escapeControl(error.message), {exit: 2})
      throw error
    }
  }
}

export async function readStdin(maxBytes: number): Promise<Buffer> {
  if (process.stdin.isTTY) throw new InputError('"-" reads manifests from standard input, but standard input is a terminal: pipe them in (helm template . | k8s-net lint -)')
  // Bytes, not text: the loader checks them as it checks files (size, binary, UTF-8). Reading stops past the limit.
  return readStreamBounded(process.stdin, maxBytes)
}
