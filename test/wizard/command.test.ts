import {runCommand} from '@oclif/test'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import Wizard from '../../src/commands/wizard.js'
import {lintFiles} from '../../src/run.js'
import {completeAnswers} from '../../src/wizard/complete.js'
import {QUESTIONS} from '../../src/wizard/questions.js'
import {generate} from '../../src/wizard/generate.js'
import {recommend} from '../../src/wizard/recommend.js'

const escape = (text: string): string => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')
const REPO = path.resolve(import.meta.dirname, '../..')
const wizard = (args: string[]) => runCommand(['wizard', ...args], {root: REPO})

const INGRESS_FLAGS = [
  '--exposure', 'external', '--protocol', 'http', '--services', '3', '--hosts', 'shop.example.com', '--paths', '/api,/web',
  '--environment', 'cloud', '--provider', 'other', '--production', '--no-gateway-api', '--name', 'api', '--namespace', 'shop', '--port', '80', '--target-port', '8080',
  '--with-deployment', '--image', 'ghcr.io/example/api:1.4.0', '--replicas', '3',
]

let dir: string
let tty: PropertyDescriptor | undefined
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'k8s-net-wizard-'))
  // Whatever runs the tests, standard input is not a terminal here: the wizard must not prompt.
  tty = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY')
  Object.defineProperty(process.stdin, 'isTTY', {value: undefined, configurable: true})
})
afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
  if (tty) Object.defineProperty(process.stdin, 'isTTY', tty)
  else delete (process.stdin as {isTTY?: boolean}).isTTY
})

describe('k8s-net wizard without a terminal', () => {
  it('exits 2 and lists the missing flags', async () => {
    const {error, stdout} = await wizard(['--exposure', 'external', '--protocol', 'udp', '--environment', 'cloud', '--production'])
    expect(error?.oclif?.exit).toBe(2)
    expect(error?.message).toBe(
      [
        'missing answers:',
        '  --provider aws|gcp|azure|other',
        '  --source-ranges CIDR,CIDR (0.0.0.0/0 for everyone)',
        '  --name NAME',
        '  --port PORT',
        'Standard input is not a terminal, so the wizard cannot ask: pass them as flags, or in a file with --answers.',
      ].join('\n'),
    )
    expect(stdout).toBe('')
  })

  it('says which answers more may depend on', async () => {
    const {error} = await wizard([])
    expect(error?.oclif?.exit).toBe(2)
    expect(error?.message).toMatch(/^missing answers:\n {2}--exposure internal\|external\|external-backend\n {2}--name NAME\nDepending on those, the wizard may also need: --protocol, --services, --environment, --production, --own-ip, --provider, --hosts, --source-ranges, --address-pool, --external-name, --port\n/)
  })

  it('asks for yes-or-no answers with both flags', async () => {
    const {error} = await wizard(['--exposure', 'external', '--protocol', 'https', '--services', '1', '--environment', 'bare-metal', '--name', 'web', '--port', '443'])
    expect(error?.message).toMatch(/^missing answers:\n {2}--production or --no-production\n/)
  })

  it('--explain needs only the answers the decision depends on, and prints no YAML', async () => {
    const {error, stdout} = await wizard(['--exposure', 'internal', '--protocol', 'grpc', '--explain'])
    expect(error).toBeUndefined()
    expect(stdout).toMatch(/^Recommendation: ClusterIP\n\nWhy:\n {2}- --exposure internal: Only workloads in the cluster call it/)
    expect(stdout).toMatch(/\n {2}- --protocol grpc: gRPC keeps long-lived HTTP\/2 connections/)
    expect(stdout).not.toMatch(/apiVersion|kind:/)
  })

  it('writes the YAML of generate() to standard output', async () => {
    const {error, stdout} = await wizard(INGRESS_FLAGS)
    expect(error).toBeUndefined()
    const answers = completeAnswers(
      {exposure: 'external', protocol: 'http', services: 3, hosts: ['shop.example.com'], paths: ['/api', '/web'], environment: 'cloud', provider: 'other', production: true, gatewayApi: false, name: 'api', namespace: 'shop', port: 80, targetPort: 8080, withDeployment: true, image: 'ghcr.io/example/api:1.4.0', replicas: 3},
      'manifest',
    )
    expect(stdout).toBe(generate(answers, recommend(answers)))
  })

  it('warns about answers that do not apply', async () => {
    const {error, stderr, stdout} = await wizard(['--exposure', 'internal', '--protocol', 'tcp', '--name', 'db', '--port', '5432', '--hosts', 'db.example.com', '--production'])
    expect(error).toBeUndefined()
    expect(stderr).toMatch(/not used with these answers: --production, --hosts/)
    expect(stdout).toMatch(/type: ClusterIP/)
  })

  it('refuses a flag value outside its choices', async () => {
    const {error} = await wizard(['--protocol', 'sctp'])
    expect(error?.oclif?.exit).toBe(2)
    expect(error?.message).toMatch(/Expected --protocol=sctp to be one of: http, https, grpc, tcp, udp/)
  })

  it('refuses answers that contradict each other', async () => {
    const {error} = await wizard([...INGRESS_FLAGS.slice(0, -1), '1'])
    expect(error?.oclif?.exit).toBe(2)
    expect(error?.message).toMatch(/^--replicas: one replica for a production service reached from outside the cluster/)
  })
})

