#!/usr/bin/env node
import module from 'node:module'

// Node 22.1 and later can keep compiled code between runs, and most of the start-up is compiling oclif: turn that on
// before oclif loads. Node 20 has no such cache.
module.enableCompileCache?.()
const {execute} = await import('@oclif/core')

await execute({dir: import.meta.url})
