import * as Args from '@oclif/core/args'
import {Command} from '@oclif/core/command'
import {nearestFew} from '../util/suggest.js'
import {loadRules} from '../engine/registry.js'

export default class Explain extends Command {
  static override summary = 'Explain a rule: why it matters, how to fix it, and a bad and a good example.'

  static override description =
    'Prints the rule\'s rationale, remediation and options, then an example it flags (with what k8s-net reports on it) and one it passes, both from the rule\'s test fixtures. Exit code 2 for an unknown rule id.'

  static override examples = ['<%= config.bin %> <%= command.id %> nodeport-conflict', '<%= config.bin %> rules']

  static override args = {
    rule: Args.string({description: 'rule id, as k8s-net rules lists them and findings name them', required: true}),
  }

  public async run(): Promise<void> {
    const {args} = await this.parse(Explain)
    // Loaded when this command runs: a lint run never reads the rule documentation.
    const {ruleDoc, ruleText} = await import('../docs/rule-docs.js')
    const rules = await loadRules()
    // Renamed rules keep their old ids as aliases, here as in config and suppressions.
    const rule = rules.find((r) => r.meta.id === args.rule) ?? rules.find((r) => r.meta.aliases?.includes(args.rule))
    if (!rule) {
      const ids = rules.map((r) => r.meta.id)
      const suggestions = nearestFew(args.rule, ids, 3)
      this.error(`unknown rule ${JSON.stringify(args.rule)}${suggestions.length > 0 ? `: did you mean ${suggestions.join(', ')}?` : ': k8s-net rules lists every rule'}`, {
        exit: 2,
        suggestions: suggestions.map((s) => `k8s-net explain ${s}`),
      })
    }

    process.stdout.write(ruleText(await ruleDoc(rule!)))
  }
}
