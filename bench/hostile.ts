/** The hostile inputs the benchmark runs the command on, one at a time, then all together. */
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import * as inputs from '../test/hostile/inputs.js'

export interface HostileCase {
  name: string
  /** Arguments after `k8s-net lint`, relative to the folder the files are in. */
  args: string[]
}

const FIFTY_MB = 50 * 1024 * 1024

/** Writes the hostile files into `dir` and lists the runs to make. */
export function hostileInputs(dir: string): HostileCase[] {
  const write = (file: string, content: string | Buffer): string => {
    writeFileSync(path.join(dir, file), content)
    return file
  }

  // The config that raises the size limit lives beside the folder, not in it: it is not a manifest.
  writeFileSync(path.join(dir, '..', 'raised-limits.yaml'), 'limits:\n  maxFileBytes: 67108864\n')
  const raised = '../raised-limits.yaml'
  const cases: HostileCase[] = [
    {name: 'alias bomb (9 levels of 9)', args: [write('bomb.yaml', inputs.aliasBomb())]},
    {name: 'self-referencing alias', args: [write('self-alias.yaml', inputs.selfAlias)]},
    {name: 'block sequence 10,000 deep', args: [write('deep-sequence.yaml', inputs.deepBlockSequence(10_000))]},
    {name: 'flow sequence 10,000 deep', args: [write('deep-flow.yaml', inputs.deepFlow(10_000))]},
    {name: 'JSON 10,000 deep', args: [write('deep.json', inputs.deepJson(10_000))]},
    {name: 'binary file', args: [write('image.yaml', inputs.binary)]},
    {name: 'invalid UTF-8', args: [write('latin1.yaml', inputs.invalidUtf8)]},
    {name: 'Helm template', args: [write('helm.yaml', inputs.helmTemplate)]},
  ]
  const deep = write('deep-mapping-50mb.yaml', inputs.deepBlockMapping(10_000))
  cases.push(
    {name: '50 MB block mapping 10,000 deep, default limits', args: [deep]},
    {name: 'the same, limits.maxFileBytes raised to 64 MiB', args: [deep, '--config', raised]},
  )
  const services = write('services-50mb.yaml', inputs.manyServices(FIFTY_MB))
  cases.push(
    {name: '50 MB of valid Services, default limits', args: [services]},
    {name: 'the same, limits.maxFileBytes raised to 64 MiB', args: [services, '--config', raised]},
  )
  write('service.yaml', inputs.serviceWithFinding)
  cases.push({name: 'all of the above and a valid Service, in one run (default limits)', args: ['.']})
  return cases
}
