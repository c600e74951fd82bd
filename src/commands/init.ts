import path from 'node:path'
import {Command} from '@oclif/core/command'
import {loadRules} from '../engine/registry.js'

export default class Init extends Command {
  static override summary = 'Write a commented .k8s-net.yaml and print the pre-commit and GitHub Actions set-ups.'

  static override description =
    'Writes .k8s-net.yaml in the working directory, listing every rule with its default severity and every setting, commented out. It never overwrites a config file: if one exists, it exits with code 2.'

  static override examples = ['<%= config.bin %> <%= command.id %>']

  public async run(): Promise<void> {
    await this.parse(Init)
    // Loaded when this command runs: a lint run never reads it.
    const {configTemplate, InitError, setupSnippets, writeConfigFile} = await import('../init/init.js')
    const rules = await loadRules()
    let written: string
    try {
      written = await writeConfigFile(process.cwd(), configTemplate(rules.map((r) => r.meta)))
    } catch (error) {
      if (error instanceof InitError) this.error(error.message, {exit: 2})
      throw error
    }

    const lines = [`Wrote ${path.relative(process.cwd(), written) || written}: every rule with its default severity, and every setting, commented out.`, '']
    for (const s of await setupSnippets()) lines.push(`${s.title} (${s.target}):`, '', s.text.trimEnd(), '')
    lines.push('More: https://github.com/k8s-net/k8s-net#ci-and-pre-commit')
    process.stdout.write(`${lines.join('\n')}\n`)
  }
}
