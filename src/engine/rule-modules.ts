/**
 * The modules of `rules/`, by file name, read from the folder: adding
 * `rules/<id>.ts` adds the rule. The bundle (`npm run bundle`) replaces this
 * module with static imports of the same files, as it has no folder to read.
 */
import {readdirSync} from 'node:fs'

const RULES_DIR = new URL('../../rules/', import.meta.url)
const MODULE = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:ts|js)$/

export async function ruleModules(): Promise<Array<[file: string, module: unknown]>> {
  const files = readdirSync(RULES_DIR).filter((f) => MODULE.test(f))
  return Promise.all(files.map(async (file): Promise<[string, unknown]> => [file, await import(new URL(file, RULES_DIR).href)]))
}