describe('k8s-net wizard --answers', () => {
  it('reads the answers, flags winning over the file', async () => {
    const file = path.join(dir, 'answers.yaml')
    writeFileSync(file, 'exposure: external\nprotocol: tcp\nenvironment: bare-metal\nproduction: true\nsource-ranges: [10.0.0.0/8]\naddress-pool:\n  - 192.168.1.240/28\nname: broker\nport: 1883\n')
    const {error, stdout} = await wizard(['--answers', file, '--name', 'mqtt'])
    expect(error).toBeUndefined()
    expect(stdout).toMatch(/^# Generated by k8s-net wizard: LoadBalancer with MetalLB for mqtt in namespace default\./)
    expect(stdout).toMatch(/loadBalancerSourceRanges:\n {4}- 10\.0\.0\.0\/8/)
  })

  it('names the key and its line when a value is wrong', async () => {
    const file = path.join(dir, 'bad.yaml')
    // Line 3 holds the port.
    writeFileSync(file, 'exposure: internal\nprotocol: tcp\nport: eighty\nname: Db\n')
    const {error} = await wizard(['--answers', file])
    expect(error?.oclif?.exit).toBe(2)
    expect(error?.message).toBe(
      `2 problems with the answers:\n  ${file}:3: port: expected a port number from 1 to 65535, got "eighty"\n  ${file}:4: name: the name becomes a Service name: lowercase letters, digits and '-', starting with a letter, at most 63 characters: "Db"`,
    )
  })

  it('names an unknown key', async () => {
    const file = path.join(dir, 'unknown.yaml')
    writeFileSync(file, 'exposure: internal\ntargetPort: 8080\n')
    const {error} = await wizard(['--answers', file])
    expect(error?.oclif?.exit).toBe(2)
    expect(error?.message).toMatch(new RegExp(`^${escape(file)}:2: unknown key "targetPort"; the keys are the flags' names: exposure, protocol, .*target-port`))
  })

  it('says where the YAML breaks', async () => {
    const file = path.join(dir, 'broken.yaml')
    writeFileSync(file, 'exposure: internal\nprotocol: [tcp\n')
    const {error} = await wizard(['--answers', file])
    expect(error?.oclif?.exit).toBe(2)
    expect(error?.message).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+: not valid YAML: `))
  })

  it('names the file and line of an alias that has no anchor (exit 2)', async () => {
    const file = path.join(dir, 'undefined-alias.yaml')
    writeFileSync(file, 'exposure: internal\nprotocol: tcp\nname: *nope\nport: 5432\n')
    const {error} = await wizard(['--answers', file])
    expect(error?.oclif?.exit).toBe(2)
    expect(error?.message).toBe(`${file}:3:7: not valid YAML: the alias *nope has no anchor &nope before it`)
  })

  it('refuses an alias bomb with the file and line (exit 2)', async () => {
    const file = path.join(dir, 'alias-bomb.yaml')
    // Each line multiplies the one before by ten: source-ranges (line 4) expands to a thousand values.
    const rows = ['exposure: internal', `hosts: &a [${Array(10).fill('x').join(', ')}]`]
    for (const [key, anchor, previous] of [['paths', 'b', 'a'], ['source-ranges', 'c', 'b'], ['address-pool', 'd', 'c']]) rows.push(`${key}: &${anchor} [${Array(10).fill(`*${previous}`).join(', ')}]`)
    rows.push(`name: [${Array(10).fill('*d').join(', ')}]`)
    writeFileSync(file, `${rows.join('\n')}\n`)
    const {error} = await wizard(['--answers', file])
    expect(error?.oclif?.exit).toBe(2)
    expect(error?.message).toBe(`${file}:4:19: not valid YAML: too many aliases in source-ranges (more than 100 expanded): refused, as an alias bomb would be`)
  })

  it('says when the file is missing', async () => {
    const {error} = await wizard(['--answers', path.join(dir, 'absent.yaml')])
    expect(error?.oclif?.exit).toBe(2)
    expect(error?.message).toBe(`${path.join(dir, 'absent.yaml')}: no such file`)
  })
})

describe('k8s-net wizard --out', () => {
  it('writes the file, which lints clean', async () => {
    const file = path.join(dir, 'api.yaml')
    const {error, stderr, stdout} = await wizard([...INGRESS_FLAGS, '--out', file])
    expect(error).toBeUndefined()
    expect(stdout).toBe('')
    expect(stderr).toBe(`Wrote Ingress manifests for api to ${file}\n`)
    const {result} = await lintFiles([file])
    expect(result.findings).toEqual([])
    expect(result.objects).toBe(5)
  })

  it('refuses to overwrite an existing file without --force, and leaves it alone', async () => {
    const file = path.join(dir, 'existing.yaml')
    writeFileSync(file, 'keep me\n')
    const {error} = await wizard([...INGRESS_FLAGS, '--out', file])
    expect(error?.oclif?.exit).toBe(2)
    expect(error?.message).toBe(`${file} exists: pass --force to overwrite it`)
    expect(readFileSync(file, 'utf8')).toBe('keep me\n')
  })

  it('refuses before asking anything', async () => {
    const file = path.join(dir, 'existing-too.yaml')
    writeFileSync(file, 'keep me\n')
    const {error} = await wizard(['--out', file])
    expect(error?.message).toBe(`${file} exists: pass --force to overwrite it`)
  })

  it('refuses a path under a file before asking anything (exit 2)', async () => {
    const file = path.join(dir, 'plain-file.yaml')
    writeFileSync(file, 'keep me\n')
    for (const args of [[...INGRESS_FLAGS, '--no-gateway-api'], []]) {
      const {error} = await wizard([...args, '--out', path.join(file, 'x.yaml')])
      expect(error?.oclif?.exit).toBe(2)
      expect(error?.message).toBe(`cannot write ${path.join(file, 'x.yaml')}: ${file} is a file, not a folder`)
    }

    expect(readFileSync(file, 'utf8')).toBe('keep me\n')
  })

  it('refuses a folder as the output file (exit 2)', async () => {
    const {error} = await wizard([...INGRESS_FLAGS, '--out', dir, '--force'])
    expect(error?.oclif?.exit).toBe(2)
    expect(error?.message).toBe(`cannot write ${dir}: it is a folder`)
  })

  it('writes nothing for a port-forward: it prints the command to run', async () => {
    const file = path.join(dir, 'port-forward.yaml')
    const {error, stdout, stderr} = await wizard(['--exposure', 'external', '--protocol', 'http', '--clients', 'me', '--name', 'web', '--port', '8080', '--target-port', '80', '--out', file])
    expect(error).toBeUndefined()
    expect(stdout).toMatch(/^# +kubectl port-forward --namespace default deployment\/web 8080:80$/m)
    expect(stderr).toBe(`Nothing written to ${file}: kubectl port-forward needs no manifest.\n`)
    expect(existsSync(file)).toBe(false)
  })

  it('overwrites with --force', async () => {
    const file = path.join(dir, 'forced.yaml')
    writeFileSync(file, 'old\n')
    const {error} = await wizard([...INGRESS_FLAGS, '--out', file, '--force'])
    expect(error).toBeUndefined()
    expect(readFileSync(file, 'utf8')).toMatch(/^# Generated by k8s-net wizard: Ingress for api in namespace shop\./)
  })
})

it('has a flag for every question', () => {
  expect(QUESTIONS.map((q) => q.flag).filter((flag) => !(flag in Wizard.flags))).toEqual([])
})
