/** The manifests under a folder, sorted, as the linters find them: .yaml, .yml and .json files, hidden folders and node_modules left out. */
import {readdirSync, statSync} from 'node:fs'
import path from 'node:path'

export function manifestFiles(input: string): string[] {
  return statSync(input).isDirectory() ? walk(input, []) : [input]
}

function walk(dir: string, out: string[]): string[] {
  const entries = readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const e of entries) {
    const full = path.join(dir, e.name)
    if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') walk(full, out)
    else if (e.isFile() && /\.(ya?ml|json)$/i.test(e.name)) out.push(full)
  }

  return out
}

