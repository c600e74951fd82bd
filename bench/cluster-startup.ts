/**
 * Cluster start-up: `k8s-net lint --cluster` against a small API server on
 * 127.0.0.1, next to `k8s-net lint` of one file, taken in turn. The server is
 * a child process (HTTPS with the test certificate) answering discovery and empty lists at once, so that the
 * figure is k8s-net's own start-up (modules, kubeconfig, requests), not the
 * server's work.
 *
 * Run alone (`node dist/bench/cluster-startup.js [bin/run.cjs]`) it prints its
 * section; bench/run.ts adds that section to bench/README.md.
 */
import {execFile, spawn} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {median} from './stats.js'

const REPO = path.resolve(import.meta.dirname, '../..')
const TARGET = 1.5
/** The test certificate of 127.0.0.1 and its CA (fixtures/cluster/tls). */
const TLS = path.join(REPO, 'fixtures/cluster/tls')

/** The API server: core v1 with the resources k8s-net lists, no API groups, every list empty. */
const SERVER = `
const https = require('node:https')
const fs = require('node:fs')
const tls = process.argv[1]
const resources = ['namespaces', 'services', 'pods'].map((name) => ({name, kind: name[0].toUpperCase() + name.slice(1, -1), namespaced: name !== 'namespaces', verbs: ['get', 'list']}))
const server = https.createServer({key: fs.readFileSync(tls + '/server.key'), cert: fs.readFileSync(tls + '/server.crt')}, (req, res) => {
  const p = new URL(req.url, 'http://x').pathname
  const body = p === '/api/v1' ? {kind: 'APIResourceList', groupVersion: 'v1', resources}
    : p === '/apis' ? {kind: 'APIGroupList', apiVersion: 'v1', groups: []}
    : {kind: 'List', apiVersion: 'v1', metadata: {resourceVersion: '1'}, items: []}
  res.writeHead(200, {'content-type': 'application/json'})
  res.end(JSON.stringify(body))
})
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'))
`

function timed(args: string[]): Promise<{ms: number; code: number; stderr: string}> {
  const start = performance.now()
  return new Promise((resolve) => {
    execFile(process.execPath, args, {cwd: REPO, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', KUBECONFIG: ''}}, (error, _stdout, stderr) => {
      resolve({ms: performance.now() - start, code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr})
    })
  })
}

/** Measures cluster start-up against linting one file with the CLI at `bin`; returns the Markdown section and the figures. */
export async function clusterStartup(bin: string, rounds = 15): Promise<{section: string; file: number; cluster: number; ratio: number}> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'k8s-net-bench-cluster-'))
  const server = spawn(process.execPath, ['-e', SERVER, TLS], {stdio: ['ignore', 'pipe', 'inherit']})
  try {
    const port = await new Promise<string>((resolve, reject) => {
      server.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))
      server.once('exit', (code) => reject(new Error(`the bench API server exited (${code})`)))
    })
    const kubeconfig = path.join(tmp, 'kubeconfig')
    writeFileSync(
      kubeconfig,
      `apiVersion: v1\nkind: Config\nclusters: [{name: bench, cluster: {server: "https://127.0.0.1:${port}", certificate-authority: "${path.join(TLS, 'ca.crt')}"}}]\nusers: [{name: bench, user: {token: bench}}]\ncontexts: [{name: bench, context: {cluster: bench, user: bench}}]\ncurrent-context: bench\n`,
    )
    const file = path.join(REPO, 'examples/shop.yaml')
    const fileArgs = [bin, 'lint', file]
    const clusterArgs = [bin, 'lint', '--cluster', '--kubeconfig', kubeconfig]
    const check = await timed(clusterArgs)
    if (check.code !== 0) throw new Error(`k8s-net lint --cluster failed (exit ${check.code}):\n${check.stderr}`)
    const times = {file: [] as number[], cluster: [] as number[]}
    for (let i = 0; i < rounds; i++) {
      times.file.push((await timed(fileArgs)).ms)
      times.cluster.push((await timed(clusterArgs)).ms)
    }

    const f = median(times.file)
    const c = median(times.cluster)
    const ratio = c / f
    const section = [
      '### Cluster start-up: `k8s-net lint --cluster` against `k8s-net lint examples/shop.yaml`',
      '',
      `| run (median of ${rounds}, taken in turn) | wall |`,
      '|---|---:|',
      `| \`lint examples/shop.yaml\` | ${f.toFixed(0)} ms |`,
      `| \`lint --cluster\` (discovery and three empty lists from a server on 127.0.0.1) | ${c.toFixed(0)} ms (${ratio.toFixed(2)}×) |`,
      '',
      `Target: cluster start-up within ${TARGET}× linting one file: ${ratio <= TARGET ? 'met' : '**not met**'}.`,
    ].join('\n')
    return {section, file: f, cluster: c, ratio}
  } finally {
    server.kill()
    rmSync(tmp, {recursive: true, force: true})
  }
}

if (process.argv[1] === import.meta.filename) {
  const bin = path.resolve(process.argv[2] ?? path.join(REPO, 'bin/run.cjs'))
  const {section} = await clusterStartup(bin)
  process.stdout.write(`${section}\n`)
}
