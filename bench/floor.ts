/**
 * The single-threaded floor as a whole process: `node dist/bench/floor.js
 * DIR...` walks the folders for .yaml, .yml and .json files and reads each
 * with js-yaml 4's `loadAll`, nothing else: what any linter in Node that
 * reads YAML must pay, start-up included.
 */
import {readFileSync} from 'node:fs'
import jsYaml from 'js-yaml'
import {manifestFiles} from './manifests.js'

let documents = 0
let failed = 0
for (const input of process.argv.slice(2)) {
  for (const file of manifestFiles(input)) {
    try {
      jsYaml.loadAll(readFileSync(file, 'utf8'), () => documents++)
    } catch {
      failed++
    }
  }
}

process.stdout.write(`${JSON.stringify({documents, failed})}\n`)
