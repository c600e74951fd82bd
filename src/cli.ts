/**
 * The command line: every command by id, for oclif's explicit command
 * strategy, and `run()`, which the executables call. Users run the bundle of
 * this module (`bin/run.cjs` over `lib/cli.cjs`, made by `npm run bundle`);
 * `bin/dev.js` runs it from source and the tests from `dist/`. A test checks
 * that every module in `src/commands/` is listed here.
 */
import {execute} from '@oclif/core/execute'
import {settings} from '@oclif/core/settings'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import Explain from './commands/explain.js'
import Init from './commands/init.js'
import Lint from './commands/lint.js'
import MapCommand from './commands/map.js'
import Reach from './commands/reach.js'
import Rules from './commands/rules.js'
import Wizard from './commands/wizard.js'
import {packageRoot} from './util/package-root.js'

export const COMMANDS = {explain: Explain, init: Init, lint: Lint, map: MapCommand, reach: Reach, rules: Rules, wizard: Wizard}

/**
 * Runs the CLI with the commands of this module, as the file it was loaded
 * from (the bundle, the compiled file or the source), for the package that
 * holds it.
 */
export async function run(options: {development?: boolean} = {}): Promise<void> {
  // Standard output that fails: a closed pipe (| head -1) ends quietly, as oclif lets it; anything else (a full
  // disk, > /dev/full) is one line and exit 2, before oclif's own listener throws it with a stack trace.
  process.stdout.prependListener('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return
    process.stderr.write(`k8s-net: cannot write to standard output: ${error.message}\n`)
    process.exit(2)
  })
  const self = fileURLToPath(import.meta.url)
  const root = packageRoot()
  const pjson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {oclif: Record<string, unknown>}
  // oclif is handed the module to load: no looking for TypeScript sources behind it.
  settings.enableAutoTranspile = false
  const commands = {strategy: 'explicit', target: `./${path.relative(root, self).split(path.sep).join('/')}`, identifier: 'COMMANDS'}
  await execute({development: options.development, loadOptions: {root, pjson: {...pjson, oclif: {...pjson.oclif, commands}}} as never})
}
