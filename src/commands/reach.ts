import * as Args from '@oclif/core/args'
import {Command} from '@oclif/core/command'
import * as Flags from '@oclif/core/flags'
import {ConfigError} from '../config/config.js'
import {useColor} from '../formatters/color.js'
import {InputError} from '../loaders/sources.js'
import {reachFiles} from '../run.js'
import {INPUT_FLAGS, inputOptions} from './map.js'

export default class Reach extends Command {
  static override summary = 'Can SOURCE reach TARGET? yes, no or unknown, with the deciding policy rule at each tier.'

  static override description = `SOURCE: internet, private, nodes (through the ways in the input exposes), cluster (any pod), ns/NAMESPACE (any pod of it), KIND/NAMESPACE/NAME (a workload's pods) or NAMESPACE/LABEL=VALUE,... (pods with those labels).
TARGET: KIND/NAMESPACE/NAME (a workload, or Service/NAMESPACE/NAME for the workloads it selects) or NAMESPACE/LABEL=VALUE,..., then optionally :PORT (a number or a container port name) and /PROTOCOL (TCP by default).

Policies read: ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2; Admin tier, then NetworkPolicy, then Baseline; another version, AdminNetworkPolicy and BaselineAdminNetworkPolicy are not read and leave the answer unknown), NetworkPolicy with Cilium policies (their ingress allows added to the NetworkPolicies', ingressDeny winning), and Calico policies as far as k8s-net reads them. Exit code 0 when answered (whatever the answer; with --expect, only when the answer is the one expected, else 1), 2 for usage and input errors.`

  static override examples = [
    '<%= config.bin %> <%= command.id %> internet Deployment/shop/web k8s/',
    '<%= config.bin %> <%= command.id %> ns/payments Deployment/shop/db:5432 k8s/ --explain',
    '<%= config.bin %> <%= command.id %> shop/app=web shop/app=db:postgres k8s/ --explain',
    '<%= config.bin %> <%= command.id %> cluster Service/shop/db --cluster',
    '<%= config.bin %> <%= command.id %> internet StatefulSet/shop/postgres k8s/ --expect no',
  ]

  static override strict = false

  static override args = {
    source: Args.string({description: 'who sends: internet, private, nodes, cluster, ns/NAMESPACE, KIND/NAMESPACE/NAME or NAMESPACE/LABEL=VALUE', required: true}),
    target: Args.string({description: 'KIND/NAMESPACE/NAME or NAMESPACE/LABEL=VALUE, then [:PORT[/PROTOCOL]]', required: true}),
    paths: Args.string({description: 'files, directories, glob patterns, or - for standard input'}),
  }

  static override flags = {
    explain: Flags.boolean({summary: 'Show the decision at each policy tier, with the file and line of each rule.'}),
    format: Flags.string({char: 'f', summary: 'Output format.', options: ['text', 'json'], default: 'text'}),
    expect: Flags.string({
      summary: 'Fail (exit 1) unless the answer is this one: a check for CI.',
      description: '`partly` (some ports or pods only) and `unknown` (k8s-net cannot decide) are neither yes nor no: they fail either expectation.',
      options: ['yes', 'no'],
    }),
    ...INPUT_FLAGS,
  }

  public async run(): Promise<void> {
    const {args, argv, flags} = await this.parse(Reach)
    const paths = (argv as string[]).slice(2)
    const options = inputOptions(this, paths, flags)
    // Loaded when this command runs: a lint run never reads them.
    const [{ReachError}, {renderReach}] = await Promise.all([import('../exposure/reach.js'), import('../exposure/render/reach.js')])
    try {
      const answer = await reachFiles({source: args.source, target: args.target}, paths, options)
      process.stdout.write(flags.format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : renderReach(answer, {explain: flags.explain, color: useColor(flags.color)}))
      if (flags.expect !== undefined && answer.answer !== flags.expect) {
        process.stderr.write(`expected ${flags.expect}, the answer is ${answer.answer}\n`)
        process.exitCode = 1
      }
    } catch (error) {
      if (error instanceof InputError || error instanceof ConfigError || error instanceof ReachError) this.error(error.message, {exit: 2})
      throw error
    }
  }
}
