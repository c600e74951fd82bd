/**
 * The layers of k8s-net (docs/architecture.md draws them): a folder imports
 * only the folders listed for it, which sit below it, and no two modules
 * import each other, directly or round about. Type-only imports count.
 *
 *   npx depcruise src rules --config .dependency-cruiser.cjs
 *
 * test/architecture.test.ts runs the same check in `npm test`.
 */
const layer = (from, to) => ({from: {path: from}, to: {path: to}})
const EXTERNAL = ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown']

/** Each folder (or file) of src/ and rules/, with what it may import besides itself and external packages. */
const LAYERS = {
  '^src/util/': [],
  '^src/engine/': ['^src/util/'],
  '^src/k8s/': ['^src/engine/', '^src/util/'],
  '^src/exposure/': ['^src/k8s/', '^src/engine/', '^src/util/'],
  '^rules/': ['^src/exposure/', '^src/k8s/', '^src/engine/', '^src/util/'],
  '^src/loaders/': ['^src/engine/', '^src/util/'],
  '^src/formatters/': ['^src/engine/', '^src/util/'],
  '^src/wizard/': ['^src/engine/', '^src/util/'],
  '^src/config/': ['^src/loaders/', '^src/engine/', '^src/util/'],
  '^src/cluster/': ['^src/loaders/', '^src/engine/', '^src/util/'],
  '^src/docs/': ['^src/config/', '^src/loaders/', '^src/engine/', '^src/util/'],
  '^src/init/': ['^src/config/', '^src/loaders/', '^src/engine/', '^src/util/'],
  '^src/run\\.ts$': ['^src/cluster/', '^src/config/', '^src/loaders/', '^src/exposure/', '^src/engine/', '^src/util/'],
  '^src/index\\.ts$': ['^src/run\\.ts$', '^src/formatters/', '^src/cluster/', '^src/config/', '^src/loaders/', '^src/wizard/', '^src/exposure/', '^src/k8s/', '^src/engine/', '^src/util/'],
  '^src/cli\\.ts$': ['^src/commands/', '^src/util/'],
  '^src/commands/': [
    '^src/run\\.ts$',
    '^src/init/',
    '^src/docs/',
    '^src/wizard/',
    '^src/formatters/',
    '^src/cluster/',
    '^src/config/',
    '^src/loaders/',
    '^src/exposure/',
    '^src/engine/',
    '^src/util/',
  ],
}

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'No two modules import each other, directly or through others.',
      severity: 'error',
      from: {},
      to: {circular: true},
    },
  ],
  allowed: [
    {from: {}, to: {dependencyTypes: EXTERNAL}},
    // Within a folder, modules import each other freely (cycles aside).
    {from: {path: '^(src/[^/]+|rules)/'}, to: {path: '^$1/'}},
    ...Object.entries(LAYERS).flatMap(([from, to]) => to.map((t) => layer(from, t))),
  ],
  allowedSeverity: 'error',
  options: {
    doNotFollow: {path: 'node_modules'},
    exclude: {path: ['^dist/', '^node_modules/']},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    enhancedResolveOptions: {extensions: ['.ts', '.js', '.d.ts'], exportsFields: ['exports'], conditionNames: ['types', 'import', 'node', 'default']},
  },
}
