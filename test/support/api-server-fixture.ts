/** The test API server for the tests of one file: started before them, closed after, with a scratch folder removed after too. */
import {mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll} from 'vitest'
import {type FakeApiServer, type FakeApiServerOptions, startFakeApiServer} from './fake-apiserver.js'

export interface ApiServerFixture {
  /** The running server (from the first test on). */
  readonly server: FakeApiServer
  /** A scratch folder for kubeconfigs and homes. */
  readonly tmp: string
}

export function apiServerForTests(options: FakeApiServerOptions, prefix: string): ApiServerFixture {
  const tmp = mkdtempSync(path.join(os.tmpdir(), prefix))
  let server: FakeApiServer | undefined
  beforeAll(async () => {
    server = await startFakeApiServer(options)
  })
  afterAll(async () => {
    await server?.close()
    rmSync(tmp, {recursive: true, force: true})
  })
  return {
    get server(): FakeApiServer {
      if (!server) throw new Error('the test API server starts before the first test')
      return server
    },
    tmp,
  }
}
