/**
 * `npm run bundle`: the CLI and the library as users install them, in `lib/`.
 *
 * esbuild bundles `src/cli.ts` (the commands, for oclif's explicit command
 * strategy) and `src/index.ts` (the library) with the packages they load on
 * every start (oclif, chalk, js-yaml, picomatch, tinyglobby): one file to read
 * instead of about 200 modules, and nothing to build at install time, so that
 * `npm i -g git+…`, `npm i -g <tarball>` and pre-commit's `language: node`
 * install without devDependencies or a compiler. The packages in
 * package.json's `dependencies` stay outside the bundle: they are loaded only
 * when a run needs them (`@inquirer/prompts` for the wizard's questions;
 * `yaml` is bundled, see bundledYaml). Code loaded with `import()` runs only
 * when loaded: a lint run never runs the wizard.
 *
 * The command line is `lib/cli.cjs`, the library `lib/index.js` (see
 * cliBuildOptions and libraryBuildOptions).
 *
 * `lib/` is committed: run `npm run bundle` after changing `src/` or `rules/`;
 * test/ci/bundle.test.ts fails while `lib/` differs from what this script
 * makes. `lib/THIRD-PARTY-LICENSES.txt` holds the licences of the bundled
 * packages, and `lib/types/` the library's type declarations.
 */
import {build, type BuildOptions, type Metafile, type Plugin} from 'esbuild'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {builtinModules} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const OUT_DIR = path.join(REPO, 'lib')
const LICENSES = 'THIRD-PARTY-LICENSES.txt'

/** `src/engine/rule-modules.ts` reads `rules/` at run time; the bundle imports every rule module instead. */
const staticRules: Plugin = {
  name: 'k8s-net-static-rules',
  setup(b) {
    b.onLoad({filter: /[\\/]src[\\/]engine[\\/]rule-modules\.ts$/}, () => {
      const files = readdirSync(path.join(REPO, 'rules'))
        .filter((f) => /^[a-z0-9]+(?:-[a-z0-9]+)*\.ts$/.test(f))
        .sort()
      const imports = files.map((f, i) => `import * as rule${i} from ${JSON.stringify(`../../rules/${f}`)}`)
      const list = files.map((f, i) => `[${JSON.stringify(f)}, rule${i}]`).join(', ')
      return {
        loader: 'ts',
        resolveDir: path.join(REPO, 'src', 'engine'),
        contents: `${imports.join('\n')}\nexport async function ruleModules(): Promise<Array<[string, unknown]>> {\n  return [${list}]\n}\n`,
      }
    })
  },
}

/**
 * `yaml` is a dependency (the wizard requires it when it reads an answers file), but a lint run that writes a
 * finding's fix as YAML imports it too: the bundles hold its ES module build (the library in a chunk of its own),
 * one file to read where node_modules/yaml is some seventy.
 */
const bundledYaml: Plugin = {
  name: 'k8s-net-bundled-yaml',
  setup(b) {
    b.onResolve({filter: /^yaml$/}, () => ({path: path.join(REPO, 'node_modules', 'yaml', 'browser', 'index.js')}))
  },
}

/**
 * Node's own modules, imported by an ES module, come with an ES module facade that Node builds by reading every
 * export of the module (and so loads what they load lazily: `node:fs` loads its streams). Required instead, as
 * the bundled CommonJS packages require them, they come as they are: the bundle imports each through a CommonJS
 * module of one line.
 */
function requiredBuiltins(kinds: ReadonlyArray<'import-statement' | 'dynamic-import'>): Plugin {
  return {
    name: 'k8s-net-required-builtins',
    setup(b) {
      b.onResolve({filter: /^(node:)?[a-z_]+(\/[a-z_]+)?$/}, (args) => {
        const name = args.path.replace(/^node:/, '')
        if (!(kinds as readonly string[]).includes(args.kind) || !builtinModules.includes(name)) return undefined
        // One such module for each importer: it then goes with its importer, not to a chunk of its own.
        return {path: `${path.relative(REPO, args.importer).split(path.sep).join('/')}: node:${name}`, namespace: 'k8s-net-builtin'}
      })
      b.onLoad({filter: /.*/, namespace: 'k8s-net-builtin'}, (args) => ({contents: `module.exports = require(${JSON.stringify(args.path.slice(args.path.lastIndexOf(' ') + 1))})`, loader: 'js'}))
    },
  }
}

/**
 * oclif sorts the commands it loads with localeCompare, and the first call of localeCompare in a process loads
 * the collation data: some 6 ms of every start, a tenth of Node's own. The commands' ids are lower-case ASCII
 * words, which code unit order sorts the same; the bundle sorts them so. The bundle fails when oclif's line is not
 * there any more, and test/ci/bundle.test.ts checks that the CLI calls localeCompare nowhere.
 */
const oclifCommandSort: Plugin = {
  name: 'k8s-net-oclif-command-sort',
  setup(b) {
    b.onLoad({filter: /[\\/]@oclif[\\/]core[\\/]lib[\\/]config[\\/]plugin\.js$/}, (args) => {
      const text = readFileSync(args.path, 'utf8')
      const sort = '.sort((a, b) => a.id.localeCompare(b.id))'
      if (!text.includes(sort)) throw new Error(`${args.path}: oclif no longer sorts its commands with \`${sort}\`: see oclifCommandSort`)
      return {contents: text.replace(sort, '.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))'), loader: 'js'}
    })
  },
}

type Options = BuildOptions & {metafile: true; write: false}

