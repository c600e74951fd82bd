import {existsSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {REPO} from './rule-tester.js'

/**
 * The shared corpus of real-world manifests, when this checkout has it beside
 * it (K8S_NET_CORPUS, else ../shared/corpus). A user's own clone does not:
 * tests that need it skip, saying so.
 */
export const CORPUS: string | undefined = [process.env.K8S_NET_CORPUS, path.resolve(REPO, '../shared/corpus'), '/work/shared/corpus'].find(
  (dir): dir is string => dir !== undefined && dir !== '' && existsSync(dir),
)

export const CORPUS_MISSING = 'skipped: the shared manifest corpus (../shared/corpus or K8S_NET_CORPUS) is not present'

/** The YAML files of the corpus, in a stable order. */
export function corpusYamlFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (/\.ya?ml$/.test(name)) files.push(full)
    }
  }

  if (CORPUS) walk(CORPUS)
  return files
}
