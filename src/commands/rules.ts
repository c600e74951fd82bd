import {Command, Flags} from '@oclif/core'
import {loadRules} from '../engine/registry.js'

export default class Rules extends Command {
  static override summary = 'List every rule with its id, default severity and description.'

  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json']

  static override flags = {
    json: Flags.boolean({summary: 'Print the rules as JSON.'}),
  }

  public async run(): Promise<void> {
    const {flags} = await this.parse(Rules)
    const rules = await loadRules()
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(rules.map((r) => ({id: r.meta.id, severity: r.meta.severity, category: r.meta.category, description: r.meta.description})), null, 2)}\n`)
      return
    }

    const width = Math.max(...rules.map((r) => r.meta.id.length))
    for (const r of rules) {
      process.stdout.write(`${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.description}\n`)
    }
  }
}
