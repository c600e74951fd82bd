// The parsing thread's TypeScript module, for tests: tsx compiles it on the way in (the built one is plain JavaScript).
import {register} from 'tsx/esm/api'

register()
await import('../../src/loaders/parse-worker.ts')
