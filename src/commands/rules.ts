import {Command} from '@oclif/core/command'
import * as Flags from '@oclif/core/flags'
import {docsUrl} from '../engine/rule.js'
import {loadRules} from '../engine/registry.js'

export default class Rules extends Command {
  static override summary = 'List every rule with its id, default severity and description.'

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --format json',
    '<%= config.bin %> <%= command.id %> --format markdown',
    '<%= config.bin %> explain nodeport-conflict',
  ]

  static override flags = {
    format: Flags.string({summary: 'Output format: a text table, JSON, or a Markdown table linking each rule\'s page.', options: ['text', 'json', 'markdown'], default: 'text'}),
    json: Flags.boolean({summary: 'Print the rules as JSON (same as --format json).', exclusive: ['format']}),
  }

  public async run(): Promise<void> {
    const {flags} = await this.parse(Rules)
    const rules = (await loadRules()).map((r) => r.meta)
    const format = flags.json ? 'json' : flags.format
    if (format === 'json') {
      const list = rules.map((m) => ({id: m.id, severity: m.severity, category: m.category, description: m.description, docs: docsUrl(m.id), ...(m.requires ? {requires: m.requires} : {})}))
      process.stdout.write(`${JSON.stringify(list, null, 2)}\n`)
      return
    }

    if (format === 'markdown') {
      const {rulesIndexMarkdown} = await import('../docs/rule-docs.js')
      process.stdout.write(rulesIndexMarkdown(rules, docsUrl))
      return
    }

    const width = Math.max(...rules.map((m) => m.id.length))
    for (const m of rules) process.stdout.write(`${m.id.padEnd(width)}  ${m.severity.padEnd(7)}  ${m.description}\n`)
  }
}
