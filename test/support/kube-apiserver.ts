/**
 * The real Kubernetes API server of ../shared/kube (kube-apiserver and etcd on
 * 127.0.0.1), started for one test file with its own KAPI_HOME, free ports
 * between 20000 and 29999, and the audit log on (KAPI_AUDIT=1): every request
 * it received, with verb, URI and user, is the evidence of what k8s-net asked.
 *
 * Where ../shared/kube is absent (a user's own clone), `KUBE` is undefined and
 * the tests that need it skip, saying why.
 */
import {execFile, spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {REPO} from './rule-tester.js'

/** ../shared/kube beside the repository (K8S_NET_SHARED to point elsewhere), when it is there with what start.sh needs. */
export const KUBE: string | undefined = (() => {
  const dir = [process.env.K8S_NET_SHARED, path.resolve(REPO, '../shared'), '/work/shared']
    .filter((d): d is string => d !== undefined && d !== '')
    .map((d) => path.join(d, 'kube'))
    .find((d) => existsSync(path.join(d, 'start.sh')) && existsSync(path.join(d, 'bin', 'kube-apiserver')))
  if (!dir) return undefined
  const tools = ['kubectl', 'openssl', 'curl'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0)
  return tools ? dir : undefined
})()

export const KUBE_MISSING = 'skipped: the real API server (../shared/kube, with kubectl, openssl and curl on PATH) is not present'

export interface AuditEvent {
  verb: string
  requestURI: string
  user: {username: string}
  objectRef?: {resource?: string; namespace?: string; apiGroup?: string}
  responseStatus?: {code?: number}
  stage: string
}

export interface RealApiServer {
  server: string
  home: string
  kubeconfigs: {admin: string; readonly: string; nsreader: string; all: string}
  /** Runs kubectl as admin (or with the kubeconfig given), with standard input if given. */
  kubectl(args: string[], options?: {input?: string; kubeconfig?: string}): Promise<string>
  /** Every request the server received so far, once each (the final stage of each). */
  audit(): AuditEvent[]
  stop(): Promise<void>
}

/** A port between 20000 and 29999 that nothing listens on now. */
async function freePort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000)
    if (taken.has(port)) continue
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer()
      probe.once('error', () => resolve(false))
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
    })
    if (free) {
      taken.add(port)
      return port
    }
  }
}

function run(command: string, args: string[], options: {env?: NodeJS.ProcessEnv; input?: string; timeoutMs: number}): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {env: {...process.env, ...options.env}, stdio: ['pipe', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    // Only a hang trips this: start.sh itself gives up long before.
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code: code ?? -1, stdout, stderr})
    })
    child.stdin.end(options.input ?? '')
  })
}

/** Starts the server (about 10 to 30 s); tries new ports once if the first ones were taken meanwhile. */
export async function startKube(): Promise<RealApiServer> {
  if (!KUBE) throw new Error(KUBE_MISSING)
  const kube = KUBE
  const home = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-kapi-'))
  const taken = new Set<number>()
  let started: {code: number; stdout: string; stderr: string} | undefined
  for (let attempt = 0; attempt < 2; attempt++) {
    const env = {
      KAPI_HOME: home,
      KAPI_PORT: String(await freePort(taken)),
      KAPI_ETCD_PORT: String(await freePort(taken)),
      KAPI_ETCD_PEER_PORT: String(await freePort(taken)),
      KAPI_AUDIT: '1',
      KAPI_READY_TIMEOUT: '240',
    }
    started = await run('bash', [path.join(kube, 'start.sh')], {env, timeoutMs: 300_000})
    if (started.code === 0 || !/already in use/.test(started.stderr)) break
  }

  if (!started || started.code !== 0) {
    await run('bash', [path.join(kube, 'stop.sh'), '--purge'], {env: {KAPI_HOME: home}, timeoutMs: 60_000})
    rmSync(home, {recursive: true, force: true})
    throw new Error(`../shared/kube/start.sh failed:\n${started?.stderr.slice(-3000)}`)
  }

  const values = Object.fromEntries(
    started.stdout
      .split('\n')
      .map((line) => /^([A-Z_]+)=(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  )
  const server = /kube-apiserver: (https:\/\/\S+)/.exec(started.stdout)?.[1] ?? ''
  const kubeconfigs = {admin: values.ADMIN_KUBECONFIG!, readonly: values.READONLY_KUBECONFIG!, nsreader: values.NSREADER_KUBECONFIG!, all: values.ALL_CONTEXTS_KUBECONFIG!}
  const audit = path.join(home, 'run', 'logs', 'audit.log')
  return {
    server,
    home,
    kubeconfigs,
    kubectl: (args, options = {}) =>
      new Promise((resolve, reject) => {
        const child = execFile(
          'kubectl',
          ['--kubeconfig', options.kubeconfig ?? kubeconfigs.admin, '--cache-dir', path.join(home, 'kubectl-cache'), '--request-timeout', '60s', ...args],
          {encoding: 'utf8', env: {...process.env, HOME: home, KUBECONFIG: ''}, timeout: 180_000, maxBuffer: 64 * 1024 * 1024},
          (error, stdout, stderr) => (error ? reject(new Error(`kubectl ${args.join(' ')} failed: ${stderr || error.message}`)) : resolve(stdout)),
        )
        child.stdin?.end(options.input ?? '')
      }),
    audit: () => {
      if (!existsSync(audit)) return []
      const events = readFileSync(audit, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as AuditEvent & {auditID: string})
      // One event per request and stage: keep the last stage of each.
      return [...new Map(events.map((e) => [e.auditID, e])).values()]
    },
    stop: async () => {
      await run('bash', [path.join(kube, 'stop.sh'), '--purge'], {env: {KAPI_HOME: home}, timeoutMs: 60_000})
      rmSync(home, {recursive: true, force: true})
    },
  }
}
