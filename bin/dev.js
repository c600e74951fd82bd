#!/usr/bin/env -S node --import tsx
// k8s-net from source (TypeScript through tsx), for development.
import {run} from '../src/cli.ts'

await run({development: true})
