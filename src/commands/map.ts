import * as Args from '@oclif/core/args'
import {Command} from '@oclif/core/command'
import * as Flags from '@oclif/core/flags'
import {ConfigError} from '../config/config.js'
import {EXPOSURE_CLASSES, type ExposureClass} from '../exposure/model.js'
import {MAP_FORMATS, type MapFormat, renderMap} from '../exposure/render/index.js'
import {useColor} from '../formatters/color.js'
import {InputError} from '../loaders/sources.js'
import {type LintFilesOptions, mapFiles} from '../run.js'
import {readStdin} from './lint.js'

/** The input flags `map` and `reach` share with `lint`: reference manifests, namespace, a live cluster. */
export const INPUT_FLAGS = {
  config: Flags.string({char: 'c', summary: 'Config file (default: .k8s-net.yaml found from the working directory upward): podTemplates and limits.'}),
  context: Flags.string({summary: 'Manifests to read as reference too.', multiple: true, multipleNonGreedy: true}),
  namespace: Flags.string({
    char: 'n',
    summary: 'Namespace for objects that set none (default: default). With --cluster: read this namespace only; repeat it for several.',
    multiple: true,
    multipleNonGreedy: true,
  }),
  cluster: Flags.boolean({summary: 'Read the live cluster of the kubeconfig context (read only). With paths, the cluster is reference for them.'}),
  kubeconfig: Flags.string({summary: 'Kubeconfig file for --cluster (default: KUBECONFIG, else ~/.kube/config).', dependsOn: ['cluster']}),
  'kube-context': Flags.string({summary: 'Kubeconfig context for --cluster (default: its current-context).', dependsOn: ['cluster']}),
  'request-timeout': Flags.string({summary: 'Deadline of each request to the cluster: 30s (default), 1m, 500ms; 0 for none.', dependsOn: ['cluster']}),
  color: Flags.boolean({summary: 'Colour the output (default: when writing to a terminal and NO_COLOR is unset).', allowNo: true}),
}

type InputFlags = {
  config?: string
  context?: string[]
  namespace?: string[]
  cluster: boolean
  kubeconfig?: string
  'kube-context'?: string
  'request-timeout'?: string
}

/** The library's load options from the input flags; a usage error as a message, for the command to raise. */
export function inputOptions(command: Command, paths: readonly string[], flags: InputFlags): LintFilesOptions {
  if (paths.length === 0 && !flags.cluster) {
    command.error('no input: pass files, directories or glob patterns, - to read standard input (helm template . | k8s-net map -), or --cluster', {exit: 2})
  }

  const namespaces = flags.namespace ?? []
  if (paths.length > 0 && namespaces.length > 1) command.error('--namespace takes one value when reading files (several are for --cluster alone)', {exit: 2})
  return {
    configFile: flags.config,
    contextPaths: flags.context,
    namespace: paths.length > 0 ? namespaces[0] : undefined,
    readStdin,
    cluster: flags.cluster
      ? {kubeconfig: flags.kubeconfig, context: flags['kube-context'], namespaces, requestTimeout: flags['request-timeout'], onWarning: (message) => command.warn(message)}
      : undefined,
  }
}

export default class Map extends Command {
  static override summary = 'Show how each workload is reached: from the internet, a private network, the nodes, the cluster, and which policy decides.'

  static override description = `For each workload, every path that reaches it from outside its namespace (LoadBalancer and NodePort Services, externalIPs, hostPort, Ingresses through their controller, Gateways and their routes), with hosts, paths, ports and TLS, and the policy verdict on each hop into pods: admitted (by which rule), blocked, open (no policy selects the pods) or unknown. Grouped by the widest source: internet, private network, nodes' network, cluster, namespace only.

Where the input lacks an object the answer needs (an ingress controller, a Gateway), the path says "unknown: no ... in the input" rather than guessing. The JSON format is documented in docs/map-format.md.`

  static override examples = [
    '<%= config.bin %> <%= command.id %> k8s/',
    '<%= config.bin %> <%= command.id %> k8s/ --from internet',
    '<%= config.bin %> <%= command.id %> k8s/ --workload shop/web --format json',
    '<%= config.bin %> <%= command.id %> k8s/ --format mermaid > map.mmd',
    '<%= config.bin %> <%= command.id %> --cluster --kube-context prod --format dot | dot -Tsvg > map.svg',
  ]

  static override strict = false

  static override args = {
    paths: Args.string({description: 'files, directories, glob patterns, or - for standard input'}),
  }

  static override flags = {
    format: Flags.string({char: 'f', summary: 'Output format.', options: [...MAP_FORMATS], default: 'text'}),
    workload: Flags.string({summary: 'One workload: NAMESPACE/NAME or KIND/NAMESPACE/NAME.', helpValue: 'NS/NAME'}),
    from: Flags.string({summary: 'Paths from this source only.', options: [...EXPOSURE_CLASSES]}),
    ...INPUT_FLAGS,
  }

  public async run(): Promise<void> {
    const {argv, flags} = await this.parse(Map)
    const paths = argv as string[]
    const options = inputOptions(this, paths, flags)
    try {
      const report = await mapFiles(paths, {...options, workload: flags.workload, from: flags.from as ExposureClass | undefined})
      if (flags.workload && report.workloads.length === 0 && !flags.from) this.error(`no workload ${flags.workload} in the input`, {exit: 2})
      process.stdout.write(renderMap(report, flags.format as MapFormat, {color: useColor(flags.color)}))
    } catch (error) {
      if (error instanceof InputError || error instanceof ConfigError) this.error(error.message, {exit: 2})
      throw error
    }
  }
}