/** What the two builds share. */
function commonOptions(): Options {
  const pjson = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {dependencies?: Record<string, string>}
  return {
    absWorkingDir: REPO,
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20.19',
    // Dependencies are installed beside the package; typescript is what oclif looks for in development only.
    external: [...Object.keys(pjson.dependencies ?? {}).filter((name) => name !== 'yaml'), 'typescript'],
    minifySyntax: true,
    legalComments: 'none',
    // ASCII only (other characters as escapes): Node reads it as one-byte text, which V8 scans faster than UTF-16.
    charset: 'ascii',
    metafile: true,
    write: false,
    logLevel: 'warning',
  }
}

/** The library, `lib/index.js`, and the parsing threads' module, `lib/parse-worker.js`: ES modules, with what `import()` loads in chunks of its own (the wizard, the cluster client). */
export function libraryBuildOptions(): Options {
  return {
    ...commonOptions(),
    entryPoints: {index: 'src/index.ts', 'parse-worker': 'src/loaders/parse-worker.ts'},
    splitting: true,
    format: 'esm',
    // The bundled packages are CommonJS in part: they need a require() in an ES module.
    banner: {js: "import {createRequire as __k8sNetCreateRequire} from 'node:module';\nconst require = __k8sNetCreateRequire(import.meta.url);"},
    chunkNames: 'chunks/[name]-[hash]',
    // Whitespace and syntax only: names stay readable in a DEBUG=* trace.
    minifyWhitespace: true,
    plugins: [staticRules, bundledYaml, requiredBuiltins(['import-statement'])],
  }
}

/**
 * The command line, `lib/cli.cjs`: one CommonJS script, which bin/run.cjs compiles with a code cache (V8's
 * compiled code of the last run, kept in a folder of the system's temporary one), so that a run does not parse
 * and compile a megabyte of JavaScript again. Node compiles an ES module without one before Node 22. What the
 * commands load with `import()` is in the script too, and runs only when they load it. Whitespace is kept: a
 * comment names the source of each module, for a trace and for test/library-entry.test.ts.
 */
export function cliBuildOptions(): Options {
  return {
    ...commonOptions(),
    entryPoints: {cli: 'src/cli.ts'},
    format: 'cjs',
    outExtension: {'.js': '.cjs'},
    // src/ finds its files from import.meta.url: in a CommonJS script, the script's own URL.
    banner: {js: 'var __k8sNetImportMetaUrl = require("node:url").pathToFileURL(__filename).href;'},
    define: {'import.meta.url': '__k8sNetImportMetaUrl'},
    // A CommonJS script requires Node's modules it imports; those it loads with import() are required too: compiled
    // with a code cache on Node 20 it has no import() of its own (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING).
    plugins: [staticRules, bundledYaml, oclifCommandSort, requiredBuiltins(['dynamic-import'])],
  }
}

/** The files of `lib/`, by path relative to it, as `npm run bundle` writes them. */
export async function bundle(): Promise<Map<string, string>> {
  const results = await Promise.all([build(libraryBuildOptions()), build(cliBuildOptions())])
  const files = new Map<string, string>()
  for (const result of results) for (const file of result.outputFiles) files.set(path.relative(OUT_DIR, file.path).split(path.sep).join('/'), file.text)
  files.set(LICENSES, licenses(results.map((r) => r.metafile)))
  for (const [name, text] of await declarations()) files.set(name, text)
  return files
}

/** The library's type declarations, as tsc writes them for src/index.ts and what it imports, under types/. */
async function declarations(): Promise<Map<string, string>> {
  const ts = (await import('typescript')).default
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(REPO, 'tsconfig.build.json'), {}, {...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {}})
  if (!parsed) throw new Error('cannot read tsconfig.build.json')
  const outDir = path.join(OUT_DIR, 'types')
  const options = {...parsed.options, declaration: true, emitDeclarationOnly: true, declarationMap: false, sourceMap: false, rootDir: REPO, outDir}
  const program = ts.createProgram([path.join(REPO, 'src', 'index.ts')], options)
  const files = new Map<string, string>()
  const emitted = program.emit(undefined, (file, text) => files.set(path.relative(OUT_DIR, file).split(path.sep).join('/'), text))
  if (emitted.diagnostics.length > 0) throw new Error(ts.formatDiagnostics(emitted.diagnostics, {getCanonicalFileName: (f) => f, getCurrentDirectory: () => REPO, getNewLine: () => '\n'}))
  return files
}

/** The licence of every package in the bundles, from its folder in node_modules. */
function licenses(metafiles: readonly Metafile[]): string {
  const packages = new Map<string, string>()
  for (const input of metafiles.flatMap((m) => Object.keys(m.inputs))) {
    const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input)
    if (m) packages.set(m[2]!, path.join(REPO, m[1]!))
  }

  const sections = [...packages]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, dir]) => {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {version: string; license?: string}
      const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f))
      const text = file ? readFileSync(path.join(dir, file), 'utf8').trim() : `License: ${pkg.license ?? 'not stated'} (the package ships no licence file)`
      return `${name}@${pkg.version} (${pkg.license ?? 'no licence field'})\n\n${text}\n`
    })
  return `Packages bundled in lib/ (npm run bundle), with their licences.\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`
}

/** Replaces `lib/` with a fresh bundle. */
export async function writeBundle(): Promise<number> {
  const files = await bundle()
  if (existsSync(OUT_DIR)) rmSync(OUT_DIR, {recursive: true})
  for (const [name, text] of files) {
    const file = path.join(OUT_DIR, name)
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, text)
  }

  return files.size
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = await writeBundle()
  console.error(`lib/: ${count} files written`)
}
