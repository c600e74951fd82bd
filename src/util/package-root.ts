/** Where k8s-net's own files are: the repository, or the installed package. */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

let root: string | undefined

/** The directory that holds k8s-net's package.json (the repository, or the installed package). */
export function packageRoot(): string {
  if (root) return root
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as {name?: unknown}).name === 'k8s-net') return (root = dir)
      } catch {
        // Not ours, or not readable: keep looking upward.
      }
    }

    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('cannot find the k8s-net package directory')
    dir = parent
  }
}
