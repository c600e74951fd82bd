#!/usr/bin/env node
import {existsSync} from 'node:fs'
import module from 'node:module'

// Node 22.1 and later can keep compiled code between runs: turn that on before the CLI loads. Node 20 has no such cache.
module.enableCompileCache?.()

// Installed, k8s-net runs the bundle in lib/ (npm run bundle), which needs no build. A clone that was built
// (npm run compile, as npm test does) runs its build in dist/ instead: what src/ holds now, bundled or not.
const built = new URL('../dist/src/cli.js', import.meta.url)
const {run} = await import(existsSync(built) ? built.href : '../lib/cli.js')
await run()
